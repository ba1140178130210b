// Regression tests for three bugs the model-based walks (rule-model-*.test.ts) found in the
// rulebook machine, fixed in rulebook-machine.ts. Each states the rule as written (the issue's
// statement of the semantics, ../shared/domain/*.md) on the shortest sequence of events that
// showed the bug, through the engine's interface (startAlliance / sendToAlliance), so that a
// regression is named here and not only as one disagreement among many in a walk.
import { describe, expect, it } from 'vitest';
import { Alliance, POSITIONS, SITUATIONS, TURNS, request, rulesOf, sitting } from '../../../test/support/rule-harness';

describe('rulebook machine regressions (bugs found by the model-based walks)', () => {
  // "A request whose intent is already on the agenda ... is not admitted (snapshot.can is false)."
  // The agenda was once checked only on the branch that puts a request on it; the branches that
  // answer a request at once (S5, C6, N3, C5) came first and took it whatever was pending, so
  // snapshot.can was true and a second answer about the same intent went on the record.
  it('a consultation about a members’ dispute, while a consultation is pending, is not admitted (SCO, S5)', () => {
    const sco = new Alliance(rulesOf('sco'));
    sco.send(request('consult', SITUATIONS.armed));
    const again = sco.send(request('consult', SITUATIONS.clash));
    expect([again.admitted, again.records.length]).toEqual([false, 0]);
  });

  it('a joint statement about a members’ clash, while a joint statement is pending, is not admitted (CSTO, C6)', () => {
    const csto = new Alliance(rulesOf('csto'));
    csto.send(request('joint-statement', SITUATIONS.armed));
    const again = csto.send(request('joint-statement', SITUATIONS.clash));
    expect([again.admitted, again.records.length]).toEqual([false, 0]);
  });

  it('collective defence about unrest, while collective defence is pending, is not admitted (NATO, N3)', () => {
    const nato = new Alliance(rulesOf('nato'));
    nato.send(request('collective-defence', SITUATIONS.armed));
    const again = nato.send(request('collective-defence', SITUATIONS.unrestAttributed));
    expect([again.admitted, again.records.length]).toEqual([false, 0]);
  });

  it('collective defence about unattributed unrest, while collective defence is pending, is not admitted (CSTO, C5)', () => {
    const csto = new Alliance(rulesOf('csto'));
    csto.send(request('collective-defence', SITUATIONS.armed));
    const again = csto.send(request('collective-defence', SITUATIONS.unrestUnattributed));
    expect([again.admitted, again.records.length]).toEqual([false, 0]);
  });

  // "attribution 'conditional' and attribution < 0.7 → conditional (N3) ..., confirmed (adopted N3
  // record) at the first turn.begin with attribution ≥ 0.7." Under commitment "automatic" the
  // confirming record once cited the commitment's rule, C2, not the attribution rule that confirmed it.
  it('a conditional decision is confirmed on the record by N3, under a binding clause (automatic) too', () => {
    const lab = new Alliance(rulesOf('sco+commitment=automatic+attribution=conditional'));
    lab.send(request('collective-defence', SITUATIONS.armedUnattributed));
    const conditional = lab.send(sitting(2, POSITIONS.unanimous, SITUATIONS.armedUnattributed));
    expect(conditional.records.map((r) => [r.outcome, r.rule])).toEqual([['conditional', 'N3']]);
    const confirmed = lab.send(TURNS.lateHigh);
    expect(confirmed.posture.commitment).toBe('invoked');
    expect(confirmed.records.map((r) => [r.kind, r.outcome, r.rule])).toEqual([['collective-defence', 'adopted', 'N3']]);
  });

  // S7: an extraordinary meeting needs a second caller and the others' consent. When neither held,
  // the record said it was blocked by nobody, though the objectors alone would have blocked it
  // (DecisionRecord.blockedBy: "members whose objection blocked it"): the branch for a missing
  // second caller, tried first, named no one.
  it('a consultation with no second caller and objections names its objectors (S7)', () => {
    const sco = new Alliance(rulesOf('sco'));
    sco.send(request('consult', SITUATIONS.armed, { proposer: 'BBB' }));
    // AAA (the requester) and BBB (the proposer) support, CCC and DDD object: no second caller, no consent.
    const sat = sco.send(sitting(1, POSITIONS.split, SITUATIONS.armed));
    expect(sat.records.map((r) => [r.kind, r.outcome, r.rule, r.blockedBy])).toEqual([['consultation', 'blocked', 'S7', ['CCC', 'DDD']]]);
  });
});
