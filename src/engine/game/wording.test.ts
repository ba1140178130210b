// Drafts with words of their own (the scenario's calendar): what they name decides whether they
// are about a dispute between members (S5) and whom they slight; the rest comes from profiles.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/load';
import type { ScheduledSitting, Scenario } from '../scenario/schema';
import { newGame, playTurn } from './game';
import { wordingOf } from './wording';
import type { DecisionRecord, GameState } from './types';

function caseScenario(): Scenario {
  const parsed = parseScenario(readFileSync('scenarios/cases/india-pakistan-2025.yaml', 'utf8'), 'india-pakistan-2025.yaml');
  if (!parsed.ok) throw new Error('india-pakistan-2025.yaml does not parse');
  return parsed.scenario;
}
const base = caseScenario();

/** The case with its calendar replaced by one sitting. */
function withSitting(fields: Partial<ScheduledSitting>): Scenario {
  const sitting: ScheduledSitting = { id: 'draft', at: 20, name: { en: 'Ministers' }, tabledBy: 'CHN', condemns: [], ...fields };
  return { ...base, alliance: { ...base.alliance, calendar: [sitting] } };
}

/** A game in which the player asks the alliance for nothing (only the calendar brings texts). */
function play(scenario: Scenario, seed: string, rules = 'sco'): GameState {
  let game = newGame(scenario, rules, seed);
  while (!game.result) game = playTurn(game, []);
  return game;
}
const statementsAt = (game: GameState, turn: number): DecisionRecord[] =>
  game.turns.find((t) => t.turn === turn)?.decisions.filter((d) => d.kind === 'statement') ?? [];
const SEEDS = Array.from({ length: 12 }, (_, i) => String(i + 1));
const PAHALGAM_KHUZDAR_CLASH = ['pahalgam-attack', 'loc-firing', 'khuzdar-bombing'];

describe('what a draft names', () => {
  const sitting = (condemns: string[]): ScheduledSitting => ({ id: 'd', at: 20, name: { en: 'd' }, tabledBy: 'CHN', condemns });

  it('passes over a member whose attack it leaves out while it condemns one elsewhere', () => {
    expect(wordingOf(base, sitting(['khuzdar-bombing']), PAHALGAM_KHUZDAR_CLASH).passesOver).toEqual(['IND']);
    expect(wordingOf(base, sitting(['pahalgam-attack']), PAHALGAM_KHUZDAR_CLASH).passesOver).toEqual(['PAK']);
  });

  it('slights nobody when it names every attack, names none, or the left-out attack has not happened yet', () => {
    expect(wordingOf(base, sitting(['pahalgam-attack', 'khuzdar-bombing']), PAHALGAM_KHUZDAR_CLASH).passesOver).toEqual([]);
    expect(wordingOf(base, sitting([]), PAHALGAM_KHUZDAR_CLASH).passesOver).toEqual([]);
    expect(wordingOf(base, sitting(['pahalgam-attack']), ['pahalgam-attack', 'loc-firing']).passesOver).toEqual([]);
  });

  it('is about the dispute only when it names the members\' clash', () => {
    expect(wordingOf(base, sitting(['pahalgam-attack']), PAHALGAM_KHUZDAR_CLASH).namesClash).toBe(false);
    expect(wordingOf(base, sitting(['loc-firing']), PAHALGAM_KHUZDAR_CLASH).namesClash).toBe(true);
  });
});

describe('a draft tabled at a sitting of the calendar', () => {
  it('goes on the agenda during the members\' clash when it does not name it, and is declined under S5 when it does', () => {
    for (const seed of SEEDS.slice(0, 4)) {
      const terror = statementsAt(play(withSitting({ condemns: ['pahalgam-attack', 'khuzdar-bombing'] }), seed), 20);
      expect(terror).toHaveLength(1);
      expect(terror[0]!.rule).not.toBe('S5');
      const dispute = statementsAt(play(withSitting({ condemns: ['loc-firing'] }), seed), 20);
      expect(dispute.map((d) => [d.outcome, d.rule])).toEqual([['declined', 'S5']]);
    }
  });

  it('is no call for calm under the CSTO (C6) unless it names the clash', () => {
    for (const seed of SEEDS.slice(0, 4)) {
      const terror = statementsAt(play(withSitting({ condemns: ['pahalgam-attack', 'khuzdar-bombing'] }), seed, 'csto'), 20);
      expect(terror.map((d) => d.rule)).not.toContain('C6');
      const dispute = statementsAt(play(withSitting({ condemns: ['loc-firing'] }), seed, 'csto'), 20);
      expect(dispute.map((d) => [d.outcome, d.rule])).toEqual([['adopted', 'C6']]);
    }
  });

  it('is the tabler\'s: the tabler supports it and the player answers it like any member', () => {
    const game = play(withSitting({ tabledBy: 'RUS', condemns: ['khuzdar-bombing'] }), '3');
    const turn = game.turns.find((t) => t.turn === 20)!;
    expect(turn.proposals).toEqual([{ id: 1, intent: 'joint-statement', proposer: 'RUS', day: 38, meetingDay: 38, sitting: 'draft' }]);
    expect(turn.positions['joint-statement']?.RUS).toBe('support');
    expect(turn.positions['joint-statement']?.IND).toBe('object');
  });

  it('is blocked outright, not issued with its endorsers named, when a member objects to being passed over', () => {
    for (const seed of SEEDS) {
      const d = statementsAt(play(withSitting({ condemns: ['khuzdar-bombing'] }), seed), 20)[0]!;
      expect([d.outcome, d.rule, d.blockedBy.includes('IND')]).toEqual(['blocked', 'S2', true]);
    }
  });

  it('still names its endorsers (S2) when the objection is not to being passed over', () => {
    const scripted = { ...base.alliance.scripted, BLR: { 'joint-statement': 'object' as const } };
    const scenario = withSitting({ condemns: ['pahalgam-attack', 'khuzdar-bombing'] });
    const outcomes = SEEDS.map((seed) => statementsAt(play({ ...scenario, alliance: { ...scenario.alliance, scripted } }, seed), 20)[0]!);
    for (const d of outcomes) expect(d.blockedBy).toContain('BLR');
    expect(outcomes.filter((d) => d.outcome === 'subset' && d.rule === 'S2').length).toBeGreaterThan(0);
  });

  it('does not make a party to the clash object when it does not name the clash', () => {
    const answers = SEEDS.map((seed) => play(withSitting({ condemns: ['pahalgam-attack', 'khuzdar-bombing'] }), seed).turns.find((t) => t.turn === 20)!.positions['joint-statement']?.PAK);
    expect(answers.some((a) => a !== 'object')).toBe(true);
  });

  it('is another question than the draft before: a member answers it afresh', () => {
    const scenario: Scenario = {
      ...base,
      alliance: {
        ...base.alliance,
        calendar: [
          { id: 'first', at: 20, name: { en: 'first' }, tabledBy: 'CHN', condemns: ['khuzdar-bombing'] },
          { id: 'second', at: 30, name: { en: 'second' }, tabledBy: 'CHN', condemns: ['pahalgam-attack', 'khuzdar-bombing'] },
        ],
      },
    };
    for (const seed of SEEDS.slice(0, 4)) {
      const game = play(scenario, seed);
      const sitting = game.turns.find((t) => t.turn === 30)!.sittings[0]!;
      expect(sitting.changed.IND).toBe('text');
    }
  });

  it('keeps the crisis going until it has sat', () => {
    const without: Scenario = { ...base, alliance: { ...base.alliance, calendar: [] } };
    const early = SEEDS.map((seed) => play(without, seed)).filter((g) => g.result === 'resolved').map((g) => g.turns.length);
    expect(Math.min(...early)).toBeLessThan(60); // the case resolves well before turn 60 without a calendar
    for (const seed of SEEDS) {
      const game = play(withSitting({ at: 60, condemns: ['pahalgam-attack'] }), seed);
      expect(game.turns.length).toBeGreaterThanOrEqual(60);
    }
  });
});
