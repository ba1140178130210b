// Verification at the speed of play (issue 13, point 2): `crisis-lab verify` of N logs against
// `crisis-lab batch` playing the same N games, both on one thread in this process, side by side
// and alternated so that the machine's load falls on both alike. Goal: verify within 1.5 times
// the batch, for N = 1,000. Each is timed by the clock and by the process's CPU time: on a
// machine shared with other work the clock counts the waits for a core too, the CPU time less so.
// Also shown: the same verification with the engine's pure-JavaScript SHA-256 (what a browser
// without the platform hash uses), by the text path alone (each log decoded whole and read as
// text, as every log was before verify read bytes), and the batch with --logs. `npx tsx bench/verify-bench.ts`
// runs this part alone. Last, the two whole commands, each in its own Node process as a user
// runs them (start-up, the scenarios read or validated, the code compiled cold).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { devNull, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pureSha256, useSha256, verifyLogText } from '../src/engine/index';
import { readBounded } from '../src/cli/bounded-read';
import { runBatch, type BatchJob } from '../src/cli/batch-runner';
import { nodeSha256 } from '../src/cli/node-host';
import { Duplicates, MAX_LOG_BYTES, verifyFile, type FileVerdict } from '../src/cli/verify-command';
import { VERIFY_GOAL, load, recordVerify } from './speed-goals';

const SCENARIOS = ['scenarios/terror-attack-member.yaml', 'scenarios/frontier-armed-attack.yaml', 'scenarios/rats-central-asia.yaml'];
const RULES = ['nato', 'sco'];
const ROUNDS = 3;

function jobsFor(games: number): BatchJob[] {
  const perGroup = Math.ceil(games / (SCENARIOS.length * RULES.length));
  const jobs: BatchJob[] = [];
  for (const file of SCENARIOS) for (const rules of RULES) for (let i = 1; i <= perGroup; i++) jobs.push({ file, rules, seed: String(i), policy: 'consult-first' });
  return jobs.slice(0, games);
}

interface Timing {
  /** Seconds by the clock. */
  wall: number;
  /** Seconds of CPU the process spent (every thread: the collector's and compiler's helpers too). */
  cpu: number;
}

async function timed(run: () => unknown): Promise<Timing> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  await run();
  const used = process.cpuUsage(cpu);
  return { wall: (performance.now() - start) / 1000, cpu: (used.user + used.system) / 1e6 };
}

const best = (a: Timing, b: Timing): Timing => ({ wall: Math.min(a.wall, b.wall), cpu: Math.min(a.cpu, b.cpu) });

/** What `crisis-lab verify DIR/*` does for each file, duplicate check included, without the process start. */
function verifyAll(dir: string, verify: (file: string) => FileVerdict = verifyFile): void {
  const seen = new Duplicates();
  for (const name of readdirSync(dir)) {
    const verdict = verify(join(dir, name));
    if (!verdict.ok) throw new Error(`${name}: ${verdict.reason}`);
    if (seen.check(name, verdict.log)) throw new Error(`${name}: a duplicate in a batch of distinct games`);
  }
}

/** The text path alone: the file decoded whole and read as text, never as bytes. */
function verifyAsText(file: string): FileVerdict {
  const result = verifyLogText(readBounded(file, MAX_LOG_BYTES, 'an outcome log'));
  return result.ok ? { ok: true, detail: '', trust: '', log: result.log } : { ok: false, reason: result.reason };
}

/** CPU seconds of the children this process has waited for (Linux: /proc/self/stat's cutime and
 * cstime, in clock ticks of 1/100 s), or NaN where there is no /proc. */
function childrenCpu(): number {
  if (!existsSync('/proc/self/stat')) return NaN;
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

/** One whole command, `node bin/crisis-lab.mjs ...args`, by the clock and by its CPU time. */
function command(args: string[]): Timing {
  const cpu = childrenCpu();
  const start = performance.now();
  const run = spawnSync(process.execPath, ['bin/crisis-lab.mjs', ...args], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`crisis-lab ${args[0]} failed: ${String(run.stderr).slice(0, 400)}`);
  return { wall: (performance.now() - start) / 1000, cpu: childrenCpu() - cpu };
}

export async function verifyBench(games = Number(process.env.VERIFY_BENCH_GAMES ?? 1000)): Promise<void> {
  useSha256(nodeSha256); // as the command line does
  const jobs = jobsFor(games);
  const dir = mkdtempSync(join(tmpdir(), 'crisis-lab-verify-bench-'));
  try {
    // Warm-up: both paths compiled and the scenarios' caches filled before anything is timed.
    await runBatch(jobsFor(60), 1, undefined, dir);
    verifyAll(dir);
    verifyAll(dir, verifyAsText);
    rmSync(dir, { recursive: true });
    mkdirSync(dir);
    await runBatch(jobs, 1, undefined, dir);

    const none: Timing = { wall: Infinity, cpu: Infinity };
    const t = { batch: none, logs: none, verify: none, pure: none, text: none };
    const loadBefore = load();
    for (let round = 0; round < ROUNDS; round++) {
      t.batch = best(t.batch, await timed(() => runBatch(jobs, 1)));
      t.verify = best(t.verify, await timed(() => verifyAll(dir)));
      t.logs = best(t.logs, await timed(() => runBatch(jobs, 1, undefined, dir)));
      useSha256(pureSha256);
      t.pure = best(t.pure, await timed(() => verifyAll(dir)));
      useSha256(nodeSha256);
      t.text = best(t.text, await timed(() => verifyAll(dir, verifyAsText)));
    }
    const ms = (s: number) => `${((s * 1000) / jobs.length).toFixed(2)} ms`;
    const line = (label: string, x: Timing, what: string, ratio = '') =>
      console.log(`  ${label.padEnd(28)} ${x.wall.toFixed(2)} s (${ms(x.wall)} ${what}), CPU ${x.cpu.toFixed(2)} s (${ms(x.cpu)})${ratio}`);
    const ratios = (x: Timing) => ` = ${(x.wall / t.batch.wall).toFixed(2)}× the batch by the clock, ${(x.cpu / t.batch.cpu).toFixed(2)}× by CPU time`;
    console.log(`\nVerification against play, ${jobs.length} games on one thread (best of ${ROUNDS}, alternated; load average ${loadBefore} before, ${load()} after)`);
    line('batch (play N games):', t.batch, 'a game');
    line('batch --logs:', t.logs, 'a game');
    line('verify N logs:', t.verify, 'a log', `${ratios(t.verify)} (goal ≤ ${VERIFY_GOAL}×)`);
    line('verify, pure-JS SHA-256:', t.pure, 'a log', ratios(t.pure));
    line('verify, as text (no bytes):', t.text, 'a log', ratios(t.text));
    recordVerify(jobs.length, t.verify.wall / t.batch.wall, t.verify.cpu / t.batch.cpu);

    // The whole commands: `batch` of every scenario and rule set with --runs (a few games more
    // than N when N is not a multiple of six) against `verify` of the N logs.
    const runs = Math.ceil(games / (SCENARIOS.length * RULES.length));
    const files = readdirSync(dir).map((name) => join(dir, name));
    const batchArgs = ['batch', ...SCENARIOS, '--rules', RULES.join(','), '--runs', String(runs), '--policy', 'consult-first', '--workers', '1', '--csv', devNull];
    command(['--help']); // builds the command line if a source changed
    const c = { batch: none, verify: none };
    const loadCommands = load();
    for (let round = 0; round < 2; round++) {
      c.batch = best(c.batch, command(batchArgs));
      c.verify = best(c.verify, command(['verify', ...files]));
    }
    console.log(`\nThe whole commands, each a fresh process (best of 2, alternated; load average ${loadCommands} before, ${load()} after)`);
    console.log(`  crisis-lab batch (${runs * SCENARIOS.length * RULES.length} games, --workers 1): ${c.batch.wall.toFixed(2)} s, CPU ${c.batch.cpu.toFixed(2)} s`);
    console.log(`  crisis-lab verify (${files.length} logs):${' '.repeat(9)}${c.verify.wall.toFixed(2)} s, CPU ${c.verify.cpu.toFixed(2)} s = ${(c.verify.wall / c.batch.wall).toFixed(2)}× by the clock, ${(c.verify.cpu / c.batch.cpu).toFixed(2)}× by CPU time`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await verifyBench();
