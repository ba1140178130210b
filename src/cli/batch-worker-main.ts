// Body of a batch worker: takes chunks of the shared job list (see claimChunk) until none is left,
// and posts the summaries back in small bundles. One message per game cost a worker about a tenth
// of its time (each postMessage wakes the main thread); a bundle of a few games keeps the progress
// bar smooth at a fraction of that.
import { parentPort, workerData } from 'node:worker_threads';
import { CLAIM_CHUNK, claimChunk, playJobs, type PreparedJob, type ShareMessage } from '../sim/batch-share';
import type { Scenario } from '../engine/index';
import { logWriter, type LogTarget } from './batch-logs';
import { useSha256 } from '../engine/index';
import { nodeSha256 } from './node-host';

const GAMES_PER_MESSAGE = 16;

useSha256(nodeSha256); // Node's SHA-256 for the logs' digests
const { scenarios, jobs, counter, logs } = workerData as { scenarios: Record<string, Scenario>; jobs: PreparedJob[]; counter: Int32Array; logs?: LogTarget };
const onGame = logs ? logWriter(logs) : undefined;
let pending: ShareMessage[] = [];
const report = (m: ShareMessage) => {
  pending.push(m);
  if (pending.length >= GAMES_PER_MESSAGE) {
    parentPort?.postMessage(pending);
    pending = [];
  }
};
for (let start = claimChunk(counter); start < jobs.length; start = claimChunk(counter)) {
  playJobs(scenarios, jobs.slice(start, start + CLAIM_CHUNK), report, onGame);
}
if (pending.length > 0) parentPort?.postMessage(pending);
