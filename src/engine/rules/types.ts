// The one interface every rule set shares: the same events in, the same decision records out,
// so the same crisis can be replayed under other institutional designs.
import type { IntentId } from '../scenario/schema';
import type { DecisionRecord, Position, Situation, StateId } from '../game/types';

/** Who put a proposal on the agenda: a member state, or the alliance's chair or Secretary General. */
export type Proposer = StateId | 'chair';

/** A request as it reaches the alliance. Members answer when the body sits, not before. */
export interface Proposal {
  /** Numbered in the order proposals reach the alliance, from 1. */
  id: number;
  intent: IntentId;
  /** The state the measure is for: the one attacked or threatened. */
  requester: StateId;
  proposer: Proposer;
  situation: Situation;
  /** Day the request is made. */
  day: number;
  /** Day the body that decides it sits (drawn by the engine from the body's calendar). */
  meetingDay: number;
  /** A draft with its own words, tabled at a sitting of the scenario's calendar; a request
   * without one is about the crisis as the requester puts it. */
  wording?: Wording;
}

/** What a draft's words do, read from the events it condemns by name. */
export interface Wording {
  /** The calendar sitting it was tabled at. */
  sitting: string;
  /** It names a clash between members: it is about their dispute (S5). */
  namesClash: boolean;
  /** Members on whose ground a terrorist attack happened that the draft passes over while it
   * condemns one elsewhere (Qingdao, 26 Jun 2025). */
  passesOver: StateId[];
}

/** Every member's answer when a body sits on a proposal, drawn or chosen by the engine's caller. */
export interface Sitting {
  proposal: number;
  positions: Record<StateId, Position>;
  /** The facts when the body sits (attribution may have risen since the request). */
  situation: Situation;
}

export type RuleEvent =
  /** A new turn covers days [day, endDay): confirm what attribution now allows, move forces along. */
  | { type: 'turn.begin'; turn: number; day: number; endDay: number; attribution: number }
  /** A request: declined at once, or put on the agenda for the day its body sits. */
  | { type: 'proposal.submit'; turn: number; proposal: Proposal }
  /** The body sits on one proposal of its agenda, with every member's position. */
  | { type: 'council.sit'; turn: number; sitting: Sitting }
  /** The game ends: anything still on the agenda lapses, and says so. */
  | { type: 'crisis.end'; turn: number; day: number };

export interface AgendaItem {
  turn: number;
  proposal: Proposal;
}

export interface RuleContext {
  members: StateId[];
  /** Proposals waiting for the day their body sits. */
  agenda: AgendaItem[];
  /** Decisions taken during the current turn (cleared when a turn begins). */
  decisions: DecisionRecord[];
  /** Day forces under alliance command are ready (N5, C4); null when none are on the way. */
  forcesReadyDay: number | null;
  /** The request that set forces moving, named on the record when they are ready. */
  forcesFor: IntentId | null;
  /** Members that have agreed to a binding commitment, for autonomy. */
  bound: StateId[];
  /** Turn now running, for the decision records. */
  turn: number;
}

export interface RuleInput {
  members: StateId[];
}

/** Where the alliance stands, read from the machine's tags, the same for every rule set. */
export interface AlliancePosture {
  consultation: boolean;
  commitment: 'none' | 'conditional' | 'invoked';
  forces: 'none' | 'planning' | 'ready';
  coordination: boolean;
}

/** Why a request cannot be made now; the interface translates each code. */
export type RefusalReason =
  | 'game-over'
  | 'no-attack'
  | 'nothing-to-de-escalate'
  | 'already-under-way'
  | 'already-invoked'
  | 'awaiting-attribution'
  | 'already-active'
  | 'no-suspension-clause'
  | 'no-clash'
  | 'not-on-agenda';
