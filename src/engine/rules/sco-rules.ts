// The SCO's decision rules as a statechart (rules S1–S7 of ../shared/domain/alliance-rules.md),
// taking the same events and writing the same decision records as natoRules.
import { enqueueActions, setup } from 'xstate';
import { tally } from './consensus';
import { admitProposal, beginTurnAndDecideDue, decideItems, initialRuleContext, type DecisionDraft } from './records';
import type { Proposal, RuleContext, RuleEvent, RuleInput } from './types';

/** S7: an extraordinary meeting of the Council of Foreign Ministers has to be called by two
 * members and agreed by the others before it sits. No drafting-time data exists [L]; the range
 * follows the Osh case (June 2010): violence from 10 June, an SCO statement on 21 June. */
export const CFM_MEETING_DAYS: readonly [number, number] = [3, 10];
/** S6: RATS is a standing body in Tashkent; it schedules information exchange within days [L]. */
export const RATS_DAYS: readonly [number, number] = [1, 3];

type InternalEvent = { type: 'sco.consultation.open' } | { type: 'sco.coordination.open' };
type ScoEvent = RuleEvent | InternalEvent;

/** Decisions taken the moment a request is made, before any body sits (S4, S5). */
export function refuseAtOnce(proposal: Proposal): DecisionDraft | null {
  const { situation, intent } = proposal;
  const day = proposal.day;
  if (intent === 'collective-defence') {
    // S4: no mutual-defence clause; any help is bilateral, outside the SCO framework.
    return { kind: 'collective-defence', outcome: 'declined', rule: 'S4', collective: false, day };
  }
  if (situation.clashWith && (intent === 'consult' || intent === 'joint-statement')) {
    // S5: a dispute between two members is not taken up by SCO bodies.
    const kind = intent === 'consult' ? 'consultation' : 'statement';
    return { kind, outcome: 'declined', rule: 'S5', collective: false, day };
  }
  return null;
}

/** What the members decide when their body sits (S1–S3, S6, S7). */
export function decideAtScoBody(proposal: Proposal): { drafts: DecisionDraft[]; raise: InternalEvent[] } {
  const { situation } = proposal;
  const t = tally(proposal.positions);
  const drafts: DecisionDraft[] = [];
  const raise: InternalEvent[] = [];
  const cosponsors = t.support.filter((m) => m !== proposal.requester);

  switch (proposal.intent) {
    case 'consult': {
      // S7: two members call the meeting and the others consent (S1: staying out is consent).
      if (cosponsors.length === 0) {
        drafts.push({ kind: 'consultation', outcome: 'blocked', rule: 'S7', collective: false });
      } else if (t.object.length > 0) {
        drafts.push({ kind: 'consultation', outcome: 'blocked', rule: 'S7', blockedBy: t.object, collective: false });
      } else {
        drafts.push({ kind: 'consultation', outcome: 'adopted', rule: 'S7', endorsedBy: t.support, collective: false });
        drafts.push({ kind: 'statement', outcome: 'adopted', rule: 'S1', endorsedBy: t.support, collective: true });
        raise.push({ type: 'sco.consultation.open' });
      }
      break;
    }
    case 'joint-statement': {
      if (t.object.length === 0) {
        // S1: adopted by agreement without a vote; abstaining or staying out blocks nothing.
        drafts.push({ kind: 'statement', outcome: 'adopted', rule: 'S1', endorsedBy: t.support, collective: true });
      } else if (t.support.length >= 2) {
        // S2: no joint text, but a paragraph naming only the endorsing states.
        drafts.push({ kind: 'statement', outcome: 'subset', rule: 'S2', blockedBy: t.object, endorsedBy: t.support, collective: true });
      } else {
        drafts.push({ kind: 'statement', outcome: 'blocked', rule: 'S2', blockedBy: t.object, collective: false });
      }
      break;
    }
    case 'ct-cooperation': {
      // S6: RATS shares information and schedules drills; it commands no forces.
      // S7: members not interested do not stop the others going ahead.
      if (t.support.length < 2) {
        drafts.push({ kind: 'ct-coordination', outcome: 'blocked', rule: 'S7', blockedBy: t.object, collective: false });
      } else if (t.object.length === 0) {
        drafts.push({ kind: 'ct-coordination', outcome: 'adopted', rule: 'S6', endorsedBy: t.support, collective: true });
        raise.push({ type: 'sco.coordination.open' });
      } else {
        drafts.push({ kind: 'ct-coordination', outcome: 'subset', rule: 'S7', blockedBy: t.object, endorsedBy: t.support, collective: true });
        raise.push({ type: 'sco.coordination.open' });
      }
      break;
    }
    case 'suspend-member': {
      // S3: consensus of every member except the one concerned.
      const concerned = situation.clashWith;
      const others = tally(proposal.positions, concerned ? [concerned] : []);
      if (!concerned) break;
      if (others.object.length > 0) {
        drafts.push({ kind: 'suspension', outcome: 'blocked', rule: 'S3', blockedBy: others.object, collective: false });
      } else {
        drafts.push({ kind: 'suspension', outcome: 'adopted', rule: 'S3', endorsedBy: others.support, collective: true });
      }
      break;
    }
    case 'collective-defence':
    case 'act-alone':
    case 'de-escalate':
      break; // refused at once (S4) or national choices
  }
  return { drafts: drafts.map((d) => ({ ...d, day: proposal.meetingDay })), raise };
}

export const scoRules = setup({
  types: {
    context: {} as RuleContext,
    events: {} as ScoEvent,
    input: {} as RuleInput,
  },
  guards: {
    isRefusedAtOnce: ({ event }) => event.type === 'proposal.submit' && refuseAtOnce(event.proposal) !== null,
  },
  actions: {
    beginTurn: enqueueActions(({ context, event, enqueue }) => beginTurnAndDecideDue(context, event, enqueue, decideAtScoBody)),
    recordRefusal: enqueueActions(({ event, enqueue }) => {
      if (event.type !== 'proposal.submit') return;
      const draft = refuseAtOnce(event.proposal);
      if (draft) decideItems([{ proposal: event.proposal }], event.turn, () => ({ drafts: [draft], raise: [] }), enqueue);
    }),
    admitProposal: enqueueActions(({ context, event, enqueue }) => admitProposal(context, event, enqueue, decideAtScoBody)),
  },
}).createMachine({
  id: 'sco',
  context: ({ input }) => initialRuleContext(input),
  initial: 'active',
  states: {
    active: {
      type: 'parallel',
      on: { 'crisis.end': '#sco.closed' },
      states: {
        // Councils meet when called; decisions by agreement without a vote (S1).
        council: {
          initial: 'sitting',
          states: {
            sitting: {
              on: {
                'turn.begin': { actions: 'beginTurn' },
                'proposal.submit': [
                  { guard: 'isRefusedAtOnce', actions: 'recordRefusal' },
                  { actions: 'admitProposal' },
                ],
              },
            },
          },
        },
        consultation: {
          initial: 'idle',
          states: {
            idle: { on: { 'sco.consultation.open': 'convened' } },
            convened: {},
          },
        },
        // S4: no transition to a mutual-defence commitment exists.
        commitment: { initial: 'none', states: { none: {} } },
        // S6: no integrated command; RATS commands no forces.
        forces: { initial: 'none', states: { none: {} } },
        coordination: {
          initial: 'none',
          states: {
            none: { on: { 'sco.coordination.open': 'active' } },
            active: {},
          },
        },
      },
    },
    closed: { type: 'final' },
  },
});
