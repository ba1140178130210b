// Body of a batch worker: started before the jobs are ready (its start runs beside the main thread
// reading the scenarios), it waits for them, then takes chunks of the shared job list (see
// shared-list.ts) until none is left, and posts the summaries back in small bundles. One message per
// game cost a worker about a tenth of its time (each postMessage wakes the main thread); a bundle
// of a few games keeps the progress bar smooth at a fraction of that.
import { parentPort, workerData } from 'node:worker_threads';
import { playJobs, type ShareMessage } from '../sim/batch-share';
import { CLAIM_CHUNK, claimChunk } from './shared-list';
import { logWriter } from './batch-logs';
import { useSha256 } from '../engine/index';
import { nodeSha256 } from './node-host';
import type { BatchWork } from './batch-runner';

const GAMES_PER_MESSAGE = 16;

useSha256(nodeSha256); // Node's SHA-256 for the logs' digests
const { counter } = workerData as { counter: Int32Array };
// `once`: with no listener left the port no longer holds the thread open, so it ends when done.
parentPort!.once('message', ({ scenarios, jobs, logs }: BatchWork) => {
  const onGame = logs ? logWriter(logs) : undefined;
  let pending: ShareMessage[] = [];
  const report = (m: ShareMessage) => {
    pending.push(m);
    if (pending.length >= GAMES_PER_MESSAGE) {
      parentPort!.postMessage(pending);
      pending = [];
    }
  };
  for (let start = claimChunk(counter); start < jobs.length; start = claimChunk(counter)) {
    playJobs(scenarios, jobs.slice(start, start + CLAIM_CHUNK), report, onGame);
  }
  if (pending.length > 0) parentPort!.postMessage(pending);
});
