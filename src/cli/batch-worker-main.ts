// Body of a batch worker: plays its share of the jobs and posts the summaries back in small
// bundles. One message per game cost a worker about a tenth of its time (each postMessage wakes
// the main thread); a bundle of a few games keeps the progress bar smooth at a fraction of that.
import { parentPort, workerData } from 'node:worker_threads';
import { playShare, type PreparedJob, type ShareMessage } from '../sim/batch-share';
import type { Scenario } from '../engine/index';
import { logWriter, type LogTarget } from './batch-logs';
import { useSha256 } from '../engine/index';
import { nodeSha256 } from './node-host';

const GAMES_PER_MESSAGE = 16;

useSha256(nodeSha256); // Node's SHA-256 for the logs' digests
const { scenarios, jobs, logs } = workerData as { scenarios: Record<string, Scenario>; jobs: PreparedJob[]; logs?: LogTarget };
let pending: ShareMessage[] = [];
playShare(
  scenarios,
  jobs,
  (m) => {
    pending.push(m);
    if (pending.length >= GAMES_PER_MESSAGE) {
      parentPort?.postMessage(pending);
      pending = [];
    }
  },
  logs ? logWriter(logs) : undefined,
);
if (pending.length > 0) parentPort?.postMessage(pending);
