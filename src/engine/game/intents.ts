// Which intents the player can take now, and why not when not. Whether the alliance takes a
// request comes from the rule machine itself (`snapshot.can`); national choices (N4) from the
// situation. The reason for a refusal is read from the state the machine is in.
import type { IntentId } from '../scenario/schema';
import { INTENTS } from '../scenario/vocabulary';
import { allianceView, postureOf, ruleSetOf, type AllianceView, type RuleSet } from '../rules/rule-set';
import type { RefusalReason } from '../rules/types';
import { procedureOf, type Procedure } from '../rules/procedures';
import { situationOf } from './events';
import { NATIONAL } from './deliberation';
import type { GameState, Situation } from './types';

export interface IntentOption {
  intent: IntentId;
  available: boolean;
  /** Why not, for the interface to translate; null when available. */
  reason: RefusalReason | null;
  /** The procedure this intent sets off under the rule set, with the rule that governs it. */
  procedure: Procedure;
}

/** The game's rule set: the features the game state carries, and the machine built from them. */
export function rulesOf(game: GameState): RuleSet {
  return ruleSetOf(game.rules, game.features);
}

/** What every refusal reads, taken once for all the intents of a turn. */
interface RequestView {
  game: GameState;
  rules: RuleSet;
  snapshot: AllianceView;
  situation: Situation;
}

function viewOf(game: GameState): RequestView {
  const rules = rulesOf(game);
  return {
    game,
    rules,
    snapshot: allianceView(rules, game.alliance),
    situation: situationOf(game.scenario, game.memory, game.scenario.player.state),
  };
}

function refusalIn(view: RequestView, intent: IntentId): RefusalReason | null {
  const { game, situation, snapshot } = view;
  if (game.result) return 'game-over';
  if (NATIONAL.includes(intent)) {
    if (intent === 'act-alone' && situation.eventKind === null) return 'no-attack';
    if (intent === 'de-escalate' && game.indicators.escalation <= 1) return 'nothing-to-de-escalate';
    return null;
  }
  const player = game.scenario.player.state;
  const probe = {
    type: 'proposal.submit' as const,
    turn: game.turn,
    proposal: { id: game.memory.proposals + 1, intent, requester: player, proposer: player, situation, day: 0, meetingDay: 0 },
  };
  if (snapshot.can(probe)) return null;
  return reasonWhyNot(snapshot, intent, situation, view.rules);
}

/** Why the machine takes no such request now, read from its context, tags and features. */
function reasonWhyNot(snapshot: AllianceView, intent: IntentId, situation: Situation, rules: RuleSet): RefusalReason {
  if (snapshot.context.agenda.some((item) => item.proposal.intent === intent)) return 'already-under-way';
  const posture = postureOf(snapshot);
  if (intent === 'collective-defence') {
    if (posture.commitment === 'invoked') return 'already-invoked';
    if (posture.commitment === 'conditional') return 'awaiting-attribution';
    if (situation.eventKind === null) return 'no-attack';
  }
  if (intent === 'ct-cooperation' && posture.coordination) return 'already-active';
  if (intent === 'suspend-member') return rules.features.suspension === 'no-clause' ? 'no-suspension-clause' : 'no-clash';
  return 'not-on-agenda';
}

export function refusalOf(game: GameState, intent: IntentId): RefusalReason | null {
  return refusalIn(viewOf(game), intent);
}

/** The first of these intents the player cannot take now, with why; null when all are available.
 * One look at the machine and the situation serves them all. */
export function firstRefusal(game: GameState, intents: readonly IntentId[]): { intent: IntentId; reason: RefusalReason } | null {
  if (intents.length === 0) return null;
  const view = viewOf(game);
  for (const intent of intents) {
    const reason = refusalIn(view, intent);
    if (reason) return { intent, reason };
  }
  return null;
}

export function intentOptions(game: GameState): IntentOption[] {
  const view = viewOf(game);
  return INTENTS.map((intent) => {
    const reason = refusalIn(view, intent);
    return { intent, available: reason === null, reason, procedure: procedureOf(view.rules.features, intent) };
  });
}
