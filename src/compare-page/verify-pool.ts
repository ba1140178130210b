// Verifies many files over a few Web Workers (one per core, at most four), in file order.
// Where workers cannot start, verification runs on the main thread in small slices so the page
// keeps drawing its progress.
import { ignored, type Entry } from '../compare/classify';
import { classifyPageText } from './classify-page';
import type { VerifyReply, VerifyRequest } from './verify-worker';
import { wanted, type InputFile } from './load';

async function readText(input: InputFile): Promise<string | Error> {
  try {
    return await input.file.text();
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

function startWorkers(count: number): Worker[] {
  const workers: Worker[] = [];
  try {
    for (let i = 0; i < count; i++) workers.push(new Worker(new URL('./verify-worker.ts', import.meta.url), { type: 'module' }));
  } catch {
    for (const w of workers) w.terminate();
    return [];
  }
  return workers;
}

export async function verifyFiles(given: InputFile[], readError: string, onProgress: (done: number, total: number) => void): Promise<Entry[]> {
  // Files that are not logs by their name are listed, not read (the reason in English, as the
  // command line gives it; the page translates it).
  const skipped = given.filter((f) => !wanted(f.name)).map((f) => ignored(f.name, 'not a .json, .jsonl or .ndjson file', { code: 'not-log-file' }));
  const entries = await verifyLogFiles(given.filter((f) => wanted(f.name)), readError, onProgress);
  return [...entries, ...skipped];
}

async function verifyLogFiles(inputs: InputFile[], readError: string, onProgress: (done: number, total: number) => void): Promise<Entry[]> {
  const results: Entry[][] = new Array(inputs.length);
  let done = 0;
  const accept = (id: number, entries: Entry[]) => {
    results[id] = entries;
    done += 1;
    onProgress(done, inputs.length);
  };
  const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 2;
  const workers = inputs.length >= 4 ? startWorkers(Math.max(1, Math.min(4, cores))) : [];
  if (workers.length === 0) {
    for (let id = 0; id < inputs.length; id++) {
      const input = inputs[id]!;
      const text = await readText(input);
      accept(id, typeof text === 'string' ? await classifyPageText(text, input.name) : [{ source: input.name, status: 'refused', reason: `${readError}: ${text.message}` }]);
      if (id % 4 === 3) await new Promise((r) => setTimeout(r, 0));
    }
    return results.flat();
  }
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      const feed = async (worker: Worker) => {
        // A few files at a time: workers stay busy, and memory holds only what is in flight.
        const batch: VerifyRequest[] = [];
        while (batch.length < 4 && next < inputs.length) {
          const id = next++;
          const input = inputs[id]!;
          const text = await readText(input);
          if (typeof text === 'string') batch.push({ id, name: input.name, text });
          else accept(id, [{ source: input.name, status: 'refused', reason: `${readError}: ${text.message}` }]);
        }
        if (batch.length) worker.postMessage(batch);
        return batch.length;
      };
      for (const worker of workers) {
        let pending = 0;
        worker.onerror = (e) => reject(new Error(e.message || 'a verification worker failed'));
        worker.onmessage = (event: MessageEvent<VerifyReply>) => {
          accept(event.data.id, event.data.entries);
          pending -= 1;
          if (done === inputs.length) resolve();
          else if (pending === 0) void feed(worker).then((n) => (pending += n));
        };
        void feed(worker).then((n) => {
          pending += n;
          if (done === inputs.length) resolve();
        });
      }
    });
  } finally {
    for (const w of workers) w.terminate();
  }
  return results.flat();
}
