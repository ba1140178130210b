// The SCO's rules S1–S7, one or more tests each, driven through the rule-set interface the engine
// uses (startAlliance / sendToAlliance / readPosture / allianceContext) with hand-made proposals
// whose member positions the test chooses. Each test names the rule it would catch breaking.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Position, StateId } from '../game/types';
import { allianceContext, readPosture, ruleSet } from './rule-set';
import { ALL_INTENTS, MEMBERS, REQUESTER, brief, ruleHarness } from '../../../test/support/rule-harness';

const SCO = ruleSet('sco');
const INTENTS = ALL_INTENTS;
const { positions, situation, proposal, send, submit, begin, start, decisions } = ruleHarness(SCO, { eventKind: 'terrorist-attack', severity: 4, attribution: 0.9, cumulativeCyber: 0, clashWith: null });

describe('S1 no-objection consensus', () => {
  it('S1: abstaining and staying out do not block a joint statement', () => {
    const s = submit(start(), proposal('joint-statement', { positions: positions({ BBB: 'abstain', CCC: 'stay-out', DDD: 'stay-out' }) }));
    expect(decisions(s).map(brief)).toEqual(['statement:adopted:S1']);
    expect(decisions(s)[0]?.endorsedBy).toEqual(['AAA', 'EEE']);
    expect(decisions(s)[0]?.blockedBy).toEqual([]);
  });

  it('S1: a statement passes even when only the requester supports, if nobody objects', () => {
    const s = submit(start(), proposal('joint-statement', { positions: positions({}, 'stay-out') }));
    expect(decisions(s).map(brief)).toEqual(['statement:adopted:S1']);
  });

  it('S1: an agreed meeting issues a statement, abstentions notwithstanding', () => {
    const s = submit(start(), proposal('consult', { positions: positions({ BBB: 'support' }, 'abstain') }));
    expect(decisions(s).map(brief)).toEqual(['consultation:adopted:S7', 'statement:adopted:S1']);
    expect(readPosture(s).consultation).toBe(true);
  });
});

describe('S2 one objection blocks a joint text', () => {
  it('S2: with an objection and at least two endorsers, a paragraph names only the endorsers', () => {
    const s = submit(start(), proposal('joint-statement', { positions: positions({ BBB: 'support', CCC: 'object', DDD: 'abstain', EEE: 'stay-out' }) }));
    expect(decisions(s).map(brief)).toEqual(['statement:subset:S2']);
    const d = decisions(s)[0];
    expect(d?.endorsedBy).toEqual(['AAA', 'BBB']);
    expect(d?.blockedBy).toEqual(['CCC']);
  });

  it('S2: with an objection and fewer than two endorsers, there is no text at all', () => {
    const s = submit(start(), proposal('joint-statement', { positions: positions({ CCC: 'object' }, 'abstain') }));
    expect(decisions(s).map(brief)).toEqual(['statement:blocked:S2']);
    expect(decisions(s)[0]?.blockedBy).toEqual(['CCC']);
    expect(decisions(s)[0]?.collective).toBe(false);
  });

  it('S2: every objector is named', () => {
    const s = submit(start(), proposal('joint-statement', { positions: positions({ EEE: 'object', BBB: 'object' }) }));
    expect(decisions(s)[0]).toMatchObject({ outcome: 'subset', rule: 'S2', blockedBy: ['BBB', 'EEE'], endorsedBy: ['AAA', 'CCC', 'DDD'] });
  });
});

describe('S3 suspension needs all but the member concerned', () => {
  const clash = { eventKind: 'member-clash' as const, clashWith: 'EEE' };

  it('S3: the member concerned cannot block its own suspension; abstentions do not either', () => {
    const s = submit(start(), proposal('suspend-member', { positions: positions({ EEE: 'object', DDD: 'abstain' }), situation: clash }));
    expect(decisions(s).map(brief)).toEqual(['suspension:adopted:S3']);
    expect(decisions(s)[0]?.endorsedBy).toEqual(['AAA', 'BBB', 'CCC']);
    expect(decisions(s)[0]?.endorsedBy).not.toContain('EEE');
  });

  it('S3: any other member objecting blocks it, and only that member is named', () => {
    const s = submit(start(), proposal('suspend-member', { positions: positions({ EEE: 'object', BBB: 'object' }), situation: clash }));
    expect(decisions(s).map(brief)).toEqual(['suspension:blocked:S3']);
    expect(decisions(s)[0]?.blockedBy).toEqual(['BBB']);
  });

  it('S3: no suspension request without a member in a clash', () => {
    expect(SCO.refusal('suspend-member', readPosture(start()), situation())).toBe('no-clash');
    expect(SCO.refusal('suspend-member', readPosture(start()), situation(clash))).toBeNull();
  });
});

describe('S4 no mutual-defence transition', () => {
  it('S4: a unanimous, attributed request for collective defence is declined at once, on the day it is made', () => {
    const s = submit(start(), proposal('collective-defence', { situation: { eventKind: 'armed-attack', severity: 5, attribution: 1 }, day: 4, meetingDay: 9 }), 5, 5);
    expect(decisions(s).map(brief)).toEqual(['collective-defence:declined:S4']);
    expect(decisions(s)[0]).toMatchObject({ day: 4, collective: false });
    expect(allianceContext(s).agenda).toEqual([]);
    expect(readPosture(s)).toEqual({ consultation: false, commitment: 'none', forces: 'none', coordination: false });
    expect(allianceContext(s).bound).toEqual([]);
  });

  it('S4 (property): whatever is asked, the commitment never leaves none, forces never move and nobody is bound', () => {
    const position = fc.constantFrom<Position>('support', 'object', 'abstain', 'stay-out');
    const step = fc.record({
      intent: fc.constantFrom(...INTENTS),
      others: fc.array(position, { minLength: 4, maxLength: 4 }),
      attribution: fc.double({ min: 0, max: 1, noNaN: true }),
      clash: fc.boolean(),
      lag: fc.integer({ min: 0, max: 10 }),
      begin: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 20 }), (steps) => {
        let s = start();
        let day = 0;
        steps.forEach((e, i) => {
          const turn = i + 1;
          if (e.begin) s = begin(s, turn, (day += 1), e.attribution);
          const pos: Record<StateId, Position> = { [REQUESTER]: 'support' };
          MEMBERS.slice(1).forEach((m, k) => (pos[m] = e.others[k] ?? 'support'));
          const sit = situation({ eventKind: e.clash ? 'member-clash' : 'armed-attack', attribution: e.attribution, clashWith: e.clash ? 'EEE' : null });
          s = submit(s, { intent: e.intent, requester: REQUESTER, positions: pos, situation: sit, day, meetingDay: day + e.lag }, turn, day + 1);
          const posture = readPosture(s);
          expect(posture.commitment).toBe('none');
          expect(posture.forces).toBe('none');
          expect(allianceContext(s).bound).toEqual([]);
          expect(allianceContext(s).forcesReadyDay).toBeNull();
          for (const d of decisions(s)) {
            expect(d.rule).toMatch(/^S[1-7]$/);
            if (d.kind === 'collective-defence') expect(d).toMatchObject({ outcome: 'declined', rule: 'S4' });
          }
        });
      }),
      { numRuns: 100, seed: 11 },
    );
  });
});

describe('S5 bilateral disputes stay off the agenda', () => {
  const clash = { eventKind: 'member-clash' as const, clashWith: 'EEE' };

  it('S5: consultation over a clash between members is declined at once, whatever the support', () => {
    const s = submit(start(), proposal('consult', { situation: clash, meetingDay: 5 }));
    expect(decisions(s).map(brief)).toEqual(['consultation:declined:S5']);
    expect(allianceContext(s).agenda).toEqual([]);
    expect(readPosture(s).consultation).toBe(false);
  });

  it('S5: a joint statement over a clash between members is declined at once', () => {
    const s = submit(start(), proposal('joint-statement', { situation: clash }));
    expect(decisions(s).map(brief)).toEqual(['statement:declined:S5']);
  });

  it('S5: without a clash the same requests go to the body', () => {
    const s = submit(start(), proposal('consult', { meetingDay: 5 }));
    expect(decisions(s)).toEqual([]);
    expect(allianceContext(s).agenda).toHaveLength(1);
  });
});

describe('S6 RATS coordinates; it commands nothing', () => {
  it('S6: counter-terrorism coordination with no objection is adopted and opens coordination, with no forces', () => {
    const s = submit(start(), proposal('ct-cooperation', { positions: positions({ CCC: 'abstain', DDD: 'stay-out' }), situation: { severity: 5 } }));
    expect(decisions(s).map(brief)).toEqual(['ct-coordination:adopted:S6']);
    expect(readPosture(s)).toEqual({ consultation: false, commitment: 'none', forces: 'none', coordination: true });
    expect(SCO.refusal('ct-cooperation', readPosture(s), situation())).toBe('already-active');
  });

  it('S6: the RATS request is decided on its meeting day', () => {
    let s = submit(start(), proposal('ct-cooperation', { day: 0, meetingDay: 2 }), 1, 1);
    expect(readPosture(s).coordination).toBe(false);
    s = begin(s, 2, 1);
    expect(readPosture(s).coordination).toBe(false);
    s = begin(s, 3, 2);
    expect(readPosture(s).coordination).toBe(true);
    expect(decisions(s)[0]).toMatchObject({ turn: 3, day: 2, rule: 'S6' });
  });
});

describe('S7 interested members may go ahead; extraordinary meetings need a co-sponsor and consent', () => {
  it('S7: an extraordinary meeting without a co-sponsor does not sit', () => {
    const s = submit(start(), proposal('consult', { positions: positions({}, 'abstain') }));
    expect(decisions(s).map(brief)).toEqual(['consultation:blocked:S7']);
    expect(readPosture(s).consultation).toBe(false);
  });

  it('S7: a co-sponsored meeting is stopped by one objection, which is named', () => {
    const s = submit(start(), proposal('consult', { positions: positions({ BBB: 'support', CCC: 'object' }, 'stay-out') }));
    expect(decisions(s).map(brief)).toEqual(['consultation:blocked:S7']);
    expect(decisions(s)[0]?.blockedBy).toEqual(['CCC']);
    expect(readPosture(s).consultation).toBe(false);
  });

  it('S7: one co-sponsor and the others staying out is enough', () => {
    const s = submit(start(), proposal('consult', { positions: positions({ DDD: 'support' }, 'stay-out') }));
    expect(decisions(s)[0]).toMatchObject({ kind: 'consultation', outcome: 'adopted', rule: 'S7', endorsedBy: ['AAA', 'DDD'] });
  });

  it('S7: members not interested do not stop a RATS project: the interested go ahead as a subset', () => {
    const s = submit(start(), proposal('ct-cooperation', { positions: positions({ BBB: 'support', CCC: 'object', DDD: 'object', EEE: 'abstain' }) }));
    expect(decisions(s).map(brief)).toEqual(['ct-coordination:subset:S7']);
    expect(decisions(s)[0]).toMatchObject({ endorsedBy: ['AAA', 'BBB'], blockedBy: ['CCC', 'DDD'], collective: true });
    expect(readPosture(s).coordination).toBe(true);
  });

  it('S7: a RATS project with a single interested member does not go ahead', () => {
    const s = submit(start(), proposal('ct-cooperation', { positions: positions({ CCC: 'object' }, 'abstain') }));
    expect(decisions(s).map(brief)).toEqual(['ct-coordination:blocked:S7']);
    expect(readPosture(s).coordination).toBe(false);
  });
});

describe('meeting days and decision records', () => {
  it('a proposal whose meeting day falls after the turn is decided in the turn that contains it', () => {
    let s = submit(start(), proposal('joint-statement', { day: 0, meetingDay: 6 }), 1, 3);
    expect(decisions(s)).toEqual([]);
    s = begin(s, 2, 3, 0.9, 6); // days [3, 6)
    expect(decisions(s)).toEqual([]);
    expect(allianceContext(s).agenda).toHaveLength(1);
    s = begin(s, 3, 6, 0.9, 9); // days [6, 9)
    expect(decisions(s)).toEqual([expect.objectContaining({ turn: 3, day: 6, outcome: 'adopted', rule: 'S1' })]);
    expect(allianceContext(s).agenda).toEqual([]);
  });

  it('national choices never reach an SCO body', () => {
    let s = submit(start(), proposal('act-alone'));
    s = submit(s, proposal('de-escalate'));
    expect(decisions(s)).toEqual([]);
  });

  it('crisis.end closes the machine', () => {
    expect(send(start(), { type: 'crisis.end' }).value).toBe('closed');
  });

  it('the procedures the UI names per intent are SCO rules', () => {
    for (const intent of INTENTS) expect(SCO.ruleFor(intent)).toMatch(/^S[1-7]$/);
    expect(SCO.pledge).toBe('consultation');
  });
});
