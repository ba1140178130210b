// The alliance's part of a turn: this turn's requests go on the agenda, the bodies sit on what is
// due with every member's position, and members then put in what is asked of them.
import { meetingDays, openAlliance, postureOf, type AllianceSession } from '../rules/rule-set';
import { ATTRIBUTION_THRESHOLD, aboutDispute } from '../rules/guards';
import type { AlliancePosture, Proposal, Proposer } from '../rules/types';
import { CONTRIBUTION_WEIGHT, memberContribution, memberPosition, profileOf } from '../members/member-policy';
import { between, noise } from '../random/rng';
import type { IntentId } from '../scenario/schema';
import { round } from './numbers';
import { writable } from './memory';
import { sittingsAt, wordingOf } from './wording';
import type { TurnContext } from './turn-context';
import type {
  AllianceSnapshot,
  ChangeOfMind,
  Contribution,
  DecisionRecord,
  HelpChannel,
  Position,
  PositionSource,
  ProposalRecord,
  SittingRecord,
  StanceBasis,
  StateId,
  TurnRecord,
} from './types';

/** Intents that are national choices (N4): they never reach the alliance. */
export const NATIONAL: readonly IntentId[] = ['act-alone', 'de-escalate'];

export interface Deliberation {
  alliance: AllianceSnapshot;
  proposals: ProposalRecord[];
  positions: TurnRecord['positions'];
  sittings: SittingRecord[];
  decisions: DecisionRecord[];
  posture: AlliancePosture;
  bound: StateId[];
  /** A body has been convened and has yet to sit. */
  pending: boolean;
}

export function deliberate(t: TurnContext, saved: AllianceSnapshot): Deliberation {
  const alliance = openAlliance(t.set, saved);
  alliance.send({ type: 'turn.begin', turn: t.turn, day: t.day, endDay: t.endDay, attribution: t.situation.attribution });
  const proposals: ProposalRecord[] = [];
  const requests: { by: Proposer; intent: IntentId }[] = [
    ...t.intents.filter((i) => !NATIONAL.includes(i)).map((intent) => ({ by: t.player as Proposer, intent })),
    ...(t.input.motions ?? []),
  ];
  for (const { by, intent } of requests) {
    const [min, max] = meetingDays(t.set.features, intent);
    t.memory.proposals += 1;
    const proposal: Proposal = {
      id: t.memory.proposals,
      intent,
      requester: t.player,
      proposer: by,
      situation: t.situation,
      day: t.day,
      meetingDay: t.day + between(t.rng, min, max),
    };
    const submit = { type: 'proposal.submit' as const, turn: t.turn, proposal };
    // The player's intents were checked before the turn; a motion is checked here, against the
    // agenda as it stands after the requests before it: one the rules do not take is refused.
    if (!alliance.snapshot().can(submit)) throw new Error(`motion ${intent} by ${by} is not available: the rules do not take it now`);
    proposals.push({ id: proposal.id, intent, proposer: by, day: proposal.day, meetingDay: proposal.meetingDay });
    alliance.send(submit);
  }
  // Sittings of the regular calendar take the draft tabled for them, on the turn's first day.
  for (const sitting of sittingsAt(t.scenario, t.turn)) {
    const proposal: Proposal = {
      id: t.memory.proposals + 1,
      intent: 'joint-statement',
      // The draft is its tabler's: it speaks for no attacked member, so nobody is bound to back it.
      requester: sitting.tabledBy,
      proposer: sitting.tabledBy,
      situation: t.situation,
      day: t.day,
      meetingDay: t.day,
      wording: wordingOf(t.scenario, sitting, t.memory.firedEvents),
    };
    const submit = { type: 'proposal.submit' as const, turn: t.turn, proposal };
    // A draft the rules do not take now (the same text already on the agenda) is not tabled.
    if (!alliance.snapshot().can(submit)) continue;
    t.memory.proposals += 1;
    proposals.push({ id: proposal.id, intent: proposal.intent, proposer: proposal.proposer, day: proposal.day, meetingDay: proposal.meetingDay, sitting: sitting.id });
    alliance.send(submit);
  }
  // The bodies sit on what is due before the turn ends, in the order of their days.
  const sat = sitOn(t, alliance, (meetingDay) => meetingDay < t.endDay);
  const state = alliance.snapshot();
  const context = state.context;
  return {
    alliance: alliance.save(),
    proposals,
    positions: sat.positions,
    sittings: sat.sittings,
    decisions: context.decisions,
    posture: postureOf(state),
    bound: context.bound,
    pending: context.agenda.length > 0,
  };
}

/** What the bodies decide at the sittings whose day `due` accepts, in the order of their days,
 * with every member's position. */
function sitOn(t: TurnContext, alliance: AllianceSession, due: (meetingDay: number) => boolean): Pick<Deliberation, 'positions' | 'sittings'> {
  const items = alliance.snapshot().context.agenda
    .filter((item) => due(item.proposal.meetingDay))
    .sort((a, b) => a.proposal.meetingDay - b.proposal.meetingDay || a.proposal.id - b.proposal.id);
  const positions: TurnRecord['positions'] = {};
  const sittings: SittingRecord[] = [];
  for (const { proposal } of items) {
    const answers = positionsAt(t, proposal);
    positions[proposal.intent] = answers.positions;
    sittings.push({ proposal: proposal.id, intent: proposal.intent, day: proposal.meetingDay, by: answers.by, changed: answers.changed });
    alliance.send({ type: 'council.sit', turn: t.turn, sitting: { proposal: proposal.id, positions: answers.positions, situation: t.situation } });
  }
  return { positions, sittings };
}

/** The case a binding pledge covers has arisen: an attack on the requester's own territory or
 * forces, attributed past the threshold (N3, C2); a terrorist attack only at a 9/11 scale. */
function casusFoederis(t: TurnContext): boolean {
  const s = t.situation;
  if (s.eventKind === 'terrorist-attack' && s.severity < 5) return false;
  return t.set.features.commitment !== 'consultation-only' && s.attackedOn !== null && s.attribution >= ATTRIBUTION_THRESHOLD;
}

function basisOf(t: TurnContext, wording?: Proposal['wording']): StanceBasis {
  const s = t.situation;
  const basis: StanceBasis = { event: s.eventKind, severity: s.severity, attribution: Math.round(s.attribution * 10), clash: s.clashWith };
  if (wording) basis.text = wording.sitting;
  return basis;
}

/** What changed between two bases, the weightiest first; null when nothing did. */
function changeOf(before: StanceBasis, now: StanceBasis): ChangeOfMind | null {
  if (before.event !== now.event) return 'event';
  if (before.clash !== now.clash) return 'clash';
  if (before.text !== now.text) return 'text';
  if (before.severity !== now.severity) return 'severity';
  if (before.attribution !== now.attribution) return 'attribution';
  return null;
}

/** Every member's position on a proposal. A seat or the scenario's script decides where it
 * speaks; otherwise the member's profile does, and a member keeps its last position on the
 * same intent until something it weighs changes (a veto is a stance, not a dice roll). */
function positionsAt(
  t: TurnContext,
  proposal: Proposal,
): { positions: Record<StateId, Position>; by: Record<StateId, PositionSource>; changed: Record<StateId, ChangeOfMind> } {
  const { intent, wording } = proposal;
  const stances = (writable(t.memory, 'stances')[intent] = { ...(t.memory.stances[intent] ?? {}) });
  const basis = basisOf(t, wording);
  // A draft that does not name the members' clash is not read as taking a side in it.
  const situation = aboutDispute(wording) ? t.situation : { ...t.situation, clashWith: null };
  const actors = { requester: proposal.requester, adversary: t.actors.adversary };
  const duty = casusFoederis(t) && intent === 'collective-defence' ? t.params.treatyDuty : 0;
  const positions: Record<StateId, Position> = {};
  const by: Record<StateId, PositionSource> = {};
  const changed: Record<StateId, ChangeOfMind> = {};
  const seats = t.input.seats?.[intent];
  for (const m of t.members) {
    const before = stances[m];
    const seat = seats?.[m];
    const script = t.scenario.alliance.scripted[m]?.[intent];
    let position: Position;
    if (m === proposal.requester || m === proposal.proposer) {
      position = 'support';
      by[m] = 'profile';
    } else if (seat) {
      position = seat;
      by[m] = 'seat';
    } else if (script) {
      position = script;
      by[m] = 'script';
    } else if (wording?.passesOver.includes(m)) {
      position = 'object'; // a text passing over an attack on its own ground is a slight (wording.ts)
      by[m] = 'profile';
    } else {
      by[m] = 'profile';
      const kept = before && changeOf(before.basis, basis) === null;
      position = kept ? before.position : memberPosition(m, profileOf(t.scenario, m), intent, situation, actors, t.rng, t.params.positionNoise, duty);
    }
    if (before && before.position !== position) changed[m] = changeOf(before.basis, basis) ?? 'event';
    positions[m] = position;
    stances[m] = { position, basis };
  }
  return { positions, by, changed };
}

/** Contributions are asked for by collective defence (binding, N4, C2), by new posture (N7), or,
 * when the alliance cannot grant a request for help, offered bilaterally (N2, S4) or by the
 * willing (S7). */
function contributionAsk(decisions: DecisionRecord[], channel: HelpChannel | null): 'binding' | 'voluntary' | null {
  if (channel === null) return null;
  return decisions.some((d) => d.kind === 'collective-defence' && d.outcome === 'adopted') ? 'binding' : 'voluntary';
}

/** Through which channel a turn's help is asked for: the alliance (collective defence adopted,
 * or posture after Article 4, N7), or each state bilaterally when the alliance cannot grant a
 * request for help (N2, S4, S7); null when nobody is asked. Recorded with the turn. */
export function helpChannel(decisions: DecisionRecord[]): HelpChannel | null {
  if (decisions.some((d) => d.kind === 'collective-defence' && d.outcome === 'adopted')) return 'alliance';
  if (decisions.some((d) => d.kind === 'posture' && d.rule === 'N7')) return 'alliance';
  return decisions.some(refusedHelp) ? 'bilateral' : null;
}

/** A request for help the alliance did not grant. */
function refusedHelp(d: DecisionRecord): boolean {
  return d.kind === 'collective-defence' && (d.outcome === 'blocked' || d.outcome === 'declined' || d.outcome === 'subset');
}

/** A binding pledge's pull on what an ally gives: "such action as it deems necessary" (N4) pulls
 * by the parameter; a text that names military help (C2) twice as hard (design choice). */
function pullOf(t: TurnContext): number {
  return t.set.features.commitment === 'automatic' ? 2 * t.params.obligationPull : t.params.obligationPull;
}

/** What each member puts in this turn; strain, the excess over what it wanted and the highest
 * contribution go into memory. A member's draw is kept while what it weighs is unchanged, so
 * asking again brings the same answer, not a better draw. `channel` is the turn's helpChannel,
 * taken once by the caller, which records it with the turn. */
export function gatherContributions(t: TurnContext, decisions: DecisionRecord[], channel: HelpChannel | null): Record<StateId, Contribution> {
  const contributions: Record<StateId, Contribution> = {};
  const ask = contributionAsk(decisions, channel);
  const { memory } = t;
  const basis = basisOf(t);
  for (const m of t.members) {
    if (m === t.player) continue;
    // Every member's draw is taken every turn, asked or not, so all rule sets keep the same dice.
    const fresh = noise(t.rng, t.params.positionNoise);
    if (!ask) continue;
    const kept = memory.pledges[m];
    const draw = kept && changeOf(kept.basis, basis) === null ? kept.draw : fresh;
    writable(memory, 'pledges')[m] = { basis, draw };
    const choice = memberContribution(profileOf(t.scenario, m), t.situation, t.actors, ask === 'binding' ? pullOf(t) : 0, draw);
    contributions[m] = choice.contribution;
    const strain = writable(memory, 'strain');
    strain[m] = round((strain[m] ?? 0) + choice.excess);
    const excess = writable(memory, 'excess');
    excess[m] = round((excess[m] ?? 0) + choice.excess);
    const before = memory.contributions[m] ?? 'none';
    if (CONTRIBUTION_WEIGHT[choice.contribution] > CONTRIBUTION_WEIGHT[before]) writable(memory, 'contributions')[m] = choice.contribution;
  }
  return contributions;
}

/** Forces becoming ready (N5, C4) is no new decision: nobody lets anything pass. */
export const isStandingMove = (d: DecisionRecord) => d.kind === 'posture' && d.proposal === 0;

/** Texts adopted (deterrence) and decisions members let pass without endorsing (autonomy). */
export function rememberDecisions(t: TurnContext, decisions: DecisionRecord[]): void {
  const { memory } = t;
  for (const d of decisions) {
    if (d.kind === 'statement' && (d.outcome === 'adopted' || d.outcome === 'subset')) memory.collectiveTexts += 1;
    if ((d.outcome === 'adopted' || d.outcome === 'conditional') && !isStandingMove(d)) {
      // A set, not a scan of the list for each of 30-odd members.
      const endorsed = new Set(d.endorsedBy);
      for (const m of t.members) {
        if (endorsed.has(m)) continue;
        const acquiesced = writable(memory, 'acquiesced');
        acquiesced[m] = (acquiesced[m] ?? 0) + 1;
      }
    }
  }
}
