// `crisis-lab batch <scenario...> --rules R1,R2,... --runs N [--feature K=V ...] [--policy P] [--workers K] [--logs DIR] [--csv F|--json]`
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { UsageError, parseArgs } from './args';
import { batchWorkers, runBatch, type BatchJob } from './batch-runner';
import { defaultWorkers } from './worker-threads';
import { fail, ruleSpecs } from './command-helpers';
import { csvHeader, csvRow } from './summary-format';
import { progressBar } from './progress';

const USAGE =
  'Usage: crisis-lab batch <scenario...> --rules R[,R...] --runs N [--feature K=V ...] [--policy P[,P...]] [--workers K] [--seed-base B] [--logs DIR] [--csv F|--json]\n' +
  'Plays N seeds (B, B+1, ...; B defaults to 1) of each scenario under each rule set and policy.\n' +
  'A rule set is nato, sco, csto, one the scenarios define, or a design-lab spec such as\n' +
  'sco+commitment=automatic; each --feature K=V is appended to every rule set named (+K=V).\n' +
  'Prints a CSV (or writes it to F; - is standard output), or one JSON summary per line with --json;\n' +
  '--logs DIR also writes each game\'s outcome log into DIR. At most 200,000 games per batch: split larger runs with --seed-base.\n';

/** Every summary is held until the end and printed as one text: 200,000 take about a gigabyte of
 * memory and a third of the longest string Node can write; more would fail late and obscurely. */
export const MAX_BATCH_GAMES = 200_000;

export async function batchCommand(args: string[]): Promise<number> {
  return fail('batch', USAGE, async () => {
    const a = parseArgs(args, ['rules', 'runs', 'policy', 'workers', 'csv', 'seed-base', 'logs'], ['json'], ['feature']);
    if (a.positional.length === 0) throw new UsageError('name at least one scenario file');
    const runs = wholeNumber(a.options.get('runs'), '--runs', 1, MAX_BATCH_GAMES, 'split larger runs with --seed-base');
    const seedBase = a.options.has('seed-base') ? wholeNumber(a.options.get('seed-base'), '--seed-base', 0, Number.MAX_SAFE_INTEGER - runs) : 1;
    const rules = ruleSpecs(a.options.get('rules'), a.lists.get('feature') ?? [], true);
    const policies = (a.options.get('policy') ?? 'consult-first').split(',').map((p) => p.trim());
    if (a.flags.has('json') && a.options.has('csv')) throw new UsageError('choose --csv or --json, not both');
    const games = a.positional.length * rules.length * policies.length * runs;
    if (games > MAX_BATCH_GAMES) {
      throw new UsageError(
        `${games.toLocaleString('en')} games asked (${a.positional.length} scenario × ${rules.length} rule set × ${policies.length} policy × ${runs} runs); a batch plays at most ${MAX_BATCH_GAMES.toLocaleString('en')}: split it with --seed-base`,
        false,
      );
    }
    const logsDir = a.options.get('logs');
    if (logsDir !== undefined) makeFolder(logsDir);

    const jobs: BatchJob[] = [];
    for (const file of a.positional)
      for (const r of rules)
        for (const policy of policies)
          for (let i = 0; i < runs; i++) jobs.push({ file, rules: r, seed: String(seedBase + i), policy });

    const cores = defaultWorkers();
    const workers = a.options.has('workers') ? wholeNumber(a.options.get('workers'), '--workers', 1, cores, `this machine has ${cores} core${cores === 1 ? '' : 's'}`) : batchWorkers(jobs.length);
    // A bar on standard error when it is a terminal; redirected output stays clean.
    const progress = progressBar('games');
    const summaries = await runBatch(jobs, workers, progress.onProgress, logsDir).finally(progress.finish);
    if (logsDir !== undefined) process.stderr.write(`${summaries.length} outcome logs written to ${logsDir}\n`);
    if (a.flags.has('json')) {
      process.stdout.write(summaries.map((s) => JSON.stringify(s)).join('\n') + '\n');
      return 0;
    }
    const csv = csvHeader() + summaries.map(csvRow).join('');
    const target = a.options.get('csv');
    if (target && target !== '-') {
      writeFileSync(target, csv);
      process.stderr.write(`${summaries.length} games written to ${target}\n`);
    } else process.stdout.write(csv);
    return 0;
  });
}

function wholeNumber(value: string | undefined, name: string, min: number, max: number, why = ''): number {
  if (value === undefined) throw new UsageError(`${name} is required`);
  // Digits only: 1e12, 0x10 and 1_000 are numbers to JavaScript, not to a reader of the command.
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min) throw new UsageError(`${name} must be a whole number of at least ${min}, not "${value}"`);
  if (n > max) throw new UsageError(`${name} is at most ${max.toLocaleString('en')}${why ? `: ${why}` : ''}`);
  return n;
}

/** The folder for --logs, made if need be; a file of that name is refused before any game is played. */
function makeFolder(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new Error(`--logs ${dir}: cannot make the folder (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (!statSync(dir).isDirectory()) throw new Error(`--logs ${dir} is a file, not a folder`);
}
