// Helpers both rule machines use to write decision records and to keep their agenda.
import type { IntentId } from '../scenario/schema';
import type { DecisionKind, DecisionOutcome, DecisionRecord, RuleId, StateId } from '../game/types';
import type { Proposal } from './types';

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
  assign: (fn: (a: { context: { decisions: DecisionRecord[] } }) => { decisions: DecisionRecord[] }) => void;
  raise: (event: E) => void;
}

/** Decide each item with the rule set's own function, record the decisions, raise what follows. */
export function decideItems<E>(
  items: { proposal: Proposal }[],
  turn: number,
  decide: (proposal: Proposal) => { drafts: DecisionDraft[]; raise: E[] },
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
