// A rule set's statechart, built from its institutional features. Read a transition list from
// top to bottom as the treaty text: the first guard that holds decides, and every guard is named
// by its rule ("N2.objectionBlocks", "S5.intraBlocDisputeOffAgenda"). The engine draws members'
// answers and meeting days and passes them in events, so the machine holds no chance.
import { and, assign, not, raise, setup } from 'xstate';
import type { IntentId } from '../scenario/schema';
import type { DecisionKind, DecisionOutcome, DecisionRecord, StateId } from '../game/types';
import { featureRule, type InstitutionalFeatures } from './features';
import { BLOCK_GUARD, businessOf, guardsFor, withholding, type Business } from './guards';
import type { RuleId } from './rulebook';
import type { RuleContext, RuleEvent, RuleInput } from './types';

/** N5: the Allied Reaction Force deploys within 10 days of SACEUR's order. */
export const READINESS_DAYS = 10;
/** C4: in January 2022 the first CSTO forces landed the day after the request. */
export const RAPID_REACTION_DAYS = 1;

type InternalEvent =
  | { type: 'consultation.open' }
  | { type: 'commitment.conditional' }
  | { type: 'commitment.invoke' }
  | { type: 'forces.plan'; day: number; intent: IntentId }
  | { type: 'coordination.open' };
type MachineEvent = RuleEvent | InternalEvent;

/** Who a record names as blocking or endorsing, read from the sitting's positions. */
type Who = 'objectors' | 'withheld' | 'othersObjecting' | 'supporters' | 'othersSupporting' | 'nobody';

export interface RecordParams {
  kind: DecisionKind;
  outcome: DecisionOutcome;
  rule: RuleId;
  collective: boolean;
  blocked?: Who;
  endorsed?: Who;
}

function named(b: Business, who: Who | undefined): StateId[] {
  const t = b.tally;
  const party = b.situation.clashWith;
  switch (who) {
    case 'objectors':
      return t.object;
    case 'withheld':
      return withholding(t);
    case 'othersObjecting':
      return t.object.filter((m) => m !== party);
    case 'supporters':
      return t.support;
    case 'othersSupporting':
      return t.support.filter((m) => m !== party);
    default:
      return [];
  }
}

export function decisionRecord(context: RuleContext, b: Business, atSitting: boolean, p: RecordParams): DecisionRecord {
  return {
    turn: context.turn,
    day: atSitting ? b.proposal.meetingDay : b.proposal.day,
    kind: p.kind,
    intent: b.proposal.intent,
    proposal: b.proposal.id,
    proposer: b.proposal.proposer,
    outcome: p.outcome,
    rule: p.rule,
    blockedBy: named(b, p.blocked),
    endorsedBy: named(b, p.endorsed),
    collective: p.collective,
  };
}

const KIND_OF: Record<IntentId, DecisionKind> = {
  consult: 'consultation',
  'collective-defence': 'collective-defence',
  'joint-statement': 'statement',
  'ct-cooperation': 'ct-coordination',
  'suspend-member': 'suspension',
  'act-alone': 'consultation',
  'de-escalate': 'consultation',
};

export function buildRulebookMachine(f: InstitutionalFeatures) {
  const about = (intent: IntentId) => ({ type: 'isAbout', params: { intent } }) as const;
  const underWay = (intent: IntentId) => ({ type: 'isUnderWay', params: { intent } }) as const;
  /** A request about an intent not already on the agenda (one of each at a time). */
  const request = (intent: IntentId) => and([about(intent), not(underWay(intent))]);
  const record = (p: RecordParams) => ({ type: 'record', params: p }) as const;
  const recordNow = (p: RecordParams) => ({ type: 'recordAtRequest', params: p }) as const;
  const block = BLOCK_GUARD[f.decisionRule];
  const decisionRuleId = featureRule('decisionRule', f.decisionRule);
  const blockRule: RuleId = f.decisionRule === 'no-objection' ? 'S2' : decisionRuleId;
  /** The rule a plain adopted text cites: after Article 4, what such meetings bring (N7). */
  const statementRule: RuleId = f.council === 'nac' ? 'N7' : decisionRuleId;
  const consultRule: RuleId = f.agenda === 'two-members' ? 'S7' : f.council === 'csc' ? 'C1' : 'N1';
  const commitmentRule: RuleId = f.commitment === 'automatic' ? 'C2' : 'N3';
  const forcesRule: RuleId = f.command === 'rapid-reaction' ? 'C4' : 'N5';
  const defending = f.commitment !== 'consultation-only';

  /** A measure the objectors may block, with the ways round a block this rule set has. */
  const decideMeasure = (kind: DecisionKind, intent: IntentId, adoptedRule: RuleId, onAdopted: readonly unknown[] = []) => {
    const sits = about(intent);
    const out: unknown[] = [];
    if (f.forumShifting === 'planning-committee') {
      out.push({
        guard: and([sits, block, 'L2.shiftForum']),
        actions: [record({ kind, outcome: 'subset', rule: 'L2', collective: true, blocked: 'objectors', endorsed: 'supporters' }), ...onAdopted],
      });
    }
    if (f.fallback === 'willing-go-ahead' && kind === 'statement') {
      out.push({
        guard: and([sits, block, 'S2.endorsersNamed']),
        actions: record({ kind, outcome: 'subset', rule: 'S2', collective: true, blocked: 'objectors', endorsed: 'supporters' }),
      });
    }
    if (f.fallback === 'willing-go-ahead' && kind !== 'statement') {
      out.push({
        guard: and([sits, block, 'S7.interestedGoAhead']),
        actions: [record({ kind, outcome: 'subset', rule: 'S7', collective: true, blocked: 'objectors', endorsed: 'supporters' }), ...onAdopted],
      });
    }
    out.push({ guard: and([sits, block]), actions: record({ kind, outcome: 'blocked', rule: blockRule, collective: false, blocked: 'objectors' }) });
    out.push({ guard: sits, actions: [record({ kind, outcome: 'adopted', rule: adoptedRule, collective: true, endorsed: 'supporters' }), ...onAdopted] });
    return out;
  };

  // ---- Requests: declined at once, or put on the agenda (council region). ----
  const clashAtRequest: unknown[] = [];
  if (f.memberDisputes === 'off-agenda') {
    for (const intent of ['consult', 'joint-statement'] as const) {
      clashAtRequest.push({
        guard: and([request(intent), 'S5.intraBlocDisputeOffAgenda']),
        actions: recordNow({ kind: KIND_OF[intent], outcome: 'declined', rule: 'S5', collective: false }),
      });
    }
  }
  if (f.memberDisputes === 'calls-for-calm') {
    clashAtRequest.push({
      guard: and([request('joint-statement'), 'C6.callForCalm']),
      actions: recordNow({ kind: 'statement', outcome: 'adopted', rule: 'C6', collective: false }),
    });
  }
  const admitted = (intent: IntentId, extra: string[] = []) => ({
    guard: and([request(intent), ...(extra as never[])]),
    actions: 'putOnAgenda',
  });
  const councilRequests = [
    ...clashAtRequest,
    admitted('consult'),
    admitted('joint-statement'),
    ...(f.suspension === 'consensus-minus-one' ? [admitted('suspend-member', ['isMemberClash'])] : []),
  ];

  // ---- Sittings: the body decides one proposal with every member's position. ----
  const consultSitting: unknown[] = [];
  if (f.agenda === 'two-members') {
    consultSitting.push(
      {
        guard: and([about('consult'), 'S7.noSecondCaller']),
        actions: record({ kind: 'consultation', outcome: 'blocked', rule: 'S7', collective: false, blocked: 'objectors' }),
      },
      {
        guard: and([about('consult'), 'S7.consentWithheld']),
        actions: record({ kind: 'consultation', outcome: 'blocked', rule: 'S7', collective: false, blocked: 'objectors' }),
      },
    );
  }
  const convene = [record({ kind: 'consultation', outcome: 'adopted', rule: consultRule, collective: false, endorsed: 'supporters' }), raise({ type: 'consultation.open' })];
  const consultStatement = decideMeasure('statement', 'consult', statementRule).map((t) => {
    const tr = t as { guard: unknown; actions: unknown };
    return { ...tr, actions: [...convene, ...(Array.isArray(tr.actions) ? tr.actions : [tr.actions])] };
  });
  if (f.command === 'integrated') {
    // N7: after a serious military threat and with broad support, the meeting moves posture.
    const adopted = consultStatement.pop()!;
    consultStatement.push(
      {
        guard: and([about('consult'), 'N7.seriousMilitaryThreat']),
        actions: [
          ...(adopted.actions as unknown[]),
          record({ kind: 'posture', outcome: 'adopted', rule: 'N7', collective: true, endorsed: 'supporters' }),
          'raiseForcesPlan',
        ],
      },
      adopted,
    );
  }
  consultSitting.push(...consultStatement);

  const defenceSitting: unknown[] = [];
  if (defending) {
    if (f.cyber === 'case-by-case') {
      // N6: below the cumulative threshold silence is not consent: abstaining withholds it too.
      defenceSitting.push({
        guard: and([about('collective-defence'), 'N6.caseByCase']),
        actions: record({ kind: 'collective-defence', outcome: 'blocked', rule: 'N6', collective: false, blocked: 'withheld' }),
      });
    } else {
      defenceSitting.push({
        guard: and([about('collective-defence'), 'C2.onlyArmedAttack']),
        actions: record({ kind: 'collective-defence', outcome: 'declined', rule: 'C2', collective: false }),
      });
    }
    const invoke = ['bindMembers', raise({ type: 'commitment.invoke' }), ...(f.command === 'none' ? [] : ['raiseForcesPlan'])];
    const measure = decideMeasure('collective-defence', 'collective-defence', commitmentRule, invoke);
    const adopted = measure.pop()!;
    defenceSitting.push(...measure);
    if (f.attribution === 'conditional') {
      defenceSitting.push({
        guard: and([about('collective-defence'), 'N3.unattributed']),
        actions: [record({ kind: 'collective-defence', outcome: 'conditional', rule: 'N3', collective: true, endorsed: 'supporters' }), raise({ type: 'commitment.conditional' })],
      });
    }
    defenceSitting.push(adopted);
  }

  const ctSitting: unknown[] =
    f.counterTerrorism === 'standing-body'
      ? [
          // S6: RATS shares information; S7: members not interested do not stop the others.
          ...(f.fallback === 'willing-go-ahead'
            ? [
                {
                  guard: and([about('ct-cooperation'), 'S7.tooFewInterested']),
                  actions: record({ kind: 'ct-coordination', outcome: 'blocked', rule: 'S7', collective: false, blocked: 'objectors' }),
                },
              ]
            : []),
          ...decideMeasure('ct-coordination', 'ct-cooperation', 'S6', [raise({ type: 'coordination.open' })]),
        ]
      : decideMeasure('ct-coordination', 'ct-cooperation', decisionRuleId, [raise({ type: 'coordination.open' })]);

  const suspensionSitting: unknown[] =
    f.suspension === 'consensus-minus-one'
      ? [
          {
            guard: and([about('suspend-member'), 'S3.othersObject']),
            actions: record({ kind: 'suspension', outcome: 'blocked', rule: 'S3', collective: false, blocked: 'othersObjecting' }),
          },
          { guard: about('suspend-member'), actions: record({ kind: 'suspension', outcome: 'adopted', rule: 'S3', collective: true, endorsed: 'othersSupporting' }) },
        ]
      : [];

  const statementSitting = decideMeasure('statement', 'joint-statement', decisionRuleId);

  const sittings = [...consultSitting, ...statementSitting, ...defenceSitting, ...ctSitting, ...suspensionSitting].map((t) => {
    const tr = t as { guard: unknown; actions: unknown };
    // Off the agenda last: the records read the proposal from it.
    return { ...tr, actions: [...(Array.isArray(tr.actions) ? tr.actions : [tr.actions]), 'takeOffAgenda'] };
  });

  // ---- Collective defence requests (commitment region). ----
  const defenceRequests: unknown[] = [];
  if (!defending) {
    defenceRequests.push({
      guard: and([request('collective-defence'), 'hasAttack']),
      actions: recordNow({ kind: 'collective-defence', outcome: 'declined', rule: 'S4', collective: false }),
    });
  } else {
    if (f.memberDisputes === 'calls-for-calm') {
      defenceRequests.push({
        guard: and([request('collective-defence'), 'C6.clashNotAnsweredWithForce']),
        actions: recordNow({ kind: 'collective-defence', outcome: 'declined', rule: 'C6', collective: false }),
      });
    }
    if (f.unrest === 'foreign-trained') {
      defenceRequests.push(
        {
          guard: and([request('collective-defence'), 'C5.unrestNotFramedAsAggression']),
          actions: recordNow({ kind: 'collective-defence', outcome: 'declined', rule: 'C5', collective: false }),
        },
        {
          guard: and([request('collective-defence'), 'isMemberClash', 'N3.notAnArmedAttack']),
          actions: recordNow({ kind: 'collective-defence', outcome: 'declined', rule: 'N3', collective: false }),
        },
      );
    } else {
      defenceRequests.push({
        guard: and([request('collective-defence'), 'N3.notAnArmedAttack']),
        actions: recordNow({ kind: 'collective-defence', outcome: 'declined', rule: 'N3', collective: false }),
      });
    }
    defenceRequests.push(admitted('collective-defence', ['hasAttack']));
  }

  const commitment = defending
    ? {
        initial: 'none',
        states: {
          none: {
            on: {
              'proposal.submit': defenceRequests,
              'commitment.conditional': 'conditional',
              'commitment.invoke': 'invoked',
            },
          },
          conditional: {
            tags: ['commitment-conditional'],
            on: {
              // N3: confirmed once the attack is attributed (2 Oct 2001).
              'turn.begin': { guard: 'N3.attributed', target: 'invoked', actions: ['recordConfirmation', 'bindMembers', 'raiseForcesPlanAtTurn'] },
              'commitment.invoke': 'invoked',
            },
          },
          invoked: { tags: ['commitment-invoked'] },
        },
      }
    : // S4: no transition to a mutual-defence commitment exists.
      { initial: 'none', states: { none: { on: { 'proposal.submit': defenceRequests } } } };

  const forces =
    f.command === 'none'
      ? { initial: 'none', states: { none: {} } }
      : {
          initial: 'none',
          states: {
            none: { on: { 'forces.plan': { target: 'planning', actions: 'planForces' } } },
            planning: { tags: ['forces-planning'], on: { 'turn.begin': { guard: 'forcesReady', target: 'ready', actions: 'recordForcesReady' } } },
            ready: { tags: ['forces-ready'] },
          },
        };

  const readyDays = f.command === 'rapid-reaction' ? RAPID_REACTION_DAYS : READINESS_DAYS;
  const guards = guardsFor(f);
  const machine = setup({
    types: { context: {} as RuleContext, events: {} as MachineEvent, input: {} as RuleInput },
    guards: guards as never,
    actions: {
      clearTurn: assign(({ event }) => (event.type === 'turn.begin' ? { turn: event.turn, decisions: [] } : {})),
      putOnAgenda: assign(({ context, event }) =>
        event.type === 'proposal.submit' ? { agenda: [...context.agenda, { turn: event.turn, proposal: event.proposal }] } : {},
      ),
      takeOffAgenda: assign(({ context, event }) =>
        event.type === 'council.sit' ? { agenda: context.agenda.filter((i) => i.proposal.id !== event.sitting.proposal) } : {},
      ),
      record: assign(({ context, event }, p: RecordParams) => {
        const b = businessOf(context, event);
        return b ? { decisions: [...context.decisions, decisionRecord(context, b, true, p)] } : {};
      }),
      recordAtRequest: assign(({ context, event }, p: RecordParams) => {
        const b = businessOf(context, event);
        return b ? { decisions: [...context.decisions, decisionRecord(context, b, false, p)] } : {};
      }),
      bindMembers: assign(({ context }) => ({ bound: [...context.members] })),
      raiseForcesPlan: raise(({ context, event }) => {
        const b = businessOf(context, event);
        return { type: 'forces.plan' as const, day: b ? b.proposal.meetingDay : context.turn, intent: b ? b.proposal.intent : ('collective-defence' as IntentId) };
      }),
      raiseForcesPlanAtTurn: raise(({ event }) => ({
        type: 'forces.plan' as const,
        day: event.type === 'turn.begin' ? event.day : 0,
        intent: 'collective-defence' as IntentId,
      })),
      planForces: assign(({ event }) => (event.type === 'forces.plan' ? { forcesReadyDay: event.day + readyDays, forcesFor: event.intent } : {})),
      recordConfirmation: assign(({ context, event }) => {
        if (event.type !== 'turn.begin') return {};
        // N3: the conditional invocation is confirmed once the attack is attributed.
        return { decisions: [...context.decisions, standingRecord(context, event.day, 'collective-defence', 'collective-defence', 'adopted', 'N3', context.members)] };
      }),
      recordForcesReady: assign(({ context, event }) => {
        if (event.type !== 'turn.begin') return {};
        const day = Math.max(event.day, context.forcesReadyDay ?? event.day);
        return { decisions: [...context.decisions, standingRecord(context, day, context.forcesFor ?? 'collective-defence', 'posture', 'adopted', forcesRule, [])] };
      }),
      recordLapsed: assign(({ context, event }) => {
        if (event.type !== 'crisis.end') return {};
        const lapsed = context.agenda.map((item) => ({
          ...standingRecord({ ...context, turn: event.turn }, event.day, item.proposal.intent, KIND_OF[item.proposal.intent], 'lapsed', featureRule('council', f.council), []),
          proposal: item.proposal.id,
          proposer: item.proposal.proposer,
          collective: false,
        }));
        return { decisions: [...context.decisions, ...lapsed], agenda: [] };
      }),
    },
  }).createMachine({
    id: 'rulebook',
    context: ({ input }) => ({ members: [...input.members].sort(), agenda: [], decisions: [], forcesReadyDay: null, forcesFor: null, bound: [], turn: 0 }),
    initial: 'active',
    states: {
      active: {
        type: 'parallel',
        on: { 'crisis.end': { target: '#rulebook.closed', actions: 'recordLapsed' } },
        states: {
          // The deciding body: its agenda of requests and its sittings.
          council: {
            initial: 'sitting',
            states: {
              sitting: {
                on: {
                  'turn.begin': { actions: 'clearTurn' },
                  'proposal.submit': councilRequests as never,
                  'council.sit': sittings as never,
                },
              },
            },
          },
          consultation: {
            initial: 'idle',
            states: { idle: { on: { 'consultation.open': 'convened' } }, convened: { tags: ['consultation'] } },
          },
          commitment: commitment as never,
          forces: forces as never,
          coordination: {
            initial: 'none',
            states: {
              none: { on: { 'proposal.submit': admitted('ct-cooperation') as never, 'coordination.open': 'active' } },
              active: { tags: ['coordination'] },
            },
          },
        },
      },
      closed: { type: 'final' },
    },
  });
  return machine;
}

export type RulebookMachine = ReturnType<typeof buildRulebookMachine>;

/** A record of something the alliance's standing arrangements do on their own (no sitting). */
function standingRecord(
  context: RuleContext,
  day: number,
  intent: IntentId,
  kind: DecisionKind,
  outcome: DecisionOutcome,
  rule: RuleId,
  endorsedBy: StateId[],
): DecisionRecord {
  return { turn: context.turn, day, kind, intent, proposal: 0, proposer: 'chair', outcome, rule, blockedBy: [], endorsedBy, collective: true };
}
