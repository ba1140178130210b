// compare's threads: how many it takes by default, and a worker's share of the list, checked
// apart from the command's own thread (which, started first, may take every chunk of a short list).
import { mkdtempSync, rmSync, writeFileSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGS_PER_WORKER, classifyFile, classifyFiles, compareWorkers, type ClassifiedFile } from '../src/cli/compare-command';
import { runBatch, type BatchJob } from '../src/cli/batch-runner';
import { sharedCounter } from '../src/cli/shared-list';
import { defaultWorkers, startWorker } from '../src/cli/worker-threads';

describe('compareWorkers', () => {
  it("verifies a class's logs in this thread alone; a second thread from twice LOGS_PER_WORKER logs, given a second core", () => {
    expect([1, 300, 2 * LOGS_PER_WORKER - 1].map(compareWorkers)).toEqual([1, 1, 1]);
    expect(compareWorkers(2 * LOGS_PER_WORKER)).toBe(Math.min(2, defaultWorkers()));
  });
});

describe('compare over threads taking chunks of one list', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crisis-lab-compare-workers-'));
  let files: string[] = [];
  beforeAll(async () => {
    const jobs: BatchJob[] = [];
    for (const rules of ['nato', 'sco']) for (let seed = 1; seed <= 9; seed++) jobs.push({ file: 'scenarios/tutorial.yaml', rules, seed: String(seed), policy: 'dove' });
    await runBatch(jobs, 1, undefined, dir);
    const logs = readdirSync(dir).sort().map((name) => join(dir, name));
    // A changed log and a file that is no log, among the verified ones.
    writeFileSync(join(dir, 'changed.json'), readFileSync(logs[0]!, 'utf8').replace('"seed":"1"', '"seed":"99"'));
    writeFileSync(join(dir, 'notes.json'), '{"note":"not a log"}');
    files = [...logs.slice(0, 9), join(dir, 'changed.json'), ...logs.slice(9), join(dir, 'notes.json')];
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a worker alone takes every chunk and gives each file the entries this thread gives', async () => {
    const got: ClassifiedFile[] = [];
    const worker = startWorker<ClassifiedFile[]>(new URL('../src/cli/compare-worker-main.ts', import.meta.url), { files, counter: sharedCounter() }, (bundle) => got.push(...bundle));
    await worker.done;
    got.sort((a, b) => a.index - b.index);
    expect(got.map((g) => g.index)).toEqual(files.map((_, i) => i));
    const here = files.map((file) => classifyFile(file));
    expect(got.map((g) => g.entries)).toEqual(here);
    expect(here.flat().map((e) => e.status)).toEqual([...Array(9).fill('verified'), 'refused', ...Array(9).fill('verified'), 'ignored']);
  }, 120_000);

  it('gives the entries in file order, whatever the number of threads', async () => {
    const one = await classifyFiles(files, 1);
    expect(await classifyFiles(files, 3)).toEqual(one);
  }, 120_000);
});
