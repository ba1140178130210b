// What property tests ask of a turn, turned into what the engine takes: the player's wishes that
// the rules offer now, perhaps a motion by a member (picked by index) or the chair, and perhaps a
// seat's answer (a member picked by index) on one intent. Shared by the determinism and replay tests.
import { intentOptions } from '../../src/engine/game/intents';
import type { GameState, IntentId, Position, Proposer, TurnInput } from '../../src/engine/index';

export interface Wish {
  intents: IntentId[];
  motion?: { by: number | 'chair'; intent: IntentId };
  seat?: { member: number; intent: IntentId; position: Position };
}
/** Wishes per turn; each turn plays the wishes the engine offers then, in the engine's order. */
export type Wishes = (IntentId[] | Wish)[];

export function inputFor(game: GameState, wish: IntentId[] | Wish | undefined): TurnInput {
  const w: Wish = Array.isArray(wish) ? { intents: wish } : (wish ?? { intents: [] });
  const offered = new Set(intentOptions(game).filter((o) => o.available).map((o) => o.intent));
  const intents = w.intents.filter((i) => offered.has(i));
  // A motion is played when the rules take its request now and the player does not ask for it too.
  const motion = w.motion && offered.has(w.motion.intent) && !intents.includes(w.motion.intent) ? w.motion : undefined;
  const members = game.scenario.alliance.members;
  const member = (k: number) => members[k % members.length]!;
  const by = (k: number | 'chair'): Proposer => (k === 'chair' ? 'chair' : member(k));
  return {
    intents,
    ...(motion ? { motions: [{ by: by(motion.by), intent: motion.intent }] } : {}),
    ...(w.seat ? { seats: { [w.seat.intent]: { [member(w.seat.member)]: w.seat.position } } } : {}),
  };
}
