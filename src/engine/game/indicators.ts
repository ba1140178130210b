// How each indicator is computed. Every constant is explained in docs/model.md.
import type { EventKind, Scenario } from '../scenario/schema';
import type { InstitutionalFeatures } from '../rules/features';
import type { AlliancePosture } from '../rules/types';
import { CONTRIBUTION_WEIGHT } from '../members/member-policy';
import type { Contribution, DecisionRecord, FiredEvent, Indicators, StateId } from './types';
import { clamp, clampUnit, round } from './numbers';
import { stateById } from '../scenario/scenario-index';

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

/** Perceived chance that a member helps, before it has said what it gives: the treaty's pledge
 * sets the base (defence pacts are honoured 41% of the time, Berkemeier & Fuhrmann 2018; a
 * consultation pledge promises no help, so half that, a design choice), a public invocation adds
 * audience costs (Morrow 2000). */
const HELP_BASE: Record<InstitutionalFeatures['commitment'], number> = { automatic: 0.41, 'deems-necessary': 0.41, 'consultation-only': 0.2 };
const INVOKED_BONUS = { none: 0, conditional: 0.15, invoked: 0.35 } as const;
export const NUCLEAR_ALLY_BONUS = 0.1;

export interface DeterrenceInputs {
  scenario: Scenario;
  features: InstitutionalFeatures;
  posture: AlliancePosture;
  contributions: Record<StateId, Contribution>;
  collectiveTexts: number;
  cohesion: number;
}

export function deterrenceOf(d: DeterrenceInputs): number {
  const { scenario, posture } = d;
  const player = scenario.player.state;
  let help = 0;
  let nuclearHelp = 0;
  for (const member of scenario.alliance.members) {
    const p = stateById(scenario, member)?.profile;
    if (!p) continue;
    if (member === player) {
      help += p.capability; // a state defends itself
      continue;
    }
    const willing = 0.5 + 0.5 * p.interests;
    const prior = Math.min(1, HELP_BASE[d.features.commitment] * willing + INVOKED_BONUS[posture.commitment]);
    const given = CONTRIBUTION_WEIGHT[d.contributions[member] ?? 'none'];
    help += p.capability * Math.max(prior, given);
    if (p.nuclear) nuclearHelp = Math.max(nuclearHelp, Math.max(prior, given));
  }
  const adversaryCapability = d.scenario.adversary.capability;
  let credibility = help / (help + adversaryCapability + 0.1);
  if (posture.forces === 'ready') credibility += 0.08; // forces in place deny, not only punish
  // An ally with nuclear weapons likely to stand by the member deters more (Fuhrmann & Sechser 2014;
  // the size is a design choice).
  credibility += NUCLEAR_ALLY_BONUS * nuclearHelp;
  credibility += Math.min(0.1, 0.02 * d.collectiveTexts); // words in common signal resolve, a little
  return clampUnit(credibility * (0.55 + 0.45 * d.cohesion));
}

/** Members' freedom of action: a binding commitment (N3) and forces under alliance command (N5)
 * each take a share of it (Morrow 1991: allies trade autonomy for security). */
export function autonomyOf(
  scenario: Scenario,
  bound: StateId[],
  posture: AlliancePosture,
  contributions: Record<StateId, Contribution>,
  acquiesced: Record<StateId, number>,
): number {
  const members = scenario.alliance.members;
  const isBound = new Set(bound);
  let total = 0;
  for (const m of members) {
    let a = 1;
    if (isBound.has(m)) a -= 0.35;
    if (posture.forces === 'ready' && contributions[m] === 'forces') a -= 0.25;
    a -= Math.min(0.2, 0.04 * (acquiesced[m] ?? 0)); // texts it let pass without endorsing
    total += a;
  }
  return clampUnit(total / members.length);
}

/** Share of members drawn into action against their own interest (Snyder 1984; Kim 2011). */
export function entrapmentOf(scenario: Scenario, strain: Record<StateId, number>): number {
  const others = scenario.alliance.members.filter((m) => m !== scenario.player.state);
  if (others.length === 0) return 0;
  const sum = others.reduce((s, m) => s + Math.min(1, strain[m] ?? 0), 0);
  return clampUnit(sum / others.length);
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

export function legitimacyAfterDecisions(legitimacy: number, decisions: DecisionRecord[]): number {
  let l = legitimacy;
  for (const d of decisions) {
    if (d.outcome === 'adopted' || d.outcome === 'conditional') l += d.collective ? 0.04 : 0.01;
    else if (d.outcome === 'subset') l += 0.02;
    else if (d.outcome === 'blocked') l -= 0.02;
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
  for (const [key, weight] of Object.entries(scenario.player.objectives)) {
    if (!weight) continue;
    const v = values[key] ?? 0;
    total += Math.abs(weight) * (weight > 0 ? v : 1 - v);
    weights += Math.abs(weight);
  }
  return weights === 0 ? 0 : round((100 * total) / weights);
}
