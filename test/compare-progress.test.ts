// The progress bar is drawn on a terminal only, and clears its line at the end.
import { describe, expect, it } from 'vitest';
import { progressBar, progressLine } from '../src/cli/progress';

describe('progress bar', () => {
  it('stays quiet when standard error is not a terminal', () => {
    const written: string[] = [];
    const p = progressBar('games', { isTTY: false, write: (s: string) => written.push(s) });
    p.onProgress(1, 2);
    p.onProgress(2, 2);
    p.finish();
    expect(written).toEqual([]);
  });

  it('draws on a terminal, at most every 100 ms but always the last step, then clears', () => {
    const written: string[] = [];
    let clock = 0;
    const p = progressBar('games', { isTTY: true, columns: 60, write: (s: string) => written.push(s) }, () => clock);
    p.onProgress(1, 4);
    clock = 50;
    p.onProgress(2, 4); // too soon: skipped
    clock = 200;
    p.onProgress(3, 4);
    p.onProgress(4, 4); // the last: always drawn
    p.finish();
    expect(written).toHaveLength(4);
    expect(written[0]).toContain('1/4  25%');
    expect(written[2]).toContain('4/4 100%');
    expect(written[3]).toBe('\r\x1b[2K');
  });

  it('fits the bar to the width', () => {
    expect(progressLine('games', 5, 10, 80)).toMatch(/^games \[#{20}\.{20}\] 5\/10  50%$/);
    expect(progressLine('games', 0, 0, 20)).toContain('0/0 100%');
  });
});
