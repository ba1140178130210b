// Every request the alliance received, read from the turn records: when it was asked, the body
// that sits on it and the day it is due to sit, and what happened to it (decided, declined at once,
// lapsed at the end, or still under way). Standing moves (a confirmation once the attack is
// attributed, forces becoming ready) are listed as well, so every decision has a row.
import type { DecisionRecord, GameState, IntentId } from '../engine';
import type { Proposer } from '../../engine/index';

export type RequestState = 'pending' | 'decided' | 'declined' | 'lapsed';

export interface RequestRow {
  /** The proposal's number; 0 for a standing move. */
  proposal: number;
  intent: IntentId;
  proposer: Proposer;
  /** Turn and day it was asked (for a standing move: when it happened). */
  turn: number;
  day: number;
  /** Day its body is due to sit; null for a standing move. */
  meetingDay: number | null;
  state: RequestState;
  /** The calendar sitting whose draft this is (`alliance.calendar` in the scenario). */
  sitting?: string;
  /** What was decided on it, in order (a conditional Article 5 and its confirmation are two). */
  decisions: DecisionRecord[];
}

/** The requests as they stood at the end of turn `upTo` (every played turn by default). */
export function requestRows(game: GameState, upTo = game.turns.length): RequestRow[] {
  const turns = game.turns.slice(0, upTo);
  const decisions = turns.flatMap((r) => r.decisions);
  const rows: RequestRow[] = [];
  for (const record of turns) {
    for (const p of record.proposals) {
      const mine = decisions.filter((d) => d.proposal === p.id);
      const last = mine[mine.length - 1];
      const state: RequestState = !last ? 'pending' : last.outcome === 'declined' ? 'declined' : last.outcome === 'lapsed' ? 'lapsed' : 'decided';
      rows.push({ proposal: p.id, intent: p.intent, proposer: p.proposer, turn: record.turn, day: p.day, meetingDay: p.meetingDay, state, decisions: mine, ...(p.sitting ? { sitting: p.sitting } : {}) });
    }
    for (const d of record.decisions) {
      if (d.proposal !== 0) continue;
      rows.push({ proposal: 0, intent: d.intent, proposer: d.proposer, turn: d.turn, day: d.day, meetingDay: null, state: 'decided', decisions: [d] });
    }
  }
  return rows;
}

/** The sittings of the scenario's calendar still to come after turn `upTo`, with their drafts. */
export function sittingsAhead(game: GameState, upTo = game.turns.length): NonNullable<GameState['scenario']['alliance']['calendar']> {
  if (game.result && upTo >= game.turns.length) return [];
  return (game.scenario.alliance.calendar ?? []).filter((s) => s.at > upTo);
}

/** Requests still waiting for their body to sit. */
export function pendingRequests(game: GameState, upTo = game.turns.length): RequestRow[] {
  return requestRows(game, upTo).filter((r) => r.state === 'pending');
}
