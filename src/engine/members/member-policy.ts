// How a member answers a proposal and what it puts in when asked: computed from its profile in
// the scenario and seeded chance. The constants are design choices; docs/model.md gives the
// reason for each.
import type { IntentId, Scenario, StateProfile } from '../scenario/schema';
import type { Contribution, Position, Situation, StateId } from '../game/types';
import { noise, type Rng } from '../random/rng';
import { stateById } from '../scenario/scenario-index';

/** Ties or threat not written in the scenario count as weak, not as none. */
const DEFAULT_TIE = 0.3;
const DEFAULT_THREAT = 0.3;

/** How much a request asks of a member, ordered as ATOP's obligation ladder:
 * consultation < a public text < joint work < a defence commitment. */
export const ASK: Record<IntentId, number> = {
  consult: 0.05,
  'joint-statement': 0.12,
  'ct-cooperation': 0.2,
  'suspend-member': 0.35,
  'collective-defence': 0.3,
  'act-alone': 0,
  'de-escalate': 0,
};

/** A terrorist attack is an armed attack in the treaty's sense only at a 9/11 scale: Article 5 was
 * invoked once (2001: 2,977 dead), never for Madrid 2004 (193), London 2005 (52) or Paris 2015
 * (130), attacks of severity 4 on the game's scale. Each step of severity below 5 weighs against
 * collective defence this much: a design choice, calibrated on that record so that a severity-4
 * attack does not bring Article 5 when the player asks for it every day (rats-central-asia, 200
 * seeds: 0.2 let it through in 64%, 0.4 in 5%, where every ally abstained and nobody objected;
 * 0.6 in none). A 9/11-scale attack is untouched. */
export const TERROR_SCALE_GAP = 0.6;

/** Answers above SUPPORT support; below OBJECT object; between, a member with a stake abstains
 * and one without stays out. */
const SUPPORT = 0.22;
const OBJECT = -0.25;
const STAKE_TO_ABSTAIN = 0.3;

export interface Actors {
  requester: StateId;
  adversary: StateId;
}

export function profileOf(scenario: Scenario, id: StateId): StateProfile {
  const state = stateById(scenario, id);
  if (!state) throw new Error(`unknown state ${id}`);
  return state.profile;
}

const tie = (p: StateProfile, other: StateId) => p.ties[other] ?? DEFAULT_TIE;
const threat = (p: StateProfile, other: StateId) => p.threat[other] ?? DEFAULT_THREAT;

/** Which side a member's stake in the crisis is on, −1 (the adversary's) to 1 (the requester's):
 * its ties to each and the threat it feels from each. A threat from the requester is counted only
 * when the scenario writes one (allies rarely fear the state asking for help). */
export function stakeSide(p: StateProfile, actors: Actors): number {
  const side = tie(p, actors.requester) - tie(p, actors.adversary) + threat(p, actors.adversary) - (p.threat[actors.requester] ?? 0);
  return Math.max(-1, Math.min(1, side));
}

/** How much a member cares to stand by the requester against this adversary: its interests in the
 * crisis count on the side its stake is on, so a member with high stakes on the other side resists. */
export function solidarity(p: StateProfile, actors: Actors): number {
  const known = solidarities.get(p);
  if (known && known.requester === actors.requester && known.adversary === actors.adversary) return known.value;
  const value = 0.4 * tie(p, actors.requester) + 0.3 * threat(p, actors.adversary) + 0.3 * p.interests * stakeSide(p, actors);
  solidarities.set(p, { requester: actors.requester, adversary: actors.adversary, value });
  return value;
}

/** Each profile's solidarity with the last two sides it was asked about. It is asked for every
 * member several times a turn (positions, contributions, the adversary's estimates), nearly always
 * about the same two sides in a game (a calendar draft's tabler is the exception), and reading the profile's ties and threats took longer than one
 * look-up here. Valid because a parsed scenario, its profiles included, is never changed in place
 * (scenario-index.ts makes the same assumption), so the same profile and sides give the same number. */
const solidarities = new WeakMap<StateProfile, { requester: StateId; adversary: StateId; value: number }>();

export function memberPosition(
  member: StateId,
  p: StateProfile,
  intent: IntentId,
  situation: Situation,
  actors: Actors,
  rng: Rng,
  spread: number,
  duty = 0,
): Position {
  const draw = noise(rng, spread);
  if (member === actors.requester) return 'support';
  if (member === situation.clashWith) return 'object'; // a party never endorses a text against itself
  // Collective defence answers an attack on the requester; consulting, speaking and working together
  // answer a threat, which an attack on a neighbour is too (Art. 4: "threatened").
  const urgency = (intent === 'collective-defence' ? situation.severity : seriousness(situation)) / 5;
  let u = solidarity(p, actors) * (0.6 + 0.6 * urgency) - ASK[intent] * (1.2 - p.riskTolerance);
  if (intent === 'collective-defence') {
    u -= 0.2 * p.domesticConstraint; // parliaments and publics weigh armed commitments most
    u -= 0.15 * (1 - situation.attribution); // allies want to know who attacked (N3 lets them wait)
    u += duty; // a binding pledge, once its case has arisen, is costly to breach in the open
    if (situation.eventKind === 'terrorist-attack') u -= TERROR_SCALE_GAP * (5 - situation.severity);
  }
  u -= 0.6 * tie(p, actors.adversary); // friends of the adversary resist acting against it
  if (situation.clashWith) u -= 0.5 * Math.max(0, tie(p, situation.clashWith) - tie(p, actors.requester));
  u += draw;
  if (u >= SUPPORT) return 'support';
  if (u < OBJECT) return 'object';
  return p.interests >= STAKE_TO_ABSTAIN ? 'abstain' : 'stay-out';
}

export const CONTRIBUTION_WEIGHT: Record<Contribution, number> = { none: 0, political: 0.25, support: 0.6, forces: 1 };


/** What a member would give of its own accord, 0–1 (before any pledge pulls it further). */
/** How serious the crisis is for the requester, 0–5: an attack on it, or a threat anywhere near. */
export function seriousness(situation: Situation): number {
  return Math.max(situation.severity, situation.threat.severity);
}

export function ownWant(p: StateProfile, situation: Situation, actors: Actors, draw: number): number {
  const urgency = seriousness(situation) / 5;
  return (
    solidarity(p, actors) * (0.6 + 0.6 * urgency) +
    0.3 * p.riskTolerance -
    0.35 * p.domesticConstraint -
    0.6 * tie(p, actors.adversary) +
    draw
  );
}

export function contributionFor(level: number, obligated: boolean, capability: number): Contribution {
  if (level >= 0.75 && capability >= 0.02) return 'forces';
  if (level >= 0.5) return 'support';
  if (level >= 0.25 || obligated) return 'political'; // N4: the pledge binds; its form is national
  return 'none';
}

export interface ContributionChoice {
  contribution: Contribution;
  /** How far the contribution goes beyond what the member wanted (entrapment, Snyder 1984). */
  excess: number;
}

/** What a member gives: what it wants (with `draw`, its own seeded noise), plus the pull of a
 * binding pledge (`pull`: 0 when none binds it). */
export function memberContribution(p: StateProfile, situation: Situation, actors: Actors, pull: number, draw: number): ContributionChoice {
  const want = ownWant(p, situation, actors, draw);
  const wanted = contributionFor(want, false, p.capability);
  const given = contributionFor(want + pull, pull > 0, p.capability);
  return { contribution: given, excess: Math.max(0, CONTRIBUTION_WEIGHT[given] - CONTRIBUTION_WEIGHT[wanted]) };
}
