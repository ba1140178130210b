// Worker threads for the commands that spread work over cores (batch, compare). Each worker runs
// one esbuild bundle of its entry file, built once per process in a fraction of a second: a
// worker would otherwise compile every TypeScript module again when it starts.
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import { buildSync } from 'esbuild';

const bundles = new Map<string, string>();

function bundleOf(entry: URL): string {
  const path = fileURLToPath(entry);
  let code = bundles.get(path);
  if (code === undefined) {
    code = buildSync({ entryPoints: [path], bundle: true, minify: true, platform: 'node', format: 'cjs', write: false, logLevel: 'silent' })
      .outputFiles[0]!.text;
    bundles.set(path, code);
  }
  return code;
}

export interface StartedWorker {
  /** Resolves once the thread runs (or has failed), so the caller may then busy its own thread. */
  online: Promise<void>;
  done: Promise<void>;
}

export function startWorker<M>(entry: URL, workerData: unknown, onMessage: (message: M) => void): StartedWorker {
  const worker = new Worker(bundleOf(entry), { eval: true, workerData });
  worker.on('message', onMessage);
  const done = new Promise<void>((resolve, reject) => {
    worker.on('error', reject);
    worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a worker thread stopped with code ${code}`))));
  });
  // A worker that fails before it is online must not leave its caller waiting.
  const online = new Promise<void>((resolve) => {
    worker.once('online', () => resolve());
    done.catch(() => resolve());
  });
  return { online, done };
}

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

/** Deals items out in turn, so every thread gets a like mix. */
export function dealShares<T>(items: T[], threads: number): T[][] {
  const n = Math.max(1, threads);
  return Array.from({ length: n }, (_, w) => items.filter((_, i) => i % n === w));
}
