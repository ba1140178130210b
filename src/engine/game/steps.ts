// The alliance's path so far as a short chain of steps ("NAC convened → Article 5 invoked"),
// read from the decision records; the interface names each step in the rule set's terms.
import type { DecisionKind, DecisionOutcome, DecisionRecord, GameState, RuleId } from './types';

export interface AllianceStep {
  kind: DecisionKind;
  outcome: DecisionOutcome;
  rule: RuleId;
  turn: number;
  day: number;
}

export function stepOf(d: DecisionRecord): AllianceStep {
  return { kind: d.kind, outcome: d.outcome, rule: d.rule, turn: d.turn, day: d.day };
}

export function allianceSteps(game: GameState): AllianceStep[] {
  return game.turns.flatMap((t) => t.decisions.map(stepOf));
}
