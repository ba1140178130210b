// Locating a field in the text: offsets to line and column, field paths to the node, key or
// mapping to point at, and problems placed there.
import { isAlias, isMap, isScalar, isSeq, type Document, type Node as YamlNode, type Pair } from 'yaml';
import type { MessageCode } from './messages/index';
import { formatPath, makeProblem, type Params, type PathSeg, type ScenarioProblem } from './problem';

/**
 * Line starts counted from the text itself, not from the parser's newline callbacks, which miss
 * the line ends inside some tokens (a block scalar after a stray indent) and so drift by whole
 * lines and report columns far past a line's end. Only LF ends a line: a CR before it is part of
 * the end, and files with bare CRs are refused before this is built.
 */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** 1-based line and column of an offset; the column is at most one past the line's text. */
  position(offset: number): { line: number; column: number } {
    const at = Math.min(Math.max(0, Math.floor(offset)), this.text.length);
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    const start = this.starts[lo]!;
    const next = this.starts[lo + 1];
    let end = next === undefined ? this.text.length : next - 1;
    if (end > start && this.text[end - 1] === '\r') end--;
    return { line: lo + 1, column: Math.min(at, end) - start + 1 };
  }
}

/** Collects problems, placing each offset on a line and column. */
export class Reporter {
  readonly problems: ScenarioProblem[] = [];
  constructor(
    readonly file: string,
    readonly lines: LineIndex,
  ) {}

  at(offset: number | undefined, path: readonly PathSeg[], code: MessageCode, params: Params = {}): void {
    const { line, column } = offset === undefined || !Number.isFinite(offset) ? { line: 1, column: 1 } : this.lines.position(offset);
    this.problems.push(makeProblem(this.file, line, column, formatPath(path), code, params));
  }
}

export function keyName(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

interface Located {
  /** The node at the path, when the path exists in the source. */
  node?: YamlNode | null;
  /** The key naming the last segment, when it is a mapping entry. */
  key?: YamlNode | null;
  /** The deepest node found along the path (the parent when the last segment is missing). */
  nearest: YamlNode | null;
}

export function locate(doc: Document, path: readonly PathSeg[]): Located {
  let node = doc.contents as YamlNode | null;
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
export function valueOffset(doc: Document, path: readonly PathSeg[]): number | undefined {
  const found = locate(doc, path);
  const node = found.node;
  // An empty value (`horizon:`) has no text of its own: point at its key.
  if (isScalar(node) && node.value === null && node.source === '') return startOf(found.key) ?? startOf(found.nearest);
  return startOf(node) ?? startOf(found.key) ?? startOf(found.nearest);
}

/** Where to point for a problem with a key (unknown field, bad record key). */
export function keyOffset(doc: Document, path: readonly PathSeg[]): number | undefined {
  const found = locate(doc, path);
  return startOf(found.key) ?? startOf(found.node) ?? startOf(found.nearest);
}

/** Where to point for a missing key: the mapping it is missing from. */
export function parentOffset(doc: Document, path: readonly PathSeg[]): number | undefined {
  return startOf(locate(doc, path.slice(0, -1)).node) ?? startOf(locate(doc, path).nearest);
}

/** The field path of the deepest node whose source range holds `offset` (best effort). */
export function pathAtOffset(doc: Document, offset: number, maxDepth: number): PathSeg[] {
  let node: unknown = doc.contents;
  const path: PathSeg[] = [];
  for (let guard = 0; guard <= maxDepth + 1; guard++) {
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
