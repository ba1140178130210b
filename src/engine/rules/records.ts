// Helpers both rule machines use to write decision records and to keep their agenda.
import type { IntentId } from '../scenario/schema';
import type { DecisionKind, DecisionOutcome, DecisionRecord, RuleId, StateId } from '../game/types';
import type { Proposal, RuleContext, RuleEvent, RuleInput } from './types';

export interface DecisionDraft {
  kind: DecisionKind;
  outcome: DecisionOutcome;
  rule: RuleId;
  collective: boolean;
  blockedBy?: StateId[];
  endorsedBy?: StateId[];
  day?: number;
}

export function decision(turn: number, intent: IntentId, draft: DecisionDraft): DecisionRecord {
  return {
    turn,
    day: draft.day ?? 0,
    kind: draft.kind,
    intent,
    outcome: draft.outcome,
    rule: draft.rule,
    blockedBy: draft.blockedBy ?? [],
    endorsedBy: draft.endorsedBy ?? [],
    collective: draft.collective,
  };
}

/** A proposal is decided in the turn whose days include the day its body sits. */
export function dueNow(proposal: Proposal, endDay: number): boolean {
  return proposal.meetingDay < endDay;
}

export function notDue(proposal: Proposal, endDay: number): boolean {
  return !dueNow(proposal, endDay);
}

export interface RuleEnqueue<E> {
  assign: (update: Partial<RuleContext> | ((a: { context: RuleContext }) => Partial<RuleContext>)) => void;
  raise: (event: E) => void;
}

type Decide<E> = (proposal: Proposal) => { drafts: DecisionDraft[]; raise: E[] };

// The council's business is the same under both rule sets: what differs is `decide`.

export function initialRuleContext(input: RuleInput): RuleContext {
  return { members: [...input.members].sort(), agenda: [], decisions: [], forcesReadyDay: null, forcesFor: null, bound: [], turn: 0 };
}

/** A new turn: forget last turn's decisions, then decide what is due before the turn ends. */
export function beginTurnAndDecideDue<E>(context: RuleContext, received: { type: string }, enqueue: RuleEnqueue<E>, decide: Decide<E>): void {
  const event = received as RuleEvent; // a machine's own internal events never match below
  if (event.type !== 'turn.begin') return;
  const due = context.agenda.filter((item) => dueNow(item.proposal, event.endDay));
  enqueue.assign({ turn: event.turn, decisions: [], agenda: context.agenda.filter((item) => notDue(item.proposal, event.endDay)) });
  decideItems(due, event.turn, decide, enqueue);
}

/** A request: decided now if its body sits before the turn ends, else put on the agenda. */
export function admitProposal<E>(context: RuleContext, received: { type: string }, enqueue: RuleEnqueue<E>, decide: Decide<E>): void {
  const event = received as RuleEvent;
  if (event.type !== 'proposal.submit') return;
  const item = { proposal: event.proposal, turn: event.turn };
  if (dueNow(event.proposal, event.endDay)) decideItems([item], event.turn, decide, enqueue);
  else enqueue.assign({ agenda: [...context.agenda, item] });
}

/** Decide each item with the rule set's own function, record the decisions, raise what follows. */
export function decideItems<E>(
  items: { proposal: Proposal }[],
  turn: number,
  decide: Decide<E>,
  enqueue: RuleEnqueue<E>,
): void {
  const records: DecisionRecord[] = [];
  const raised: E[] = [];
  for (const item of items) {
    const { drafts, raise } = decide(item.proposal);
    records.push(...drafts.map((d) => decision(turn, item.proposal.intent, d)));
    raised.push(...raise);
  }
  if (records.length > 0) enqueue.assign(({ context }) => ({ decisions: [...context.decisions, ...records] }));
  for (const e of raised) enqueue.raise(e);
}
