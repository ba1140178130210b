// The model-based walk must be able to fail. Each test changes one rule in the oracle (by handing
// it other features, other answers or another record) and expects the walk over the real machine
// to disagree. If one of these passes, the walk has gone blind to that rule.
import { describe, expect, it } from 'vitest';
import { rulesOf, walk, type Oracle } from '../../../test/support/rule-harness';
import { oracleStep } from '../../../test/support/rule-oracle';

function disagrees(spec: string, mutant: Oracle): boolean {
  return walk(rulesOf(spec), mutant, 1).problems.length > 0;
}

describe('a walk with one oracle rule changed fails', () => {
  it('an oracle that takes up disputes between members at the SCO (no S5)', { timeout: 120_000 }, () => {
    expect(disagrees('sco', (f, s, e) => oracleStep({ ...f, memberDisputes: 'taken-up' }, s, e))).toBe(true);
  });

  it('an oracle for which abstaining objects under no-objection consensus (S1)', { timeout: 120_000 }, () => {
    const mutant: Oracle = (f, s, e) => {
      if (e.type !== 'council.sit') return oracleStep(f, s, e);
      const positions = Object.fromEntries(Object.entries(e.sitting.positions).map(([m, p]) => [m, p === 'abstain' ? 'object' : p]));
      return oracleStep(f, s, { ...e, sitting: { ...e.sitting, positions } });
    };
    expect(disagrees('sco', mutant)).toBe(true);
  });

  it('an oracle whose subset text names nobody (S2)', { timeout: 120_000 }, () => {
    const mutant: Oracle = (f, s, e) => {
      const step = oracleStep(f, s, e);
      return { ...step, records: step.records.map((r) => (r.outcome === 'subset' ? { ...r, endorsedBy: [] } : r)) };
    };
    expect(disagrees('sco', mutant)).toBe(true);
  });

  it('an oracle that takes a second counter-terrorism request while coordination runs', { timeout: 120_000 }, () => {
    const mutant: Oracle = (f, s, e) =>
      e.type === 'proposal.submit' && e.proposal.intent === 'ct-cooperation' ? oracleStep(f, { ...s, coordination: false }, e) : oracleStep(f, s, e);
    expect(disagrees('sco', mutant)).toBe(true);
  });

  it('an oracle whose CSTO forces take ten days (N5 instead of C4)', { timeout: 120_000 }, () => {
    expect(disagrees('csto', (f, s, e) => oracleStep({ ...f, command: 'integrated' }, s, e))).toBe(true);
  });

  it('an oracle that treats unrest as aggression whatever the attribution (no C5)', { timeout: 120_000 }, () => {
    const mutant: Oracle = (f, s, e) =>
      e.type === 'proposal.submit' && e.proposal.situation.eventKind === 'unrest'
        ? oracleStep(f, s, { ...e, proposal: { ...e.proposal, situation: { ...e.proposal.situation, attribution: 1 } } })
        : oracleStep(f, s, e);
    expect(disagrees('csto', mutant)).toBe(true);
  });

  it('an oracle that forgets the chair’s call for calm (no C6)', { timeout: 120_000 }, () => {
    expect(disagrees('csto', (f, s, e) => oracleStep({ ...f, memberDisputes: 'taken-up' }, s, e))).toBe(true);
  });
});
