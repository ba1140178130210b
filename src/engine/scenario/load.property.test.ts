// Untrusted files must never crash the validator: whatever comes in, parseScenario returns a
// scenario or problems that point inside the text. Over 10,000 generated and mutated files.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { describe, it } from 'vitest';
import { parseScenario, type ParseScenarioResult } from './load';
import { Scenario } from './schema';

const minimalText = readFileSync('test/fixtures/scenarios/minimal.yaml', 'utf8');

/**
 * The minimal scenario trimmed to three states: YAML parsing dominates the time per file and
 * grows with the text, and a smaller file keeps 10,000 runs within the time budget.
 */
function smallScenario(): Json {
  const s = parse(minimalText) as { states: Array<{ id: string; profile: { ties?: unknown } }>; alliance: { members: string[] } };
  s.states = s.states.filter((st) => st.id !== 'CHR');
  delete s.states[0]!.profile.ties;
  s.alliance.members = ['ALF', 'BRV'];
  return s as unknown as Json;
}
const small = smallScenario();

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = Array<string | number>;

/** Plain checks rather than `expect`: this runs over 10,000 times and must stay fast. */
function checkResult(text: string, result: ParseScenarioResult): void {
  if (result.ok) {
    // Whatever is accepted is a valid scenario.
    if (!Scenario.safeParse(result.scenario).success) throw new Error(`accepted an invalid scenario: ${text.slice(0, 300)}`);
    return;
  }
  if (result.problems.length === 0) throw new Error('refused without a problem');
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  for (const p of result.problems) {
    // Inside the text: on one of its lines, at most one column past that line's end.
    const line = lines[p.line - 1]?.replace(/\r$/, '');
    const placed = Number.isInteger(p.line) && line !== undefined && Number.isInteger(p.column) && p.column >= 1 && p.column <= line.length + 1;
    // One problem is one output line: a message never breaks the line, nor shows an internal error.
    if (!placed || p.file !== 'fuzz.yaml' || p.message.length === 0 || /[\r\n]/.test(p.message) || /Cannot read|is not a function|undefined/.test(p.message)) {
      throw new Error(`bad problem ${JSON.stringify(p)} for ${JSON.stringify(text.slice(0, 300))}`);
    }
  }
}

function run(text: string): void {
  let result: ParseScenarioResult;
  try {
    result = parseScenario(text, 'fuzz.yaml');
  } catch (error) {
    throw new Error(`parseScenario threw on ${JSON.stringify(text.slice(0, 300))}: ${String(error)}`);
  }
  checkResult(text, result);
}

/** Every path to a value in the tree, root first. */
function paths(value: Json): Path[] {
  const out: Path[] = [];
  const stack: Array<[Json, Path]> = [[value, []]];
  while (stack.length > 0) {
    const [v, p] = stack.pop()!;
    out.push(p);
    if (Array.isArray(v)) v.forEach((item, i) => stack.push([item, [...p, i]]));
    else if (v !== null && typeof v === 'object') for (const [k, item] of Object.entries(v)) stack.push([item, [...p, k]]);
  }
  return out;
}

function parentOf(root: Json, path: Path): Json | undefined {
  let cur: Json | undefined = root;
  for (const seg of path.slice(0, -1)) cur = cur !== null && typeof cur === 'object' ? (cur as Record<string, Json>)[seg as string] : undefined;
  return cur;
}

/** Sets an own property even for `__proto__`, so that the key reaches the text. */
function setOwn(target: Record<string, Json>, key: string, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

const keyName = fc.oneof(
  fc.constantFrom('horizon', 'horizn', 'id', 'states', 'profile', 'riskTolerance', 'threat', 'at', 'chance', 'parties', 'en', 'kind'),
  fc.constantFrom('__proto__', 'constructor', 'prototype', '', ' ', '-', '?', '&a', '*a', '"', "'", 'a: b', '#x', 'ALF', 'RED'),
  fc.string({ maxLength: 12 }),
);

const junk: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue({ maxDepth: 1 }) as fc.Arbitrary<Json>,
  fc.constantFrom<Json>('ALF', 'BRV', 'XYZ', 'nato', 'sco', 'member-clash', '', 0, -1, 0.5, 1, 2, 11, 121, 1e9, -0, true, null, [], {}, ['ALF', 'ALF']),
  fc.string({ maxLength: 20 }),
  fc.integer({ min: 0, max: 60 }).map((n) => {
    let v: Json = 1;
    for (let i = 0; i < n; i++) v = [v];
    return v;
  }),
);

const mutation = fc.record({
  op: fc.constantFrom('delete', 'rename', 'replace', 'insert', 'duplicate', 'wrap'),
  at: fc.nat(),
  key: keyName,
  value: junk,
});

function mutate(root: Json, m: { op: string; at: number; key: string; value: Json }): Json {
  // A copy of the generated value goes into the tree: fast-check hands the same value to later runs
  // while it shrinks, and one put into the tree by reference was changed by later mutations (a
  // 'wrap' inside it made it contain itself, and JSON.stringify then threw in the test, not the reader).
  const junkValue = structuredClone(m.value);
  const all = paths(root);
  const path = all[m.at % all.length]!;
  if (path.length === 0) return m.op === 'replace' ? junkValue : root;
  const parent = parentOf(root, path);
  const last = path[path.length - 1]!;
  if (parent === null || typeof parent !== 'object' || parent === undefined) return root;
  if (Array.isArray(parent)) {
    const i = last as number;
    if (m.op === 'delete') parent.splice(i, 1);
    else if (m.op === 'duplicate') parent.splice(i, 0, structuredClone(parent[i]!));
    else if (m.op === 'wrap') parent[i] = [parent[i]!];
    else if (m.op === 'insert') parent.push(junkValue);
    else parent[i] = junkValue;
    return root;
  }
  const obj = parent as Record<string, Json>;
  const key = last as string;
  const value = obj[key]!;
  if (m.op === 'delete') delete obj[key];
  else if (m.op === 'rename') {
    delete obj[key];
    setOwn(obj, m.key, value);
  } else if (m.op === 'insert' || m.op === 'duplicate') setOwn(obj, m.key, junkValue);
  else if (m.op === 'wrap') obj[key] = { [m.key]: value };
  else obj[key] = junkValue;
  return root;
}

const serialise = fc.constantFrom<(v: Json) => string>(
  (v) => stringify(v),
  (v) => stringify(v, { collectionStyle: 'flow' }),
  (v) => JSON.stringify(v, null, 2),
  (v) => JSON.stringify(v),
);

const textEdit = fc.record({
  op: fc.constantFrom('truncate', 'insert', 'delete', 'duplicate-line', 'dedent', 'none'),
  at: fc.nat(),
  length: fc.integer({ min: 1, max: 40 }),
  chars: fc.oneof(fc.constantFrom('[', ']', '{', '}', ':', '- ', '&a ', '*a', '!!str ', '|', '>', '"', "'", '\n', '\t', '#', '%', '@', '---\n', '? ', ',', '\\'), fc.string({ maxLength: 5 })),
});

const yamlToken = fc.constantFrom(
  '[', ']', '{', '}', ':', ': ', ',', '- ', '? ', '&a ', '*a', '&b ', '*b', '!!str ', '!x ', '|', '>', '"', "'", '#', '%', '@',
  '\n', '\n  ', '\n    ', '\t', '---\n', '...\n', 'id', 'states', '__proto__', 'ALF', '1', '-1.5', 'true', 'null', '~', 'x',
);

function editText(text: string, e: { op: string; at: number; length: number; chars: string }): string {
  const at = text.length === 0 ? 0 : e.at % text.length;
  switch (e.op) {
    case 'truncate':
      return text.slice(0, at);
    case 'insert':
      return text.slice(0, at) + e.chars + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + e.length);
    case 'duplicate-line': {
      const lines = text.split('\n');
      const i = at % lines.length;
      lines.splice(i, 0, lines[i]!);
      return lines.join('\n');
    }
    case 'dedent':
      return text.replace(/\n {2}/g, (s, offset: number) => (offset >= at ? '\n ' : s));
    default:
      return text;
  }
}

describe('parseScenario never throws', () => {
  it('a small valid scenario stays valid (or the fuzzing below would test nothing)', () => {
    const result = parseScenario(stringify(small), 'small.yaml');
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
  });

  it('on a valid scenario with object mutations, serialised as YAML or JSON, then text edits (3,500 files)', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), serialise, fc.array(textEdit, { maxLength: 2 }), (ms, write, edits) => {
        let value = structuredClone(small);
        for (const m of ms) value = mutate(value, m);
        let text = write(value);
        for (const e of edits) text = editText(text, e);
        run(text);
      }),
      { numRuns: 3500 },
    );
    // A generous bound for a loaded machine; speed is measured by `npm run bench`, not here.
  }, 300_000);

  it('on the minimal file as text, edited character by character (1,500 files)', () => {
    fc.assert(
      fc.property(fc.array(textEdit, { minLength: 1, maxLength: 5 }), (edits) => {
        let text = minimalText;
        for (const e of edits) text = editText(text, e);
        run(text);
      }),
      { numRuns: 1500 },
    );
  });

  it('on arbitrary strings, YAML-like token soup and JSON values (5,000 files)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.array(yamlToken, { maxLength: 60 }).map((tokens) => tokens.join('')),
          (fc.jsonValue({ maxDepth: 4 }) as fc.Arbitrary<Json>).map((v) => JSON.stringify(v)),
        ),
        (text) => run(text),
      ),
      { numRuns: 5000 },
    );
  });
});
