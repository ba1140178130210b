// Many headless games, in this thread or spread over worker threads. Each game is independent and seeded, so the
// summaries are the same whatever the number of workers; they come back in job order.
import type { GameSummary } from '../engine/index';
import type { Scenario } from '../engine/index';
import { interleaved, playJobs, playShare, policyFromSpec, type PolicySpec, type PreparedJob, type ShareMessage } from '../sim/batch-share';
import { CLAIM_CHUNK, claimChunk, sharedCounter } from './shared-list';
import { checkRuleSet } from './command-helpers';
import { policySpecAsync } from './policy-spec';
import { loadScenarioFileAsync } from './scenario-file';
import { logTarget, logWriter, type LogTarget } from './batch-logs';
import { startWorker, threadsFor } from './worker-threads';

/** Games a worker thread should have before starting it pays: each worker compiles the engine for
 * itself, which one thread alone does on a spare core while it plays. Measured per thread
 * (/proc/self/task) on the two starters, 1,000 games, load 5-7: one thread 2.8-3.3 s of CPU, of
 * which 0.8-0.9 s on V8's compiler and collector threads; two threads 3.9-4.9 s, of which 1.8-2.1 s
 * there. On two cores that leaves no room for a gain below a few thousand games. */
export const GAMES_PER_WORKER = 1000;

/** The number of workers when none is asked for: one per core, but not more than the batch can use. */
export function batchWorkers(games: number): number {
  return threadsFor(games, GAMES_PER_WORKER);
}

export interface BatchJob {
  file: string;
  /** A rule-set name as resolveRuleSet takes it: a preset, the scenario's own, or a lab spec. */
  rules: string;
  seed: string;
  policy: string;
}

/** What a batch worker is sent once the jobs are prepared (src/cli/batch-worker-main.ts). */
export interface BatchWork {
  scenarios: Record<string, Scenario>;
  /** Every job, interleaved; each thread takes chunks by the shared counter it was started with. */
  jobs: PreparedJob[];
  logs?: LogTarget;
}

/** Reads every scenario file and policy once and resolves every rule set for its scenario,
 * before any game starts: a broken file stops the batch at once with its line and column, an
 * unknown rule set with the list of valid ones; workers receive plain data (the names travel,
 * each thread builds the rule machine from the scenario it was given). */
export async function prepareJobs(jobs: BatchJob[]): Promise<{ scenarios: Record<string, Scenario>; prepared: PreparedJob[] }> {
  const scenarios: Record<string, Scenario> = {};
  const policies = new Map<string, PolicySpec>();
  const checked = new Set<string>();
  const files = new Set(jobs.map((j) => j.file));
  // Files and policy files read first, each once: reading is async (the YAML reader and the
  // validator are loaded only for a file the cache lacks, or a policy file), preparing is not.
  for (const file of files) scenarios[file] = await loadScenarioFileAsync(file);
  for (const name of new Set(jobs.map((j) => j.policy))) policies.set(name, await policySpecAsync(name));
  const prepared = jobs.map((job, index) => {
    const pair = `${job.file}\u0000${job.rules}`;
    if (!checked.has(pair)) {
      checkRuleSet(job.rules, scenarios[job.file]!, files.size > 1 ? `${job.file}: ` : '');
      checked.add(pair);
    }
    const spec = policies.get(job.policy)!;
    policyFromSpec(spec, scenarios[job.file]!, job.seed); // an unknown name fails here, not in a worker
    return { index, scenario: job.file, rules: job.rules, seed: job.seed, policy: spec };
  });
  return { scenarios, prepared };
}


export async function runBatch(
  jobs: BatchJob[],
  workers: number,
  onProgress: (done: number, total: number) => void = () => {},
  /** A folder to write each game's outcome log into (`batch --logs`). */
  logsDir?: string,
): Promise<GameSummary[]> {
  const results: (GameSummary | undefined)[] = new Array(jobs.length);
  let done = 0;
  let firstError: string | null = null;
  const accept = (m: ShareMessage) => {
    if ('error' in m) firstError ??= m.error;
    else results[m.index] = m.summary;
    onProgress(++done, jobs.length);
  };
  // The worker threads start first, so that their own start (a thread, its bundle, the engine
  // compiled) runs beside this thread reading the scenarios; the jobs follow by message. This
  // thread plays too, beside workers - 1 of them: one thread fewer to start, and the one that has
  // already loaded the engine. All take chunks of one shared list, so the workers' start-up and a
  // busy core even out by themselves.
  const counter = sharedCounter();
  const entry = new URL('./batch-worker-main.ts', import.meta.url);
  const started = Array.from({ length: Math.max(0, workers - 1) }, () =>
    startWorker<ShareMessage[]>(entry, { counter }, (bundle) => bundle.forEach(accept)),
  );
  // Awaited below; until then a worker that fails must not count as an unhandled rejection.
  for (const w of started) w.done.catch(() => {});
  let scenarios: Record<string, Scenario>;
  let prepared: PreparedJob[];
  let logs: LogTarget | undefined;
  try {
    ({ scenarios, prepared } = await prepareJobs(jobs));
    logs = logsDir === undefined ? undefined : logTarget(logsDir, scenarios);
  } catch (error) {
    for (const w of started) w.stop();
    throw error;
  }
  const onGame = logs ? logWriter(logs) : undefined;
  if (started.length === 0) {
    playShare(scenarios, prepared, accept, onGame);
  } else {
    const order = interleaved(prepared);
    const work: BatchWork = { scenarios, jobs: order, ...(logs ? { logs } : {}) };
    for (const w of started) w.post(work);
    for (let start = claimChunk(counter); start < order.length; start = claimChunk(counter)) {
      playJobs(scenarios, order.slice(start, start + CLAIM_CHUNK), accept, onGame);
      // Lets the workers' bundles in between chunks: the progress bar moves for every thread.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(started.map((w) => w.done));
  }
  if (firstError) throw new Error(firstError);
  if (done !== jobs.length) throw new Error(`${jobs.length - done} of ${jobs.length} games were not played`);
  return results as GameSummary[];
}
