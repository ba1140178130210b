// Body of a batch worker: plays its share of the jobs and posts each summary back.
import { parentPort, workerData } from 'node:worker_threads';
import { playShare, type PreparedJob } from '../sim/batch-share';
import type { Scenario } from '../engine/scenario/schema';

const { scenarios, jobs } = workerData as { scenarios: Record<string, Scenario>; jobs: PreparedJob[] };
playShare(scenarios, jobs, (m) => parentPort?.postMessage(m));
