// NATO's rules N1–N7, one or more tests each, driven through the rule-set interface the engine
// uses (startAlliance / sendToAlliance / readPosture / allianceContext) with hand-made proposals
// whose member positions the test chooses. Each test names the rule it would catch breaking.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Position, Situation, StateId } from '../game/types';
import type { StateProfile } from '../scenario/schema';
import { CONTRIBUTION_WEIGHT, OBLIGATION_PULL, memberContribution, ownWant, type Actors } from '../members/member-policy';
import { seedRng, type Rng } from '../random/rng';
import { ATTRIBUTION_THRESHOLD, CYBER_CUMULATIVE_THRESHOLD, POSTURE_SEVERITY, POSTURE_SUPPORT_SHARE, READINESS_DAYS } from './nato-rules';
import { allianceContext, readPosture, ruleSet, sendToAlliance } from './rule-set';
import type { Proposal } from './types';
import { ALL_INTENTS, MEMBERS, REQUESTER, brief, ruleHarness } from '../../../test/support/rule-harness';

const NATO = ruleSet('nato');
const INTENTS = ALL_INTENTS;
const { positions, situation, proposal, send, submit, begin, start, decisions } = ruleHarness(NATO, { eventKind: 'armed-attack', severity: 4, attribution: 0.9, cumulativeCyber: 0, clashWith: null });

describe('N1 Article 4: a request alone convenes the Council', () => {
  it('N1: a consult request convenes the NAC even when every other ally objects, and obliges nobody', () => {
    const all = positions({ BBB: 'object', CCC: 'object', DDD: 'object', EEE: 'object' });
    const s = submit(start(), proposal('consult', { positions: all, situation: { severity: 5 } }));
    expect(readPosture(s).consultation).toBe(true);
    const d = decisions(s);
    expect(d[0]).toMatchObject({ kind: 'consultation', outcome: 'adopted', rule: 'N1', collective: false });
    // Article 4 obliges nobody to act: no commitment, no forces, nobody bound.
    expect(readPosture(s)).toMatchObject({ commitment: 'none', forces: 'none', coordination: false });
    expect(allianceContext(s).bound).toEqual([]);
  });

  it('N1/N2: a single objection convenes the Council but blocks its statement, naming the objector', () => {
    const s = submit(start(), proposal('consult', { positions: positions({ DDD: 'object' }), situation: { severity: 5 } }));
    expect(decisions(s).map(brief)).toEqual(['consultation:adopted:N1', 'statement:blocked:N2']);
    expect(decisions(s)[1]?.blockedBy).toEqual(['DDD']);
    expect(readPosture(s).consultation).toBe(true);
    expect(readPosture(s).forces).toBe('none'); // no posture out of a blocked meeting
  });

  it('N1: the Council sits on its meeting day, not before', () => {
    let s = submit(start(), proposal('consult', { day: 0, meetingDay: 2 }), 1, 1);
    expect(readPosture(s).consultation).toBe(false);
    expect(decisions(s)).toEqual([]);
    expect(allianceContext(s).agenda).toHaveLength(1);
    s = begin(s, 2, 1); // days [1, 2): the meeting on day 2 is not yet due
    expect(readPosture(s).consultation).toBe(false);
    s = begin(s, 3, 2); // days [2, 3)
    expect(readPosture(s).consultation).toBe(true);
    expect(decisions(s)[0]).toMatchObject({ kind: 'consultation', rule: 'N1', turn: 3, day: 2 });
    expect(allianceContext(s).agenda).toEqual([]);
  });
});

describe('N2 consensus: one objection blocks; silence does not', () => {
  it('N2: one objection blocks a joint statement and is named', () => {
    const s = submit(start(), proposal('joint-statement', { positions: positions({ EEE: 'object' }) }));
    expect(decisions(s).map(brief)).toEqual(['statement:blocked:N2']);
    expect(decisions(s)[0]?.blockedBy).toEqual(['EEE']);
    expect(decisions(s)[0]?.collective).toBe(false);
  });

  it('N2 silence procedure: abstaining and staying out do not block a joint statement', () => {
    const s = submit(start(), proposal('joint-statement', { positions: positions({ BBB: 'abstain', CCC: 'stay-out' }) }));
    expect(decisions(s).map(brief)).toEqual(['statement:adopted:N2']);
    expect(decisions(s)[0]?.endorsedBy).toEqual(['AAA', 'DDD', 'EEE']);
    expect(decisions(s)[0]?.blockedBy).toEqual([]);
  });

  it('N2: one objection blocks counter-terrorism cooperation; without one it opens', () => {
    const blocked = submit(start(), proposal('ct-cooperation', { positions: positions({ BBB: 'object' }) }));
    expect(decisions(blocked).map(brief)).toEqual(['ct-coordination:blocked:N2']);
    expect(readPosture(blocked).coordination).toBe(false);
    const open = submit(start(), proposal('ct-cooperation', { positions: positions({ BBB: 'abstain' }) }));
    expect(decisions(open).map(brief)).toEqual(['ct-coordination:adopted:N2']);
    expect(readPosture(open).coordination).toBe(true);
  });

  it('N2: one objection blocks Article 5 under an armed attack; abstentions do not', () => {
    const blocked = submit(start(), proposal('collective-defence', { positions: positions({ CCC: 'object', DDD: 'abstain' }) }));
    expect(decisions(blocked).map(brief)).toEqual(['collective-defence:blocked:N2']);
    expect(decisions(blocked)[0]?.blockedBy).toEqual(['CCC']);
    expect(readPosture(blocked).commitment).toBe('none');
    expect(allianceContext(blocked).bound).toEqual([]);
    const passed = submit(start(), proposal('collective-defence', { positions: positions({ CCC: 'stay-out', DDD: 'abstain' }) }));
    expect(readPosture(passed).commitment).toBe('invoked');
  });

  it('N2: the Treaty has no suspension clause, so a suspension is blocked', () => {
    const s = submit(start(), proposal('suspend-member', { situation: { clashWith: 'EEE' } }));
    expect(decisions(s).map(brief)).toEqual(['suspension:blocked:N2']);
  });

  it('N2: the rule set refuses a suspension request before it is made', () => {
    expect(NATO.refusal('suspend-member', readPosture(start()), situation({ clashWith: 'EEE' }))).toBe('no-suspension-clause');
  });
});

describe('N3 Article 5: conditional until attribution, then binding', () => {
  it('N3: unanimous Article 5 below the attribution threshold is conditional and binds nobody yet', () => {
    const s = submit(start(), proposal('collective-defence', { situation: { attribution: ATTRIBUTION_THRESHOLD - 0.01 } }));
    expect(decisions(s).map(brief)).toEqual(['collective-defence:conditional:N3']);
    expect(readPosture(s)).toMatchObject({ commitment: 'conditional', forces: 'none' });
    expect(allianceContext(s).bound).toEqual([]);
  });

  it('N3: a conditional Article 5 is confirmed on the first turn whose attribution reaches the threshold, and binds every ally', () => {
    let s = submit(start(), proposal('collective-defence', { situation: { attribution: 0.3 } }));
    s = begin(s, 2, 1, ATTRIBUTION_THRESHOLD - 0.001);
    expect(readPosture(s).commitment).toBe('conditional');
    expect(decisions(s)).toEqual([]);
    s = begin(s, 3, 2, ATTRIBUTION_THRESHOLD);
    expect(readPosture(s).commitment).toBe('invoked');
    expect(decisions(s).map(brief)).toEqual(['collective-defence:adopted:N3']);
    expect(decisions(s)[0]).toMatchObject({ turn: 3, day: 2, collective: true });
    expect(allianceContext(s).bound).toEqual([...MEMBERS].sort());
    // N5 follows: planning from the day of confirmation.
    expect(readPosture(s).forces).toBe('planning');
    expect(allianceContext(s).forcesReadyDay).toBe(2 + READINESS_DAYS);
  });

  it('N3: an attributed attack gets Article 5 at once, binding every ally', () => {
    const s = submit(start(), proposal('collective-defence', { situation: { attribution: ATTRIBUTION_THRESHOLD } }));
    expect(decisions(s).map(brief)).toEqual(['collective-defence:adopted:N3']);
    expect(readPosture(s).commitment).toBe('invoked');
    expect(allianceContext(s).bound).toEqual([...MEMBERS].sort());
  });

  it('N3: the rule set refuses a second Article 5 request while one is pending or in force', () => {
    const conditional = submit(start(), proposal('collective-defence', { situation: { attribution: 0.2 } }));
    expect(NATO.refusal('collective-defence', readPosture(conditional), situation())).toBe('awaiting-attribution');
    const invoked = submit(start(), proposal('collective-defence'));
    expect(NATO.refusal('collective-defence', readPosture(invoked), situation())).toBe('already-invoked');
    expect(NATO.refusal('collective-defence', readPosture(start()), situation({ eventKind: null, severity: 0 }))).toBe('no-attack');
  });
});

describe('N4 each ally chooses its contribution; the obligation binds', () => {
  const actors: Actors = { requester: REQUESTER, adversary: 'ADV' };
  /** A generator whose noise is exactly 0 (four draws of 0.5). */
  const flat: Rng = { next: () => 0.5, save: () => ({}) };
  const profile = (o: Partial<StateProfile>): StateProfile => ({
    capability: 0.5,
    interests: 0.5,
    threat: {},
    ties: {},
    riskTolerance: 0.5,
    domesticConstraint: 0.5,
    nuclear: false,
    democracy: true,
    ...o,
  });

  it('N4: under a binding commitment a reluctant ally gives at least political support, and the gap counts as excess', () => {
    const p = profile({ interests: 0, riskTolerance: 0, domesticConstraint: 1, ties: { ADV: 1 } });
    const s = situation({ severity: 1 });
    expect(ownWant(p, s, actors, 0)).toBeLessThan(0.25 - OBLIGATION_PULL);
    expect(memberContribution(p, s, actors, false, flat)).toEqual({ contribution: 'none', excess: 0 });
    expect(memberContribution(p, s, actors, true, flat)).toEqual({ contribution: 'political', excess: CONTRIBUTION_WEIGHT.political });
  });

  it('N4: the obligation pulls a contribution up a step, creating excess', () => {
    const p = profile({ ties: { AAA: 0.5, ADV: 0 }, threat: { ADV: 0.5 }, domesticConstraint: 0.15 });
    const s = situation({ severity: 0 });
    const want = ownWant(p, s, actors, 0);
    expect(want).toBeGreaterThanOrEqual(0.5 - OBLIGATION_PULL);
    expect(want).toBeLessThan(0.5);
    expect(want).toBeGreaterThanOrEqual(0.25);
    expect(memberContribution(p, s, actors, false, flat)).toEqual({ contribution: 'political', excess: 0 });
    const bound = memberContribution(p, s, actors, true, flat);
    expect(bound.contribution).toBe('support');
    expect(bound.excess).toBeCloseTo(CONTRIBUTION_WEIGHT.support - CONTRIBUTION_WEIGHT.political, 10);
  });

  it('N4 (property): with the same dice, an obligated ally never gives less than unobligated, and never less than political', () => {
    const unit = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(unit, unit, unit, unit, unit, unit, unit, fc.integer({ min: 0, max: 5 }), fc.string(), (cap, int, thr, tie, tieAdv, rt, dc, severity, seed) => {
        const p = profile({ capability: cap, interests: int, threat: { ADV: thr }, ties: { AAA: tie, ADV: tieAdv }, riskTolerance: rt, domesticConstraint: dc });
        const s = situation({ severity });
        const free = memberContribution(p, s, actors, false, seedRng(seed));
        const bound = memberContribution(p, s, actors, true, seedRng(seed));
        expect(free.excess).toBe(0);
        expect(CONTRIBUTION_WEIGHT[bound.contribution]).toBeGreaterThanOrEqual(CONTRIBUTION_WEIGHT.political);
        expect(CONTRIBUTION_WEIGHT[bound.contribution]).toBeGreaterThanOrEqual(CONTRIBUTION_WEIGHT[free.contribution]);
        expect(bound.excess).toBeCloseTo(CONTRIBUTION_WEIGHT[bound.contribution] - CONTRIBUTION_WEIGHT[free.contribution], 10);
      }),
      { numRuns: 200, seed: 4 },
    );
  });
});

describe('N5 command and readiness', () => {
  it('N5: forces plan after invocation and are ready only once a turn ends after the readiness day', () => {
    let s = begin(start(), 4, 3);
    s = submit(s, proposal('collective-defence', { day: 3, meetingDay: 3 }), 4, 4);
    expect(readPosture(s).forces).toBe('planning');
    expect(allianceContext(s).forcesReadyDay).toBe(3 + READINESS_DAYS);
    // A turn covering days [12, 13): day 13 is not inside it.
    s = begin(s, 13, 3 + READINESS_DAYS - 1);
    expect(readPosture(s).forces).toBe('planning');
    expect(decisions(s)).toEqual([]);
    s = begin(s, 14, 3 + READINESS_DAYS);
    expect(readPosture(s).forces).toBe('ready');
    expect(decisions(s).map(brief)).toEqual(['posture:adopted:N5']);
    expect(decisions(s)[0]).toMatchObject({ turn: 14, day: 3 + READINESS_DAYS, collective: true });
  });

  it('N5: a long turn that spans the readiness day makes forces ready on that day', () => {
    let s = submit(start(), proposal('collective-defence', { day: 0, meetingDay: 0 }), 1, 7);
    s = begin(s, 2, 7, 0.9, 14);
    expect(readPosture(s).forces).toBe('ready');
    expect(decisions(s)[0]).toMatchObject({ rule: 'N5', day: READINESS_DAYS });
  });

  it('N5: no NAC authorisation, no planning: statements, cooperation and a conditional Article 5 leave forces at none', () => {
    let s = submit(start(), proposal('joint-statement'));
    s = submit(s, proposal('ct-cooperation'));
    s = submit(s, proposal('consult', { situation: { severity: 1 } }));
    s = submit(s, proposal('collective-defence', { situation: { attribution: 0.1 } }));
    s = begin(s, 2, 50, 0.1);
    expect(readPosture(s).forces).toBe('none');
    expect(allianceContext(s).forcesReadyDay).toBeNull();
  });
});

describe('N6 cyber and hybrid: case by case below the cumulative threshold', () => {
  const cyber = (cumulativeCyber: number, kind: Situation['eventKind'] = 'cyber-attack') => ({ eventKind: kind, severity: 3, attribution: 0.9, cumulativeCyber });

  it('N6: below the cumulative threshold an abstention blocks Article 5 for a cyber attack', () => {
    const s = submit(start(), proposal('collective-defence', { positions: positions({ BBB: 'abstain' }), situation: cyber(CYBER_CUMULATIVE_THRESHOLD - 1) }));
    expect(decisions(s).map(brief)).toEqual(['collective-defence:blocked:N6']);
    expect(decisions(s)[0]?.blockedBy).toEqual(['BBB']);
    expect(readPosture(s).commitment).toBe('none');
  });

  it('N6: below the threshold staying out blocks a hybrid case too, and every withholder is named', () => {
    const s = submit(start(), proposal('collective-defence', { positions: positions({ EEE: 'stay-out', CCC: 'abstain' }), situation: cyber(0, 'hybrid-campaign') }));
    expect(decisions(s).map(brief)).toEqual(['collective-defence:blocked:N6']);
    expect(decisions(s)[0]?.blockedBy).toEqual(['CCC', 'EEE']);
  });

  it('N6: at the cumulative threshold an abstention no longer blocks; the cyber case is adopted under N6', () => {
    const s = submit(start(), proposal('collective-defence', { positions: positions({ BBB: 'abstain' }), situation: cyber(CYBER_CUMULATIVE_THRESHOLD) }));
    expect(decisions(s).map(brief)).toEqual(['collective-defence:adopted:N6']);
    expect(readPosture(s).commitment).toBe('invoked');
  });

  it('N6: above the threshold an objection still blocks (N2)', () => {
    const s = submit(start(), proposal('collective-defence', { positions: positions({ BBB: 'object' }), situation: cyber(CYBER_CUMULATIVE_THRESHOLD + 5) }));
    expect(decisions(s).map(brief)).toEqual(['collective-defence:blocked:N2']);
  });

  it('N6: a unanimous cyber case below the threshold can still pass (case by case, not never)', () => {
    const s = submit(start(), proposal('collective-defence', { situation: cyber(1) }));
    expect(decisions(s).map(brief)).toEqual(['collective-defence:adopted:N6']);
  });

  it('N6: an armed attack is not a cyber case: an abstention does not block it', () => {
    const s = submit(start(), proposal('collective-defence', { positions: positions({ BBB: 'abstain' }), situation: { eventKind: 'armed-attack', cumulativeCyber: 0 } }));
    expect(decisions(s).map(brief)).toEqual(['collective-defence:adopted:N3']);
  });
});

describe('N7 typical Article 4 outcomes', () => {
  it('N7: a severe attack with broad support moves posture as well as a statement', () => {
    const s = submit(start(), proposal('consult', { situation: { severity: POSTURE_SEVERITY } }));
    expect(decisions(s).map(brief)).toEqual(['consultation:adopted:N1', 'statement:adopted:N7', 'posture:adopted:N7']);
    expect(readPosture(s).forces).toBe('planning');
    expect(readPosture(s).commitment).toBe('none'); // posture is not Article 5
  });

  it('N7: a mild event ends with a statement only', () => {
    const s = submit(start(), proposal('consult', { situation: { severity: POSTURE_SEVERITY - 1 } }));
    expect(decisions(s).map(brief)).toEqual(['consultation:adopted:N1', 'statement:adopted:N7']);
    expect(readPosture(s).forces).toBe('none');
  });

  it('N7: without broad support even a severe attack ends with a statement only', () => {
    // 2 of 5 support (0.4), the rest abstain: no objection, so the statement passes.
    const s = submit(start(), proposal('consult', { positions: positions({ CCC: 'abstain', DDD: 'abstain', EEE: 'stay-out' }), situation: { severity: 5 } }));
    expect(decisions(s).map(brief)).toEqual(['consultation:adopted:N1', 'statement:adopted:N7']);
    expect(readPosture(s).forces).toBe('none');
  });

  it('N7: support at exactly the posture share is broad enough', () => {
    expect(POSTURE_SUPPORT_SHARE).toBeCloseTo(3 / 5, 10);
    const s = submit(start(), proposal('consult', { positions: positions({ DDD: 'abstain', EEE: 'stay-out' }), situation: { severity: 5 } }));
    expect(decisions(s).map(brief)).toContain('posture:adopted:N7');
  });
});

describe('meeting days and decision records', () => {
  it('a proposal whose meeting day is the turn end day is decided in the next turn, recorded with that turn and the meeting day', () => {
    let s = submit(start(), proposal('joint-statement', { day: 0, meetingDay: 1 }), 1, 1);
    expect(decisions(s)).toEqual([]);
    expect(allianceContext(s).agenda).toHaveLength(1);
    s = begin(s, 2, 1);
    expect(decisions(s)).toEqual([expect.objectContaining({ turn: 2, day: 1, kind: 'statement', outcome: 'adopted', rule: 'N2' })]);
    expect(allianceContext(s).agenda).toEqual([]);
    s = begin(s, 3, 2);
    expect(decisions(s)).toEqual([]); // decided once, and decisions clear at each turn
  });

  it('a proposal due within the turn is decided at once', () => {
    const s = submit(start(), proposal('joint-statement', { day: 0, meetingDay: 0 }), 1, 1);
    expect(decisions(s)).toHaveLength(1);
    expect(allianceContext(s).agenda).toEqual([]);
  });

  it('national choices (act alone, de-escalate) never reach the Council', () => {
    let s = submit(start(), proposal('act-alone'));
    s = submit(s, proposal('de-escalate'));
    expect(decisions(s)).toEqual([]);
    expect(readPosture(s)).toEqual({ consultation: false, commitment: 'none', forces: 'none', coordination: false });
  });

  it('crisis.end closes the machine; the posture then reads as nothing in force', () => {
    const s = send(submit(start(), proposal('collective-defence')), { type: 'crisis.end' });
    expect(s.value).toBe('closed');
  });

  it('every decision record names a NATO rule (N1–N7), whatever the proposals (property)', () => {
    const position = fc.constantFrom<Position>('support', 'object', 'abstain', 'stay-out');
    const event = fc.oneof(
      fc.record({
        kind: fc.constant('submit' as const),
        intent: fc.constantFrom(...INTENTS),
        others: fc.array(position, { minLength: MEMBERS.length - 1, maxLength: MEMBERS.length - 1 }),
        eventKind: fc.constantFrom<Situation['eventKind']>('armed-attack', 'cyber-attack', 'hybrid-campaign', 'terrorist-attack', 'unrest', 'member-clash', null),
        severity: fc.integer({ min: 0, max: 5 }),
        attribution: fc.double({ min: 0, max: 1, noNaN: true }),
        cumulativeCyber: fc.integer({ min: 0, max: 15 }),
        lag: fc.integer({ min: 0, max: 3 }),
      }),
      fc.record({ kind: fc.constant('begin' as const), attribution: fc.double({ min: 0, max: 1, noNaN: true }), days: fc.integer({ min: 1, max: 12 }) }),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 25 }), (events) => {
        let s = start();
        let turn = 1;
        let day = 0;
        let days = 1;
        for (const e of events) {
          if (e.kind === 'begin') {
            day += days;
            days = e.days;
            turn += 1;
            s = sendToAlliance(NATO, s, { type: 'turn.begin', turn, day, endDay: day + days, attribution: e.attribution });
          } else {
            const pos: Record<StateId, Position> = { [REQUESTER]: 'support' };
            MEMBERS.slice(1).forEach((m, i) => (pos[m] = e.others[i] ?? 'support'));
            const clashWith = e.eventKind === 'member-clash' ? 'EEE' : null;
            const p: Proposal = {
              intent: e.intent,
              requester: REQUESTER,
              positions: pos,
              situation: { eventKind: e.eventKind, severity: e.severity, attribution: e.attribution, cumulativeCyber: e.cumulativeCyber, clashWith },
              day,
              meetingDay: day + e.lag,
            };
            s = sendToAlliance(NATO, s, { type: 'proposal.submit', turn, endDay: day + days, proposal: p });
          }
          for (const d of decisions(s)) expect(d.rule).toMatch(/^N[1-7]$/);
          const posture = readPosture(s);
          // Invariant: an Article 5 in force always has SACEUR planning or forces ready (N3 → N5).
          if (posture.commitment === 'invoked') expect(posture.forces).not.toBe('none');
          // Blocked decisions name who blocked them, except the suspension nobody could ask for.
          for (const d of decisions(s)) if (d.outcome === 'blocked' && d.kind !== 'suspension') expect(d.blockedBy.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 150, seed: 7 },
    );
  });
});
