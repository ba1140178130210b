// Comparing a class: classification (verified, refused, other engine version, batch summary),
// exact order statistics on summaries with known numbers, intents and course by turn, pairs and
// their divergence, and a CSV that reads back to the same numbers.
import { describe, expect, it } from 'vitest';
import { logText, type OutcomeLog } from '../src/engine/log/outcome-log';
import {
  classify,
  classifyText,
  compareEntries,
  comparisonText,
  distribution,
  parseCsv,
  parseTableCsv,
  quantile,
  tableCsv,
  tableRows,
  type Counts,
  type Entry,
} from '../src/compare/index';
import { playLogs } from '../bench/compare-bench';
import { batchSummary as summary } from './support/summaries';

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** The comparison's counts: zero except where given. */
function counts(over: Partial<Counts>): Counts {
  return { inputs: 0, verified: 0, summaries: 0, refused: 0, otherVersion: 0, ignored: 0, duplicates: 0, offAssignment: 0, sameGame: 0, filteredOut: 0, ...over };
}

describe('order statistics', () => {
  it('interpolates quartiles between order statistics (type 7)', () => {
    expect(quantile([10, 20, 30, 40], 0.25)).toBe(17.5);
    expect(quantile([10, 20, 30, 40], 0.5)).toBe(25);
    expect(quantile([10, 20, 30, 40], 0.75)).toBe(32.5);
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(quantile([7], 0.75)).toBe(7);
    expect(quantile([], 0.5)).toBeNull();
    // 0.1 + 0.2 dust is rounded away.
    expect(quantile([0.1, 0.2], 0.5)).toBe(0.15);
  });

  it('counts nulls as missing, not as values', () => {
    expect(distribution([3, null, 1, 2, null])).toEqual({ count: 3, missing: 2, min: 1, q1: 1.5, median: 2, q3: 2.5, max: 3, mean: 2 });
    expect(distribution([null])).toEqual({ count: 0, missing: 1, min: null, q1: null, median: null, q3: null, max: null, mean: null });
  });
});

describe('batch summaries', () => {
  const scores = [40, 10, 30, 20];
  const days = [2, null, 6, 4];
  const entries = scores.map((score, i) => classify(summary({ seed: String(i), score, daysToFirstCollectiveMeasure: days[i]! }), `batch.jsonl:${i + 1}`));
  const sco = [1, 2, 3, 4, 5].map((v) => classify(summary({ rules: 'sco', seed: String(v), score: v * 10, maxEscalation: v }), `s${v}`));
  const c = compareEntries([...entries, ...sco]);

  it('are accepted as unverified summaries and counted apart', () => {
    expect(entries.every((e) => e.status === 'summary')).toBe(true);
    expect(c.counts).toEqual(counts({ inputs: 9, summaries: 9 }));
    expect(c.groups.map((g) => [g.scenario, g.rules, g.basis, g.games])).toEqual([
      ['test-scenario', 'nato', 'summary', 4],
      ['test-scenario', 'sco', 'summary', 5],
    ]);
  });

  it('give exact medians and quartiles', () => {
    const nato = c.groups[0]!;
    expect(nato.stats.score).toEqual({ count: 4, missing: 0, min: 10, q1: 17.5, median: 25, q3: 32.5, max: 40, mean: 25 });
    expect(nato.stats.daysToFirstCollectiveMeasure).toEqual({ count: 3, missing: 1, min: 2, q1: 3, median: 4, q3: 5, max: 6, mean: 4 });
    const s = c.groups[1]!;
    expect(s.stats.score).toMatchObject({ min: 10, q1: 20, median: 30, q3: 40, max: 50 });
    expect(s.stats.maxEscalation).toMatchObject({ q1: 2, median: 3, q3: 4 });
    expect(nato.intents).toEqual([]);
    expect(nato.course).toEqual([]);
  });

  it('read straight from `batch --json` output (JSON lines)', () => {
    const text = [summary({ seed: '1' }), summary({ seed: '2', rules: 'sco' })].map((s) => JSON.stringify(s)).join('\n') + '\n';
    const read = classifyText(text, 'batch.json');
    expect(read.map((e) => [e.source, e.status])).toEqual([
      ['batch.json:1', 'summary'],
      ['batch.json:2', 'summary'],
    ]);
  });

  it('ignores what is not a log nor a summary, naming why', () => {
    const { score: _drop, ...rest } = summary({});
    expect(classify(rest, 'x')).toMatchObject({ status: 'ignored', reason: expect.stringContaining('"score"') });
    expect(classify([1, 2], 'y')).toMatchObject({ status: 'ignored' });
    expect(classify({ format: 'a-spreadsheet' }, 'w')).toMatchObject({ status: 'ignored', reason: expect.stringContaining('not an outcome log') });
    expect(classifyText('{ not json', 'z.json')).toEqual([{ source: 'z.json', status: 'ignored', reason: 'not JSON: neither a JSON document nor JSON lines', why: { code: 'not-json-lines' } }]);
    expect(classifyText('  \n', 'e.json')).toEqual([{ source: 'e.json', status: 'ignored', reason: 'the file is empty', why: { code: 'empty-file' } }]);
    const c = compareEntries([classify(rest, 'x'), classify(summary({}), 's')]);
    expect(c.counts).toEqual(counts({ inputs: 2, summaries: 1, ignored: 1 }));
    expect(comparisonText(c)).toContain('x: ignored: not an outcome log nor a batch summary: "score" is missing');
  });

  it('counts in the singular for one (1 input, 1 unverified batch summary)', () => {
    const one = compareEntries([classify(summary({}), 's')]);
    expect(comparisonText(one)).toContain('1 input: 0 verified logs, 1 unverified batch summary,');
  });
});

describe('outcome logs', () => {
  const logs = playLogs(12, { scenarios: ['scenarios/terror-attack-member.yaml', 'scenarios/frontier-armed-attack.yaml'], policies: ['consult-first', 'random'] });
  const read = (log: OutcomeLog, name: string): Entry => classify(JSON.parse(logText(log)), name);

  it('verifies played logs, refuses tampered ones and names other engine versions', () => {
    const tampered = clone(logs[0]!);
    tampered.summary.score = 99;
    const foreign = clone(logs[1]!);
    foreign.engineVersion = '0.0.9';
    const notLog = { format: 'something-else' };
    const entries = [...logs.map((l, i) => read(l, `log-${i}.json`)), classify(tampered, 'tampered.json'), classify(foreign, 'old.json'), classify(notLog, 'other.json')];
    const c = compareEntries(entries);
    expect(c.counts).toEqual(counts({ inputs: 15, verified: 12, refused: 1, otherVersion: 1, ignored: 1 }));
    const named = c.entries.filter((e) => e.status !== 'verified');
    expect(named).toEqual([
      { source: 'tampered.json', status: 'refused', reason: 'the digest does not match: the log was changed after it was written', why: { code: 'digest-mismatch' } },
      { source: 'old.json', status: 'other-version', engineVersion: '0.0.9', reason: expect.stringContaining('0.0.9'), why: { code: 'other-engine-version', params: { version: '0.0.9', this: expect.any(String) } } },
      { source: 'other.json', status: 'ignored', reason: expect.stringContaining('not an outcome log'), why: { code: 'not-log-format', params: { format: 'alliance-crisis-lab/outcome-log' } } },
    ]);
    const text = comparisonText(c);
    expect(text).toContain('tampered.json: refused: the digest does not match');
    expect(text).toContain('old.json: other engine version 0.0.9');
  });

  const c = compareEntries(logs.map((l, i) => read(l, `log-${String(i).padStart(2, '0')}.json`)));

  it('groups by scenario and rule set with the summary numbers of its logs', () => {
    expect(c.groups.map((g) => `${g.scenario}/${g.rules}/${g.basis}/${g.games}`)).toEqual([
      'frontier-armed-attack/nato/log/3',
      'frontier-armed-attack/sco/log/3',
      'terror-attack-member/nato/log/3',
      'terror-attack-member/sco/log/3',
    ]);
    const g = c.groups.find((x) => x.scenario === 'terror-attack-member' && x.rules === 'sco')!;
    const scores = logs.filter((l) => l.scenario.id === 'terror-attack-member' && l.rules === 'sco').map((l) => l.summary.score);
    expect(g.stats.score).toEqual(distribution(scores));
    expect(g.stats.score.median).toBe([...scores].sort((a, b) => a - b)[1]);
  });

  it('counts intents turn by turn and averages each indicator over the turns', () => {
    const mine = logs.filter((l) => l.scenario.id === 'frontier-armed-attack' && l.rules === 'nato');
    const g = c.groups.find((x) => x.scenario === 'frontier-armed-attack' && x.rules === 'nato')!;
    const longest = Math.max(...mine.map((l) => l.turns.length));
    expect(g.intents).toHaveLength(longest);
    expect(g.course).toHaveLength(longest);
    for (let i = 0; i < longest; i++) {
      const playing = mine.filter((l) => l.turns.length > i);
      const it = g.intents[i]!;
      expect(it.games).toBe(playing.length);
      expect(it.counts.consult).toBe(playing.filter((l) => l.turns[i]!.intents.includes('consult')).length);
      expect(it.none).toBe(playing.filter((l) => l.turns[i]!.intents.length === 0).length);
      const mean = playing.reduce((s, l) => s + l.turns[i]!.indicators.cohesion, 0) / playing.length;
      expect(g.course[i]!.mean.cohesion).toBeCloseTo(mean, 10);
    }
  });

  it('pairs the same scenario and seed under both rule sets and finds the first divergent turn', () => {
    expect(c.pairs).toHaveLength(6);
    // Not every pair parts at turn 1: the definition leaves out the rule sets' different baselines.
    expect(c.pairs.some((p) => p.firstDivergentTurn !== 1)).toBe(true);
    expect(c.unpaired).toBe(0);
    for (const p of c.pairs) {
      const nato = logs[Number(p.a.source.slice(4, 6))]!;
      const sco = logs[Number(p.b.source.slice(4, 6))]!;
      expect([p.a.rules, p.b.rules, nato.rules, sco.rules, nato.seed, nato.scenario.id]).toEqual(['nato', 'sco', 'nato', 'sco', sco.seed, sco.scenario.id]);
      // The divergent turn is the first whose decisions (kind, outcome), adversary move or events differ.
      const facts = (l: OutcomeLog, i: number) => JSON.stringify([l.turns[i]?.decisions.map((d) => [d.kind, d.outcome]), l.turns[i]?.adversary, l.turns[i]?.events]);
      const n = Math.max(nato.turns.length, sco.turns.length);
      let expected: number | null = null;
      for (let i = 0; i < n && expected === null; i++) if (!nato.turns[i] || !sco.turns[i] || facts(nato, i) !== facts(sco, i)) expected = i + 1;
      expect(p.firstDivergentTurn).toBe(expected);
      expect([p.a.score, p.b.score]).toEqual([nato.summary.score, sco.summary.score]);
    }
    // A log without its counterpart stays unpaired.
    expect(compareEntries(logs.slice(0, 3).map((l, i) => read(l, `l${i}`))).unpaired).toBe(1);
  });

  it('writes a CSV that reads back to the same numbers', () => {
    const csv = tableCsv(c);
    expect(csv.split('\n')[0]).toBe('scenario,scenarioSha,rules,basis,indicator,count,missing,min,q1,median,q3,max,mean');
    expect(parseTableCsv(csv)).toEqual(tableRows(c));
    expect(tableRows(c)).toHaveLength(4 * 10);
  });
});

describe('three rule sets and a design-lab rule set', () => {
  const RULES = ['nato', 'sco', 'csto', 'sco+commitment=automatic'];
  // Two seeds, each played under the four rule sets; given in reverse, so order is the comparison's own.
  const logs = playLogs(8, { scenarios: ['scenarios/terror-attack-member.yaml'], policies: ['hawk'], rules: RULES });
  const entries = logs.map((l, i) => classify(JSON.parse(logText(l)), `log-${i}.json`)).reverse();
  const c = compareEntries(entries);

  it('verifies every log and groups by the rule-set name the logs record, presets first', () => {
    expect(logs.map((l) => l.rules)).toEqual([...RULES, ...RULES]);
    expect(logs[3]!.features.commitment).toBe('automatic');
    expect(c.counts).toMatchObject({ verified: 8, refused: 0 });
    expect(c.groups.map((g) => `${g.rules}/${g.games}`)).toEqual(['nato/2', 'sco/2', 'csto/2', 'sco+commitment=automatic/2']);
  });

  it('pairs every two rule sets a scenario and seed were played under', () => {
    // Four rule sets make six pairs per seed.
    expect(c.pairs).toHaveLength(12);
    expect(c.unpaired).toBe(0);
    expect(c.pairs.filter((p) => p.seed === '0').map((p) => `${p.a.rules}|${p.b.rules}`)).toEqual([
      'nato|sco',
      'nato|csto',
      'nato|sco+commitment=automatic',
      'sco|csto',
      'sco|sco+commitment=automatic',
      'csto|sco+commitment=automatic',
    ]);
    for (const p of c.pairs) {
      const a = logs.find((l) => l.rules === p.a.rules && l.seed === p.seed)!;
      const b = logs.find((l) => l.rules === p.b.rules && l.seed === p.seed)!;
      expect([p.a.score, p.b.score]).toEqual([a.summary.score, b.summary.score]);
    }
    // A hawk under the SCO's rules with and without a mutual-defence clause does not run the same course.
    expect(c.pairs.find((p) => p.a.rules === 'sco' && p.b.rules === 'sco+commitment=automatic')!.firstDivergentTurn).not.toBeNull();
    // A seed played under one rule set only leaves its log without a partner; a missing log
    // under one of four only removes that rule set's pairs.
    const lone = compareEntries(entries.filter((e) => !e.source.match(/^log-[567]\.json$/)));
    expect([lone.pairs.length, lone.unpaired]).toEqual([6, 1]);
    const three = compareEntries(entries.filter((e) => e.source !== 'log-2.json'));
    expect([three.pairs.length, three.unpaired]).toEqual([9, 0]);
  });

  it('writes the CSV and the text with each rule set by its name', () => {
    const rows = parseTableCsv(tableCsv(c));
    expect(rows).toHaveLength(4 * 10);
    expect([...new Set(rows.map((r) => r.rules))]).toEqual(RULES);
    expect(rows).toEqual(tableRows(c));
    const text = comparisonText(c);
    expect(text).toContain('terror-attack-member under CSTO rules: 2 verified logs');
    expect(text).toContain('terror-attack-member under rule set sco+commitment=automatic: 2 verified logs');
    expect(text).toContain('Pairs (same scenario, seed, policy and player under two rule sets): 12; logs without a partner: 0');
    expect(text).toMatch(/nato – csto/);
  });

  it('accepts batch summaries of any rule set and orders presets first, then the others alphabetically', () => {
    const names = ['sco+commitment=automatic', 'nato-majority', 'csto', 'nato', 'assembly-lab'];
    const g = compareEntries(names.map((rules, i) => classify(summary({ rules, seed: String(i) }), `s${i}`))).groups;
    expect(g.map((x) => x.rules)).toEqual(['nato', 'csto', 'assembly-lab', 'nato-majority', 'sco+commitment=automatic']);
    expect(classify(summary({ rules: 'nato sco' }), 'bad')).toMatchObject({ status: 'ignored', reason: expect.stringContaining('"rules"') });
    expect(classify(summary({ rules: '' }), 'bad')).toMatchObject({ status: 'ignored' });
  });
});

describe('CSV', () => {
  it('quotes what needs quoting and reads it back', () => {
    const c = compareEntries([classify(summary({ scenario: 'a, "b"\nc', score: 1 / 3 }), 'x')]);
    const rows = parseTableCsv(tableCsv(c));
    expect(rows[0]!.scenario).toBe('a, "b"\nc');
    expect(rows.find((r) => r.indicator === 'score')!.mean).toBe(tableRows(c).find((r) => r.indicator === 'score')!.mean);
    expect(parseCsv('a,b\r\n"x""y",\n')).toEqual([['a', 'b'], ['x"y', '']]);
  });
});
