// `crisis-lab compare <log...|dir> [--assignment FILE [--rules R] [--seed S]] [--filter F]
// [--csv F|--json] [--games-csv F]`: verifies outcome logs (and reads batch summaries) from files
// and folders, checks them against the instructor's assignment, then prints the comparison.
import { readdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareEntries, comparisonText, gamesCsv, ignored, isRuleSetName, notCountedText, tableCsv, type Assignment, type Entry, type Filter } from '../compare/index';
import { scenarioHash } from '../engine/index';
import { UsageError, parseArgs } from './args';
import { fail } from './command-helpers';
import { progressBar } from './progress';
import { classifyFile } from './classify-file';
import { loadScenarioFile } from './scenario-file';
import { readKeyFile } from './key-file';

export { classifyFile };
import { startWorker, threadsFor } from './worker-threads';
import { CLAIM_CHUNK, claimChunk, sharedCounter } from './shared-list';

/** Logs a thread should have before it pays: one thread already keeps about 1.4 cores busy (V8
 * optimises the engine on the spare core while it verifies), and each thread compiles the engine
 * for itself. Measured on two cores (load 1.5-2.2), one thread against two: 1,002 logs 3.9-4.0 s
 * against 3.7-4.1 s; 2,500 logs 9.6-9.9 s against 7.5-7.6 s; 5,004 logs 12.9-13.3 s against
 * 8.2-9.7 s. A class's logs are far fewer, and are verified in this thread. */
export const LOGS_PER_WORKER = 1000;

/** The number of threads when none is asked for: one per LOGS_PER_WORKER logs, up to the cores. */
export function compareWorkers(logs: number): number {
  return threadsFor(logs, LOGS_PER_WORKER);
}

/** One file's entries, as a worker posts them (compare-worker-main.ts). */
export interface ClassifiedFile {
  index: number;
  entries: Entry[];
}

const USAGE =
  'Usage: crisis-lab compare <log...|dir> [--assignment SCENARIO [--rules R] [--seed S]] [--filter F]...\n' +
  '                          [--csv F|--json] [--games-csv F] [--hide-names] [--strict] [--workers K] [--key PUB]\n' +
  'Verifies every outcome log (replaying it) and compares the accepted games by scenario and rule set:\n' +
  "each indicator's median, quartiles, min, max and mean; intents chosen turn by turn; the mean course\n" +
  'over the turns; pairs of logs of the same scenario and seed under both rule sets, with the first\n' +
  'turn where they diverge. A folder is read recursively: *.json (a log, an array, or JSON lines) and\n' +
  '*.jsonl / *.ndjson (one log or `crisis-lab batch --json` summary per line). Batch summaries are not\n' +
  'logs and cannot be verified: they are counted apart, as unverified summaries.\n' +
  'Prints a text report; --json prints the comparison as JSON; --csv F writes the table as CSV to F\n' +
  '(- is standard output); --games-csv F writes one row per game, with its player, to F.\n' +
  '--assignment checks every log against the instructor\'s scenario file (its SHA-256) and, when\n' +
  'given, the rule set and seed the assignment fixes: logs that do not match are named, never pooled.\n' +
  '--filter human|bot|scenario=ID|rules=R|policy=P (repeatable) compares only those games.\n' +
  'Each verified log is signed by a key (named by its fingerprint) or integrity only: the digest\n' +
  'detects accidental and naive changes, not authorship. --key PUB (the class server\'s public key\n' +
  'from `crisis-lab keygen`) counts the logs that server signed apart from the rest.\n' +
  'Refused logs, logs of another engine version, files that are not logs (ignored), a log handed in\n' +
  'twice (counted once) and logs off the assignment are named with the reason on standard error.\n' +
  'Exit 0 when at least one log or summary was accepted (with --strict: and none was refused or of\n' +
  'another engine version); 1 otherwise; 2 for a usage error.\n';

const EXTENSIONS = /\.(json|jsonl|ndjson)$/i;

/**
 * The files to read, in a stable order: named files as given, folders walked recursively. A
 * folder that cannot be read, a link back to a folder already read (a symlink loop) or a file
 * that is not .json, .jsonl or .ndjson is one entry with its reason, and the walk goes on.
 * Hidden files and folders (.git, .DS_Store) are passed over silently.
 */
export function collectInputs(paths: string[]): { files: string[]; skipped: Entry[] } {
  const files: string[] = [];
  const skipped: Entry[] = [];
  const visited = new Set<string>();
  const code = (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  const walk = (dir: string) => {
    let real: string;
    let names: string[];
    try {
      real = realpathSync(dir);
      if (visited.has(real)) {
        skipped.push(ignored(dir, `a link to the folder ${real}, already read (a symlink loop?)`, { code: 'symlink-loop', params: { folder: real } }));
        return;
      }
      visited.add(real);
      names = readdirSync(dir).sort();
    } catch (error) {
      skipped.push({ source: dir, status: 'refused', reason: `cannot read the folder: ${code(error)}`, why: { code: 'unreadable-folder', params: { detail: code(error) } } });
      return;
    }
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      let isDirectory: boolean;
      try {
        isDirectory = statSync(path).isDirectory();
      } catch (error) {
        skipped.push({ source: path, status: 'refused', reason: `cannot read the file: ${code(error)}`, why: { code: 'unreadable-file', params: { detail: code(error) } } });
        continue;
      }
      if (isDirectory) walk(path);
      else if (EXTENSIONS.test(name)) files.push(path);
      else skipped.push(ignored(path, 'not a .json, .jsonl or .ndjson file', { code: 'not-log-file' }));
    }
  };
  for (const p of paths) {
    let isDirectory = false;
    try {
      isDirectory = statSync(p).isDirectory();
    } catch {
      // Reading it will give the reason.
    }
    if (isDirectory) walk(p);
    else files.push(p);
  }
  return { files, skipped };
}

/** The files to read (collectInputs without the skipped ones). */
export function inputFiles(paths: string[]): string[] {
  return collectInputs(paths).files;
}

function assignmentOf(file: string | undefined, rules: string | undefined, seed: string | undefined): Assignment | undefined {
  if (file === undefined) {
    if (rules !== undefined || seed !== undefined) throw new UsageError('--rules and --seed say what the assignment fixes: give --assignment SCENARIO too');
    return undefined;
  }
  if (rules !== undefined && !isRuleSetName(rules)) throw new UsageError(`--rules: "${rules}" is not a rule-set name`);
  if (seed !== undefined && seed.trim() === '') throw new UsageError('--seed is empty');
  // The same reading as `run`, so the hash is the one a log of this file records.
  const scenario = loadScenarioFile(file);
  return { scenario: scenario.id, sha256: scenarioHash(scenario), ...(rules !== undefined ? { rules } : {}), ...(seed !== undefined ? { seed } : {}) };
}

/** --filter human | bot | scenario=ID | rules=R | policy=P, repeatable; the last of a kind wins. */
export function filterOf(values: readonly string[]): Filter {
  const filter: Filter = {};
  for (const v of values) {
    if (v === 'human' || v === 'bot') filter.origin = v;
    else {
      const m = v.match(/^(scenario|rules|policy)=(.+)$/);
      if (!m) throw new UsageError(`--filter takes human, bot, scenario=ID, rules=R or policy=P, not "${v}"`);
      filter[m[1] as 'scenario' | 'rules' | 'policy'] = m[2]!;
    }
  }
  return filter;
}

export async function compareCommand(args: string[]): Promise<number> {
  return fail('compare', USAGE, async () => {
    const a = parseArgs(args, ['csv', 'games-csv', 'workers', 'assignment', 'rules', 'seed', 'key'], ['json', 'hide-names', 'strict'], ['filter']);
    if (a.positional.length === 0) throw new UsageError('name at least one outcome log or folder');
    if (a.flags.has('json') && a.options.has('csv')) throw new UsageError('choose --csv or --json, not both');
    let workers: number | undefined;
    if (a.options.has('workers')) {
      workers = Number(a.options.get('workers'));
      if (!Number.isInteger(workers) || workers < 1) throw new UsageError('--workers must be a whole number of at least 1');
    }
    const filter = filterOf(a.lists.get('filter') ?? []);
    const assignment = assignmentOf(a.options.get('assignment'), a.options.get('rules'), a.options.get('seed'));
    const keyFile = a.options.get('key');
    const serverKey = keyFile === undefined ? undefined : readKeyFile(keyFile, 'public');
    const { files, skipped } = collectInputs(a.positional);
    const progress = progressBar('verifying');
    const entries = [...skipped, ...(await classifyFiles(files, workers ?? compareWorkers(files.length), progress.onProgress))];
    progress.finish();
    const comparison = compareEntries(entries, { ...(assignment ? { assignment } : {}), filter, ...(serverKey ? { serverKey } : {}) });
    const hideNames = a.flags.has('hide-names');

    const index = new Map(comparison.entries.map((e, i) => [e.source, i]));
    comparison.entries.forEach((e, i) => {
      const why = notCountedText(e, (source) => (hideNames ? `#${(index.get(source) ?? 0) + 1}` : source));
      if (why) process.stderr.write(`${hideNames ? `#${i + 1}` : e.source}: ${why}\n`);
    });
    const n = comparison.counts;
    const gamesTarget = a.options.get('games-csv');
    if (gamesTarget) {
      writeFileSync(gamesTarget, gamesCsv(comparison, { hideNames }));
      process.stderr.write(`${comparison.games.length} games written to ${gamesTarget}\n`);
    }
    if (a.flags.has('json')) {
      const out = hideNames
        ? {
            ...comparison,
            entries: comparison.entries.map(({ player: _p, ...e }) => e),
            pairs: comparison.pairs.map(({ player: _p, ...p }) => p),
            games: comparison.games.map(({ player: _p, ...g }) => g),
          }
        : comparison;
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
    if (a.flags.has('strict') && n.refused + n.otherVersion + n.offAssignment > 0) return 1;
    return 0;
  });
}

/** Classifies files in this thread, beside `workers` - 1 worker threads when there are enough files
 * (verification replays every game); results in file order. Every thread takes chunks of one
 * shared list (shared-list.ts), so the workers' start-up only means they take fewer. */
export async function classifyFiles(files: string[], workers: number, onProgress: (done: number, total: number) => void = () => {}): Promise<Entry[]> {
  const results: Entry[][] = new Array(files.length);
  let done = 0;
  const accept = ({ index, entries }: ClassifiedFile) => {
    results[index] = entries;
    onProgress(++done, files.length);
  };
  const counter = sharedCounter();
  const entry = new URL('./compare-worker-main.ts', import.meta.url);
  // No more threads than chunks: a thread with nothing to take would only compile the engine.
  const threads = Math.min(workers, Math.ceil(files.length / CLAIM_CHUNK));
  const started = Array.from({ length: Math.max(0, threads - 1) }, () =>
    startWorker<ClassifiedFile[]>(entry, { files, counter }, (bundle) => bundle.forEach(accept)),
  );
  // Awaited below; until then a worker that fails must not count as an unhandled rejection.
  for (const w of started) w.done.catch(() => {});
  for (let start = claimChunk(counter); start < files.length; start = claimChunk(counter)) {
    files.slice(start, start + CLAIM_CHUNK).forEach((file, k) => accept({ index: start + k, entries: classifyFile(file) }));
    // Lets the workers' bundles in between chunks: the progress bar moves for every thread.
    if (started.length > 0) await new Promise((resolve) => setImmediate(resolve));
  }
  await Promise.all(started.map((w) => w.done));
  return results.flat();
}

