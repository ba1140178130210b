// The one interface both rule sets share: the same events in, the same decision records out,
// so the same crisis can be replayed under the other institutional design.
import type { IntentId } from '../scenario/schema';
import type { DecisionRecord, Position, Situation, StateId } from '../game/types';

/** A player's request as it reaches the alliance, with every member's answer already drawn. */
export interface Proposal {
  intent: IntentId;
  requester: StateId;
  /** Every member's answer; the requester supports its own proposal. */
  positions: Record<StateId, Position>;
  situation: Situation;
  /** Day the request is made. */
  day: number;
  /** Day the body that decides it sits (the engine draws it from the rule set's meeting lag). */
  meetingDay: number;
}

export type RuleEvent =
  /** A new turn covers days [day, endDay): decide what is due and move forces along. */
  | { type: 'turn.begin'; turn: number; day: number; endDay: number; attribution: number }
  | { type: 'proposal.submit'; turn: number; endDay: number; proposal: Proposal }
  | { type: 'crisis.end' };

export interface AgendaItem {
  turn: number;
  proposal: Proposal;
}

export interface RuleContext {
  members: StateId[];
  /** Proposals waiting for the day their body meets. */
  agenda: AgendaItem[];
  /** Decisions taken during the current turn (cleared when a turn begins). */
  decisions: DecisionRecord[];
  /** Day forces under alliance command are ready (N5); null when none are on the way. */
  forcesReadyDay: number | null;
  /** The request that set SACEUR planning (N5), named on the record when forces are ready. */
  forcesFor: IntentId | null;
  /** Members that have agreed to a binding commitment (N3), for autonomy. */
  bound: StateId[];
  /** Turn now running, for the decision records. */
  turn: number;
}

export interface RuleInput {
  members: StateId[];
}

/** What the engine needs to know about where the alliance stands, the same for both rule sets. */
export interface AlliancePosture {
  consultation: boolean;
  commitment: 'none' | 'conditional' | 'invoked';
  forces: 'none' | 'planning' | 'ready';
  coordination: boolean;
}
