// Which intents the player can take now, and why not when not: read from the rule set's
// procedures and the alliance's state, never decided by the interface.
import type { IntentId } from '../scenario/schema';
import { INTENTS } from '../scenario/vocabulary';
import { allianceContext, readPosture, ruleSet } from '../rules/rule-set';
import { situationOf } from './events';
import type { GameState, RuleId } from './types';

export interface IntentOption {
  intent: IntentId;
  available: boolean;
  /** A code for the interface to translate, e.g. 'already-invoked'; null when available. */
  reason: string | null;
  /** The rule that governs the procedure this intent sets off. */
  rule: RuleId;
}

export function refusalOf(game: GameState, intent: IntentId): string | null {
  if (game.result) return 'game-over';
  const situation = situationOf(game.scenario, game.memory, game.scenario.player.state);
  if (intent === 'act-alone' && situation.eventKind === null) return 'no-attack';
  if (intent === 'de-escalate' && game.indicators.escalation <= 1) return 'nothing-to-de-escalate';
  if (allianceContext(game.alliance).agenda.some((item) => item.proposal.intent === intent)) return 'already-under-way';
  return ruleSet(game.rules).refusal(intent, readPosture(game.alliance), situation);
}

export function intentOptions(game: GameState): IntentOption[] {
  const set = ruleSet(game.rules);
  return INTENTS.map((intent) => {
    const reason = refusalOf(game, intent);
    return { intent, available: reason === null, reason, rule: set.ruleFor(intent) };
  });
}
