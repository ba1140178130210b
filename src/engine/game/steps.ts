// The alliance's path so far as a short chain of steps ("NAC convened → Article 5 invoked"),
// read from the decision records; the interface names each step in the rule set's terms.
import type { DecisionRecord, GameState, RuleId } from './types';

export interface AllianceStep {
  /** A code such as 'consultation-adopted' or 'collective-defence-conditional'. */
  step: string;
  rule: RuleId;
  turn: number;
  day: number;
}

export function stepOf(d: DecisionRecord): AllianceStep {
  return { step: `${d.kind}-${d.outcome}`, rule: d.rule, turn: d.turn, day: d.day };
}

export function allianceSteps(game: GameState): AllianceStep[] {
  return game.turns.flatMap((t) => t.decisions.map(stepOf));
}
