// Body of a compare worker: takes chunks of the shared list of files (shared-list.ts) until none
// is left, and posts each chunk's entries back in one message.
import { parentPort, workerData } from 'node:worker_threads';
import { classifyFile } from './classify-file';
import { CLAIM_CHUNK, claimChunk } from './shared-list';
import { useSha256 } from '../engine/index';
import { nodeSha256 } from './node-host';
import type { ClassifiedFile } from './compare-command';

// Node's SHA-256 for the logs' digests, as the command's own thread has (without it a worker
// hashed every log with the engine's pure-JavaScript SHA-256, about half as fast again per log).
useSha256(nodeSha256);

const { files, counter } = workerData as { files: string[]; counter: Int32Array };
for (let start = claimChunk(counter); start < files.length; start = claimChunk(counter)) {
  const bundle: ClassifiedFile[] = files.slice(start, start + CLAIM_CHUNK).map((file, k) => ({ index: start + k, entries: classifyFile(file) }));
  parentPort?.postMessage(bundle);
}
