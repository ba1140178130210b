import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GAMES_PER_WORKER, batchWorkers, runBatch, type BatchJob } from './batch-runner';
import { defaultWorkers } from './worker-threads';

describe('batchWorkers', () => {
  it('keeps a short batch in one thread, where a second worker would spend its time compiling', () => {
    expect(batchWorkers(1)).toBe(1);
    expect(batchWorkers(2 * GAMES_PER_WORKER - 1)).toBe(1);
  });

  it('starts one worker per share of games, up to one per core', () => {
    expect(batchWorkers(2 * GAMES_PER_WORKER)).toBe(Math.min(2, defaultWorkers()));
    expect(batchWorkers(1000 * GAMES_PER_WORKER)).toBe(defaultWorkers());
  });
});

describe('runBatch over threads taking chunks of one list', () => {
  const files = ['scenarios/terror-attack-member.yaml', 'scenarios/frontier-armed-attack.yaml'];
  const jobs: BatchJob[] = [];
  for (const file of files)
    for (const rules of ['nato', 'sco+commitment=automatic'])
      for (const policy of ['hawk', 'dove']) for (let seed = 1; seed <= 4; seed++) jobs.push({ file, rules, seed: String(seed), policy });
  const dir = mkdtempSync(join(tmpdir(), 'crisis-lab-batch-runner-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives every game once, in job order, the same summaries and the same logs with one thread, two or three', async () => {
    const progress: number[] = [];
    for (const sub of ['one', 'two']) mkdirSync(join(dir, sub));
    const one = await runBatch(jobs, 1, undefined, join(dir, 'one'));
    const two = await runBatch(jobs, 2, (done, total) => {
      expect(total).toBe(jobs.length);
      progress.push(done);
    }, join(dir, 'two'));
    const three = await runBatch(jobs, 3);
    expect(one).toHaveLength(jobs.length);
    expect(one.map((s) => `${s.scenario}/${s.rules}/${s.policy}/${s.seed}`)).toEqual(
      jobs.map((j) => `${j.file.replace(/^scenarios\/|\.yaml$/g, '')}/${j.rules}/${j.policy}/${j.seed}`),
    );
    expect(two).toEqual(one);
    expect(three).toEqual(one);
    // Progress counts every game once, whichever thread played it.
    expect(progress).toEqual(jobs.map((_, i) => i + 1));
    const names = readdirSync(join(dir, 'one')).sort();
    expect(names).toHaveLength(jobs.length);
    expect(readdirSync(join(dir, 'two')).sort()).toEqual(names);
    for (const name of names) expect(readFileSync(join(dir, 'two', name)), name).toEqual(readFileSync(join(dir, 'one', name)));
  }, 300_000); // long games (hawk, dove) played four times over, on a machine shared with others
});

describe('runBatch with a scenario that cannot be read', () => {
  it('stops the workers it started before reading the scenarios and names the file', async () => {
    const jobs: BatchJob[] = [1, 2, 3].map((seed) => ({ file: 'scenarios/no-such-file.yaml', rules: 'nato', seed: String(seed), policy: 'hawk' }));
    await expect(runBatch(jobs, 3)).rejects.toThrow(/no-such-file\.yaml:1:1: /);
  });
});
