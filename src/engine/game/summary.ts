// The summary of one game: the field names are a contract with tests and instructors
// (../shared/design/product.md).
import { scoreOf } from './indicators';
import type { DecisionRecord, GameResult, GameState, Terms } from './types';

/** The summary's numeric indicators, by their contract names, in the order they are printed. */
export const SUMMARY_INDICATORS = [
  'daysToFirstCollectiveMeasure',
  'maxEscalation',
  'finalEscalation',
  'casualties',
  'deterrence',
  'cohesion',
  'autonomy',
  'entrapment',
  'legitimacy',
  'score',
] as const;
export type SummaryIndicator = (typeof SUMMARY_INDICATORS)[number];

/** Each alliance decision as the summary names it: turn, day, kind, outcome and rule. */
export type SummaryDecision = Pick<DecisionRecord, 'turn' | 'day' | 'kind' | 'outcome' | 'rule' | 'blockedBy'>;

export interface GameSummary {
  scenario: string;
  rules: string;
  seed: string;
  policy: string;
  result: GameResult | null;
  /** On whose terms the crisis ended (null while it goes on). */
  terms: Terms | null;
  /** The parameter pack the model followed. */
  pack: string;
  turns: number;
  daysToFirstCollectiveMeasure: number | null;
  maxEscalation: number;
  finalEscalation: number;
  casualties: number;
  deterrence: number;
  cohesion: number;
  autonomy: number;
  entrapment: number;
  legitimacy: number;
  score: number;
  decisions: SummaryDecision[];
}

export function summarize(game: GameState, policy: string): GameSummary {
  const ind = game.indicators;
  return {
    scenario: game.scenario.id,
    rules: game.rules,
    seed: game.seed,
    policy,
    result: game.result,
    terms: game.terms,
    pack: game.pack,
    turns: game.turns.length,
    daysToFirstCollectiveMeasure: ind.daysToFirstCollectiveMeasure,
    maxEscalation: game.memory.maxEscalation,
    finalEscalation: ind.escalation,
    casualties: ind.casualties,
    deterrence: ind.deterrence,
    cohesion: ind.cohesion,
    autonomy: ind.autonomy,
    entrapment: ind.entrapment,
    legitimacy: ind.legitimacy,
    score: scoreOf(game.scenario, ind),
    decisions: game.turns.flatMap((t) =>
      t.decisions.map((d) => ({ turn: d.turn, day: d.day, kind: d.kind, outcome: d.outcome, rule: d.rule, blockedBy: d.blockedBy })),
    ),
  };
}
