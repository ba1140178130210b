// The game's data: plain, JSON-serialisable objects, so that a game can be saved, resumed,
// logged and replayed. Only the engine's pure functions change them.
import type { EventKind, IntentId, Position, Scenario, StateId } from '../scenario/schema';
import type { InstitutionalFeatures } from '../rules/features';
import type { RuleId } from '../rules/rulebook';
import type { Proposer } from '../rules/types';
import type { ModelParameters, PackId } from '../model/parameters';

export type { StateId, RuleId, Proposer, InstitutionalFeatures, Position };


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
  | 'lapsed'; // the game ended before the body sat on it

/** How help reaches the player: through the alliance's decision, or from each state bilaterally. */
export type HelpChannel = 'alliance' | 'bilateral';

export interface DecisionRecord {
  turn: number;
  day: number;
  kind: DecisionKind;
  intent: IntentId;
  /** The proposal decided (numbered from 1); 0 for what standing arrangements do on their own. */
  proposal: number;
  /** Who put the proposal on the agenda. */
  proposer: Proposer;
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
  /** Where the requester was hit: its territory, its forces abroad, or not at all (events on
   * other states' ground are not an attack on it). */
  attackedOn: 'territory' | 'forces' | null;
  /** The most serious event anywhere in the crisis, on anyone's ground: what Article 4 calls
   * being threatened, and what moves posture (N7), even when the requester was not attacked. */
  threat: { kind: EventKind | null; severity: number };
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

/** Where a member's position came from: its profile, the scenario's script, or a seat (a
 * human in class mode, a test) through the caller. */
export type PositionSource = 'profile' | 'script' | 'seat';

/** What changed in what a member weighs since it last answered on the same intent. */
export type ChangeOfMind = 'event' | 'severity' | 'attribution' | 'clash' | 'text';

/** A proposal as it reached the alliance this turn. */
export interface ProposalRecord {
  id: number;
  intent: IntentId;
  proposer: Proposer;
  day: number;
  /** Day its body is due to sit. */
  meetingDay: number;
  /** The calendar sitting whose draft this is (`alliance.calendar` in the scenario). */
  sitting?: string;
}

/** One sitting: who decided each position, and who changed its mind since the last sitting. */
export interface SittingRecord {
  proposal: number;
  intent: IntentId;
  day: number;
  by: Record<StateId, PositionSource>;
  /** Members whose position differs from their last one on this intent, with what changed. */
  changed: Record<StateId, ChangeOfMind>;
}

/** What the player and others asked for in a turn: the inputs a replay needs. */
export interface TurnInput {
  /** The player's requests. */
  intents: IntentId[];
  /** Requests put on the agenda by other member states or the chair. */
  motions?: { by: Proposer; intent: IntentId }[];
  /** Positions chosen by seats (class mode, tests), by intent and member. */
  seats?: Partial<Record<IntentId, Record<StateId, Position>>>;
  /** Who spoke for member states this turn (class mode): a student's name by member. A member
   * not named was played by its profile. Recorded in the log, so positions are attributed. */
  speakers?: Record<StateId, string>;
}

export interface TurnRecord {
  turn: number;
  /** Day at the start of the turn (day 0 is the start of the game). */
  day: number;
  events: FiredEvent[];
  intents: IntentId[];
  /** Inputs besides the player's intents, when there were any. */
  motions?: TurnInput['motions'];
  seats?: TurnInput['seats'];
  speakers?: TurnInput['speakers'];
  /** Proposals that reached the alliance this turn. */
  proposals: ProposalRecord[];
  /** Every member's answer at each sitting this turn, by intent. */
  positions: Partial<Record<IntentId, Record<StateId, Position>>>;
  sittings: SittingRecord[];
  contributions: Record<StateId, Contribution>;
  /** How sure investigators were, this turn, that the adversary is behind the attack on the
   * requester (what N3 and C5 read); null while nothing has hit it. */
  attribution: number | null;
  /** Through which channel this turn's contributions were asked for, when any were. */
  helpChannel?: HelpChannel;
  decisions: DecisionRecord[];
  adversary: AdversaryMove;
  indicators: Indicators;
}

export type GameResult = 'resolved' | 'horizon' | 'war';

/** On whose terms a crisis ended: what the adversary got against what it wanted. */
export type Terms = 'defender' | 'compromise' | 'adversary';

/** Everything needed to continue a game: save it as JSON and resume it later. */
export interface GameState {
  scenario: Scenario;
  /** The rule set's name: a preset, one the scenario defines, or a design-lab spec. */
  rules: string;
  /** The rule set's full feature set, as the log records it. */
  features: InstitutionalFeatures;
  /** The reading of the research the model's constants follow, and their values. */
  pack: PackId;
  parameters: ModelParameters;
  seed: string;
  /** Next turn to play, from 1. */
  turn: number;
  /** The seeded generator's state: the only source of chance. */
  rng: RngState;
  /** The rule machine's persisted snapshot (getPersistedSnapshot). */
  alliance: AllianceSnapshot;
  indicators: Indicators;
  /** The events that opened the current turn, shown to the player before choosing. */
  events: FiredEvent[];
  /** Running facts the indicators and policies read. */
  memory: GameMemory;
  turns: TurnRecord[];
  result: GameResult | null;
  /** On whose terms it ended; null while it goes on. */
  terms: Terms | null;
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
  /** Proposals numbered so far. */
  proposals: number;
  /** Each member's seeded draw for what it gives, kept while what it weighs is unchanged, so a
   * request asked again does not redraw help until the best draw comes up. */
  pledges: Record<StateId, { basis: StanceBasis; draw: number }>;
  /** What each member has given beyond what it wanted, summed (autonomy lost). */
  excess: Record<StateId, number>;
  /** How the adversary misreads each member's willingness, drawn once per game. */
  perception: Record<StateId, number>;
  /** What the adversary has taken or forced so far toward its aims, 0–1. */
  gains: number;
  /** Each member's last position per intent and what it weighed then: positions persist. */
  stances: Partial<Record<IntentId, Record<StateId, Stance>>>;
  /** Kinds of step the world has already credited to the player's legitimacy: each counts once,
   * so a statement or a call for calm repeated every day adds nothing new. */
  credited: CreditedStep[];
}

export type CreditedStep = DecisionKind | 'restraint' | 'self-defence';

export interface Stance {
  position: Position;
  /** The facts it weighed: kept until one of them changes. */
  basis: StanceBasis;
}

export interface StanceBasis {
  event: EventKind | null;
  severity: number;
  /** Attribution in tenths: a small rise does not make a member think again. */
  attribution: number;
  clash: StateId | null;
  /** The calendar sitting whose draft was answered: another draft is another question. */
  text?: string;
}

export interface RngState {
  /** Opaque state from seedrandom's alea, saved with the game. */
  [key: string]: unknown;
}

/** The rule machine's persisted snapshot: plain JSON. */
export interface AllianceSnapshot {
  value: unknown;
  context: unknown;
  [key: string]: unknown;
}
