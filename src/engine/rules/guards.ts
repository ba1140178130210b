// The rulebook's questions, as the machines ask them. Each guard is named by the rule it applies
// and what it asks ("N2.objectionBlocks"); which guards a rule set has comes from its features.
// The engine draws members' answers and meeting days; guards only read the event and context.
import type { IntentId } from '../scenario/schema';
import type { Situation, StateId } from '../game/types';
import { supportShare, tally, type Tally } from './consensus';
import type { InstitutionalFeatures } from './features';
import type { AgendaItem, Proposal, RuleContext, RuleEvent, Wording } from './types';

/** N3: Article 5 stays conditional until the attack is attributed to an outside actor.
 * 2001: conditional on day 1, confirmed on day 21 after the US briefing. The threshold is
 * a design choice (no source gives one): "more likely than not, and then some". */
export const ATTRIBUTION_THRESHOLD = 0.7;
/** N6: cumulative severity of cyber and hybrid events from which their effect is treated like an
 * armed attack (since 2021 the cumulative effect may count). The size is a design choice. */
export const CYBER_CUMULATIVE_THRESHOLD = 8;
/** N7: an Article 4 meeting moves to new posture (2014 AWACS, 2022 defence plans, 2025 Eastern
 * Sentry) only after a serious military threat — on the requester or on a neighbour (2014, 2022:
 * attacks on Ukraine) — and with broad support; otherwise it ends with a statement. */
export const POSTURE_SEVERITY = 3;
/** N7: posture answers military threats (2022: a neighbour invaded; 2025: drones in allied airspace). */
export const POSTURE_EVENTS: readonly string[] = ['armed-attack', 'airspace-incident', 'hybrid-campaign'];
export const POSTURE_SUPPORT_SHARE = 0.6;

export interface GuardArgs {
  context: RuleContext;
  event: RuleEvent;
}
export type Guard = (args: GuardArgs, params?: { intent?: IntentId }) => boolean;

/** The proposal a request or a sitting is about, with the facts and answers it is decided on. */
export interface Business {
  proposal: Proposal;
  situation: Situation;
  tally: Tally;
}

const NOBODY: Tally = { support: [], object: [], abstain: [], stayOut: [] };

// A sitting's guards all read the same business; tallying 32 members' answers once per event,
// not once per guard, keeps a long transition list cheap. One entry is enough: the guards and
// actions of one event are evaluated together, before the next event is read, and the business is
// a function of the event and the context alone, neither of which is changed once made (a miss
// only reads it again). A WeakMap by event cost more to write, once per event, than the tally.
let last: { event: object | null; context: RuleContext | null; business: Business | null } = { event: null, context: null, business: null };

export function businessOf(context: RuleContext, received: RuleEvent | { type: string }): Business | null {
  if (last.event === received && last.context === context) return last.business;
  const business = readBusiness(context, received as RuleEvent); // internal events match nothing below
  last = { event: received, context, business };
  return business;
}

function readBusiness(context: RuleContext, event: RuleEvent): Business | null {
  if (event.type === 'proposal.submit') return { proposal: event.proposal, situation: event.proposal.situation, tally: NOBODY };
  if (event.type !== 'council.sit') return null;
  const item = context.agenda.find((i: AgendaItem) => i.proposal.id === event.sitting.proposal);
  if (!item) return null;
  return { proposal: item.proposal, situation: event.sitting.situation, tally: tally(event.sitting.positions) };
}

/** Whether a request is about a dispute between members: one without words of its own is about
 * the crisis as a whole, a worded draft (wording.ts) only when it names the clash. */
export function aboutDispute(wording: Wording | undefined): boolean {
  return wording === undefined || wording.namesClash;
}

const cyberKind = (s: Situation) => s.eventKind === 'cyber-attack' || s.eventKind === 'hybrid-campaign';

/** Members supporting besides the one the measure is for and the one who proposed it. */
export function cosponsors(b: Business): StateId[] {
  return b.tally.support.filter((m) => m !== b.proposal.requester && m !== b.proposal.proposer);
}

/** Members that withhold consent when silence is not enough (N6): objectors, abstainers, those staying out. */
export function withholding(t: Tally): StateId[] {
  return [...t.object, ...t.abstain, ...t.stayOut].sort();
}

/** Whether the objections carry the decision, under each decision rule. */
function blocks(f: InstitutionalFeatures, t: Tally): boolean {
  return f.decisionRule === 'majority' ? t.object.length >= t.support.length : t.object.length > 0;
}

/** The guard names under which each decision rule's "objection blocks" is known in the chart. */
export const BLOCK_GUARD: Record<InstitutionalFeatures['decisionRule'], string> = {
  consensus: 'N2.objectionBlocks',
  'no-objection': 'S2.objectionBlocksJointText',
  'csto-consensus': 'C3.objectionBlocks',
  majority: 'L1.majorityAgainst',
};

/** Every guard a rule set with these features can use. The chart (rulebook-machine.ts) picks
 * the ones its features call for; the rest are never referred to. */
export function guardsFor(f: InstitutionalFeatures): Record<string, Guard> {
  const on = (fn: (b: Business, args: GuardArgs) => boolean): Guard => (args) => {
    const b = businessOf(args.context, args.event);
    return b !== null && fn(b, args);
  };
  const objectionBlocks = on((b) => blocks(f, b.tally));
  return {
    // What a request or a sitting is about.
    isAbout: (args, params) => businessOf(args.context, args.event)?.proposal.intent === params?.intent,
    isUnderWay: (args, params) => args.context.agenda.some((i) => i.proposal.intent === params?.intent),
    hasAttack: on((b) => b.situation.eventKind !== null),
    isMemberClash: on((b) => b.situation.clashWith !== null),

    // Agenda.
    // A draft whose words do not name the clash (a summit text on terrorism) is no dispute.
    'S5.intraBlocDisputeOffAgenda': on((b) => b.situation.clashWith !== null && aboutDispute(b.proposal.wording)),
    'C6.callForCalm': on((b) => b.situation.clashWith !== null && aboutDispute(b.proposal.wording)),
    'S7.noSecondCaller': on((b) => cosponsors(b).length === 0),
    'S7.consentWithheld': on((b) => b.tally.object.length > 0),

    // Decision rules.
    [BLOCK_GUARD[f.decisionRule]]: objectionBlocks,
    'L2.shiftForum': on((b) => b.tally.support.length > 0),
    // A paragraph naming its endorsers (the BRI paragraphs India stays off) cannot mend a draft a
    // member objects to for passing over an attack on its ground: leaving its name off is the
    // slight itself, so no text is issued (Qingdao, 26 Jun 2025).
    'S2.endorsersNamed': on((b) => b.tally.support.length >= 2 && !b.tally.object.some((m) => b.proposal.wording?.passesOver.includes(m))),
    'S7.interestedGoAhead': on((b) => b.tally.support.length >= 2),
    'S7.tooFewInterested': on((b) => b.tally.support.length < 2),
    'S3.othersObject': on((b) => b.tally.object.some((m) => m !== b.situation.clashWith)),
    'N7.seriousMilitaryThreat': on(
      (b) =>
        POSTURE_EVENTS.includes(b.situation.threat.kind ?? '') &&
        b.situation.threat.severity >= POSTURE_SEVERITY &&
        supportShare(b.tally) >= POSTURE_SUPPORT_SHARE,
    ),

    // Collective defence.
    'N3.notAnArmedAttack': on((b) => b.situation.eventKind === 'unrest' || b.situation.eventKind === 'member-clash'),
    'C5.unrestNotFramedAsAggression': on(
      (b) => b.situation.eventKind === 'unrest' && b.situation.attribution < ATTRIBUTION_THRESHOLD,
    ),
    'C6.clashNotAnsweredWithForce': on((b) => b.situation.eventKind === 'member-clash'),
    'N6.caseByCase': on(
      (b) => cyberKind(b.situation) && b.situation.cumulativeCyber < CYBER_CUMULATIVE_THRESHOLD && withholding(b.tally).length > 0,
    ),
    'C2.onlyArmedAttack': on((b) => cyberKind(b.situation)),
    'N3.unattributed': on((b) => b.situation.attribution < ATTRIBUTION_THRESHOLD),
    'N3.attributed': ({ event }) => event.type === 'turn.begin' && event.attribution >= ATTRIBUTION_THRESHOLD,
    forcesReady: ({ context, event }) =>
      event.type === 'turn.begin' && context.forcesReadyDay !== null && context.forcesReadyDay < event.endDay,
  };
}
