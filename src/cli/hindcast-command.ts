// `crisis-lab hindcast [--seeds N] [--case ID...] [--json]`: plays each real case's historical
// line of play over N seeds and reports how often the game reproduces the record
// (docs/hindcasts.yaml, dated in docs/timeline.yaml).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parseArgs, UsageError } from './args';
import { fail } from './command-helpers';
import { loadScenarioFile } from './scenario-file';
import { progressBar } from './progress';
import { hindcastSeeds, hindcastTable, runCase, type CaseResult } from '../sim/hindcast';
import { parseHindcasts, parseTimeline, type HindcastCase } from '../sim/hindcast-cases';

export const HINDCAST_USAGE =
  'Usage: crisis-lab hindcast [--seeds N] [--case ID ...] [--json]\n' +
  'Plays each real case of docs/hindcasts.yaml with its historical line of play over N seeds (default 200)\n' +
  'and prints, per case, the share of games that reproduce the record and the share for each criterion.\n' +
  '--case (repeatable, or comma-separated) picks cases by id; --json prints the results as JSON.\n';

export const DEFAULT_HINDCAST_SEEDS = 200;

/** The project's root, where docs/ and scenarios/ are, wherever the command is run from. */
const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

/** The cases of docs/hindcasts.yaml, checked against docs/timeline.yaml. */
export function loadHindcastCases(root = ROOT): HindcastCase[] {
  const timeline = parseTimeline(readFileSync(join(root, 'docs', 'timeline.yaml'), 'utf8'), 'docs/timeline.yaml');
  return parseHindcasts(readFileSync(join(root, 'docs', 'hindcasts.yaml'), 'utf8'), timeline, 'docs/hindcasts.yaml');
}

/** The cases named, in the file's order; an unknown id is a usage error that lists the known ones. */
export function pickCases(cases: HindcastCase[], ids: string[]): HindcastCase[] {
  if (ids.length === 0) return cases;
  const known = cases.map((c) => c.id);
  const unknown = ids.filter((id) => !known.includes(id));
  if (unknown.length > 0) {
    const names = unknown.map((id) => `"${id}"`).join(', ');
    throw new UsageError(`unknown case ${names}; known cases: ${known.join(', ')}`, false);
  }
  return cases.filter((c) => ids.includes(c.id));
}

export function runHindcasts(cases: HindcastCase[], seeds: number, root = ROOT, onCase?: (done: number, total: number) => void): CaseResult[] {
  const list = hindcastSeeds(seeds);
  return cases.map((c, i) => {
    const result = runCase(c, loadScenarioFile(join(root, c.scenario)), list);
    onCase?.(i + 1, cases.length);
    return result;
  });
}

export async function hindcastCommand(args: string[]): Promise<number> {
  return fail('hindcast', HINDCAST_USAGE, () => {
    const a = parseArgs(args, ['seeds'], ['json'], ['case']);
    const ids = [...(a.lists.get('case') ?? []), ...a.positional].flatMap((s) => s.split(',')).map((s) => s.trim()).filter((s) => s !== '');
    if (a.positional.length > 0 && !a.lists.has('case')) throw new UsageError(`unexpected argument "${a.positional[0]}": name cases with --case`);
    const seedsText = a.options.get('seeds');
    const seeds = seedsText === undefined ? DEFAULT_HINDCAST_SEEDS : Number(seedsText);
    if (!Number.isInteger(seeds) || seeds < 1) throw new UsageError(`--seeds must be a whole number of at least 1, not "${seedsText}"`);
    const cases = pickCases(loadHindcastCases(), ids);
    const progress = progressBar('cases');
    let results: CaseResult[];
    try {
      results = runHindcasts(cases, seeds, ROOT, progress.onProgress);
    } finally {
      progress.finish();
    }
    process.stdout.write(a.flags.has('json') ? JSON.stringify(results, null, 2) + '\n' : hindcastTable(results));
    return 0;
  });
}
