import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../cli/scenario-file';
import { interleaved, playShare, type PreparedJob, type ShareMessage } from './batch-share';

const job = (index: number, scenario: string, rules: 'nato' | 'sco', seed: string, policy = 'consult-first'): PreparedJob => ({
  index,
  scenario,
  rules,
  seed,
  policy,
});

describe('a batch share', () => {
  it('plays the first game of every scenario, rule set and policy before the second of any', () => {
    const jobs = [
      job(0, 'a', 'nato', '1'),
      job(1, 'a', 'nato', '2'),
      job(2, 'a', 'nato', '3'),
      job(3, 'a', 'sco', '1'),
      job(4, 'a', 'sco', '2'),
      job(5, 'b', 'nato', '1', 'hawk'),
      job(6, 'b', 'nato', '1', 'dove'),
    ];
    expect(interleaved(jobs).map((j) => j.index)).toEqual([0, 3, 5, 6, 1, 4, 2]);
  });

  it('reports every job once, by its index, whatever the order it is played in', () => {
    const file = 'scenarios/terror-attack-member.yaml';
    const scenarios = { [file]: loadScenarioFile(file) };
    const jobs = [job(0, file, 'nato', '1'), job(1, file, 'nato', '2'), job(2, file, 'sco', '1'), job(3, file, 'sco', '2')];
    const reports: ShareMessage[] = [];
    playShare(scenarios, jobs, (m) => reports.push(m));
    expect(reports.map((m) => m.index)).toEqual([0, 2, 1, 3]);
    for (const m of reports) {
      if (!('summary' in m)) throw new Error(m.error);
      expect(m.summary.rules, `job ${m.index}`).toBe(jobs[m.index]!.rules);
      expect(m.summary.seed, `job ${m.index}`).toBe(jobs[m.index]!.seed);
    }
  });
});
