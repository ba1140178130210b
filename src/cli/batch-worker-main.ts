// Body of a batch worker: plays its share of the jobs and posts the summaries back in small
// bundles. One message per game cost a worker about a tenth of its time (each postMessage wakes
// the main thread); a bundle of a few games keeps the progress bar smooth at a fraction of that.
import { parentPort, workerData } from 'node:worker_threads';
import { playShare, type PreparedJob, type ShareMessage } from '../sim/batch-share';
import type { Scenario } from '../engine/scenario/schema';

const GAMES_PER_MESSAGE = 16;

const { scenarios, jobs } = workerData as { scenarios: Record<string, Scenario>; jobs: PreparedJob[] };
let pending: ShareMessage[] = [];
playShare(scenarios, jobs, (m) => {
  pending.push(m);
  if (pending.length >= GAMES_PER_MESSAGE) {
    parentPort?.postMessage(pending);
    pending = [];
  }
});
if (pending.length > 0) parentPort?.postMessage(pending);
