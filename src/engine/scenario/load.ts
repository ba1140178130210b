// Reads a scenario file (YAML or JSON) into a valid `Scenario`, or into a list of problems that
// each point at a line and column and say how to fix them. Untrusted input: this never throws,
// and it refuses inputs built to exhaust memory or the stack before the YAML library builds them.
// Pure: it runs in the browser and in Node alike (no node:*, no DOM, no clock).
// The steps live apart: guards.ts (hostile input), locate.ts (field to line and column),
// syntax.ts and schema-issues.ts (plain-language problems), cross-check.ts (references).
import { Composer, Parser, isMap, isScalar, isSeq } from 'yaml';
import { crossCheckScenario } from './cross-check';
import { FORBIDDEN_KEYS, MAX_LIST_ITEMS, MAX_MAPPING_KEYS, MAX_NESTING, MAX_SCENARIO_BYTES, bareCarriageReturn, checkTree, tokenShape, utf8Length } from './guards';
import { LineIndex, Reporter, keyOffset, valueOffset } from './locate';
import { migrateScenario } from './migrate';
import { formatProblem, makeProblem, type Fragment, type ScenarioProblem } from './problem';
import { describeValue, schemaProblem } from './schema-issues';
import { SCENARIO_FORMAT_VERSION, Scenario } from './schema';
import { reportSyntaxErrors } from './syntax';

export { MAX_ALIAS_USES, MAX_LIST_ITEMS, MAX_MAPPING_KEYS, MAX_NESTING, MAX_SCENARIO_BYTES } from './guards';
export { formatPath, formatProblem, formatProblemIn, problemMessage, type ScenarioProblem } from './problem';
export { editDistance, nearest } from './suggest';
export { BUILT_IN_POLICIES } from './vocabulary';

export type ParseScenarioResult = { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };

/** More problems than this are noise: the rest are counted, not listed. */
export const MAX_PROBLEMS = 100;

export function parseScenario(text: string, fileName: string): ParseScenarioResult {
  try {
    return parseUnsafe(text, fileName);
  } catch {
    // A bug of ours or of a library must still come out as a problem, not a crash, and its
    // internal wording ("Cannot read properties of null") means nothing to an author.
    return fail([makeProblem(fileName, 1, 1, '', 'file.internal')]);
  }
}

/** A scenario already read into plain data from `text` (JSON a log embeds, which the caller has
 * checked is canonical, so the YAML reader would build the very same data), when it passes every check
 * `parseScenario` makes after reading; otherwise null, and the caller reads the text with
 * `parseScenario` for the problems' places. It accepts nothing `parseScenario` refuses: the
 * shape limits below are at most the reader's. */
export function validScenarioData(text: string, data: unknown): Scenario | null {
  if (text.length > MAX_SCENARIO_BYTES || utf8Length(text, MAX_SCENARIO_BYTES) > MAX_SCENARIO_BYTES) return null;
  if (!withinReaderLimits(data, 1)) return null;
  const parsed = Scenario.safeParse(migrateScenario(data).value);
  if (!parsed.success || crossCheckScenario(parsed.data).length > 0) return null;
  return parsed.data;
}

/** Nesting, list and mapping sizes and keys within what guards.ts lets the reader build. */
function withinReaderLimits(value: unknown, depth: number): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (depth > MAX_NESTING) return false;
  const list = Array.isArray(value);
  const keys = Object.keys(value);
  if (list ? keys.length > MAX_LIST_ITEMS : keys.length > MAX_MAPPING_KEYS || keys.some((k) => FORBIDDEN_KEYS.has(k))) return false;
  return Object.values(value).every((item) => withinReaderLimits(item, depth + 1));
}

function fail(problems: ScenarioProblem[]): ParseScenarioResult {
  // Stable sort: file order, then the order the checks found them.
  const sorted = problems
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
  const rest = makeProblem(next.file, next.line, next.column, '', 'moreProblems', { count: unique.length - MAX_PROBLEMS });
  return { ok: false, problems: [...unique.slice(0, MAX_PROBLEMS), rest] };
}

function parseUnsafe(input: string, file: string): ParseScenarioResult {
  // Problems with the file as a whole point at its start.
  const empty = () => fail([makeProblem(file, 1, 1, '', 'file.empty', { version: SCENARIO_FORMAT_VERSION })]);

  // Cheap checks first: size bounds everything the parser does after.
  if (input.length > MAX_SCENARIO_BYTES || utf8Length(input, MAX_SCENARIO_BYTES) > MAX_SCENARIO_BYTES) {
    return fail([makeProblem(file, 1, 1, '', 'file.tooLarge', { max: MAX_SCENARIO_BYTES })]);
  }
  // Editors do not count a byte-order mark as a column.
  const text = input.replace(/^\uFEFF/, '');
  if (text.trim() === '') return empty();
  const lines = new LineIndex(text);
  const report = new Reporter(file, lines);
  const cr = bareCarriageReturn(text);
  if (cr !== undefined) {
    report.at(cr, [], 'file.bareCr');
    return fail(report.problems);
  }

  // The parser builds a token tree with its own stack, but the composer after it recurses and
  // checks keys pair by pair: deep nesting and huge collections are refused here, on the
  // tokens, before they can exhaust the stack or the clock.
  const tokens = Array.from(new Parser().parse(text));
  const shape = tokenShape(tokens);
  if (shape.problem) {
    const { offset, code, ...params } = shape.problem;
    report.at(offset, [], code, params);
    return fail(report.problems);
  }

  const composer = new Composer({ prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  const docs = Array.from(composer.compose(tokens, true, text.length));
  const doc = docs[0];
  if (!doc) return empty();
  const second = docs[1];
  if (second) report.at(second.range[0], [], 'file.manyDocuments');
  // Errors come in text order and only the first MAX_PROBLEMS are shown: skip placing the rest.
  reportSyntaxErrors(doc, text, doc.errors.slice(0, MAX_PROBLEMS + 1), shape.unclosed, report);
  if (report.problems.length > 0) return fail(report.problems);

  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return empty();
  if (!isMap(root)) {
    const got: Fragment = isSeq(root)
      ? { code: 'got.list' }
      : isScalar(root)
        ? { code: 'got.single', params: { value: describeValue(root.value) } }
        : { code: 'got.alias' };
    report.at(root.range?.[0], [], 'file.notMapping', { version: SCENARIO_FORMAT_VERSION, got });
    return fail(report.problems);
  }

  checkTree(doc, root, report);
  if (report.problems.length > 0) return fail(report.problems);

  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch {
    return fail([makeProblem(file, 1, 1, '', 'file.aliasExpansion')]);
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
  for (const issue of crossCheckScenario(parsed.data)) {
    const offset = issue.at ? valueOffset(doc, issue.at) : issue.onKey ? keyOffset(doc, issue.path) : valueOffset(doc, issue.path);
    report.at(offset, issue.path, issue.code, issue.params);
  }
  if (report.problems.length > 0) return fail(report.problems);
  return { ok: true, scenario: parsed.data };
}
