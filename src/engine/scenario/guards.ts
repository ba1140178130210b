// Guards against hostile or broken input, before and while the YAML library builds the tree:
// size, line ends, nesting, collection sizes, aliases and keys that could pollute prototypes.
// Each walk is iterative, so no input can exhaust the stack.
import { isAlias, isMap, isScalar, isSeq, type CST, type Document, type Node as YamlNode, type Pair } from 'yaml';
import { keyName, type Reporter } from './locate';
import type { PathSeg } from './problem';
import { MAX_SCENARIO_BYTES } from './limits';

export { MAX_SCENARIO_BYTES };
export const MAX_NESTING = 32;
/** Scenarios hardly need aliases; a few are allowed for shared profiles, expansions included. */
export const MAX_ALIAS_USES = 32;
/**
 * The YAML library checks a mapping's keys for duplicates pair by pair, so a mapping of 60,000
 * keys takes a minute; scenario mappings have a few dozen keys at most.
 */
export const MAX_MAPPING_KEYS = 256;
/** The longest list a scenario has is a policy's 365 turns. */
export const MAX_LIST_ITEMS = 1000;
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** The UTF-8 size of a text, counted only up to just past `limit`. */
export function utf8Length(text: string, limit: number): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * The offset of the first carriage return that is not followed by a line feed, if any. The
 * YAML library does not take a bare CR as a line end, while editors do, so every line and
 * column after one would be wrong: such files are refused with a plain reason instead.
 */
export function bareCarriageReturn(text: string): number | undefined {
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) {
    if (text[i + 1] !== '\n') return i;
  }
  return undefined;
}

interface Unclosed {
  offset: number;
  bracket: '[' | '{';
}

export type ShapeProblem =
  | { offset: number; code: 'tooDeep'; max: number }
  | { offset: number; code: 'mappingTooLarge' | 'listTooLong'; count: number; max: number };

/**
 * Walks the tokens without recursion for the first collection nested deeper than MAX_NESTING
 * or holding too many entries, and notes the brackets never closed (to name them in errors).
 */
export function tokenShape(tokens: CST.Token[]): { problem?: ShapeProblem; unclosed: Unclosed[] } {
  const unclosed: Unclosed[] = [];
  const stack: Array<{ token: CST.Token | undefined; depth: number }> = tokens.map((token) => ({ token, depth: 0 }));
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    if (!token) continue;
    switch (token.type) {
      case 'document':
        stack.push({ token: token.value, depth });
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        if (depth + 1 > MAX_NESTING) return { problem: { offset: token.offset, code: 'tooDeep', max: MAX_NESTING }, unclosed };
        const mapping = token.type === 'block-map' || (token.type === 'flow-collection' && token.start.source === '{');
        if (mapping && token.items.length > MAX_MAPPING_KEYS) {
          return { problem: { offset: token.offset, code: 'mappingTooLarge', count: token.items.length, max: MAX_MAPPING_KEYS }, unclosed };
        }
        if (!mapping && token.items.length > MAX_LIST_ITEMS) {
          return { problem: { offset: token.offset, code: 'listTooLong', count: token.items.length, max: MAX_LIST_ITEMS }, unclosed };
        }
        if (token.type === 'flow-collection') {
          const bracket = token.start.source === '{' ? '{' : '[';
          const closer = bracket === '{' ? 'flow-map-end' : 'flow-seq-end';
          if (!token.end.some((t) => t.type === closer)) unclosed.push({ offset: token.offset, bracket });
        }
        for (const item of token.items) {
          if ('key' in item) stack.push({ token: item.key ?? undefined, depth: depth + 1 });
          stack.push({ token: item.value, depth: depth + 1 });
        }
        break;
      }
      default:
        break;
    }
  }
  return { unclosed };
}

/**
 * Walks the composed tree without recursion, following aliases: refuses keys that could
 * pollute prototypes, keys that are not plain names, aliases that are unknown, cyclic or too
 * many, and nesting deeper than MAX_NESTING once aliases are expanded.
 */
export function checkTree(doc: Document, root: YamlNode, report: Reporter): void {
  interface Via {
    offset: number | undefined;
    path: PathSeg[];
    name: string;
  }
  interface Item {
    node: unknown;
    depth: number;
    path: PathSeg[];
    /** Set inside an alias's expansion: the alias as written, which problems point at. */
    via?: Via;
  }
  const stack: Item[] = [{ node: root, depth: 0, path: [] }];
  let aliasUses = 0;
  while (stack.length > 0) {
    const { node, depth, path, via } = stack.pop()!;
    if (isAlias(node)) {
      aliasUses++;
      const here: Via = via ?? { offset: node.range?.[0], path, name: node.source };
      if (aliasUses > MAX_ALIAS_USES) {
        report.at(here.offset, here.path, 'aliasTooMany', { alias: here.name, max: MAX_ALIAS_USES });
        return;
      }
      const target = node.resolve(doc);
      if (!target) {
        report.at(here.offset, here.path, 'aliasUnknown', { alias: node.source });
        return;
      }
      const t = target.range;
      const offset = node.range?.[0];
      if (t && offset !== undefined && offset >= t[0] && offset < t[2]) {
        report.at(here.offset, here.path, 'aliasCycle', { alias: node.source });
        return;
      }
      stack.push({ node: target, depth, path, via: here });
      continue;
    }
    if ((isMap(node) || isSeq(node)) && depth + 1 > MAX_NESTING) {
      if (via) report.at(via.offset, via.path, 'tooDeepAlias', { max: MAX_NESTING, alias: via.name });
      else report.at(node.range?.[0], path, 'tooDeep', { max: MAX_NESTING });
      return;
    }
    // Children are pushed last-first so that they pop in document order.
    if (isMap(node)) {
      for (const pair of [...(node.items as Pair[])].reverse()) {
        const key = pair.key as YamlNode | null;
        // Inside an expansion the anchor's own text was already checked where it is written.
        if (!via) {
          if (key !== null && !isScalar(key)) {
            report.at(key.range?.[0], path, 'keyNotPlain');
            continue;
          }
          const name = key === null ? '' : String(key.value);
          if (FORBIDDEN_KEYS.has(name)) {
            const policyName = path.length === 1 && path[0] === 'policies';
            report.at(key?.range?.[0], [...path, name], policyName ? 'policyNameForbidden' : 'keyForbidden', { key: name });
            continue;
          }
        }
        stack.push({ node: pair.value, depth: depth + 1, path: [...path, keyName(key)], via });
      }
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i], depth: depth + 1, path: [...path, i], via });
    }
  }
}
