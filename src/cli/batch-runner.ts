// Many headless games spread over worker threads. Each game is independent and seeded, so the
// summaries are the same whatever the number of workers; they come back in job order.
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { availableParallelism } from 'node:os';
import { summarize, type GameSummary } from '../engine/game/summary';
import type { RuleSetId, Scenario } from '../engine/scenario/schema';
import { playGame } from '../sim/play';
import { resolvePolicy } from './policy-file';
import { loadScenarioFile } from './scenario-file';

export interface BatchJob {
  file: string;
  rules: RuleSetId;
  seed: string;
  policy: string;
}

export type WorkerMessage = { index: number; summary: GameSummary } | { index: number; error: string };

/** Plays jobs in this thread; a cache keeps each scenario file parsed once. */
export function playJobs(jobs: { index: number; job: BatchJob }[], report: (m: WorkerMessage) => void): void {
  const scenarios = new Map<string, Scenario>();
  for (const { index, job } of jobs) {
    try {
      let scenario = scenarios.get(job.file);
      if (!scenario) {
        scenario = loadScenarioFile(job.file);
        scenarios.set(job.file, scenario);
      }
      const policy = resolvePolicy(job.policy, scenario, job.seed);
      report({ index, summary: summarize(playGame(scenario, job.rules, job.seed, policy), policy.name) });
    } catch (error) {
      report({ index, error: (error as Error).message });
    }
  }
}

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

export async function runBatch(
  jobs: BatchJob[],
  workers: number,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<GameSummary[]> {
  const results: (GameSummary | undefined)[] = new Array(jobs.length);
  let done = 0;
  let firstError: string | null = null;
  const accept = (m: WorkerMessage) => {
    if ('error' in m) firstError ??= m.error;
    else results[m.index] = m.summary;
    onProgress(++done, jobs.length);
  };
  const indexed = jobs.map((job, index) => ({ index, job }));
  if (workers <= 1) {
    playJobs(indexed, accept);
  } else {
    // Deal jobs out in turn, so every worker gets a like mix of scenarios and rule sets.
    const shares = Array.from({ length: workers }, (_, w) => indexed.filter((_, i) => i % workers === w));
    await Promise.all(shares.filter((s) => s.length > 0).map((share) => runWorker(share, accept)));
  }
  if (firstError) throw new Error(firstError);
  return results as GameSummary[];
}

// Each worker would otherwise compile every TypeScript module again on start; one bundle,
// built once per process in about a tenth of a second, starts in a few milliseconds.
let workerBundle: string | null = null;

function workerSource(): string {
  workerBundle ??= buildSync({
    entryPoints: [fileURLToPath(new URL('./batch-worker-main.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'silent',
  }).outputFiles[0]!.text;
  return workerBundle;
}

function runWorker(share: { index: number; job: BatchJob }[], accept: (m: WorkerMessage) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerSource(), { eval: true, workerData: share });
    worker.on('message', accept);
    worker.on('error', reject);
    worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a batch worker stopped with code ${code}`))));
  });
}
