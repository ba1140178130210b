// `crisis-lab migrate <old> [--out NEW] [--in-place]`: rewrites a scenario file in an older format
// as the current one. Only the `formatVersion` value changes, in place in the text: comments,
// key order, quoting, folded paragraphs and blank lines stay byte for byte as the author wrote
// them. (Re-printing the parsed document would re-fold every `>-` paragraph.)
import { writeFileSync } from 'node:fs';
import { isMap, isScalar, parseDocument, type Pair } from 'yaml';
import { formatProblem, parseScenario } from '../engine/index';
import { SCENARIO_FORMAT_VERSION } from '../engine/index';
import { parseArgs, UsageError } from './args';
import { fail } from './command-helpers';
import { readText } from './validate-command';

export const MIGRATE_USAGE =
  'Usage: crisis-lab migrate <scenario> [--out NEW] [--in-place]\n' +
  `Rewrites a scenario file in an older format as format ${SCENARIO_FORMAT_VERSION}, keeping its comments and layout.\n` +
  'Prints the new text, or writes it to NEW (--out) or over the file (--in-place).\n' +
  'A file with problems is not rewritten: they are listed as `validate` lists them (exit 1).\n';

export type Migration =
  | { kind: 'migrated'; from: number; text: string }
  | { kind: 'current'; text: string }
  | { kind: 'problems'; lines: string[] };

/** The text of `file` in the current format, or its problems as `validate` prints them. */
export function migrateText(text: string, file: string): Migration {
  // The loader reads older formats by migrating them in memory: a file it accepts can be rewritten.
  const parsed = parseScenario(text, file);
  if (!parsed.ok) return { kind: 'problems', lines: parsed.problems.map((p) => formatProblem(p)) };

  const doc = parseDocument(text.replace(/^\uFEFF/, ''));
  const root = doc.contents;
  const pair = isMap(root) ? (root.items as Pair[]).find((p) => isScalar(p.key) && p.key.value === 'formatVersion') : undefined;
  const value = pair?.value;
  if (!isScalar(value) || typeof value.value !== 'number' || !value.range) {
    // The loader accepted the file, so this is a bug of ours.
    return { kind: 'problems', lines: [`${file}:1:1: could not find \`formatVersion\` to rewrite; please report this as a bug`] };
  }
  const from = value.value;
  if (from === SCENARIO_FORMAT_VERSION) return { kind: 'current', text };

  // The byte-order mark was removed before parsing: offsets count from after it.
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const [start, end] = [value.range[0] + bom, value.range[1] + bom];
  const out = `${text.slice(0, start)}${SCENARIO_FORMAT_VERSION}${text.slice(end)}`;
  // The result must read as the current format as it is, without migration.
  const check = parseScenario(out, file);
  const written = parseDocument(out.replace(/^\uFEFF/, '')).get('formatVersion');
  if (!check.ok || written !== SCENARIO_FORMAT_VERSION) {
    return { kind: 'problems', lines: [`${file}:1:1: the rewritten file did not validate; please report this as a bug`] };
  }
  return { kind: 'migrated', from, text: out };
}

export async function migrateCommand(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(MIGRATE_USAGE);
    return 0;
  }
  return fail('migrate', MIGRATE_USAGE, () => {
    const a = parseArgs(args, ['out'], ['in-place']);
    if (a.positional.length !== 1) throw new UsageError('name exactly one scenario file');
    const file = a.positional[0]!;
    const out = a.options.get('out');
    const inPlace = a.flags.has('in-place');
    if (out !== undefined && inPlace) throw new UsageError('give --out or --in-place, not both');

    const text = readText(file);
    if (typeof text !== 'string') {
      process.stderr.write(`${file}:1:1: ${text.error}\n`);
      return 1;
    }
    const result = migrateText(text, file);
    if (result.kind === 'problems') {
      process.stderr.write(result.lines.map((l) => `${l}\n`).join(''));
      return 1;
    }
    if (result.kind === 'current') {
      // Nothing to rewrite; printing the text unchanged keeps `migrate a.yaml > b.yaml` a copy.
      process.stderr.write(`${file}: already in format ${SCENARIO_FORMAT_VERSION}; nothing to migrate\n`);
      if (out === undefined && !inPlace) process.stdout.write(text);
      else if (out !== undefined) writeFileSync(out, text);
      return 0;
    }
    const target = inPlace ? file : out;
    if (target === undefined) {
      process.stdout.write(result.text);
      return 0;
    }
    writeFileSync(target, result.text);
    process.stdout.write(`${file}: migrated from format ${result.from} to ${SCENARIO_FORMAT_VERSION}${inPlace ? '' : `, written to ${target}`}\n`);
    return 0;
  });
}
