import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/load';
import { newGame, playTurn } from './game';
import { counterfactual, firstDivergence, firstDivergentCourse, turnCourse } from './counterfactual';
import { canonicalJson } from '../log/canonical';
import { intentOptions } from './intents';
import type { TurnRecord } from './types';

function scenario(file: string) {
  const parsed = parseScenario(readFileSync(join(__dirname, '../../../scenarios', file), 'utf8'), file);
  if (!parsed.ok) throw new Error(file);
  return parsed.scenario;
}

describe('counterfactual', () => {
  it('replays the same seed and intents under the other rules, and the games agree until the rules part them', () => {
    const s = scenario('frontier-armed-attack.yaml');
    let game = newGame(s, 'nato', '11');
    while (!game.result) {
      const can = intentOptions(game).filter((o) => o.available).map((o) => o.intent);
      game = playTurn(game, can.includes('collective-defence') ? ['collective-defence'] : []);
    }
    for (const rules of ['sco', 'csto', 'sco+commitment=automatic']) {
      const { game: other, dropped } = counterfactual(game, rules);
      expect(other.rules).toBe(rules);
      expect(other.features).not.toEqual(game.features);
      expect(other.seed).toBe('11');
      // Under the SCO's rules a request for collective defence after an attack is always taken (and
      // declined at once, S4); elsewhere one still on the agenda or in force is left out, and listed.
      if (rules === 'sco') expect(dropped).toEqual([]);
      for (const d of dropped) {
        expect(game.turns[d.turn - 1]!.intents, rules).toContain(d.intent);
        expect(other.turns[d.turn - 1]!.intents, rules).not.toContain(d.intent);
        expect(['already-under-way', 'already-invoked', 'awaiting-attribution'], rules).toContain(d.reason);
      }
      const at = firstDivergence(game.turns, other.turns);
      expect(at, rules).not.toBeNull();
      // Before the first divergence, the alliance decided alike and the same things happened.
      for (let i = 0; i < (at ?? 1) - 1; i++) {
        expect(other.turns[i]!.events).toEqual(game.turns[i]!.events);
        expect(other.turns[i]!.adversary).toEqual(game.turns[i]!.adversary);
        expect(other.turns[i]!.decisions.map((d) => [d.kind, d.outcome])).toEqual(game.turns[i]!.decisions.map((d) => [d.kind, d.outcome]));
      }
    }
    // The same game compared with itself never diverges.
    expect(firstDivergence(game.turns, game.turns)).toBeNull();
  });

  it('marks the first turn where decisions, the adversary or the events differ, not the indicators', () => {
    const turn = (n: number, o: { escalation?: number; adversary?: string; outcome?: string; rule?: string } = {}) =>
      ({
        turn: n,
        events: [],
        adversary: o.adversary ?? 'hold',
        decisions: o.outcome ? [{ kind: 'consultation', outcome: o.outcome, rule: o.rule ?? 'N1' }] : [],
        indicators: { escalation: o.escalation ?? 1 },
      }) as unknown as TurnRecord;
    // Indicators start from each rule set's baseline: they differ at turn 1 and are no divergence.
    expect(firstDivergence([turn(1, { escalation: 1 }), turn(2)], [turn(1, { escalation: 2 }), turn(2)])).toBeNull();
    // Nor is a rule id: each rule set cites its own for the same step.
    expect(firstDivergence([turn(1, { outcome: 'adopted', rule: 'N1' })], [turn(1, { outcome: 'adopted', rule: 'S7' })])).toBeNull();
    expect(firstDivergence([turn(1), turn(2, { outcome: 'adopted' })], [turn(1), turn(2, { outcome: 'blocked' })])).toBe(2);
    expect(firstDivergence([turn(1), turn(2), turn(3, { adversary: 'escalate' })], [turn(1), turn(2), turn(3)])).toBe(3);
    // A game that ended while the other went on parts at the first turn only one of them played.
    expect(firstDivergence([turn(1)], [turn(1), turn(2)])).toBe(2);
    expect(firstDivergence([turn(1)], [turn(1)])).toBeNull();
    // The shared courses give the same answer as the records.
    expect(firstDivergentCourse([turnCourse(turn(1)), turnCourse(turn(2, { outcome: 'adopted' }))], [turnCourse(turn(1)), turnCourse(turn(2, { outcome: 'subset' }))])).toBe(2);
  });

  it('names a later turn than 1 for a played pair whose indicators already differ at turn 1', () => {
    const s = scenario('frontier-armed-attack.yaml');
    let found = false;
    for (let seed = 1; seed <= 30 && !found; seed++) {
      let game = newGame(s, 'nato', String(seed));
      while (!game.result) game = playTurn(game, game.turn === 1 ? ['consult'] : []);
      const { game: other } = counterfactual(game, 'sco');
      const at = firstDivergence(game.turns, other.turns);
      if (at === null || at === 1) continue;
      // The indicators already part at turn 1, and the divergence is later: that pair is the case.
      if (canonicalJson(game.turns[0]!.indicators) === canonicalJson(other.turns[0]!.indicators)) continue;
      found = true;
      expect(turnCourse(game.turns[at - 1]!)).not.toBe(turnCourse(other.turns[at - 1]!));
    }
    expect(found).toBe(true);
  });

  it('leaves out and lists a request the other rules refuse', () => {
    const s = scenario('intra-bloc-clash.yaml');
    let game = newGame(s, 'sco', '3');
    let asked = false;
    while (!game.result) {
      const can = intentOptions(game).filter((o) => o.available).map((o) => o.intent);
      const wants = !asked && can.includes('suspend-member');
      if (wants) asked = true;
      game = playTurn(game, wants ? ['suspend-member'] : []);
    }
    expect(asked).toBe(true);
    // Neither NATO nor the CSTO has a suspension clause; the SCO's rules with another commitment keep theirs.
    for (const rules of ['nato', 'csto']) {
      const { dropped } = counterfactual(game, rules);
      expect(dropped, rules).toHaveLength(1);
      expect(dropped[0], rules).toMatchObject({ intent: 'suspend-member', reason: 'no-suspension-clause' });
    }
    expect(counterfactual(game, 'sco+commitment=automatic').dropped).toEqual([]);
  });
});
