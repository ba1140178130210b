// The instructor's checks before pooling: each log against the assignment (the scenario's hash,
// the rule set and seed it fixes), two versions of one scenario kept apart, the same log twice,
// the same game under two names or relabelled as human play, the filters, the per-game CSV with
// the player, and cells a spreadsheet would run as formulas.
import { describe, expect, it } from 'vitest';
import { createLog, logText, scenarioHash, type OutcomeLog } from '../src/engine/log/outcome-log';
import { loadScenarioFile } from '../src/cli/scenario-file';
import { playGame } from '../src/sim/play';
import { policyByName } from '../src/sim/policies';
import type { Scenario } from '../src/engine/scenario/schema';
import {
  GAME_COLUMNS,
  cell,
  classify,
  compareEntries,
  comparisonText,
  firstDifferentIntents,
  gamesCsv,
  parseCsv,
  parseTableCsv,
  tableCsv,
  tableRows,
  undefused,
  type Assignment,
  type Entry,
} from '../src/compare/index';
import { batchSummary } from './support/summaries';

const tutorial = loadScenarioFile('scenarios/tutorial.yaml');
const frontier = loadScenarioFile('scenarios/frontier-armed-attack.yaml');
/** The tutorial with its objectives rewritten: same id, another content (another hash). */
const edited: Scenario = { ...tutorial, player: { ...tutorial.player, objectives: { ...tutorial.player.objectives, legitimacy: 0.9 } } };

function play(scenario: Scenario, rules: string, seed: string, options: { policy?: string; player?: string; label?: string } = {}): OutcomeLog {
  const policy = policyByName(options.policy ?? 'consult-first', scenario, seed);
  return createLog(playGame(scenario, rules, seed, policy), { policy: options.label ?? policy.name, ...(options.player ? { player: options.player } : {}) });
}

const read = (log: OutcomeLog, name: string): Entry => classify(JSON.parse(logText(log)), name);

describe('checking against the assignment', () => {
  const assignment: Assignment = { scenario: tutorial.id, sha256: scenarioHash(tutorial), rules: 'nato', seed: '4' };
  const entries = [
    read(play(tutorial, 'nato', '4', { player: 'Aigerim' }), 'aigerim.json'),
    read(play(tutorial, 'nato', '4', { player: 'Daniyar', policy: 'hawk' }), 'daniyar.json'),
    read(play(edited, 'nato', '4', { player: 'Boris' }), 'boris.json'),
    read(play(frontier, 'nato', '4', { player: 'Chen' }), 'chen.json'),
    read(play(tutorial, 'sco', '4', { player: 'Dana' }), 'dana.json'),
    read(play(tutorial, 'nato', '5', { player: 'Erlan' }), 'erlan.json'),
    classify({ ...JSON.parse(logText(play(tutorial, 'nato', '4'))).summary }, 'runs.jsonl:1'),
  ];
  const c = compareEntries(entries, { assignment });

  it('pools only the logs of the instructor’s scenario, rule set and seed', () => {
    expect(c.counts).toMatchObject({ inputs: 7, verified: 2, summaries: 0, offAssignment: 5 });
    expect(c.groups.map((g) => [g.scenario, g.scenarioSha, g.rules, g.games])).toEqual([[tutorial.id, assignment.sha256, 'nato', 2]]);
    const off = Object.fromEntries(c.entries.filter((e) => e.status === 'off-assignment').map((e) => [e.source, e.offAssignment]));
    expect(off).toEqual({
      'boris.json': { what: 'version', got: scenarioHash(edited), want: assignment.sha256 },
      'chen.json': { what: 'scenario', got: frontier.id, want: tutorial.id },
      'dana.json': { what: 'rules', got: 'sco', want: 'nato' },
      'erlan.json': { what: 'seed', got: '5', want: '4' },
      'runs.jsonl:1': { what: 'unchecked' },
    });
  });

  it('names each log off the assignment in the report, and the assignment itself', () => {
    const text = comparisonText(c);
    expect(text).toContain(`Checked against the assignment: scenario tutorial (SHA-256 ${assignment.sha256.slice(0, 8)}…), rule set nato, seed 4`);
    expect(text).toContain("boris.json: not the assignment's game: another version of the assignment's scenario");
    expect(text).toContain("chen.json: not the assignment's game: scenario frontier-armed-attack, not the assignment's tutorial");
    expect(text).toContain('dana.json: not the assignment\'s game: played under rule set sco; the assignment fixes nato');
    expect(text).toContain("erlan.json: not the assignment's game: seed 5; the assignment fixes 4");
  });

  it('without rule set and seed, checks the scenario’s hash alone', () => {
    const loose = compareEntries(entries, { assignment: { scenario: tutorial.id, sha256: scenarioHash(tutorial) } });
    expect(loose.counts).toMatchObject({ verified: 4, offAssignment: 3 });
  });

  it('keeps two versions of one scenario apart without an assignment, and says so', () => {
    const all = compareEntries(entries);
    expect(all.versions).toEqual([
      {
        scenario: tutorial.id,
        versions: [scenarioHash(tutorial), scenarioHash(edited)].sort().map((sha256) => ({ sha256, logs: sha256 === scenarioHash(edited) ? 1 : 4 })),
      },
    ]);
    const natoTutorial = all.groups.filter((g) => g.scenario === tutorial.id && g.rules === 'nato' && g.basis === 'log');
    expect(natoTutorial.map((g) => [g.scenarioSha, g.games]).sort()).toEqual([[scenarioHash(edited), 1], [scenarioHash(tutorial), 3]].sort());
    const text = comparisonText(all);
    expect(text).toContain(`Warning: 2 versions of scenario tutorial`);
    expect(text).toContain(`tutorial (version ${scenarioHash(edited).slice(0, 8)}) under NATO rules: 1 verified log`);
    // The table's CSV carries the hash, so the two groups stay apart there too.
    expect(new Set(parseTableCsv(tableCsv(all)).filter((r) => r.scenario === tutorial.id && r.basis === 'log').map((r) => r.scenarioSha))).toEqual(new Set([scenarioHash(tutorial), scenarioHash(edited)]));
  });
});

describe('duplicates', () => {
  const original = play(tutorial, 'nato', '7', { player: 'Aigerim' });
  const renamed = play(tutorial, 'nato', '7', { player: 'Boris' });
  const relabelled = play(tutorial, 'nato', '7', { label: 'human', player: 'Chen' });
  const other = play(tutorial, 'nato', '8', { player: 'Dana' });

  it('counts a log handed in twice once, naming the copy', () => {
    const c = compareEntries([read(original, 'a/aigerim.json'), read(other, 'dana.json'), read(original, 'b/aigerim-again.json')]);
    expect(c.counts).toMatchObject({ inputs: 3, verified: 2, duplicates: 1, sameGame: 0 });
    expect(c.entries[2]).toMatchObject({ status: 'duplicate', duplicateOf: 'a/aigerim.json' });
    expect(c.groups[0]!.games).toBe(2);
    expect(comparisonText(c)).toContain('b/aigerim-again.json: duplicate: the same log as a/aigerim.json, counted once');
  });

  it('flags the same game under another name, and a bot’s game relabelled as human play', () => {
    expect(renamed.digest).not.toBe(original.digest);
    expect(relabelled.policy).toBe('human');
    const c = compareEntries([read(original, 'aigerim.json'), read(renamed, 'boris.json'), read(relabelled, 'chen.json'), read(other, 'dana.json')]);
    expect(c.counts).toMatchObject({ verified: 4, duplicates: 0, sameGame: 3 });
    expect(c.entries.map((e) => e.sameGameAs ?? null)).toEqual([['boris.json', 'chen.json'], ['aigerim.json', 'chen.json'], ['aigerim.json', 'boris.json'], null]);
    const text = comparisonText(c);
    expect(text).toContain('boris.json (Boris): same game as aigerim.json, chen.json');
    expect(comparisonText(c, { hideNames: true })).not.toMatch(/Boris|boris\.json/);
  });

  it('does not call a counterfactual pair a duplicate', () => {
    const c = compareEntries([read(original, 'nato.json'), read(play(tutorial, 'sco', '7', { player: 'Aigerim' }), 'sco.json')]);
    expect(c.counts).toMatchObject({ verified: 2, duplicates: 0, sameGame: 0 });
  });
});

describe('filters', () => {
  const entries = [
    read(play(tutorial, 'nato', '1', { label: 'human', player: 'Aigerim' }), 'h1.json'),
    read(play(tutorial, 'sco', '1', { label: 'human', player: 'Aigerim' }), 'h2.json'),
    read(play(tutorial, 'nato', '2', { policy: 'hawk' }), 'b1.json'),
    read(play(frontier, 'nato', '2', { policy: 'dove' }), 'b2.json'),
  ];

  it('shows human or bot games, one scenario, one rule set or one policy, and lists what there is to choose', () => {
    const all = compareEntries(entries);
    expect(all.available).toEqual({ origins: ['human', 'bot'], scenarios: [frontier.id, tutorial.id].sort(), rules: ['nato', 'sco'], policies: ['dove', 'hawk', 'human'] });
    const shown = (filter: Parameters<typeof compareEntries>[1]) => compareEntries(entries, filter).games.filter((g) => g.counted).map((g) => g.source);
    expect(shown({ filter: { origin: 'human' } })).toEqual(['h1.json', 'h2.json']);
    expect(shown({ filter: { origin: 'bot' } })).toEqual(['b1.json', 'b2.json']);
    expect(shown({ filter: { scenario: frontier.id } })).toEqual(['b2.json']);
    expect(shown({ filter: { rules: 'sco' } })).toEqual(['h2.json']);
    expect(shown({ filter: { policy: 'hawk', scenario: tutorial.id } })).toEqual(['b1.json']);
    const c = compareEntries(entries, { filter: { origin: 'human' } });
    expect(c.counts).toMatchObject({ verified: 2, filteredOut: 2 });
    expect(c.pairs).toHaveLength(1);
    // What the filter can choose stays the whole class's.
    expect(c.available.policies).toEqual(['dove', 'hawk', 'human']);
    expect(comparisonText(c)).toContain('Showing only: human games');
  });
});

describe('the games CSV', () => {
  const logs = [play(tutorial, 'nato', '3', { player: '=HYPERLINK("http://x","y")' }), play(tutorial, 'sco', '3', { player: '-Dana' }), play(tutorial, 'nato', '9')];
  const c = compareEntries(logs.map((l, i) => read(l, `@log-${i}.json`)));

  it('has one row per game with the player beside its numbers', () => {
    const [header, ...rows] = parseCsv(gamesCsv(c));
    expect(header).toEqual([...GAME_COLUMNS]);
    expect(rows).toHaveLength(3);
    const col = (name: string) => header!.indexOf(name);
    rows.forEach((r, i) => {
      expect(undefused(r[col('source')]!)).toBe(`@log-${i}.json`);
      expect(r[col('rules')]).toBe(logs[i]!.rules);
      expect(Number(r[col('score')])).toBe(logs[i]!.summary.score);
      expect(Number(r[col('deterrence')])).toBe(logs[i]!.summary.deterrence);
      expect(r[col('counted')]).toBe('yes');
    });
    expect(rows.map((r) => undefused(r[col('player')]!))).toEqual(['=HYPERLINK("http://x","y")', '-Dana', '']);
    expect(gamesCsv(c, { hideNames: true })).not.toMatch(/HYPERLINK|Dana|@log/);
  });

  it('defuses every text cell a spreadsheet would run as a formula, and leaves negative numbers alone', () => {
    const text = gamesCsv(c);
    // No cell starts with a formula character: quoted or not, the first character is an apostrophe.
    for (const record of parseCsv(text)) for (const value of record) expect(value, value).not.toMatch(/^[=+\-@\t\r]/);
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', "'=1", 'plain', '']) expect(undefused(parseCsv(cell(s))[0]?.[0] ?? '')).toBe(s);
    expect(cell(-0.25)).toBe('-0.25');
    expect(cell('-0.25')).toBe("'-0.25");
    // The table reads back to its numbers with a defused scenario id.
    const t = compareEntries([classify(batchSummary({ scenario: '=cmd|x', turns: 3, deterrence: -1.5 }), 'x')]);
    expect(parseTableCsv(tableCsv(t))).toEqual(tableRows(t));
    expect(tableCsv(t)).toContain("'=cmd|x,");
  });
});

describe('intents differ', () => {
  const turns = (...intents: string[][]) => intents.map((i) => ({ intents: i }));

  it('only over the turns both games played: a game that ended earlier chose nothing different', () => {
    expect(firstDifferentIntents(turns(['consult'], []), turns(['consult'], [], ['act-alone'], []))).toBeNull();
    expect(firstDifferentIntents(turns(['consult', 'joint-statement']), turns(['joint-statement', 'consult']))).toBeNull();
    expect(firstDifferentIntents(turns([], ['consult']), turns([], ['hawk'], []))).toBe(2);
  });
});
