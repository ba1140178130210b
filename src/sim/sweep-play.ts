// One game of a sweep, played to its end with the setting's constants, reduced to the few
// numbers the study's claims are measured on. Runs in whichever thread plays it.
import { newGame, playTurn } from '../engine/index';
import type { Scenario } from '../engine/index';
import { policyByName } from './policies';
import type { SweepGame } from './sweep-design';

/** What a sweep keeps of a game. */
export interface GameMeasures {
  /** Days to the first collective measure; a game without one counts the whole horizon
   * (horizon × turnDays days), as the score's speed indicator does. */
  days: number;
  /** True when the game saw no collective measure (days is then the horizon). */
  noMeasure: boolean;
  deterrence: number;
  autonomy: number;
  entrapment: number;
  cohesion: number;
  /** Requests the body decided on (adopted, conditional, by a subset, or blocked). */
  decided: number;
  /** Of those, the ones an objection blocked. */
  blocked: number;
}

const DECIDED = new Set(['adopted', 'conditional', 'subset', 'blocked']);

export function playSweepGame(scenario: Scenario, game: SweepGame): GameMeasures {
  const policy = policyByName(game.policy, scenario, game.seed);
  let state = newGame(scenario, game.rules, game.seed, { parameters: game.parameters });
  while (!state.result) state = playTurn(state, policy.choose(state));
  const ind = state.indicators;
  let decided = 0;
  let blocked = 0;
  for (const t of state.turns)
    for (const d of t.decisions) {
      // Requests only: what standing arrangements do on their own (proposal 0) was asked by nobody.
      if (d.proposal === 0 || !DECIDED.has(d.outcome)) continue;
      decided++;
      if (d.outcome === 'blocked') blocked++;
    }
  const horizonDays = scenario.horizon * scenario.turnDays;
  return {
    days: ind.daysToFirstCollectiveMeasure ?? horizonDays,
    noMeasure: ind.daysToFirstCollectiveMeasure === null,
    deterrence: ind.deterrence,
    autonomy: ind.autonomy,
    entrapment: ind.entrapment,
    cohesion: ind.cohesion,
    decided,
    blocked,
  };
}
