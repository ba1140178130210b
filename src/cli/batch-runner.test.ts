import { describe, expect, it } from 'vitest';
import { GAMES_PER_WORKER, batchWorkers } from './batch-runner';
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
