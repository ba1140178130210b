// Body of a compare worker: verifies its share of the files and posts each file's entries back.
import { parentPort, workerData } from 'node:worker_threads';
import { classifyFile } from './classify-file';

for (const { index, file } of workerData as { index: number; file: string }[]) {
  parentPort?.postMessage({ index, entries: classifyFile(file) });
}
