// Many headless games spread over worker threads. Each game is independent and seeded, so the
// summaries are the same whatever the number of workers; they come back in job order.
import type { GameSummary } from '../engine/game/summary';
import type { RuleSetId, Scenario } from '../engine/scenario/schema';
import { playShare, policyFromSpec, type PolicySpec, type PreparedJob, type ShareMessage } from '../sim/batch-share';
import { policySpec } from './policy-file';
import { loadScenarioFile } from './scenario-file';
import { dealShares, startWorker } from './worker-threads';

export { defaultWorkers } from './worker-threads';

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

/** Games this thread plays between two turns of the event loop. */
const SLICE = 16;


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
  // This thread plays the first share itself once the others have started: K workers means K
  // threads in all.
  const shares = dealShares(prepared, workers);
  const workersStarted = shares
    .slice(1)
    .filter((share) => share.length > 0)
    .map((jobs) => startWorker<ShareMessage>(new URL('./batch-worker-main.ts', import.meta.url), { scenarios, jobs }, accept));
  await Promise.all(workersStarted.map((w) => w.online));
  // Play in slices, giving the event loop a turn between them, so workers' results and the
  // progress bar keep flowing while this thread plays too.
  const own = shares[0]!;
  for (let i = 0; i < own.length; i += SLICE) {
    playShare(scenarios, own.slice(i, i + SLICE), accept);
    await new Promise((resolve) => setImmediate(resolve));
  }
  await Promise.all(workersStarted.map((w) => w.done));
  if (firstError) throw new Error(firstError);
  return results as GameSummary[];
}

