// From the delegations' private choices to one turn's input for the engine. The server runs
// this when the instructor plays the turn or its deadline passes; the result goes into the log
// as a `turn.play` command, so every client plays the same input without seeing the choices
// before the turn. A delegation without a student, or one that did not choose in time, is
// played by a bot: members by their profile (the engine's member policy, when no seat speaks),
// the requester by the `dove` player policy. The command says who spoke for whom.
import { playTurn } from '../engine/index';
import { intentOptions } from '../engine/index';
import { NATIONAL } from '../engine/index';
import type { Position, StateId, TurnInput } from '../engine/index';
import type { IntentId } from '../engine/index';
import { policyByName } from '../sim/policies';
import type { Choice, Refusal } from './protocol';
import { currentBranch, delegationsOf, type Attribution, type ClassCommand, type ClassState, type DroppedMotion } from './session';

/** The policy that asks for the requester when no student does (stateless, so a replay agrees). */
export const REQUESTER_BOT = 'dove';

/** Why a delegation's choice cannot be taken, or null. Only the seat's own delegation is ever
 * touched: the seat comes from the connection, never from the message. */
export function refusalOfChoice(state: ClassState, seat: StateId, choice: Choice): Refusal | null {
  if (state.phase === 'lobby') return 'not-running';
  const { game } = currentBranch(state);
  if (game.result) return 'game-over';
  if (choice.turn !== game.turn) return 'stale-turn';
  const requester = game.scenario.player.state;
  const open = new Set(intentOptions(game).filter((o) => o.available).map((o) => o.intent));
  if (seat === requester) {
    if (choice.motions.length > 0) return 'not-your-request';
    if (choice.intents.some((i) => !open.has(i))) return 'intent-unavailable';
  } else {
    if (choice.intents.length > 0) return 'not-your-request';
    if (choice.motions.some((i) => NATIONAL.includes(i) || !open.has(i))) return 'intent-unavailable';
  }
  if (Object.keys(choice.positions).some((i) => NATIONAL.includes(i as IntentId))) return 'not-allowed';
  return null;
}

/** The `turn.play` command for the current turn. */
export function resolveTurn(
  state: ClassState,
  choices: Partial<Record<StateId, Choice>>,
  reason: 'instructor' | 'deadline',
): Extract<ClassCommand, { type: 'turn.play' }> {
  const { game } = currentBranch(state);
  const requester = game.scenario.player.state;
  const delegations: Record<StateId, Attribution> = {};
  const spoken = (seat: StateId): Choice | undefined => {
    const student = state.seats[seat];
    const choice = choices[seat];
    if (student && choice && choice.turn === game.turn) {
      delegations[seat] = { by: 'student', student };
      return choice;
    }
    delegations[seat] = { by: 'bot', reason: !student ? 'unseated' : reason === 'deadline' ? 'missed-deadline' : 'no-choice' };
    return undefined;
  };

  const open = new Set(intentOptions(game).filter((o) => o.available).map((o) => o.intent));
  const own = spoken(requester);
  const intents = own ? own.intents.filter((i) => open.has(i)) : botIntents(state);
  const asked = new Set<IntentId>(intents);
  const motions: NonNullable<TurnInput['motions']> = [];
  const dropped: DroppedMotion[] = [];
  const seats: Partial<Record<IntentId, Record<StateId, Position>>> = {};
  for (const seat of delegationsOf(game.scenario)) {
    if (seat === requester) continue;
    const choice = spoken(seat);
    if (!choice) continue;
    for (const intent of choice.motions) {
      // The first to ask puts it on the agenda; asking for what is already asked adds nothing.
      if (asked.has(intent)) continue;
      if (!open.has(intent) || NATIONAL.includes(intent)) dropped.push({ by: seat, intent });
      else {
        asked.add(intent);
        motions.push({ by: seat, intent });
      }
    }
    for (const [intent, position] of Object.entries(choice.positions) as [IntentId, Position][]) {
      (seats[intent] ??= {})[seat] = position;
    }
  }
  // The students who spoke go into the engine's log beside their positions; bots are not named.
  const speakers: Record<StateId, string> = {};
  for (const [seat, a] of Object.entries(delegations)) if (a.by === 'student') speakers[seat] = a.student;
  let input: TurnInput = {
    intents,
    ...(motions.length ? { motions } : {}),
    ...(Object.keys(seats).length ? { seats } : {}),
    ...(Object.keys(speakers).length ? { speakers } : {}),
  };
  try {
    playTurn(game, input);
  } catch {
    // A motion the rule machine refuses once the requests before it are on the agenda: the turn
    // goes ahead without the motions, and the log lists them as dropped.
    dropped.push(...motions.map((m) => ({ by: m.by as StateId, intent: m.intent })));
    const { motions: _dropped, ...rest } = input;
    input = rest;
  }
  return { type: 'turn.play', turn: game.turn, reason, input, delegations, dropped };
}

function botIntents(state: ClassState): IntentId[] {
  const { game } = currentBranch(state);
  const chosen = policyByName(REQUESTER_BOT, game.scenario, game.seed).choose(game);
  return Array.isArray(chosen) ? chosen : chosen.intents;
}
