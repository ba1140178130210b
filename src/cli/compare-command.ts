// `crisis-lab compare <log...|dir> [--csv F|--json]`: verifies outcome logs (and reads batch
// summaries) from files and folders, then prints the comparison of the class.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { buildSync } from 'esbuild';
import { classifyText, compareEntries, comparisonText, tableCsv, type Entry } from '../compare/index';
import { UsageError, parseArgs } from './args';
import { fail } from './command-helpers';
import { progressBar } from './progress';

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

export function classifyFile(file: string): Entry[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return [{ source: file, status: 'refused', reason: `cannot read the file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` }];
  }
  return classifyText(text, file);
}

export async function compareCommand(args: string[]): Promise<number> {
  return fail('compare', USAGE, async () => {
    const a = parseArgs(args, ['csv', 'workers'], ['json', 'hide-names', 'strict']);
    if (a.positional.length === 0) throw new UsageError('name at least one outcome log or folder');
    if (a.flags.has('json') && a.options.has('csv')) throw new UsageError('choose --csv or --json, not both');
    let workers = Math.max(1, availableParallelism());
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
    const shares = Array.from({ length: count }, (_, w) => indexed.filter((_, i) => i % count === w));
    await Promise.all(shares.map((share) => runWorker(share, accept)));
  }
  return results.flat();
}

// Like the batch: one esbuild bundle of the worker, built once per process, starts in milliseconds.
let workerBundle: string | null = null;

function workerSource(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  workerBundle ??= buildSync({
    stdin: {
      contents: [
        "import { parentPort, workerData } from 'node:worker_threads';",
        "import { readFileSync } from 'node:fs';",
        "import { classifyText } from '../compare/classify';",
        'for (const { index, file } of workerData) {',
        '  let entries;',
        "  try { entries = classifyText(readFileSync(file, 'utf8'), file); }",
        "  catch (error) { entries = [{ source: file, status: 'refused', reason: 'cannot read the file: ' + (error.code ?? error.message) }]; }",
        '  parentPort.postMessage({ index, entries });',
        '}',
      ].join('\n'),
      resolveDir: here,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'silent',
  }).outputFiles[0]!.text;
  return workerBundle;
}

function runWorker(share: { index: number; file: string }[], accept: (index: number, entries: Entry[]) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerSource(), { eval: true, workerData: share });
    worker.on('message', (m: { index: number; entries: Entry[] }) => accept(m.index, m.entries));
    worker.on('error', reject);
    worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a compare worker stopped with code ${code}`))));
  });
}
