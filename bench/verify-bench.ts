// Verification at the speed of play (issue 13, point 2): `crisis-lab verify` of N logs against
// `crisis-lab batch` playing the same N games, both on one thread in this process, side by side
// and alternated so that the machine's load falls on both alike. Goal: verify within 1.5 times
// the batch, for N = 1,000. Also shown: the same verification with the engine's pure-JavaScript
// SHA-256 (what a browser without the platform hash uses) and the batch with --logs.
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pureSha256, useSha256 } from '../src/engine/index';
import { runBatch, type BatchJob } from '../src/cli/batch-runner';
import { nodeSha256 } from '../src/cli/node-host';
import { Duplicates, verifyFile } from '../src/cli/verify-command';

const SCENARIOS = ['scenarios/terror-attack-member.yaml', 'scenarios/frontier-armed-attack.yaml', 'scenarios/rats-central-asia.yaml'];
const RULES = ['nato', 'sco'];
const ROUNDS = 3;

function jobsFor(games: number): BatchJob[] {
  const perGroup = Math.ceil(games / (SCENARIOS.length * RULES.length));
  const jobs: BatchJob[] = [];
  for (const file of SCENARIOS) for (const rules of RULES) for (let i = 1; i <= perGroup; i++) jobs.push({ file, rules, seed: String(i), policy: 'consult-first' });
  return jobs.slice(0, games);
}

async function seconds(run: () => unknown): Promise<number> {
  const start = performance.now();
  await run();
  return (performance.now() - start) / 1000;
}

/** What `crisis-lab verify DIR/*` does for each file, duplicate check included, without the process start. */
function verifyAll(dir: string): void {
  const seen = new Duplicates();
  for (const name of readdirSync(dir)) {
    const verdict = verifyFile(join(dir, name));
    if (!verdict.ok) throw new Error(`${name}: ${verdict.reason}`);
    if (seen.check(name, verdict.log)) throw new Error(`${name}: a duplicate in a batch of distinct games`);
  }
}

export async function verifyBench(games = Number(process.env.VERIFY_BENCH_GAMES ?? 1000)): Promise<void> {
  useSha256(nodeSha256); // as the command line does
  const jobs = jobsFor(games);
  const dir = mkdtempSync(join(tmpdir(), 'crisis-lab-verify-bench-'));
  try {
    // Warm-up: both paths compiled and the scenarios' caches filled before anything is timed.
    await runBatch(jobsFor(60), 1, undefined, dir);
    verifyAll(dir);
    rmSync(dir, { recursive: true });
    mkdirSync(dir);
    await runBatch(jobs, 1, undefined, dir);

    const best = { batch: Infinity, logs: Infinity, verify: Infinity, pure: Infinity };
    for (let round = 0; round < ROUNDS; round++) {
      best.batch = Math.min(best.batch, await seconds(() => runBatch(jobs, 1)));
      best.verify = Math.min(best.verify, await seconds(() => verifyAll(dir)));
      best.logs = Math.min(best.logs, await seconds(() => runBatch(jobs, 1, undefined, dir)));
      useSha256(pureSha256);
      best.pure = Math.min(best.pure, await seconds(() => verifyAll(dir)));
      useSha256(nodeSha256);
    }
    const ms = (s: number) => `${((s * 1000) / jobs.length).toFixed(2)} ms`;
    console.log(`\nVerification against play, ${jobs.length} games on one thread (best of ${ROUNDS}, alternated)`);
    console.log(`  batch (play N games):        ${best.batch.toFixed(2)} s  (${ms(best.batch)} a game)`);
    console.log(`  batch --logs:                ${best.logs.toFixed(2)} s  (${ms(best.logs)} a game)`);
    console.log(`  verify N logs:               ${best.verify.toFixed(2)} s  (${ms(best.verify)} a log)  = ${(best.verify / best.batch).toFixed(2)}x the batch (goal: at most 1.5x)`);
    console.log(`  verify, pure-JS SHA-256:     ${best.pure.toFixed(2)} s  (${ms(best.pure)} a log)  = ${(best.pure / best.batch).toFixed(2)}x the batch`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
