// Which intents the player can take now, and why not when not: read from the rule set's
// procedures and the alliance's state, never decided by the interface.
import type { IntentId } from '../scenario/schema';
import { INTENTS } from '../scenario/vocabulary';
import { allianceContext, readPosture, ruleSet } from '../rules/rule-set';
import { situationOf } from './events';
import type { AlliancePosture } from '../rules/types';
import type { GameState, RuleId, Situation } from './types';

export interface IntentOption {
  intent: IntentId;
  available: boolean;
  /** A code for the interface to translate, e.g. 'already-invoked'; null when available. */
  reason: string | null;
  /** The rule that governs the procedure this intent sets off. */
  rule: RuleId;
}

/** What every refusal reads, taken once for all the intents of a turn. */
interface RequestView {
  game: GameState;
  situation: Situation;
  posture: AlliancePosture;
  underWay: Set<IntentId>;
}

function viewOf(game: GameState): RequestView {
  return {
    game,
    situation: situationOf(game.scenario, game.memory, game.scenario.player.state),
    posture: readPosture(game.alliance),
    underWay: new Set(allianceContext(game.alliance).agenda.map((item) => item.proposal.intent)),
  };
}

function refusalIn({ game, situation, posture, underWay }: RequestView, intent: IntentId): string | null {
  if (game.result) return 'game-over';
  if (intent === 'act-alone' && situation.eventKind === null) return 'no-attack';
  if (intent === 'de-escalate' && game.indicators.escalation <= 1) return 'nothing-to-de-escalate';
  if (underWay.has(intent)) return 'already-under-way';
  return ruleSet(game.rules).refusal(intent, posture, situation);
}

export function refusalOf(game: GameState, intent: IntentId): string | null {
  return refusalIn(viewOf(game), intent);
}

export function intentOptions(game: GameState): IntentOption[] {
  const set = ruleSet(game.rules);
  const view = viewOf(game);
  return INTENTS.map((intent) => {
    const reason = refusalIn(view, intent);
    return { intent, available: reason === null, reason, rule: set.ruleFor(intent) };
  });
}
