// Verification at the speed of play (issue 13, point 2): `crisis-lab verify` of N logs against
// `crisis-lab batch` playing the same N games, both on one thread in this process, side by side
// and alternated so that the machine's load falls on both alike. Goal: verify within 1.5 times
// the batch, for N = 1,000. Each is timed by the clock and by the process's CPU time: on a
// machine shared with other work the clock counts the waits for a core too, the CPU time less so.
// Also shown: the same verification with the engine's pure-JavaScript SHA-256 (what a browser
// without the platform hash uses), by the text path alone (each log decoded whole and read as
// text, as every log was before verify read bytes), and the batch with --logs. `npx tsx bench/verify-bench.ts`
// runs this part alone.
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await verifyBench();
