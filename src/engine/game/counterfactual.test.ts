import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/load';
import { newGame, playTurn } from './game';
import { counterfactual, firstDivergence } from './counterfactual';
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
      // Before the first divergence, the same things happened turn by turn.
      for (let i = 0; i < (at ?? 1) - 1; i++) {
        expect(other.turns[i]!.events).toEqual(game.turns[i]!.events);
        expect(other.turns[i]!.indicators).toEqual(game.turns[i]!.indicators);
      }
    }
    // The same game compared with itself never diverges.
    expect(firstDivergence(game.turns, game.turns)).toBeNull();
  });

  it('marks the first turn where events, the adversary or the indicators differ, or a game runs longer', () => {
    const turn = (n: number, escalation: number) => ({ turn: n, events: [], adversary: 'hold', indicators: { escalation } }) as unknown as TurnRecord;
    expect(firstDivergence([turn(1, 1), turn(2, 2)], [turn(1, 1), turn(2, 3)])).toBe(2);
    expect(firstDivergence([turn(1, 1)], [turn(1, 1)])).toBeNull();
    expect(firstDivergence([turn(1, 1)], [turn(1, 1), turn(2, 1)])).toBe(2);
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
