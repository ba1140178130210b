// Many headless games, in this thread or spread over worker threads. Each game is independent and seeded, so the
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
    const entry = new URL('./batch-worker-main.ts', import.meta.url);
    const started = dealShares(prepared, workers)
      .filter((share) => share.length > 0)
      .map((jobs) => startWorker<ShareMessage[]>(entry, { scenarios, jobs }, (bundle) => bundle.forEach(accept)));
    await Promise.all(started.map((w) => w.done));
  }
  if (firstError) throw new Error(firstError);
  return results as GameSummary[];
}

