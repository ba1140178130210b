// Worker threads for the commands that spread work over cores (batch, compare, sweep). Each worker
// runs one bundle of its entry file: the built command line (build/cli, scripts/build-cli.mjs)
// ships one beside it; run from source (the tests), the entry is bundled once per process. A
// worker would otherwise compile every TypeScript module again when it starts.
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';

const bundles = new Map<string, string>();
const YOUNG_GENERATION_MB = 192;

/** The prebuilt bundle next to the built command line, or null when running from source. */
function prebuilt(entry: URL): string | null {
  const path = fileURLToPath(entry);
  if (existsSync(path)) return null;
  const built = path.replace(/\.ts$/, '.cjs');
  return existsSync(built) ? built : null;
}

function bundleOf(entry: URL): string {
  const path = fileURLToPath(entry);
  let code = bundles.get(path);
  if (code === undefined) {
    // Loaded only here: the built command line never bundles at run time.
    const { buildSync } = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
    code = buildSync({ entryPoints: [path], bundle: true, minify: true, platform: 'node', format: 'cjs', write: false, logLevel: 'silent' })
      .outputFiles[0]!.text;
    bundles.set(path, code);
  }
  return code;
}

export interface StartedWorker {
  /** Settles when the worker ends: resolved on a clean exit or after stop(), else rejected. */
  done: Promise<void>;
  /** Sends the worker a message (work prepared after it was started). */
  post(message: unknown): void;
  /** Ends a worker whose work will not come (the batch failed before it began). */
  stop(): void;
}

export function startWorker<M>(entry: URL, workerData: unknown, onMessage: (message: M) => void): StartedWorker {
  // A larger young generation means fewer scavenges: the games allocate many short-lived objects,
  // and on two cores the collectors of two threads otherwise get in each other's way (measured:
  // an allocating loop in two threads ran 1.25 times as fast as in one; with this, 1.7 times).
  const resourceLimits = { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB };
  const built = prebuilt(entry);
  const worker = built
    ? new Worker(built, { workerData, resourceLimits })
    : new Worker(bundleOf(entry), { eval: true, workerData, resourceLimits });
  worker.on('message', onMessage);
  let stopped = false;
  const done = new Promise<void>((resolve, reject) => {
    worker.on('error', reject);
    worker.on('exit', (code) => (code === 0 || stopped ? resolve() : reject(new Error(`a worker thread stopped with code ${code}`))));
  });
  return {
    done,
    post: (message) => worker.postMessage(message),
    stop: () => {
      stopped = true;
      void worker.terminate();
    },
  };
}

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

/** Threads for a command's work when none is asked for: one per `perThread` items, up to one per
 * core. Each thread compiles the engine for itself, so a thread must have enough items to pay for
 * that; the command's own thread is one of them. */
export function threadsFor(items: number, perThread: number): number {
  return Math.max(1, Math.min(defaultWorkers(), Math.floor(items / perThread)));
}

/** Deals items out in turn, so every thread gets a like mix. */
export function dealShares<T>(items: T[], threads: number): T[][] {
  const n = Math.max(1, threads);
  return Array.from({ length: n }, (_, w) => items.filter((_, i) => i % n === w));
}
