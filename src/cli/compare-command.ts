// `crisis-lab compare <log...|dir> [--csv F|--json]`: verifies outcome logs (and reads batch
// summaries) from files and folders, then prints the comparison of the class.
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareEntries, comparisonText, tableCsv, type Entry } from '../compare/index';
import { UsageError, parseArgs } from './args';
import { fail } from './command-helpers';
import { progressBar } from './progress';
import { classifyFile } from './classify-file';

export { classifyFile };
import { dealShares, defaultWorkers, startWorker } from './worker-threads';

const USAGE =
  'Usage: crisis-lab compare <log...|dir> [--csv F|--json] [--hide-names] [--strict] [--workers K]\n' +
  'Verifies every outcome log (replaying it) and compares the accepted games by scenario and rule set:\n' +
  "each indicator's median, quartiles, min, max and mean; intents chosen turn by turn; the mean course\n" +
  'over the turns; pairs of logs of the same scenario and seed under both rule sets, with the first\n' +
  'turn where they diverge. A folder is read recursively: *.json (a log, an array, or JSON lines) and\n' +
  '*.jsonl / *.ndjson (one log or `crisis-lab batch --json` summary per line). Batch summaries are not\n' +
  'logs and cannot be verified: they are counted apart, as unverified summaries.\n' +
  'Prints a text report; --json prints the comparison as JSON; --csv F writes the table as CSV to F\n' +
  '(- is standard output). Refused logs and logs of another engine version are named with the reason\n' +
  'on standard error and not counted.\n' +
  'Exit 0 when at least one log or summary was accepted (with --strict: and none was refused or of\n' +
  'another engine version); 1 otherwise; 2 for a usage error.\n';

const EXTENSIONS = /\.(json|jsonl|ndjson)$/i;

/** The files to read, in a stable order: named files as given, folders walked recursively. */
export function inputFiles(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    const names = readdirSync(dir).sort();
    for (const name of names) {
      const path = join(dir, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else if (EXTENSIONS.test(name)) out.push(path);
    }
  };
  for (const p of paths) {
    let stat;
    try {
      stat = statSync(p);
    } catch {
      out.push(p); // reading it will give the reason
      continue;
    }
    if (stat.isDirectory()) walk(p);
    else out.push(p);
  }
  return out;
}


export async function compareCommand(args: string[]): Promise<number> {
  return fail('compare', USAGE, async () => {
    const a = parseArgs(args, ['csv', 'workers'], ['json', 'hide-names', 'strict']);
    if (a.positional.length === 0) throw new UsageError('name at least one outcome log or folder');
    if (a.flags.has('json') && a.options.has('csv')) throw new UsageError('choose --csv or --json, not both');
    let workers = defaultWorkers();
    if (a.options.has('workers')) {
      workers = Number(a.options.get('workers'));
      if (!Number.isInteger(workers) || workers < 1) throw new UsageError('--workers must be a whole number of at least 1');
    }
    const files = inputFiles(a.positional);
    const progress = progressBar('verifying');
    const entries = await classifyFiles(files, workers, progress.onProgress);
    progress.finish();
    const comparison = compareEntries(entries);
    const hideNames = a.flags.has('hide-names');

    for (const e of comparison.entries) {
      if (e.status === 'refused') process.stderr.write(`${e.source}: refused: ${e.reason}\n`);
      else if (e.status === 'other-version') process.stderr.write(`${e.source}: other engine version ${e.engineVersion}: ${e.reason}\n`);
    }
    const n = comparison.counts;
    if (a.flags.has('json')) {
      const out = hideNames ? { ...comparison, entries: comparison.entries.map(({ player: _p, ...e }) => e), pairs: comparison.pairs.map(({ player: _p, ...p }) => p) } : comparison;
      process.stdout.write(JSON.stringify(out, null, 2) + '\n');
    } else {
      const target = a.options.get('csv');
      if (target === '-') process.stdout.write(tableCsv(comparison));
      else {
        if (target) {
          writeFileSync(target, tableCsv(comparison));
          process.stderr.write(`table of ${comparison.groups.length} groups written to ${target}\n`);
        }
        process.stdout.write(comparisonText(comparison, { hideNames }));
      }
    }
    if (files.length === 0) process.stderr.write('crisis-lab compare: no .json, .jsonl or .ndjson file found\n');
    const accepted = n.verified + n.summaries;
    if (accepted === 0) return 1;
    if (a.flags.has('strict') && n.refused + n.otherVersion > 0) return 1;
    return 0;
  });
}

/** Classifies files over worker threads (verification replays every game); results in file order. */
export async function classifyFiles(files: string[], workers: number, onProgress: (done: number, total: number) => void = () => {}): Promise<Entry[]> {
  const results: Entry[][] = new Array(files.length);
  let done = 0;
  const accept = (index: number, entries: Entry[]) => {
    results[index] = entries;
    onProgress(++done, files.length);
  };
  const indexed = files.map((file, index) => ({ index, file }));
  // Starting a worker costs more than verifying a handful of logs.
  const count = Math.min(workers, Math.floor(files.length / 8));
  if (count <= 1) {
    for (const { index, file } of indexed) accept(index, classifyFile(file));
  } else {
    const entry = new URL('./compare-worker-main.ts', import.meta.url);
    const started = dealShares(indexed, count).map((share) =>
      startWorker<{ index: number; entries: Entry[] }>(entry, share, (m) => accept(m.index, m.entries)),
    );
    await Promise.all(started.map((w) => w.done));
  }
  return results.flat();
}

