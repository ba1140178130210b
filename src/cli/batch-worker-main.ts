// Body of a batch worker: plays its share of the jobs and posts each summary back.
import { parentPort, workerData } from 'node:worker_threads';
import { playJobs, type BatchJob } from './batch-runner';

playJobs(workerData as { index: number; job: BatchJob }[], (m) => parentPort?.postMessage(m));
