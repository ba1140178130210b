// Many headless games spread over worker threads. Each game is independent and seeded, so the
// summaries are the same whatever the number of workers; they come back in job order.
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { availableParallelism } from 'node:os';
import type { GameSummary } from '../engine/game/summary';
import type { RuleSetId, Scenario } from '../engine/scenario/schema';
import { playShare, policyFromSpec, type PolicySpec, type PreparedJob, type ShareMessage } from '../sim/batch-share';
import { policySpec } from './policy-file';
import { loadScenarioFile } from './scenario-file';

export interface BatchJob {
  file: string;
  rules: RuleSetId;
  seed: string;
  policy: string;
}

/** Reads every scenario file and policy once, before any game starts: a broken file stops the
 * batch at once with its line and column, and workers receive plain data. */
export function prepareJobs(jobs: BatchJob[]): { scenarios: Record<string, Scenario>; prepared: PreparedJob[] } {
  const scenarios: Record<string, Scenario> = {};
  const policies = new Map<string, PolicySpec>();
  const prepared = jobs.map((job, index) => {
    scenarios[job.file] ??= loadScenarioFile(job.file);
    let spec = policies.get(job.policy);
    if (spec === undefined) {
      spec = policySpec(job.policy);
      policies.set(job.policy, spec);
    }
    policyFromSpec(spec, scenarios[job.file]!, job.seed); // an unknown name fails here, not in a worker
    return { index, scenario: job.file, rules: job.rules, seed: job.seed, policy: spec };
  });
  return { scenarios, prepared };
}

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

export async function runBatch(
  jobs: BatchJob[],
  workers: number,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<GameSummary[]> {
  const { scenarios, prepared } = prepareJobs(jobs);
  const results: (GameSummary | undefined)[] = new Array(jobs.length);
  let done = 0;
  let firstError: string | null = null;
  const accept = (m: ShareMessage) => {
    if ('error' in m) firstError ??= m.error;
    else results[m.index] = m.summary;
    onProgress(++done, jobs.length);
  };
  if (workers <= 1) {
    playShare(scenarios, prepared, accept);
  } else {
    // Deal jobs out in turn, so every worker gets a like mix of scenarios and rule sets.
    const shares = Array.from({ length: workers }, (_, w) => prepared.filter((_, i) => i % workers === w));
    await Promise.all(shares.filter((s) => s.length > 0).map((share) => runWorker(scenarios, share, accept)));
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
    minify: true,
    logLevel: 'silent',
  }).outputFiles[0]!.text;
  return workerBundle;
}

function runWorker(scenarios: Record<string, Scenario>, jobs: PreparedJob[], accept: (m: ShareMessage) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerSource(), { eval: true, workerData: { scenarios, jobs } });
    worker.on('message', accept);
    worker.on('error', reject);
    worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a batch worker stopped with code ${code}`))));
  });
}
