// How each indicator is computed. Every constant is explained in docs/model.md.
import type { EventKind, IntentId, Scenario, StateProfile } from '../scenario/schema';
import type { InstitutionalFeatures } from '../rules/features';
import type { AlliancePosture } from '../rules/types';
import { ASK, CONTRIBUTION_WEIGHT, ownWant } from '../members/member-policy';
import type { ModelParameters } from '../model/parameters';
import type { CreditedStep, DecisionKind, DecisionRecord, FiredEvent, GameMemory, Indicators, Position, Situation, StateId } from './types';
import { clamp, clampUnit, round } from './numbers';
import { stateById } from '../scenario/scenario-index';
import { INDICATORS, INTENTS } from '../scenario/vocabulary';

/** The rung each kind of event puts the crisis on, at severity 3, on the MID hostility scale
 * (1 no militarized action, 2 threat, 3 display of force, 4 use of force, 5 war). */
const EVENT_RUNG: Record<EventKind, number> = {
  'armed-attack': 4,
  'member-clash': 3.6,
  'airspace-incident': 3,
  'terrorist-attack': 2.6,
  'hybrid-campaign': 2.2,
  'cyber-attack': 2,
  unrest: 1.8,
};

export const WAR_RUNG = 5;

export function eventRung(kind: EventKind, severity: number): number {
  return EVENT_RUNG[kind] + 0.25 * (severity - 3);
}

export function rungAfterEvents(escalation: number, events: FiredEvent[]): number {
  let e = escalation;
  for (const event of events) e = Math.max(e, eventRung(event.kind, event.severity)) + 0.1;
  return clamp(e, 1, WAR_RUNG);
}

/** Cap on the credibility that words in common add: two texts' worth. Texts are cheap talk next to
 * a pledge or forces (Fearon 1997), so a stream of statements cannot stand in for them (design
 * choice; 0.1 let a policy of statements alone deter an invasion as well as Article 5 did). */
const TEXTS_CAP = 0.04;
export const NUCLEAR_ALLY_BONUS = 0.1;
/** How a member's last stance reads to the adversary as willingness to help (design choice). */
const STANCE_READ: Record<Position, number> = { support: 1, abstain: 0.45, 'stay-out': 0.3, object: 0 };

export interface DeterrenceInputs {
  scenario: Scenario;
  features: InstitutionalFeatures;
  params: ModelParameters;
  posture: AlliancePosture;
  memory: Pick<GameMemory, 'contributions' | 'collectiveTexts' | 'stances' | 'perception'>;
  cohesion: number;
  /** The facts the members weigh now, for what the adversary expects of members not yet heard. */
  situation: Situation;
}

/** How much a member's stance on a request tells the adversary about its help in a fight: in
 * proportion to what the request asks of it (Fearon 1997: only costly signals separate the
 * resolved from the rest), so backing consultations or a statement is cheap talk next to backing
 * collective defence. Derived from the obligation ladder (ASK), not set per rule set. */
export function signalWeight(intent: IntentId): number {
  return Math.min(1, ASK[intent] / ASK['collective-defence']);
}

/** The adversary's estimate that an ally helps: the treaty text's published prior (Leeds 2003;
 * Berkemeier & Fuhrmann 2018), raised by a public invocation's audience costs (Morrow 2000) and,
 * in the study's reading only, by institutionalisation, then moved toward what the ally has shown:
 * its profile as the adversary reads it (with a per-game misperception), corrected by its last
 * stance on the costliest request it answered, as far as that stance was a costly signal. */
export function helpEstimate(d: DeterrenceInputs, member: StateId, profile: StateProfile): number {
  return estimateFrom(d, sharedPart(d), member, profile);
}

/** What every member's estimate in one reading shares: the prior's weighted part and the two
 * sides. Taken once per reading (deterrenceOf) rather than once per member: the same numbers. */
interface SharedPart {
  weightedPrior: number;
  /** The intents some member has answered, costliest signal first (BY_SIGNAL's order). */
  answered: readonly IntentId[];
  actors: { requester: StateId; adversary: StateId };
}

function sharedPart(d: DeterrenceInputs): SharedPart {
  const { features: f, params, posture } = d;
  const binding = f.commitment !== 'consultation-only';
  let prior = binding ? params.priorDefence : params.priorConsultation;
  if (f.command !== 'none') prior += params.institutionalisation;
  if (posture.commitment === 'invoked') prior += params.invocationAudience;
  else if (posture.commitment === 'conditional') prior += params.invocationAudience / 2;
  return {
    weightedPrior: (1 - params.evidenceWeight) * Math.min(1, prior),
    actors: { requester: d.scenario.player.state, adversary: d.scenario.adversary.id },
    answered: BY_SIGNAL.filter((intent) => d.memory.stances[intent] !== undefined && d.memory.stances[intent] !== null),
  };
}

function estimateFrom(d: DeterrenceInputs, shared: SharedPart, member: StateId, profile: StateProfile): number {
  const { params, memory } = d;
  const read = clampUnit(ownWant(profile, d.situation, shared.actors, 0) + (memory.perception[member] ?? 0));
  const said = costliestAnswered(memory.stances, shared.answered, member);
  const evidence = said ? read + SIGNAL_WEIGHT[said] * (STANCE_READ[memory.stances[said]![member]!.position] - read) : read;
  return clampUnit(shared.weightedPrior + params.evidenceWeight * evidence);
}

/** The intents from the costliest signal down; among equals in the vocabulary's fixed order (never
 * the memory's key order: a reloaded save may differ). The first one a member has answered is the
 * one that asked the most of it, as a scan keeping only strictly costlier finds would pick. */
const BY_SIGNAL: readonly IntentId[] = [...INTENTS].sort((a, b) => signalWeight(b) - signalWeight(a));

/** signalWeight of each intent, taken once. */
const SIGNAL_WEIGHT = Object.fromEntries(INTENTS.map((i) => [i, signalWeight(i)])) as Record<IntentId, number>;

/** The request that asked the most of the member, among those it has answered: the first of
 * `answered` (the intents anyone answered, in BY_SIGNAL's order) the member answered. */
function costliestAnswered(stances: GameMemory['stances'], answered: readonly IntentId[], member: StateId): IntentId | undefined {
  for (const intent of answered) if (stances[intent]![member]) return intent;
  return undefined;
}

/** Deterrence credibility: the capability the adversary expects to face (each ally's capability
 * times the larger of its estimated help and what it has already given), against its own. */
export function deterrenceOf(d: DeterrenceInputs): number {
  const { scenario, posture } = d;
  const player = scenario.player.state;
  const shared = sharedPart(d);
  let help = 0;
  let nuclearHelp = 0;
  for (const member of scenario.alliance.members) {
    const p = stateById(scenario, member)?.profile;
    if (!p) continue;
    if (member === player) {
      help += p.capability; // a state defends itself
      continue;
    }
    const expected = Math.max(estimateFrom(d, shared, member, p), CONTRIBUTION_WEIGHT[d.memory.contributions[member] ?? 'none']);
    help += p.capability * expected;
    if (p.nuclear) nuclearHelp = Math.max(nuclearHelp, expected);
  }
  const adversaryCapability = d.scenario.adversary.capability;
  let credibility = help / (help + adversaryCapability + 0.1);
  if (posture.forces === 'ready') credibility += 0.08; // forces in place deny, not only punish
  // An ally with nuclear weapons likely to stand by the member deters more (Fuhrmann & Sechser 2014;
  // the size is a design choice).
  credibility += NUCLEAR_ALLY_BONUS * nuclearHelp;
  credibility += Math.min(TEXTS_CAP, 0.02 * d.memory.collectiveTexts); // words in common signal resolve, a little
  return clampUnit(credibility * (0.55 + 0.45 * d.cohesion));
}

/** Members' freedom of action, from what each actually did (Morrow 1991: allies trade autonomy
 * for security): help given beyond what it wanted, forces placed under the alliance's command,
 * and decisions it let pass without endorsing them. A pledge that leaves the form of help to
 * each ally (N4) costs autonomy only when it pulls an ally past what it wanted. */
export function autonomyOf(
  scenario: Scenario,
  posture: AlliancePosture,
  memory: Pick<GameMemory, 'contributions' | 'acquiesced' | 'excess'>,
): number {
  const members = scenario.alliance.members;
  let total = 0;
  for (const m of members) {
    let a = 1;
    a -= Math.min(0.4, memory.excess[m] ?? 0);
    if (posture.forces === 'ready' && memory.contributions[m] === 'forces') a -= 0.2;
    a -= Math.min(0.2, 0.04 * (memory.acquiesced[m] ?? 0)); // decisions it let pass without endorsing
    total += a;
  }
  return clampUnit(total / members.length);
}

/** Share of members drawn into action against their own interest (Snyder 1984; Kim 2011). */
export function entrapmentOf(scenario: Scenario, strain: Record<StateId, number>): number {
  // A loop rather than a filtered copy and a reduce: the same sum in the same order, 0 first.
  const player = scenario.player.state;
  let others = 0;
  let sum = 0;
  for (const m of scenario.alliance.members) {
    if (m === player) continue;
    others += 1;
    sum += Math.min(1, strain[m] ?? 0);
  }
  if (others === 0) return 0;
  return clampUnit(sum / others);
}

/** Cohesion moves toward how united members were on this turn's decisions. */
export function cohesionAfter(cohesion: number, decisions: DecisionRecord[], members: number): number {
  let c = cohesion;
  for (const d of decisions) {
    // Declined and lapsed requests never came to a vote; forces moving on their own (N5, C4) neither.
    if (d.outcome === 'declined' || d.outcome === 'lapsed' || (d.kind === 'posture' && d.proposal === 0)) continue;
    const unity = (d.endorsedBy.length - d.blockedBy.length) / Math.max(1, members);
    c = 0.8 * c + 0.2 * (0.5 + 0.5 * unity);
    if (d.outcome === 'blocked') c -= 0.03;
  }
  return clampUnit(c);
}

/** The world's view moves once per request the alliance decided, by how it ended, not by how many
 * records the decision wrote (an Article 4 meeting writes three, an SCO statement one); and each
 * kind of success is credited once (`credited`, updated here), so the same statement adopted every
 * day adds nothing new. A block costs each time: repeated failure shows disunity. */
export function legitimacyAfterDecisions(legitimacy: number, decisions: DecisionRecord[], credited: CreditedStep[]): number {
  let l = legitimacy;
  const best = new Map<number, { value: number; kind: DecisionKind | null }>();
  for (const d of decisions) {
    if (d.proposal === 0) continue; // standing arrangements acting on their own are no new decision
    const success = d.outcome === 'adopted' || d.outcome === 'conditional' || d.outcome === 'subset';
    const value =
      d.outcome === 'adopted' || d.outcome === 'conditional' ? (d.collective ? 0.04 : 0.01) : d.outcome === 'subset' ? 0.02 : d.outcome === 'blocked' ? -0.02 : 0;
    const seen = best.get(d.proposal);
    if (seen === undefined || value > seen.value) best.set(d.proposal, { value, kind: success ? d.kind : null });
  }
  for (const { value, kind } of best.values()) {
    if (kind === null) l += value;
    else if (!credited.includes(kind)) {
      credited.push(kind);
      l += value;
    }
  }
  return clampUnit(l);
}

/** Indicators scaled to 0–1 for the score: how much of each the game ended with. */
export function normalised(ind: Indicators, horizonDays: number): Record<string, number> {
  const days = ind.daysToFirstCollectiveMeasure;
  return {
    escalation: (ind.escalation - 1) / 4,
    casualties: Math.min(1, Math.log10(1 + ind.casualties) / 4),
    deterrence: ind.deterrence,
    cohesion: ind.cohesion,
    autonomy: ind.autonomy,
    entrapment: ind.entrapment,
    legitimacy: ind.legitimacy,
    speed: days === null ? 0 : 1 - Math.min(days, horizonDays) / horizonDays,
  };
}

/** 0–100: each objective's weight pulls toward more (positive) or less (negative) of it. */
export function scoreOf(scenario: Scenario, ind: Indicators): number {
  const values = normalised(ind, scenario.horizon * scenario.turnDays);
  let total = 0;
  let weights = 0;
  // In the vocabulary's fixed order, never the file's: the log embeds the scenario with sorted
  // keys, and a floating-point sum in another order can round differently on replay.
  for (const key of INDICATORS) {
    const weight = scenario.player.objectives[key];
    if (!weight) continue;
    const v = values[key] ?? 0;
    total += Math.abs(weight) * (weight > 0 ? v : 1 - v);
    weights += Math.abs(weight);
  }
  return weights === 0 ? 0 : round((100 * total) / weights);
}
