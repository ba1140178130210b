// The alliance's part of a turn: due business, this turn's requests with every member's answer,
// and what members then put in.
import { allianceContext, readPosture, sendToAlliance } from '../rules/rule-set';
import type { AlliancePosture } from '../rules/types';
import { CONTRIBUTION_WEIGHT, memberContribution, memberPosition, profileOf } from '../members/member-policy';
import { between } from '../random/rng';
import type { IntentId } from '../scenario/schema';
import { round } from './numbers';
import type { TurnContext } from './turn-context';
import type { AllianceSnapshot, Contribution, DecisionRecord, Position, StateId, TurnRecord } from './types';

/** Intents that are national choices: they never reach the alliance. */
export const NATIONAL: readonly IntentId[] = ['act-alone', 'de-escalate'];

export interface Deliberation {
  alliance: AllianceSnapshot;
  positions: TurnRecord['positions'];
  decisions: DecisionRecord[];
  posture: AlliancePosture;
  bound: StateId[];
}

export function deliberate(t: TurnContext, saved: AllianceSnapshot): Deliberation {
  let alliance = sendToAlliance(t.set, saved, {
    type: 'turn.begin',
    turn: t.turn,
    day: t.day,
    endDay: t.endDay,
    attribution: t.situation.attribution,
  });
  const positions: TurnRecord['positions'] = {};
  for (const intent of t.intents) {
    if (NATIONAL.includes(intent)) continue;
    const answers: Record<StateId, Position> = {};
    for (const m of t.members) answers[m] = memberPosition(m, profileOf(t.scenario, m), intent, t.situation, t.actors, t.rng);
    positions[intent] = answers;
    const [min, max] = t.set.meetingDays(intent);
    const meetingDay = t.day + between(t.rng, min, max);
    alliance = sendToAlliance(t.set, alliance, {
      type: 'proposal.submit',
      turn: t.turn,
      endDay: t.endDay,
      proposal: { intent, requester: t.player, positions: answers, situation: t.situation, day: t.day, meetingDay },
    });
  }
  const context = allianceContext(alliance);
  return { alliance, positions, decisions: context.decisions, posture: readPosture(alliance), bound: context.bound };
}

/** Contributions are asked for by Article 5 (binding, N4), by new posture (N7), or, when the
 * alliance cannot grant a request for help, offered bilaterally outside the framework (N2, S4). */
function contributionAsk(decisions: DecisionRecord[]): 'binding' | 'voluntary' | null {
  if (decisions.some((d) => d.kind === 'collective-defence' && d.outcome === 'adopted')) return 'binding';
  const refused = (d: DecisionRecord) => d.kind === 'collective-defence' && (d.outcome === 'blocked' || d.outcome === 'declined');
  if (decisions.some((d) => (d.kind === 'posture' && d.rule === 'N7') || refused(d))) return 'voluntary';
  return null;
}

/** What each member puts in this turn; strain and the highest contribution go into memory. */
export function gatherContributions(t: TurnContext, decisions: DecisionRecord[]): Record<StateId, Contribution> {
  const contributions: Record<StateId, Contribution> = {};
  const ask = contributionAsk(decisions);
  const { memory } = t;
  for (const m of t.members) {
    if (m === t.player) continue;
    // Every member's draw is taken every turn, asked or not, so both rule sets keep the same dice.
    const choice = memberContribution(profileOf(t.scenario, m), t.situation, t.actors, ask === 'binding', t.rng);
    if (!ask) continue;
    contributions[m] = choice.contribution;
    memory.strain[m] = round((memory.strain[m] ?? 0) + choice.excess);
    const before = memory.contributions[m] ?? 'none';
    if (CONTRIBUTION_WEIGHT[choice.contribution] > CONTRIBUTION_WEIGHT[before]) memory.contributions[m] = choice.contribution;
  }
  return contributions;
}

/** Texts adopted (deterrence) and decisions members let pass without endorsing (autonomy). */
export function rememberDecisions(t: TurnContext, decisions: DecisionRecord[]): void {
  const { memory } = t;
  for (const d of decisions) {
    if (d.kind === 'statement' && (d.outcome === 'adopted' || d.outcome === 'subset')) memory.collectiveTexts += 1;
    // Forces becoming ready (N5) is no new decision: nobody lets anything pass.
    if ((d.outcome === 'adopted' || d.outcome === 'conditional') && d.rule !== 'N5') {
      for (const m of t.members) if (!d.endorsedBy.includes(m)) memory.acquiesced[m] = (memory.acquiesced[m] ?? 0) + 1;
    }
  }
}
