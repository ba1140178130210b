// The game's data: plain, JSON-serialisable objects, so that a game can be saved, resumed,
// logged and replayed. Only the engine's pure functions change them.
import type { EventKind, IntentId, RuleSetId, Scenario, StateId } from '../scenario/schema';

export type { StateId };

/** How a member answers a proposal (product.md: member policy). */
export type Position = 'support' | 'object' | 'abstain' | 'stay-out';

/** Rule ids from ../shared/domain/alliance-rules.md. */
export type RuleId = 'N1' | 'N2' | 'N3' | 'N4' | 'N5' | 'N6' | 'N7' | 'S1' | 'S2' | 'S3' | 'S4' | 'S5' | 'S6' | 'S7';

/** What an ally puts in once a collective measure asks it to (N4: each ally chooses). */
export type Contribution = 'none' | 'political' | 'support' | 'forces';

/** The kinds of alliance decision; the UI names each in the rule set's own terms. */
export type DecisionKind =
  | 'consultation' // NAC under Article 4 (N1); extraordinary Council of Foreign Ministers (S7)
  | 'statement' // a joint text (N2, N7; S1, S2)
  | 'collective-defence' // Article 5 (N3, N4, N6); none exists under the SCO (S4)
  | 'posture' // defence plans, reinforcement, forces under SACEUR (N5, N7)
  | 'ct-coordination' // counter-terrorism: NATO intelligence sharing (N2); RATS (S6)
  | 'suspension'; // suspending a member (S3); not in the North Atlantic Treaty

export type DecisionOutcome =
  | 'adopted' // the measure passed with every member's consent or no objection
  | 'conditional' // adopted, pending attribution (N3)
  | 'subset' // passed for the members that endorse it only (S2, S7)
  | 'blocked' // an objection stopped it (N2, S2, S3)
  | 'declined' // the rule set has no such procedure or obligation (S4, S5)
  | 'scheduled'; // the meeting is convened and will decide on a later day

export interface DecisionRecord {
  turn: number;
  day: number;
  kind: DecisionKind;
  intent: IntentId;
  outcome: DecisionOutcome;
  /** The rule that allowed or blocked this decision. */
  rule: RuleId;
  /** Members whose objection blocked it. */
  blockedBy: StateId[];
  /** Members that endorsed it (for a subset text: the only ones named). */
  endorsedBy: StateId[];
  /** True when this is a collective measure (counts for days to the first collective measure). */
  collective: boolean;
}

/** The facts of the crisis the alliance's procedures look at. */
export interface Situation {
  /** The most serious event so far against the requester, if any. */
  eventKind: EventKind | null;
  severity: number;
  /** Certainty, 0–1, that the adversary is behind it. */
  attribution: number;
  /** Sum of severities of cyber and hybrid events so far (N6: cumulative effect). */
  cumulativeCyber: number;
  /** The other party when the crisis is a clash between two members (S5). */
  clashWith: StateId | null;
}

export interface Indicators {
  /** 1 (no militarized action) to 5 (war), after the MID hostility levels. */
  escalation: number;
  casualties: number;
  deterrence: number;
  cohesion: number;
  autonomy: number;
  entrapment: number;
  legitimacy: number;
  /** Days from the crisis's first event to the first collective measure; null until one. */
  daysToFirstCollectiveMeasure: number | null;
}

export type AdversaryMove = 'escalate' | 'hold' | 'back-down';

export interface FiredEvent {
  id: string;
  kind: EventKind;
  place: StateId;
  severity: number;
  casualties: number;
  attribution: number;
}

export interface TurnRecord {
  turn: number;
  /** Day at the start of the turn (day 0 is the start of the game). */
  day: number;
  events: FiredEvent[];
  intents: IntentId[];
  /** Every member's answer to each proposal this turn, by intent. */
  positions: Partial<Record<IntentId, Record<StateId, Position>>>;
  contributions: Record<StateId, Contribution>;
  decisions: DecisionRecord[];
  adversary: AdversaryMove;
  indicators: Indicators;
}

export type GameResult = 'resolved' | 'horizon' | 'war';

/** Everything needed to continue a game: save it as JSON and resume it later. */
export interface GameState {
  scenario: Scenario;
  rules: RuleSetId;
  seed: string;
  /** Next turn to play, from 1. */
  turn: number;
  /** The seeded generator's state: the only source of chance. */
  rng: RngState;
  /** The rule machine's persisted snapshot (value and context). */
  alliance: AllianceSnapshot;
  indicators: Indicators;
  /** The events that opened the current turn, shown to the player before choosing. */
  events: FiredEvent[];
  /** Running facts the indicators and policies read. */
  memory: GameMemory;
  turns: TurnRecord[];
  result: GameResult | null;
}

export interface GameMemory {
  firedEvents: string[];
  /** Attribution certainty per fired event id. */
  attribution: Record<string, number>;
  /** Day the first event happened; null until then. */
  crisisStartDay: number | null;
  cumulativeCyber: number;
  /** Each member's contribution so far (the highest it has given). */
  contributions: Record<StateId, Contribution>;
  /** Consecutive turns the adversary has backed down. */
  backDownStreak: number;
  /** Turns since the last event. */
  quietTurns: number;
  /** Member-by-member unwanted involvement accumulated (entrapment). */
  strain: Record<StateId, number>;
  /** Collective texts adopted so far (whole or by a subset). */
  collectiveTexts: number;
  /** Per member, decisions it let pass without endorsing them (autonomy). */
  acquiesced: Record<StateId, number>;
  /** Highest escalation reached. */
  maxEscalation: number;
}

export interface RngState {
  /** Opaque state from seedrandom's alea, saved with the game. */
  [key: string]: unknown;
}

export interface AllianceSnapshot {
  value: unknown;
  context: unknown;
}
