// Reads a scenario file (YAML or JSON) into a valid `Scenario`, or into a list of problems that
// each point at a line and column and say how to fix them. Untrusted input: this never throws,
// and it refuses inputs built to exhaust memory or the stack before the YAML library builds them.
// Pure: it runs in the browser and in Node alike (no node:*, no DOM, no clock).
import {
  Composer,
  LineCounter,
  Parser,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  type CST,
  type Document,
  type Node as YamlNode,
  type Pair,
} from 'yaml';
import type { z } from 'zod';
import { FEATURE_KEYS, PRESET_IDS, isPresetId } from '../rules/features';
import { resolveFeatures } from '../rules/resolve';
import { migrateScenario } from './migrate';
import { SCENARIO_FORMAT_VERSION, Scenario } from './schema';

export interface ScenarioProblem {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units as editors count them. */
  column: number;
  /** Field path such as `states[2].profile.riskTolerance`; empty when the problem is the file. */
  path: string;
  /** Names the field and says how to fix it. */
  message: string;
}

export type ParseScenarioResult = { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };

export const MAX_SCENARIO_BYTES = 1_000_000;
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
/** More problems than this are noise: the rest are counted, not listed. */
export const MAX_PROBLEMS = 100;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/**
 * The player policies built into the simulator (src/sim/policies.ts, POLICY_NAMES; a test keeps
 * the two lists equal). They are looked up before a scenario's own, so a scripted policy with
 * one of these names could never be played. The engine may not import the simulator.
 */
export const BUILT_IN_POLICIES = ['passive', 'hawk', 'dove', 'consult-first', 'random', 'scripted'] as const;

export function formatProblem(p: ScenarioProblem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.message}`;
}

type PathSeg = string | number;

export function formatPath(path: readonly PathSeg[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

export function parseScenario(text: string, fileName: string): ParseScenarioResult {
  try {
    return parseUnsafe(text, fileName);
  } catch (error) {
    // A bug of ours or of a library must still come out as a problem, not a crash.
    const why = error instanceof Error ? error.message : String(error);
    return fail([{ file: fileName, line: 1, column: 1, path: '', message: `could not read the file (${why}); please report this as a bug` }]);
  }
}

function fail(problems: ScenarioProblem[]): ParseScenarioResult {
  // Stable sort: file order, then the order the checks found them. One problem is one output
  // line, whatever a library's message holds.
  const sorted = problems
    .map((p) => ({ ...p, message: p.message.replace(/\s*[\r\n]+\s*/g, ' ') }))
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.line - b.p.line || a.p.column - b.p.column || a.i - b.i)
    .map(({ p }) => p);
  // Some checks can meet the same spot twice (an alias expanded in two places).
  const seen = new Set<string>();
  const unique: ScenarioProblem[] = [];
  for (const p of sorted) {
    const line = formatProblem(p);
    if (!seen.has(line)) unique.push(p);
    seen.add(line);
  }
  if (unique.length <= MAX_PROBLEMS) return { ok: false, problems: unique };
  const next = unique[MAX_PROBLEMS]!;
  const more = unique.length - MAX_PROBLEMS;
  const rest: ScenarioProblem = { ...next, path: '', message: `and ${more} more problem${more === 1 ? '' : 's'} from here on; fix those above and validate again` };
  return { ok: false, problems: [...unique.slice(0, MAX_PROBLEMS), rest] };
}

function utf8Length(text: string, limit: number): number {
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

/** Everything the later steps need to turn offsets and paths into problems. */
class Reporter {
  readonly problems: ScenarioProblem[] = [];
  constructor(
    readonly file: string,
    readonly lines: LineCounter,
  ) {}

  at(offset: number | undefined, path: readonly PathSeg[], message: string): void {
    const { line, col } = offset === undefined || offset < 0 ? { line: 1, col: 1 } : this.lines.linePos(offset);
    const p = formatPath(path);
    this.problems.push({
      file: this.file,
      line: Math.max(1, line),
      column: Math.max(1, col),
      path: p,
      message: p === '' ? message : `${p}: ${message}`,
    });
  }
}

function parseUnsafe(text: string, file: string): ParseScenarioResult {
  // Problems with the file as a whole point at its start.
  const whole = (message: string): ParseScenarioResult => fail([{ file, line: 1, column: 1, path: '', message }]);

  // Cheap checks first: size bounds everything the parser does after.
  if (text.length > MAX_SCENARIO_BYTES || utf8Length(text, MAX_SCENARIO_BYTES) > MAX_SCENARIO_BYTES) {
    return whole(`the file is larger than 1,000,000 bytes (1 MB); a scenario is far smaller, so split it or remove what does not belong`);
  }
  // Editors do not count a byte-order mark as a column.
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '') return whole(EMPTY);
  const lines = new LineCounter();
  const report = new Reporter(file, lines);

  // The parser builds a token tree with its own stack, but the composer after it recurses and
  // checks keys pair by pair: deep nesting and huge collections are refused here, on the
  // tokens, before they can exhaust the stack or the clock.
  const tokens = Array.from(new Parser(lines.addNewLine).parse(text));
  const shape = tokenShape(tokens);
  if (shape.problem) {
    report.at(shape.problem.offset, [], shape.problem.message);
    return fail(report.problems);
  }

  const composer = new Composer({ prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  const docs = Array.from(composer.compose(tokens, true, text.length));
  const doc = docs[0];
  if (!doc) return whole(EMPTY);
  const second = docs[1];
  if (second) {
    report.at(second.range[0], [], 'the file holds more than one YAML document (a `---` line); a scenario file holds one');
  }
  // Errors come in text order and only the first MAX_PROBLEMS are shown: skip placing the rest.
  for (const error of doc.errors.slice(0, MAX_PROBLEMS + 1)) syntaxProblem(doc, text, error, shape.unclosed, report);
  if (report.problems.length > 0) return fail(report.problems);

  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return whole(EMPTY);
  if (!isMap(root)) {
    const got = isSeq(root) ? 'a list' : isScalar(root) ? `a single value (${describeValue(root.value)})` : 'an alias';
    report.at(root.range?.[0], [], `the top level must be a mapping of fields (\`formatVersion: ${SCENARIO_FORMAT_VERSION}\`, \`id: ...\`, ...), not ${got}`);
    return fail(report.problems);
  }

  checkTree(doc, root, report);
  if (report.problems.length > 0) return fail(report.problems);

  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return whole(`the YAML aliases expand too far (${why}); write the values out instead of using aliases`);
  }
  // An older file is read as the current format. Migration changes no field the author wrote
  // other than `formatVersion`, so the paths of the problems below still point into the text.
  const data = migrateScenario(raw).value;

  const parsed = Scenario.safeParse(data);
  if (!parsed.success) {
    // A value of the wrong type may also fail a size check meant for the right type (a text
    // where a list of two is wanted is "too long"): the type is the problem to report.
    const wrongType = new Set(parsed.error.issues.filter((i) => i.code === 'invalid_type').map((i) => JSON.stringify(i.path)));
    const issues = parsed.error.issues.filter(
      (i) => !((i.code === 'too_small' || i.code === 'too_big') && wrongType.has(JSON.stringify(i.path))),
    );
    for (const issue of issues) schemaProblem(doc, data, issue, report);
    return fail(report.problems);
  }
  crossCheck(doc, parsed.data, report);
  if (report.problems.length > 0) return fail(report.problems);
  return { ok: true, scenario: parsed.data };
}

const EMPTY = `the file is empty; a scenario is a mapping that starts with \`formatVersion: ${SCENARIO_FORMAT_VERSION}\``;

function tooDeep(): string {
  return `nesting is deeper than ${MAX_NESTING} levels; a scenario needs far fewer, so check the brackets and indentation here`;
}

interface Unclosed {
  offset: number;
  bracket: '[' | '{';
}

/**
 * Walks the tokens without recursion for the first collection nested deeper than MAX_NESTING
 * or holding too many entries, and notes the brackets never closed (to name them in errors).
 */
function tokenShape(tokens: CST.Token[]): { problem?: { offset: number; message: string }; unclosed: Unclosed[] } {
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
        if (depth + 1 > MAX_NESTING) return { problem: { offset: token.offset, message: tooDeep() }, unclosed };
        const mapping = token.type === 'block-map' || (token.type === 'flow-collection' && token.start.source === '{');
        if (mapping && token.items.length > MAX_MAPPING_KEYS) {
          const message = `a mapping has ${token.items.length} keys; at most ${MAX_MAPPING_KEYS} are allowed, and a scenario needs far fewer`;
          return { problem: { offset: token.offset, message }, unclosed };
        }
        if (!mapping && token.items.length > MAX_LIST_ITEMS) {
          const message = `a list has ${token.items.length} entries; at most ${MAX_LIST_ITEMS} are allowed, and a scenario needs far fewer`;
          return { problem: { offset: token.offset, message }, unclosed };
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

function syntaxProblem(
  doc: Document,
  text: string,
  error: { code: string; message: string; pos: [number, number] },
  unclosed: readonly Unclosed[],
  report: Reporter,
): void {
  const offset = error.pos[0];
  if (error.code === 'DUPLICATE_KEY') {
    const path = pathAtOffset(doc, offset);
    const key = path.length > 0 ? String(path[path.length - 1]) : text.slice(error.pos[0], error.pos[1]);
    report.at(offset, path, `duplicate key ${JSON.stringify(key)}: a key may appear only once in a mapping; remove or rename one of them`);
    return;
  }
  if (error.code === 'RESOURCE_EXHAUSTION') {
    report.at(offset, [], tooDeep());
    return;
  }
  // No field path here: where the text is broken, the path the parser guessed misleads more
  // than it helps. The library's own words are precise; we add what to look at.
  const what = error.message.replace(/\s+/g, ' ').trim();
  // The parser notices a missing bracket where the text goes on without it; name the opener.
  const kind = /^Flow (sequence|map)\b.*end with/.exec(what)?.[1];
  const bracket = kind === 'map' ? '{' : kind === 'sequence' ? '[' : undefined;
  const opener = bracket && [...unclosed].reverse().find((u) => u.bracket === bracket && u.offset < offset);
  let where = '';
  if (opener) {
    const { line, col } = report.lines.linePos(opener.offset);
    where = ` (the "${bracket}" at line ${line}, column ${col} is not closed)`;
  }
  report.at(offset, [], `YAML syntax error: ${what}${where}; check the indentation, brackets and quotes here`);
}

/** The field path of the deepest node whose source range holds `offset` (best effort). */
function pathAtOffset(doc: Document, offset: number): PathSeg[] {
  let node: unknown = doc.contents;
  const path: PathSeg[] = [];
  for (let guard = 0; guard <= MAX_NESTING + 1; guard++) {
    let next: { seg: PathSeg; node: unknown } | undefined;
    if (isMap(node)) {
      for (const pair of node.items as Pair[]) {
        const k = pair.key as YamlNode | null;
        const v = pair.value as YamlNode | null;
        const start = k?.range?.[0] ?? v?.range?.[0];
        const end = v?.range?.[2] ?? k?.range?.[2];
        if (start !== undefined && end !== undefined && offset >= start && offset < end) {
          next = { seg: keyName(k), node: v };
        }
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const r = (item as YamlNode | null)?.range;
        if (r && offset >= r[0] && offset < r[2]) next = { seg: i, node: item };
      });
    }
    if (!next) break;
    path.push(next.seg);
    node = next.node;
  }
  return path;
}

function keyName(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

/**
 * Walks the composed tree without recursion, following aliases: refuses keys that could
 * pollute prototypes, keys that are not plain names, aliases that are unknown, cyclic or too
 * many, and nesting deeper than MAX_NESTING once aliases are expanded.
 */
function checkTree(doc: Document, root: YamlNode, report: Reporter): void {
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
        report.at(
          here.offset,
          here.path,
          `too many alias uses (at *${here.name}): at most ${MAX_ALIAS_USES} are allowed, counting the aliases inside an aliased part each time it is used; write the values out instead`,
        );
        return;
      }
      const target = node.resolve(doc);
      if (!target) {
        report.at(here.offset, here.path, `unknown alias *${node.source}: define the anchor &${node.source} before using it, or write the value out`);
        return;
      }
      const t = target.range;
      const offset = node.range?.[0];
      if (t && offset !== undefined && offset >= t[0] && offset < t[2]) {
        report.at(here.offset, here.path, `alias *${node.source} refers to a value that contains it, which never ends; write the value out`);
        return;
      }
      stack.push({ node: target, depth, path, via: here });
      continue;
    }
    if ((isMap(node) || isSeq(node)) && depth + 1 > MAX_NESTING) {
      if (via) report.at(via.offset, via.path, `${tooDeep()} (once alias *${via.name} is expanded)`);
      else report.at(node.range?.[0], path, tooDeep());
      return;
    }
    // Children are pushed last-first so that they pop in document order.
    if (isMap(node)) {
      for (const pair of [...(node.items as Pair[])].reverse()) {
        const key = pair.key as YamlNode | null;
        // Inside an expansion the anchor's own text was already checked where it is written.
        if (!via) {
          if (key !== null && !isScalar(key)) {
            report.at(key.range?.[0], path, 'a key must be a plain name, not a list, mapping or alias');
            continue;
          }
          const name = key === null ? '' : String(key.value);
          if (FORBIDDEN_KEYS.has(name)) {
            const policyName = path.length === 1 && path[0] === 'policies';
            const message = policyName
              ? `"${name}" cannot be a policy name: programs reading the data give it a special meaning, so no key in a scenario may be called that; rename the policy (e.g. "historical" or "textbook")`
              : `the key "${name}" is not allowed anywhere in a scenario (it could change how programs read the data); remove it`;
            report.at(key?.range?.[0], [...path, name], message);
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

// ---- Mapping paths back to the source ----

interface Located {
  /** The node at the path, when the path exists in the source. */
  node?: YamlNode | null;
  /** The key naming the last segment, when it is a mapping entry. */
  key?: YamlNode | null;
  /** The deepest node found along the path (the parent when the last segment is missing). */
  nearest: YamlNode;
}

function locate(doc: Document, path: readonly PathSeg[]): Located {
  let node = doc.contents as YamlNode;
  let key: YamlNode | null | undefined;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    // Aliases are followed to their anchor: that is where the text to fix is.
    for (let hops = 0; isAlias(node) && hops < 8; hops++) {
      const target = node.resolve(doc);
      if (!target) break;
      node = target;
    }
    let found: { node: YamlNode | null; key?: YamlNode | null } | undefined;
    if (isMap(node)) {
      // Keys are unique by now: duplicates were refused as syntax errors.
      const pair = (node.items as Pair[]).find((p) => keyName(p.key) === String(seg));
      if (pair) found = { node: pair.value as YamlNode | null, key: pair.key as YamlNode | null };
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      if (item !== undefined) found = { node: item as YamlNode | null };
    }
    if (!found) return { nearest: node };
    key = found.key;
    if (i === path.length - 1) return { node: found.node, key, nearest: node };
    if (!found.node) return { nearest: node };
    node = found.node;
  }
  return { node, key, nearest: node };
}

function startOf(node: YamlNode | null | undefined): number | undefined {
  return node?.range?.[0];
}

/** Where to point for a problem with the value at `path`. */
function valueOffset(doc: Document, path: readonly PathSeg[]): number | undefined {
  const found = locate(doc, path);
  const node = found.node;
  // An empty value (`horizon:`) has no text of its own: point at its key.
  if (isScalar(node) && node.value === null && node.source === '') return startOf(found.key) ?? startOf(found.nearest);
  return startOf(node) ?? startOf(found.key) ?? startOf(found.nearest);
}

/** Where to point for a problem with a key (unknown field, bad record key). */
function keyOffset(doc: Document, path: readonly PathSeg[]): number | undefined {
  const found = locate(doc, path);
  return startOf(found.key) ?? startOf(found.node) ?? startOf(found.nearest);
}

/** Where to point for a missing key: the mapping it is missing from. */
function parentOffset(doc: Document, path: readonly PathSeg[]): number | undefined {
  return startOf(locate(doc, path.slice(0, -1)).node) ?? startOf(locate(doc, path).nearest);
}

// ---- Schema issues ----

type AnySchema = z.core.$ZodType;
interface Def {
  type: string;
  [k: string]: unknown;
}
const defOf = (s: AnySchema): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const descriptionOf = (s: AnySchema): string | undefined => (s as unknown as { description?: string }).description;

/** Unwraps optional, default and similar wrappers, keeping the first description met. */
function unwrap(s: AnySchema): { schema: AnySchema; description?: string } {
  let description = descriptionOf(s);
  for (let i = 0; i < 10; i++) {
    const def = defOf(s);
    if (def.type === 'pipe') {
      // A transform after a check: what authors write is the pipe's input.
      s = def.in as AnySchema;
      description ??= descriptionOf(s);
      continue;
    }
    if (!['optional', 'default', 'nullable', 'readonly', 'prefault', 'nonoptional', 'catch'].includes(def.type)) break;
    s = def.innerType as AnySchema;
    description ??= descriptionOf(s);
  }
  return { schema: s, description };
}

/** The schema that governs the value at `path`, if the path fits the schema. */
function schemaAt(path: readonly PathSeg[]): { schema: AnySchema; description?: string } | undefined {
  let cur = unwrap(Scenario as unknown as AnySchema);
  for (const seg of path) {
    const def = defOf(cur.schema);
    let next: AnySchema | undefined;
    if (def.type === 'object') next = (def.shape as Record<string, AnySchema>)[String(seg)];
    else if (def.type === 'array') next = def.element as AnySchema;
    else if (def.type === 'tuple') next = (def.items as AnySchema[])[Number(seg)];
    else if (def.type === 'record') next = def.valueType as AnySchema;
    if (!next || (def.type === 'object' && !Object.prototype.hasOwnProperty.call(def.shape, String(seg)))) return undefined;
    cur = unwrap(next);
  }
  return cur;
}

/** The field names a mapping at `path` accepts (object fields, or an enum's keys for records). */
function knownKeys(path: readonly PathSeg[]): string[] {
  const at = schemaAt(path);
  if (!at) return [];
  const def = defOf(at.schema);
  if (def.type === 'object') return Object.keys(def.shape as object);
  if (def.type === 'record') {
    const keyDef = defOf(def.keyType as AnySchema);
    if (keyDef.type === 'enum') return Object.values(keyDef.entries as Record<string, string>);
  }
  return [];
}

function requiredKeys(schema: AnySchema): string[] {
  const def = defOf(schema);
  if (def.type !== 'object') return [];
  return Object.entries(def.shape as Record<string, AnySchema>)
    .filter(([, s]) => !['optional', 'default'].includes(defOf(s).type))
    .map(([k]) => k);
}

/** How to write a correct value for a schema, in words. */
function howToWrite(schema: AnySchema): string {
  const def = defOf(schema);
  const s = schema as unknown as { minValue?: number | null; maxValue?: number | null; isInt?: boolean };
  switch (def.type) {
    case 'number': {
      const kind = s.isInt ? 'a whole number' : 'a number';
      const min = s.minValue;
      const max = s.maxValue;
      const lo = typeof min === 'number' && Number.isFinite(min) ? min : undefined;
      const hi = typeof max === 'number' && Number.isFinite(max) ? max : undefined;
      if (lo !== undefined && hi !== undefined) return `write ${kind} from ${lo} to ${hi}`;
      if (lo !== undefined) return `write ${kind} of at least ${lo}`;
      if (hi !== undefined) return `write ${kind} of at most ${hi}`;
      return `write ${kind}`;
    }
    case 'string':
      return 'write a text';
    case 'boolean':
      return 'write true or false';
    case 'enum':
      return `write one of: ${listValues(Object.values(def.entries as Record<string, unknown>))}`;
    case 'literal':
      return `write ${listValues(def.values as unknown[])}`;
    case 'object': {
      const req = requiredKeys(schema);
      return req.length > 0 ? `write a mapping with the fields ${req.join(', ')}` : 'write a mapping of fields';
    }
    case 'record':
      return 'write a mapping (key: value)';
    case 'array':
    case 'tuple':
      return 'write a list (`[a, b]`, or one `- item` per line)';
    default:
      return 'see scenarios/schema.json for what is allowed here';
  }
}

/** A percentage written where a share from 0 to 1 is wanted (`35`, `"35%"`): how to write it. */
function percentHint(schema: AnySchema, value: unknown): string {
  const s = schema as unknown as { minValue?: number | null; maxValue?: number | null };
  if (defOf(schema).type !== 'number' || s.minValue !== 0 || s.maxValue !== 1) return '';
  let n: number | undefined;
  if (typeof value === 'number' && value >= 2 && value <= 100) n = value;
  else if (typeof value === 'string') {
    const m = /^\s*(\d{1,3}(?:\.\d{1,6})?)\s*%\s*$/.exec(value);
    if (m && Number(m[1]) <= 100) n = Number(m[1]);
  }
  return n === undefined ? '' : `; for ${n}% write ${Number((n / 100).toFixed(8))}`;
}

function listValues(values: readonly unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}

function expectedWords(expected: string): string {
  switch (expected) {
    case 'number':
      return 'a number';
    case 'int':
      return 'a whole number';
    case 'string':
      return 'a text';
    case 'boolean':
      return 'true or false';
    case 'object':
      return 'a mapping';
    case 'array':
    case 'tuple':
      return 'a list';
    default:
      return expected;
  }
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return typeof value;
}

function valueAt(data: unknown, path: readonly PathSeg[]): { found: boolean; value: unknown } {
  let cur: unknown = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, seg)) {
      return { found: false, value: undefined };
    }
    cur = (cur as Record<string, unknown>)[seg as string];
  }
  return { found: true, value: cur };
}

function withDescription(text: string, description: string | undefined): string {
  return description ? `${text} (${description.replace(/\.$/, '')})` : text;
}

function schemaProblem(doc: Document, data: unknown, issue: z.core.$ZodIssue, report: Reporter): void {
  const path = issue.path.filter((s): s is PathSeg => typeof s === 'string' || typeof s === 'number');
  const { found, value } = valueAt(data, path);
  const at = schemaAt(path);
  const desc = at?.description;

  if (!found && typeof path[path.length - 1] === 'string' && issue.code !== 'unrecognized_keys') {
    const name = String(path[path.length - 1]);
    const how = at ? `; add \`${name}:\` and ${howToWrite(at.schema)}` : '';
    report.at(parentOffset(doc, path), path, withDescription(`missing required field "${name}"${how}`, desc));
    return;
  }
  switch (issue.code) {
    case 'invalid_type': {
      const how = at ? `; ${howToWrite(at.schema)}${percentHint(at.schema, value)}` : '';
      report.at(valueOffset(doc, path), path, withDescription(`expected ${expectedWords(issue.expected)}, got ${describeValue(value)}${how}`, desc));
      return;
    }
    case 'unrecognized_keys': {
      const known = knownKeys(path);
      for (const name of issue.keys) {
        const keyPath = [...path, name];
        const near = nearest(name, known);
        const message = isFeaturesPath(path)
          ? `unknown feature "${name}"${near ? `: did you mean "${near}"? T` : '; t'}he features are: ${FEATURE_KEYS.join(', ')}`
          : splitText(doc, path, name)
          ? `unknown field "${name}": inside \`{ ... }\` a comma ends a value, so the text before this comma stopped there and the rest was read as a field name; put the whole text in quotes, or write the field on its own line without braces`
          : near
            ? `unknown field "${name}": did you mean "${near}"?`
            : `unknown field "${name}": remove it${known.length > 0 ? `; the fields allowed here are ${known.join(', ')}` : ''}`;
        report.at(keyOffset(doc, keyPath), keyPath, message);
      }
      return;
    }
    case 'invalid_value': {
      const allowed = issue.values;
      if (path.length === 1 && path[0] === 'formatVersion' && typeof value === 'number') {
        // A newer file, not a typo: say which side to update. (Older formats were migrated.)
        const message =
          value > SCENARIO_FORMAT_VERSION
            ? `format version ${value} is newer than this game reads (${SCENARIO_FORMAT_VERSION}); update Alliance Crisis Lab, or use a scenario written for format ${SCENARIO_FORMAT_VERSION}`
            : `there is no scenario format ${value}; write ${SCENARIO_FORMAT_VERSION} (files in format 1 are read too, and \`crisis-lab migrate\` updates them)`;
        report.at(valueOffset(doc, path), path, message);
        return;
      }
      if (allowed.length === 1) {
        report.at(valueOffset(doc, path), path, `must be ${listValues(allowed)}, got ${describeValue(value)}; write ${listValues(allowed)}`);
        return;
      }
      const strings = allowed.filter((v): v is string => typeof v === 'string');
      const near = typeof value === 'string' ? nearest(value, strings) : undefined;
      const lead =
        typeof value === 'string' ? `${JSON.stringify(value)} is not an allowed value` : `${describeValue(value)} is not an allowed value`;
      const hint = near ? `: did you mean "${near}"?` : '.';
      report.at(valueOffset(doc, path), path, `${lead}${hint} Allowed: ${listValues(allowed)}`);
      return;
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const bound = Number(small ? (issue as { minimum: number | bigint }).minimum : (issue as { maximum: number | bigint }).maximum);
      const inclusive = issue.inclusive !== false;
      const word = small ? (inclusive ? 'at least' : 'more than') : inclusive ? 'at most' : 'less than';
      let message: string;
      if (issue.origin === 'array' || issue.origin === 'set') {
        const n = Array.isArray(value) ? value.length : 0;
        message = `needs ${word} ${bound} item${bound === 1 ? '' : 's'}, has ${n}; ${small ? 'add' : 'remove'} some`;
      } else if (issue.origin === 'string') {
        const n = typeof value === 'string' ? value.length : 0;
        message =
          small && bound === 1
            ? 'must not be empty; write a text'
            : `must be ${word} ${bound} characters long, is ${n}; ${small ? 'lengthen' : 'shorten'} it`;
      } else {
        message = `must be ${word} ${bound}, got ${describeValue(value)}${at ? `; ${howToWrite(at.schema)}${percentHint(at.schema, value)}` : ''}`;
      }
      report.at(valueOffset(doc, path), path, withDescription(message, desc));
      return;
    }
    case 'invalid_format': {
      report.at(valueOffset(doc, path), path, `${describeValue(value)} is not valid: ${issue.message}${ruleSetHint(data, path, value)}`);
      return;
    }
    case 'invalid_key': {
      const name = String(path[path.length - 1] ?? '');
      const inner = issue.issues[0]?.message ?? 'this key is not allowed';
      report.at(keyOffset(doc, path), path, `the key ${JSON.stringify(name)} is not valid: ${inner}`);
      return;
    }
    case 'invalid_element': {
      report.at(valueOffset(doc, path), path, `an entry is not valid: ${issue.issues[0]?.message ?? issue.message}`);
      return;
    }
    default:
      report.at(valueOffset(doc, path), path, `${issue.message}${at ? `; ${howToWrite(at.schema)}` : ''}`);
  }
}

/** For a misspelt entry of `rules` (`Sco`), the rule set meant. */
function ruleSetHint(data: unknown, path: readonly PathSeg[], value: unknown): string {
  if (path.length !== 2 || path[0] !== 'rules' || typeof value !== 'string') return '';
  const defined = valueAt(data, ['ruleSets']).value;
  const names = [...PRESET_IDS, ...(defined !== null && typeof defined === 'object' ? Object.keys(defined) : [])];
  const near = nearest(value, names);
  return near ? `; did you mean "${near}"?` : '';
}

/** `ruleSets.<name>.features`, where the keys are institutional features. */
function isFeaturesPath(path: readonly PathSeg[]): boolean {
  return path.length === 3 && path[0] === 'ruleSets' && path[2] === 'features';
}

/**
 * An unknown "field" that is really the end of a text cut by a comma inside braces
 * (`{ en: Consult at once, then act }`): a key with a space in it, no value, in a flow mapping.
 */
function splitText(doc: Document, path: readonly PathSeg[], name: string): boolean {
  const parent = locate(doc, path).node;
  if (!isMap(parent) || !parent.flow || !/\s/.test(name)) return false;
  const value = locate(doc, [...path, name]).node;
  return value === null || value === undefined || (isScalar(value) && value.value === null);
}

// ---- Suggestions ----

/**
 * Levenshtein distance with adjacent transpositions counted as one edit (optimal string
 * alignment): "CRH" for "CHR" is one typo, not two.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row.push(d);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

/** The closest candidate, if it is close enough to be what was meant (case ignored). */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  if (word.length > 64 || candidates.length === 0) return undefined;
  const w = word.toLowerCase();
  const limit = w.length <= 3 ? 1 : w.length <= 6 ? 2 : 3;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return bestDistance <= limit && best !== word ? best : undefined;
}

// ---- Cross-references, once the shape is right ----

function crossCheck(doc: Document, s: Scenario, report: Reporter): void {
  const stateIds = s.states.map((st) => st.id);
  const states = new Set(stateIds);
  const members = new Set(s.alliance.members);
  const groupId = s.adversary.kind === 'group' ? s.adversary.id : undefined;
  const listed = (ids: Iterable<string>) => [...ids].join(', ');

  const needState = (id: string, path: PathSeg[], role: string, onKey = false): boolean => {
    if (states.has(id)) return true;
    const near = nearest(id, stateIds);
    const offset = onKey ? keyOffset(doc, path) : valueOffset(doc, path);
    report.at(
      offset,
      path,
      `unknown state "${id}" ${role}${near ? `: did you mean "${near}"? U` : '; u'}se an id from \`states\` (${listed(stateIds)}) or add a state with this id`,
    );
    return false;
  };

  const seenState = new Set<string>();
  s.states.forEach((st, i) => {
    if (seenState.has(st.id)) {
      report.at(valueOffset(doc, ['states', i, 'id']), ['states', i, 'id'], `duplicate state id "${st.id}": each state needs its own id; rename or remove one`);
    }
    seenState.add(st.id);
    for (const field of ['threat', 'ties'] as const) {
      for (const key of Object.keys(st.profile[field])) {
        if (key === groupId) continue;
        const role = field === 'threat' ? 'in threat perception' : 'in ties';
        const orGroup = field === 'threat' && s.adversary.kind === 'group' ? ` (or the adversary group "${s.adversary.id}")` : '';
        needState(key, ['states', i, 'profile', field, key], `${role}${orGroup}`, true);
      }
    }
  });

  const seenMember = new Set<string>();
  s.alliance.members.forEach((id, i) => {
    const path = ['alliance', 'members', i];
    if (!needState(id, path, 'in alliance members')) return;
    if (seenMember.has(id)) report.at(valueOffset(doc, path), path, `"${id}" is listed twice; list each member once`);
    seenMember.add(id);
  });

  if (needState(s.player.state, ['player', 'state'], "as the player's state") && !members.has(s.player.state)) {
    report.at(
      valueOffset(doc, ['player', 'state']),
      ['player', 'state'],
      `the player's state "${s.player.state}" is not an alliance member; add it to alliance.members or pick one of ${listed(members)}`,
    );
  }

  if (s.adversary.kind === 'state') {
    needState(s.adversary.id, ['adversary', 'id'], 'as the adversary (kind: state); for a non-state adversary write `kind: group`');
    if (members.has(s.adversary.id)) {
      report.at(
        valueOffset(doc, ['adversary', 'id']),
        ['adversary', 'id'],
        `the adversary "${s.adversary.id}" is an alliance member, and the alliance cannot deliberate against one of its own; remove it from alliance.members, or for a clash between two members use an event of \`kind: member-clash\``,
      );
    }
  } else if (states.has(s.adversary.id)) {
    report.at(
      valueOffset(doc, ['adversary', 'id']),
      ['adversary', 'id'],
      `the group's id "${s.adversary.id}" is also a state's id, so \`threat\` and \`ties\` toward it could mean either; give the group an id of its own (e.g. "${s.adversary.id}_GROUP"), or write \`kind: state\` if the state is the adversary`,
    );
  }
  if (s.adversary.base !== undefined) needState(s.adversary.base, ['adversary', 'base'], "as the adversary's base");

  // A weight of 0 counts for nothing in the score (it is weighed by |w|): an objective written
  // with one is a slip, either a forgotten value or one meant to be removed.
  const objectives = Object.entries(s.player.objectives).filter((e): e is [string, number] => typeof e[1] === 'number');
  const weighted = objectives.filter(([, w]) => w !== 0);
  if (objectives.length === 0) {
    report.at(
      valueOffset(doc, ['player', 'objectives']),
      ['player', 'objectives'],
      'needs at least one objective with a non-zero weight (e.g. `cohesion: 0.5`); the score is computed from them',
    );
  }
  for (const [key, w] of objectives) {
    if (w !== 0) continue;
    const path = ['player', 'objectives', key];
    const why =
      weighted.length === 0
        ? 'no objective has a weight yet, and the score is computed from them: give this one a weight'
        : 'remove this objective or give it a weight';
    report.at(
      valueOffset(doc, path),
      path,
      `a weight of 0 counts for nothing in the score; ${why} from -1 to 1 (positive: the player wants more of it; negative: less), e.g. \`${key}: 0.5\``,
    );
  }

  if (s.adversary.kind === 'group' && s.adversary.name === undefined) {
    report.at(
      valueOffset(doc, ['adversary']),
      ['adversary', 'name'],
      `a group adversary needs a name, which players read in the news and the debrief (a state's name comes from \`states\`, a group has none there); add \`name: { en: ... }\` under adversary`,
    );
  }

  checkRuleSets(doc, s, report);

  for (const id of Object.keys(s.alliance.scripted)) {
    if (members.has(id)) continue;
    const path = ['alliance', 'scripted', id];
    const near = nearest(id, [...members]);
    report.at(
      keyOffset(doc, path),
      path,
      `"${id}" is not an alliance member, and only members answer proposals${near ? `: did you mean "${near}"? S` : '; s'}cript the positions of one of ${listed(members)}`,
    );
  }

  const seenEvent = new Set<string>();
  s.events.forEach((ev, i) => {
    const base: PathSeg[] = ['events', i];
    if (seenEvent.has(ev.id)) {
      report.at(valueOffset(doc, [...base, 'id']), [...base, 'id'], `duplicate event id "${ev.id}": each event needs its own id; rename one`);
    }
    seenEvent.add(ev.id);
    needState(ev.place, [...base, 'place'], 'as the event place');

    if (ev.at === undefined && ev.chance === undefined) {
      report.at(valueOffset(doc, base), base, 'needs either `at: <turn>` (a scripted event) or `chance: { probability, from, to }` (a chance event)');
    } else if (ev.at !== undefined && ev.chance !== undefined) {
      report.at(valueOffset(doc, [...base, 'chance']), [...base, 'chance'], 'an event has either `at` or `chance`, not both; remove one');
    }
    if (ev.at !== undefined && ev.at > s.horizon) {
      report.at(valueOffset(doc, [...base, 'at']), [...base, 'at'], `turn ${ev.at} is after the horizon (${s.horizon}); use a turn from 1 to ${s.horizon} or raise \`horizon\``);
    }
    if (ev.chance) {
      const { probability, from, to } = ev.chance;
      const chancePath = (field: string): PathSeg[] => [...base, 'chance', field];
      if (probability === 0) {
        report.at(
          valueOffset(doc, chancePath('probability')),
          chancePath('probability'),
          'a probability of 0 means this event can never happen; give it a chance above 0 (e.g. 0.1 for 10% on each turn of the window) or remove the event',
        );
      }
      if (from > to) {
        report.at(valueOffset(doc, chancePath('from')), chancePath('from'), `the window starts (${from}) after it ends (${to}); make \`from\` at most \`to\``);
      }
      if (from > s.horizon) {
        report.at(
          valueOffset(doc, chancePath('from')),
          chancePath('from'),
          `turn ${from} is after the horizon (${s.horizon}), so this event can never happen; start the window at a turn from 1 to ${s.horizon} or raise \`horizon\``,
        );
      } else if (to > s.horizon) {
        // The game ends at the horizon: the turns after it are never drawn, and a window that
        // seems to run on misleads whoever reads the file about how likely the event is.
        report.at(
          valueOffset(doc, chancePath('to')),
          chancePath('to'),
          `turn ${to} is after the horizon (${s.horizon}), and the game ends at the horizon, so the turns after it are never drawn; end the window at \`to: ${s.horizon}\` or raise \`horizon\``,
        );
      }
    }
    if (ev.attribution.initial > ev.attribution.max) {
      const path = [...base, 'attribution', 'initial'];
      report.at(
        valueOffset(doc, path),
        path,
        `the certainty starts (${ev.attribution.initial}) above its \`max\` (${ev.attribution.max}), so the game would start it at ${ev.attribution.max}; lower \`initial\` or raise \`max\``,
      );
    }
    ev.parties?.forEach((id, j) => needState(id, [...base, 'parties', j], 'in the event parties'));
    if (ev.parties && ev.kind !== 'member-clash') {
      report.at(
        keyOffset(doc, [...base, 'parties']),
        [...base, 'parties'],
        `\`parties\` is read only for a member-clash, and this event is \`kind: ${ev.kind}\`; remove \`parties\`, or make it \`kind: member-clash\``,
      );
    }
    if (ev.kind === 'member-clash') {
      const parties = ev.parties;
      if (!parties) {
        report.at(valueOffset(doc, base), [...base, 'parties'], 'a member-clash event needs `parties: [A, B]`, two different alliance members');
      } else {
        if (parties[0] === parties[1]) {
          report.at(valueOffset(doc, [...base, 'parties']), [...base, 'parties'], `the two parties are both "${parties[0]}"; name two different alliance members`);
        }
        if (!parties.includes(ev.place)) {
          report.at(
            valueOffset(doc, [...base, 'place']),
            [...base, 'place'],
            `a member-clash happens on one party's ground, but "${ev.place}" is not one of its parties (${parties.join(', ')}); set \`place\` to ${parties[0]} or ${parties[1]}, or name ${ev.place} in \`parties\``,
          );
        }
        parties.forEach((id, j) => {
          if (states.has(id) && !members.has(id)) {
            report.at(
              valueOffset(doc, [...base, 'parties', j]),
              [...base, 'parties', j],
              `"${id}" is not an alliance member; a member-clash is between members (${listed(members)})`,
            );
          }
        });
      }
    }
  });

  for (const [name, policy] of Object.entries(s.policies)) {
    if ((BUILT_IN_POLICIES as readonly string[]).includes(name)) {
      report.at(
        keyOffset(doc, ['policies', name]),
        ['policies', name],
        `"${name}" is the name of a built-in player policy (${BUILT_IN_POLICIES.join(', ')}), so \`--policy ${name}\` would play the built-in one, not this; rename the policy (e.g. "historical" or "textbook")`,
      );
    }
    const seenTurn = new Map<number, number>();
    policy.turns.forEach((t, j) => {
      const path = ['policies', name, 'turns', j, 'turn'];
      if (t.turn > s.horizon) {
        report.at(valueOffset(doc, path), path, `turn ${t.turn} is after the horizon (${s.horizon}); use a turn from 1 to ${s.horizon} or remove it`);
      }
      const first = seenTurn.get(t.turn);
      if (first !== undefined) {
        report.at(
          valueOffset(doc, path),
          path,
          `turn ${t.turn} is listed twice in policy "${name}" (first at turns[${first}]), and only the first is played; put all its intents in one \`intents\` list`,
        );
      } else seenTurn.set(t.turn, j);
      const seenIntent = new Set<string>();
      t.intents.forEach((intent, k) => {
        if (seenIntent.has(intent)) {
          const ip = ['policies', name, 'turns', j, 'intents', k];
          report.at(valueOffset(doc, ip), ip, `"${intent}" is listed twice in turn ${t.turn}; an intent is taken at most once a turn, so list it once`);
        }
        seenIntent.add(intent);
      });
      (t.motions ?? []).forEach((motion, k) => {
        const mp = ['policies', name, 'turns', j, 'motions', k, 'by'];
        if (motion.by === s.player.state) {
          report.at(valueOffset(doc, mp), mp, `"${motion.by}" is the player's state: put its requests in \`intents\`; a motion is another member's or the chair's`);
        } else if (motion.by !== 'chair' && !s.alliance.members.includes(motion.by)) {
          report.at(valueOffset(doc, mp), mp, `"${motion.by}" is not a member of the alliance; a motion is put by a member state (${s.alliance.members.join(', ')}) or "chair"`);
        }
        if (motion.intent === 'act-alone' || motion.intent === 'de-escalate') {
          const ip = ['policies', name, 'turns', j, 'motions', k, 'intent'];
          report.at(valueOffset(doc, ip), ip, `"${motion.intent}" is a national choice, not a request to the alliance; a motion asks the alliance for consult, collective-defence, joint-statement, ct-cooperation or suspend-member`);
        }
      });
    });
  }
}

/**
 * `rules` names rule sets that exist, and each rule set of `ruleSets` resolves to a coherent set
 * of features (the same resolution the game runs, so its words are the game's). One fault is
 * reported once, where it is written: a loop at its first member, a definition built on a broken
 * one only at the broken one.
 */
function checkRuleSets(doc: Document, s: Scenario, report: Reporter): void {
  const defined = s.ruleSets;
  const isDefined = (name: string) => Object.prototype.hasOwnProperty.call(defined, name);
  const names = [...PRESET_IDS, ...Object.keys(defined).filter((n) => !isPresetId(n))];

  const seenRule = new Set<string>();
  s.rules.forEach((r, i) => {
    const path = ['rules', i];
    if (seenRule.has(r)) report.at(valueOffset(doc, path), path, `rule set "${r}" is listed twice; list each once`);
    seenRule.add(r);
    if (isPresetId(r) || isDefined(r)) return;
    const near = nearest(r, names);
    report.at(
      valueOffset(doc, path),
      path,
      `unknown rule set "${r}"${near ? `: did you mean "${near}"? T` : '; t'}he rule sets are: ${names.join(', ')}; use one of these, or define "${r}" under \`ruleSets\``,
    );
  });

  const reported = new Set<string>();
  for (const [name, def] of Object.entries(defined)) {
    const path = ['ruleSets', name];
    if (isPresetId(name)) {
      report.at(
        keyOffset(doc, path),
        path,
        `"${name}" is the name of a preset, which always means the preset itself; give this rule set a name of its own (e.g. "${name}-lab")`,
      );
      continue;
    }
    const basePath = [...path, 'base'];
    if (!isPresetId(def.base) && !isDefined(def.base)) {
      const near = nearest(def.base, names);
      const resolved = resolveFeatures(def.base, defined);
      const error = resolved.ok ? `unknown rule set "${def.base}"` : resolved.error;
      report.at(valueOffset(doc, basePath), basePath, `${error}${near ? `; did you mean "${near}"?` : ''}`);
      continue;
    }
    const loop = loopFrom(name, defined);
    if (loop) {
      if (!loop.some((n) => reported.has(n))) {
        const resolved = resolveFeatures(name, defined);
        const error = resolved.ok ? `rule set "${name}" is defined in terms of itself` : resolved.error;
        report.at(
          valueOffset(doc, basePath),
          basePath,
          `${error} (${[...loop, name].join(' → ')}); base one of them on a preset (${PRESET_IDS.join(', ')})`,
        );
      }
      for (const n of loop) reported.add(n);
      continue;
    }
    // A base that does not resolve is reported where it is defined.
    if (!isPresetId(def.base) && !resolveFeatures(def.base, defined).ok) continue;
    const resolved = resolveFeatures(name, defined);
    if (!resolved.ok) report.at(keyOffset(doc, path), path, resolved.error);
  }
}

/** The loop of bases `name` is part of, in order from `name`; undefined when it is in none. */
function loopFrom(name: string, defined: Scenario['ruleSets']): string[] | undefined {
  const chain: string[] = [];
  let current: string | undefined = name;
  while (current !== undefined && !isPresetId(current) && Object.prototype.hasOwnProperty.call(defined, current)) {
    if (chain.includes(current)) return current === name ? chain : undefined;
    chain.push(current);
    current = defined[current]?.base;
  }
  return undefined;
}
