// NATO's decision rules as a statechart (rules N1–N7 of ../shared/domain/alliance-rules.md).
// The engine draws members' answers and meeting days; this machine only applies the rules.
import { assign, enqueueActions, setup } from 'xstate';
import { supportShare, tally } from './consensus';
import { admitProposal, beginTurnAndDecideDue, decision, initialRuleContext, type DecisionDraft } from './records';
import type { IntentId } from '../scenario/schema';
import type { Proposal, RuleContext, RuleEvent, RuleInput } from './types';

/** N1: the NAC meets within 0–2 days of a request. */
export const NAC_MEETING_DAYS: readonly [number, number] = [0, 2];
/** N3: Article 5 stays conditional until the attack is attributed to an outside actor.
 * 2001: conditional on day 1, confirmed on day 21 after the US briefing. The threshold is
 * a design choice (no source gives one): "more likely than not, and then some". */
export const ATTRIBUTION_THRESHOLD = 0.7;
/** N5: the Allied Reaction Force deploys within 10 days of SACEUR's order. */
export const READINESS_DAYS = 10;
/** N6: cumulative severity of cyber and hybrid events from which their effect is treated like an
 * armed attack (since 2021 the cumulative effect may count). The size is a design choice. */
export const CYBER_CUMULATIVE_THRESHOLD = 8;
/** N7: an Article 4 meeting moves to new posture (2022 defence plans, 2025 Eastern Sentry) only
 * after a serious attack and with broad support; otherwise it ends with a statement. */
export const POSTURE_SEVERITY = 3;
/** N7: posture answers military threats (2022: a neighbour invaded; 2025: drones in allied airspace). */
export const POSTURE_EVENTS: readonly string[] = ['armed-attack', 'airspace-incident', 'hybrid-campaign'];
export const POSTURE_SUPPORT_SHARE = 0.6;

type InternalEvent =
  | { type: 'nato.consultation.open' }
  | { type: 'nato.article5.conditional' }
  | { type: 'nato.article5.invoke'; day: number }
  | { type: 'nato.forces.plan'; day: number; intent: IntentId }
  | { type: 'nato.coordination.open' };

type NatoEvent = RuleEvent | InternalEvent;

/** What the North Atlantic Council decides on a proposal when it sits (N1–N4, N6, N7). */
export function decideAtNac(proposal: Proposal): { drafts: DecisionDraft[]; raise: InternalEvent[] } {
  const t = tally(proposal.positions);
  const { situation } = proposal;
  const day = proposal.meetingDay;
  const drafts: DecisionDraft[] = [];
  const raise: InternalEvent[] = [];
  const objected = t.object.length > 0;

  switch (proposal.intent) {
    case 'consult': {
      // N1: the request alone convenes the Council; it obliges nobody to act.
      drafts.push({ kind: 'consultation', outcome: 'adopted', rule: 'N1', collective: false });
      raise.push({ type: 'nato.consultation.open' });
      if (objected) {
        drafts.push({ kind: 'statement', outcome: 'blocked', rule: 'N2', blockedBy: t.object, collective: false });
      } else {
        // N7: most Article 4 meetings end with a statement; a few move posture.
        drafts.push({ kind: 'statement', outcome: 'adopted', rule: 'N7', endorsedBy: t.support, collective: true });
        if (
          POSTURE_EVENTS.includes(situation.eventKind ?? '') &&
          situation.severity >= POSTURE_SEVERITY &&
          supportShare(t) >= POSTURE_SUPPORT_SHARE
        ) {
          drafts.push({ kind: 'posture', outcome: 'adopted', rule: 'N7', endorsedBy: t.support, collective: true });
          raise.push({ type: 'nato.forces.plan', day, intent: 'consult' });
        }
      }
      break;
    }
    case 'collective-defence': {
      if (situation.eventKind === 'unrest' || situation.eventKind === 'member-clash') {
        // N3: Article 5 answers an armed attack from outside, not unrest or a quarrel between allies.
        drafts.push({ kind: 'collective-defence', outcome: 'declined', rule: 'N3', collective: false });
        break;
      }
      const cyber = situation.eventKind === 'cyber-attack' || situation.eventKind === 'hybrid-campaign';
      // N6: below the cumulative threshold a cyber or hybrid case has to be made positively:
      // silence is not enough, so an abstention or staying out blocks it as well.
      const caseByCase = cyber && situation.cumulativeCyber < CYBER_CUMULATIVE_THRESHOLD;
      const withheld = caseByCase ? [...t.object, ...t.abstain, ...t.stayOut].sort() : t.object;
      if (withheld.length > 0) {
        drafts.push({
          kind: 'collective-defence',
          outcome: 'blocked',
          rule: caseByCase ? 'N6' : 'N2',
          blockedBy: withheld,
          collective: false,
        });
      } else if (situation.attribution < ATTRIBUTION_THRESHOLD) {
        drafts.push({ kind: 'collective-defence', outcome: 'conditional', rule: 'N3', endorsedBy: t.support, collective: true });
        raise.push({ type: 'nato.article5.conditional' });
      } else {
        drafts.push({ kind: 'collective-defence', outcome: 'adopted', rule: cyber ? 'N6' : 'N3', endorsedBy: t.support, collective: true });
        raise.push({ type: 'nato.article5.invoke', day }, { type: 'nato.forces.plan', day, intent: 'collective-defence' });
      }
      break;
    }
    case 'joint-statement':
    case 'ct-cooperation': {
      // N2: consensus; under the silence procedure only an objection breaks it.
      const kind = proposal.intent === 'joint-statement' ? 'statement' : 'ct-coordination';
      if (objected) {
        drafts.push({ kind, outcome: 'blocked', rule: 'N2', blockedBy: t.object, collective: false });
      } else {
        drafts.push({ kind, outcome: 'adopted', rule: 'N2', endorsedBy: t.support, collective: true });
        if (kind === 'ct-coordination') raise.push({ type: 'nato.coordination.open' });
      }
      break;
    }
    case 'suspend-member': {
      // The Treaty has no suspension clause; any decision needs consensus, the member concerned's too (N2).
      const concerned = situation.clashWith ? [situation.clashWith] : [];
      drafts.push({ kind: 'suspension', outcome: 'blocked', rule: 'N2', blockedBy: concerned, collective: false });
      break;
    }
    case 'act-alone':
    case 'de-escalate':
      break; // national choices: they never reach the Council
  }
  return { drafts: drafts.map((d) => ({ ...d, day })), raise };
}

export const natoRules = setup({
  types: {
    context: {} as RuleContext,
    events: {} as NatoEvent,
    input: {} as RuleInput,
  },
  guards: {
    isAttributed: ({ event }) => event.type === 'turn.begin' && event.attribution >= ATTRIBUTION_THRESHOLD,
    areForcesReady: ({ context, event }) =>
      event.type === 'turn.begin' && context.forcesReadyDay !== null && context.forcesReadyDay < event.endDay,
  },
  actions: {
    beginTurn: enqueueActions(({ context, event, enqueue }) => beginTurnAndDecideDue(context, event, enqueue, decideAtNac)),
    admitProposal: enqueueActions(({ context, event, enqueue }) => admitProposal(context, event, enqueue, decideAtNac)),
    bindMembers: assign(({ context }) => ({ bound: [...context.members] })),
    planForces: assign(({ event }) =>
      event.type === 'nato.forces.plan' ? { forcesReadyDay: event.day + READINESS_DAYS, forcesFor: event.intent } : {},
    ),
    recordConfirmation: assign(({ context, event }) => {
      if (event.type !== 'turn.begin') return {};
      const record = decision(event.turn, 'collective-defence', {
        kind: 'collective-defence',
        outcome: 'adopted',
        rule: 'N3',
        endorsedBy: context.members,
        collective: true,
        day: event.day,
      });
      return { decisions: [...context.decisions, record] };
    }),
    recordForcesReady: assign(({ context, event }) => {
      if (event.type !== 'turn.begin') return {};
      const record = decision(event.turn, context.forcesFor ?? 'collective-defence', {
        kind: 'posture',
        outcome: 'adopted',
        rule: 'N5',
        collective: true,
        day: Math.max(event.day, context.forcesReadyDay ?? event.day),
      });
      return { decisions: [...context.decisions, record] };
    }),
  },
}).createMachine({
  id: 'nato',
  context: ({ input }) => initialRuleContext(input),
  initial: 'active',
  states: {
    active: {
      type: 'parallel',
      on: { 'crisis.end': '#nato.closed' },
      states: {
        // The North Atlantic Council: the agenda of requests and the days it sits (N1, N2).
        council: {
          initial: 'sitting',
          states: {
            sitting: {
              on: {
                'turn.begin': { actions: 'beginTurn' },
                'proposal.submit': { actions: 'admitProposal' },
              },
            },
          },
        },
        consultation: {
          initial: 'idle',
          states: {
            idle: { on: { 'nato.consultation.open': 'convened' } },
            convened: {},
          },
        },
        // Article 5 (N3): conditional until attribution, then binding on every ally (N4: in a form each chooses).
        commitment: {
          initial: 'none',
          states: {
            none: {
              on: {
                'nato.article5.conditional': 'conditional',
                'nato.article5.invoke': { target: 'invoked', actions: 'bindMembers' },
              },
            },
            conditional: {
              on: {
                'turn.begin': {
                  guard: 'isAttributed',
                  target: 'invoked',
                  actions: [
                    'recordConfirmation',
                    'bindMembers',
                    enqueueActions(({ event, enqueue }) => {
                      if (event.type === 'turn.begin') enqueue.raise({ type: 'nato.forces.plan', day: event.day, intent: 'collective-defence' });
                    }),
                  ],
                },
                'nato.article5.invoke': { target: 'invoked', actions: 'bindMembers' },
              },
            },
            invoked: {},
          },
        },
        // SACEUR (N5): planning after NAC authorisation; pre-assigned forces ready after the readiness lag.
        forces: {
          initial: 'none',
          states: {
            none: { on: { 'nato.forces.plan': { target: 'planning', actions: 'planForces' } } },
            planning: {
              on: { 'turn.begin': { guard: 'areForcesReady', target: 'ready', actions: 'recordForcesReady' } },
            },
            ready: {},
          },
        },
        coordination: {
          initial: 'none',
          states: {
            none: { on: { 'nato.coordination.open': 'active' } },
            active: {},
          },
        },
      },
    },
    closed: { type: 'final' },
  },
});
