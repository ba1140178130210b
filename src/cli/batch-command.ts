// `crisis-lab batch <scenario...> --rules R1,R2,... --runs N [--feature K=V ...] [--policy P] [--workers K] [--csv F|--json]`
import { writeFileSync } from 'node:fs';
import { UsageError, parseArgs } from './args';
import { batchWorkers, runBatch, type BatchJob } from './batch-runner';
import { fail, ruleSpecs } from './command-helpers';
import { csvHeader, csvRow } from './summary-format';
import { progressBar } from './progress';

const USAGE =
  'Usage: crisis-lab batch <scenario...> --rules R[,R...] --runs N [--feature K=V ...] [--policy P[,P...]] [--workers K] [--seed-base B] [--csv F|--json]\n' +
  'Plays N seeds (B, B+1, ...; B defaults to 1) of each scenario under each rule set and policy.\n' +
  'A rule set is nato, sco, csto, one the scenarios define, or a design-lab spec such as\n' +
  'sco+commitment=automatic; each --feature K=V is appended to every rule set named (+K=V).\n' +
  'Prints a CSV (or writes it to F; - is standard output), or one JSON summary per line with --json.\n';

export async function batchCommand(args: string[]): Promise<number> {
  return fail('batch', USAGE, async () => {
    const a = parseArgs(args, ['rules', 'runs', 'policy', 'workers', 'csv', 'seed-base'], ['json'], ['feature']);
    if (a.positional.length === 0) throw new UsageError('name at least one scenario file');
    const runs = wholeNumber(a.options.get('runs'), '--runs', 1);
    const seedBase = a.options.has('seed-base') ? wholeNumber(a.options.get('seed-base'), '--seed-base', 0) : 1;
    const rules = ruleSpecs(a.options.get('rules'), a.lists.get('feature') ?? [], true);
    const policies = (a.options.get('policy') ?? 'consult-first').split(',').map((p) => p.trim());
    if (a.flags.has('json') && a.options.has('csv')) throw new UsageError('choose --csv or --json, not both');

    const jobs: BatchJob[] = [];
    for (const file of a.positional)
      for (const r of rules)
        for (const policy of policies)
          for (let i = 0; i < runs; i++) jobs.push({ file, rules: r, seed: String(seedBase + i), policy });

    const workers = a.options.has('workers') ? wholeNumber(a.options.get('workers'), '--workers', 1) : batchWorkers(jobs.length);
    // A bar on standard error when it is a terminal; redirected output stays clean.
    const progress = progressBar('games');
    const summaries = await runBatch(jobs, workers, progress.onProgress).finally(progress.finish);
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

function wholeNumber(value: string | undefined, name: string, min: number): number {
  if (value === undefined) throw new UsageError(`${name} is required`);
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${name} must be a whole number of at least ${min}`);
  return n;
}
