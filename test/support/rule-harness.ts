// A small bench for driving one rule set's machine through the interface the engine uses
// (startAlliance / sendToAlliance / readPosture / allianceContext) with hand-made proposals
// whose members' positions the test chooses. Shared by the NATO and the SCO rule tests.
import type { IntentId } from '../../src/engine/scenario/schema';
import type { AllianceSnapshot, DecisionRecord, Position, Situation, StateId } from '../../src/engine/game/types';
import { allianceContext, sendToAlliance, startAlliance, type RuleSet } from '../../src/engine/rules/rule-set';
import type { Proposal, RuleEvent } from '../../src/engine/rules/types';

export const MEMBERS: StateId[] = ['AAA', 'BBB', 'CCC', 'DDD', 'EEE'];
export const REQUESTER = 'AAA';
export const ALL_INTENTS: IntentId[] = ['consult', 'collective-defence', 'joint-statement', 'ct-cooperation', 'suspend-member', 'act-alone', 'de-escalate'];

export interface ProposalOptions {
  positions?: Record<StateId, Position>;
  situation?: Partial<Situation>;
  day?: number;
  meetingDay?: number;
}

export function ruleHarness(rules: RuleSet, defaultSituation: Situation) {
  /** The requester supports; everyone else answers `rest` unless named. */
  const positions = (overrides: Record<StateId, Position> = {}, rest: Position = 'support'): Record<StateId, Position> => {
    const out: Record<StateId, Position> = {};
    for (const m of MEMBERS) out[m] = m === REQUESTER ? 'support' : rest;
    return { ...out, ...overrides };
  };
  const situation = (overrides: Partial<Situation> = {}): Situation => ({ ...defaultSituation, ...overrides });
  const proposal = (intent: IntentId, o: ProposalOptions = {}): Proposal => {
    const day = o.day ?? 0;
    return { intent, requester: REQUESTER, positions: o.positions ?? positions(), situation: situation(o.situation), day, meetingDay: o.meetingDay ?? day };
  };
  /** Through JSON each time, as a saved game would carry the snapshot. */
  const send = (snap: AllianceSnapshot, event: RuleEvent): AllianceSnapshot =>
    JSON.parse(JSON.stringify(sendToAlliance(rules, snap, event))) as AllianceSnapshot;
  const submit = (snap: AllianceSnapshot, p: Proposal, turn = 1, endDay = p.day + 1) => send(snap, { type: 'proposal.submit', turn, endDay, proposal: p });
  const begin = (snap: AllianceSnapshot, turn: number, day: number, attribution = 0.9, endDay = day + 1) =>
    send(snap, { type: 'turn.begin', turn, day, endDay, attribution });
  const start = () => startAlliance(rules, MEMBERS);
  const decisions = (snap: AllianceSnapshot): DecisionRecord[] => allianceContext(snap).decisions;
  return { positions, situation, proposal, send, submit, begin, start, decisions };
}

export const brief = (d: DecisionRecord) => `${d.kind}:${d.outcome}:${d.rule}`;
