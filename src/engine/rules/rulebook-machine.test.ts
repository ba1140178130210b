// The rulebook's mechanisms, one at a time, as the rule texts state them. Each test drives the
// machine through the engine's interface (the snapshot through JSON at every step) beside the
// oracle, and states the outcome it expects in the rulebook's own terms.
import { describe, expect, it } from 'vitest';
import { createActor, type AnyMachineSnapshot } from 'xstate';
import {
  Lockstep,
  MEETING_DAY,
  MEMBERS,
  POSITIONS,
  REQUEST_DAY,
  SITUATIONS,
  TURNS,
  crisisEnd,
  representativeEvents,
  request,
  rulesOf,
  sitting,
  turnBegin,
} from '../../../test/support/rule-harness';
import {
  ORACLE_ATTRIBUTION,
  ORACLE_CYBER_CUMULATIVE,
  ORACLE_POSTURE_EVENTS,
  ORACLE_POSTURE_SEVERITY,
  ORACLE_POSTURE_SHARE,
  ORACLE_READY_DAYS,
} from '../../../test/support/rule-oracle';
import type { DecisionRecord } from '../game/types';
import { featureRule } from './features';
import { ATTRIBUTION_THRESHOLD, CYBER_CUMULATIVE_THRESHOLD, POSTURE_EVENTS, POSTURE_SEVERITY, POSTURE_SUPPORT_SHARE } from './guards';
import { RAPID_REACTION_DAYS, READINESS_DAYS } from './rulebook-machine';
import { RULEBOOK } from './rulebook';
import { postureOf } from './rule-set';
import type { RuleContext, RuleEvent } from './types';

/** The parts of a record a debrief reads. */
const brief = (r: DecisionRecord) => ({ kind: r.kind, outcome: r.outcome, rule: r.rule, blockedBy: r.blockedBy });

const context = (run: Lockstep) => run.state.context as RuleContext;

describe('the rulebook, mechanism by mechanism', () => {
  it('an objection blocks under consensus', () => {
    for (const [spec, rule] of [
      ['nato', 'N2'],
      ['csto', 'C3'],
    ] as const) {
      const run = new Lockstep(rulesOf(spec));
      run.step(request('joint-statement', SITUATIONS.armed));
      const seen = run.step(sitting(3, POSITIONS.otherObjects, SITUATIONS.armed));
      expect(seen.records.map(brief), spec).toEqual([{ kind: 'statement', outcome: 'blocked', rule, blockedBy: ['BBB'] }]);
    }
  });

  it('abstaining does not block under the silence procedure (N2) but does withhold consent for a cyber case below the threshold (N6)', () => {
    const run = new Lockstep(rulesOf('nato'));
    run.step(request('joint-statement', SITUATIONS.cyberLow));
    expect(run.step(sitting(3, POSITIONS.silent, SITUATIONS.cyberLow)).records.map(brief)).toEqual([
      { kind: 'statement', outcome: 'adopted', rule: 'N2', blockedBy: [] },
    ]);

    run.step(request('collective-defence', SITUATIONS.cyberLow));
    const below = run.step(sitting(2, POSITIONS.silent, SITUATIONS.cyberLow));
    expect(below.records.map(brief)).toEqual([{ kind: 'collective-defence', outcome: 'blocked', rule: 'N6', blockedBy: ['BBB', 'CCC'] }]);
    expect(below.posture.commitment).toBe('none');

    // Above the cumulative threshold the same silence lets Article 5 through.
    run.step(request('collective-defence', SITUATIONS.hybridCumulative));
    const above = run.step(sitting(2, POSITIONS.silent, SITUATIONS.hybridCumulative));
    expect(above.records.map(brief)).toEqual([{ kind: 'collective-defence', outcome: 'adopted', rule: 'N3', blockedBy: [] }]);
    expect(above.posture.commitment).toBe('invoked');
  });

  it('under no-objection consensus abstaining and staying out block nothing (S1)', () => {
    const run = new Lockstep(rulesOf('sco'));
    run.step(request('joint-statement', SITUATIONS.terror));
    const [record] = run.step(sitting(3, POSITIONS.silent, SITUATIONS.terror)).records;
    expect(brief(record!)).toEqual({ kind: 'statement', outcome: 'adopted', rule: 'S1', blockedBy: [] });
    expect(record!.endorsedBy).toEqual(['AAA', 'DDD']);
  });

  it('a single objection leaves a text naming only the endorsers (S2)', () => {
    const run = new Lockstep(rulesOf('sco'));
    run.step(request('joint-statement', SITUATIONS.terror));
    const [subset] = run.step(sitting(3, POSITIONS.otherObjects, SITUATIONS.terror)).records;
    expect(brief(subset!)).toEqual({ kind: 'statement', outcome: 'subset', rule: 'S2', blockedBy: ['BBB'] });
    expect(subset!.endorsedBy).toEqual(['AAA', 'CCC', 'DDD']);

    // With a single endorser there is no paragraph to write: no text at all.
    run.step(request('joint-statement', SITUATIONS.terror));
    const [none] = run.step(sitting(3, POSITIONS.lonelyObjected, SITUATIONS.terror)).records;
    expect(brief(none!)).toEqual({ kind: 'statement', outcome: 'blocked', rule: 'S2', blockedBy: ['BBB'] });
  });

  it('a dispute between two member states stays off the SCO agenda (S5)', () => {
    const sco = new Lockstep(rulesOf('sco'));
    for (const intent of ['consult', 'joint-statement'] as const) {
      const seen = sco.step(request(intent, SITUATIONS.clash));
      expect(seen.admitted).toBe(true);
      expect(seen.records.map((r) => [r.intent, r.outcome, r.rule, r.day])).toEqual([[intent, 'declined', 'S5', REQUEST_DAY]]);
    }
    expect(context(sco).agenda).toEqual([]);

    // NATO takes the same dispute up like any other business.
    const nato = new Lockstep(rulesOf('nato'));
    expect(nato.step(request('consult', SITUATIONS.clash)).records).toEqual([]);
    expect(context(nato).agenda.map((i) => i.proposal.intent)).toEqual(['consult']);
  });

  it('Article 5 stays conditional until attribution (N3) and is confirmed when it passes', () => {
    const run = new Lockstep(rulesOf('nato'));
    const ask = request('collective-defence', SITUATIONS.armedUnattributed);
    run.step(ask);
    const sat = run.step(sitting(2, POSITIONS.unanimous, SITUATIONS.armedUnattributed));
    expect(sat.records.map(brief)).toEqual([{ kind: 'collective-defence', outcome: 'conditional', rule: 'N3', blockedBy: [] }]);
    expect(sat.posture).toMatchObject({ commitment: 'conditional', forces: 'none' });
    expect(sat.bound).toEqual([]);
    expect(run.state.can(ask as never)).toBe(false);

    const stillUnattributed = run.step(TURNS.lateLow);
    expect(stillUnattributed.records).toEqual([]);
    expect(stillUnattributed.posture.commitment).toBe('conditional');

    const attributed = run.step(TURNS.lateHigh);
    expect(attributed.records.map((r) => [r.kind, r.outcome, r.rule, r.proposal, r.day])).toEqual([['collective-defence', 'adopted', 'N3', 0, 20]]);
    expect(attributed.posture).toMatchObject({ commitment: 'invoked', forces: 'planning' });
    expect(attributed.bound).toEqual([...MEMBERS].sort());
    expect(run.state.can(ask as never)).toBe(false);
  });

  it('CSTO forces are ready the day after the decision (C4)', () => {
    const csto = new Lockstep(rulesOf('csto'));
    csto.step(request('collective-defence', SITUATIONS.armed));
    const decided = csto.step(sitting(2, POSITIONS.unanimous, SITUATIONS.armed));
    expect(decided.records.map(brief)).toEqual([{ kind: 'collective-defence', outcome: 'adopted', rule: 'C2', blockedBy: [] }]);
    expect(decided.posture.forces).toBe('planning');
    const nextDay = csto.step(turnBegin(2, MEETING_DAY + 1, MEETING_DAY + 2, 0.9));
    expect(nextDay.posture.forces).toBe('ready');
    expect(nextDay.records.map((r) => [r.kind, r.outcome, r.rule, r.day])).toEqual([['posture', 'adopted', 'C4', MEETING_DAY + 1]]);

    // NATO's integrated command needs ten days (N5): the next day its forces are still planning.
    const nato = new Lockstep(rulesOf('nato'));
    nato.step(request('collective-defence', SITUATIONS.armed));
    nato.step(sitting(2, POSITIONS.unanimous, SITUATIONS.armed));
    expect(nato.step(turnBegin(2, MEETING_DAY + 1, MEETING_DAY + 2, 0.9)).posture.forces).toBe('planning');
    const tenth = nato.step(turnBegin(3, MEETING_DAY + 10, MEETING_DAY + 11, 0.9));
    expect(tenth.posture.forces).toBe('ready');
    expect(tenth.records.map((r) => [r.kind, r.outcome, r.rule, r.day])).toEqual([['posture', 'adopted', 'N5', MEETING_DAY + 10]]);
  });

  it('unrest counts as aggression under C5 only when attributed', () => {
    const csto = new Lockstep(rulesOf('csto'));
    const unattributed = csto.step(request('collective-defence', SITUATIONS.unrestUnattributed));
    expect(unattributed.records.map(brief)).toEqual([{ kind: 'collective-defence', outcome: 'declined', rule: 'C5', blockedBy: [] }]);
    expect(context(csto).agenda).toEqual([]);

    expect(csto.step(request('collective-defence', SITUATIONS.unrestAttributed)).records).toEqual([]);
    const sat = csto.step(sitting(2, POSITIONS.unanimous, SITUATIONS.unrestAttributed));
    expect(sat.records.map(brief)).toEqual([{ kind: 'collective-defence', outcome: 'adopted', rule: 'C2', blockedBy: [] }]);
    expect(sat.posture.commitment).toBe('invoked');

    // Under NATO's rules unrest is never an armed attack from outside (N3).
    const nato = new Lockstep(rulesOf('nato'));
    expect(nato.step(request('collective-defence', SITUATIONS.unrestAttributed)).records.map(brief)).toEqual([
      { kind: 'collective-defence', outcome: 'declined', rule: 'N3', blockedBy: [] },
    ]);
  });

  it('the same proposal under a majority rule passes with one objection', () => {
    const outcome = (spec: string, positions: (typeof POSITIONS)[keyof typeof POSITIONS]) => {
      const run = new Lockstep(rulesOf(spec));
      run.step(request('joint-statement', SITUATIONS.armed));
      return run.step(sitting(3, positions, SITUATIONS.armed)).records.map(brief);
    };
    expect(outcome('nato', POSITIONS.otherObjects)).toEqual([{ kind: 'statement', outcome: 'blocked', rule: 'N2', blockedBy: ['BBB'] }]);
    const majority = 'nato+council=assembly+decisionRule=majority';
    expect(outcome(majority, POSITIONS.otherObjects)).toEqual([{ kind: 'statement', outcome: 'adopted', rule: 'L1', blockedBy: [] }]);
    // A tie is not a majority.
    expect(outcome(majority, POSITIONS.split)).toEqual([{ kind: 'statement', outcome: 'blocked', rule: 'L1', blockedBy: ['CCC', 'DDD'] }]);
  });

  it('a request still on the agenda at the end lapses on the record', () => {
    const run = new Lockstep(rulesOf('sco'));
    run.step(request('consult', SITUATIONS.armed));
    run.step(request('ct-cooperation', SITUATIONS.terror));
    const end = run.step(crisisEnd(4, 30));
    expect(end.records.map((r) => [r.proposal, r.kind, r.intent, r.outcome, r.day, r.turn])).toEqual([
      [1, 'consultation', 'consult', 'lapsed', 30, 4],
      [4, 'ct-coordination', 'ct-cooperation', 'lapsed', 30, 4],
    ]);
    expect(context(run).agenda).toEqual([]);
    expect(run.state.status).toBe('done');
    // Nothing moves after the end.
    for (const event of [TURNS.lateHigh, request('joint-statement', SITUATIONS.armed), crisisEnd()]) expect(run.state.can(event as never)).toBe(false);
  });

  it('the snapshot persists through JSON (getPersistedSnapshot) and a restored actor continues identically', () => {
    const { machine } = rulesOf('nato');
    const before: RuleEvent[] = [
      request('collective-defence', SITUATIONS.armedUnattributed),
      request('consult', SITUATIONS.armed),
      sitting(2, POSITIONS.unanimous, SITUATIONS.armedUnattributed),
    ];
    const after: RuleEvent[] = [
      sitting(1, POSITIONS.abstaining, SITUATIONS.armed),
      TURNS.lateHigh,
      request('ct-cooperation', SITUATIONS.terror),
      TURNS.muchLater,
      crisisEnd(),
    ];
    const original = createActor(machine, { input: { members: MEMBERS } }).start();
    for (const e of before) original.send(e);
    const saved = JSON.parse(JSON.stringify(original.getPersistedSnapshot()));
    // The input is read only on a fresh start; a restored actor takes its context from the snapshot.
    const restored = createActor(machine, { snapshot: saved, input: { members: [] } }).start();
    const probes = representativeEvents();
    const view = (s: AnyMachineSnapshot) => ({
      value: s.value,
      context: s.context,
      status: s.status,
      posture: postureOf(s),
      can: probes.map((p) => s.can(p as never)),
    });
    expect(view(restored.getSnapshot())).toEqual(view(original.getSnapshot()));
    expect(view(restored.getSnapshot()).posture.commitment).toBe('conditional');
    for (const e of after) {
      original.send(e);
      restored.send(e);
      expect(view(restored.getSnapshot())).toEqual(view(original.getSnapshot()));
    }
    // The continuation went somewhere: Article 5 confirmed, forces ready, the crisis over.
    expect((restored.getSnapshot().context as RuleContext).decisions.map((d) => d.outcome)).toContain('lapsed');
    expect(restored.getSnapshot().status).toBe('done');
  });
});

/** Every guard name a machine's configuration refers to, through and(), not() and or(). */
function guardNames(config: unknown): Set<string> {
  const names = new Set<string>();
  const guard = (g: unknown): void => {
    if (typeof g === 'string') names.add(g);
    else if (typeof g === 'function') ((g as { guards?: unknown[] }).guards ?? []).forEach(guard);
    else if (g && typeof g === 'object' && 'type' in g) names.add(String((g as { type: unknown }).type));
  };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'guard') guard(v);
        else visit(v);
      }
    }
  };
  visit(config);
  return names;
}

describe('the chart names its guards by the rules of its features', () => {
  const expected: Record<string, { has: string[]; hasNot: string[] }> = {
    nato: {
      has: ['N2.objectionBlocks', 'N3.unattributed', 'N3.attributed', 'N3.notAnArmedAttack', 'N6.caseByCase', 'N7.seriousMilitaryThreat'],
      hasNot: ['S5.intraBlocDisputeOffAgenda', 'S2.objectionBlocksJointText', 'C5.unrestNotFramedAsAggression', 'C6.callForCalm', 'L1.majorityAgainst'],
    },
    sco: {
      has: ['S5.intraBlocDisputeOffAgenda', 'S2.objectionBlocksJointText', 'S2.endorsersNamed', 'S7.noSecondCaller', 'S7.consentWithheld', 'S3.othersObject'],
      hasNot: ['N2.objectionBlocks', 'N6.caseByCase', 'N3.unattributed', 'C3.objectionBlocks', 'N7.seriousMilitaryThreat'],
    },
    csto: {
      has: ['C3.objectionBlocks', 'C5.unrestNotFramedAsAggression', 'C6.callForCalm', 'C6.clashNotAnsweredWithForce', 'C2.onlyArmedAttack'],
      hasNot: ['N2.objectionBlocks', 'N6.caseByCase', 'N3.unattributed', 'S5.intraBlocDisputeOffAgenda'],
    },
    'nato+council=assembly+decisionRule=majority': {
      has: ['L1.majorityAgainst', 'N3.unattributed', 'N6.caseByCase'],
      hasNot: ['N2.objectionBlocks'],
    },
  };
  for (const [spec, { has, hasNot }] of Object.entries(expected)) {
    it(`${spec}: ${has.join(', ')}`, () => {
      const names = guardNames(rulesOf(spec).machine.config);
      expect(has.filter((n) => !names.has(n))).toEqual([]);
      expect(hasNot.filter((n) => names.has(n))).toEqual([]);
    });
  }

  it('every guard named after a rule names one in the rulebook, and the decision rule’s own guard is there', () => {
    for (const spec of ['nato', 'sco', 'csto']) {
      const { machine, features } = rulesOf(spec);
      const names = [...guardNames(machine.config)];
      const unknown = names.filter((n) => n.includes('.') && !(n.split('.')[0]! in RULEBOOK));
      expect(unknown, spec).toEqual([]);
      // The block guard carries the decision rule's rule id (S2 for the SCO's joint texts).
      const blockRule = features.decisionRule === 'no-objection' ? 'S2' : featureRule('decisionRule', features.decisionRule);
      expect(names.some((n) => n.startsWith(`${blockRule}.`)), spec).toBe(true);
    }
  });
});

describe('the oracle’s numbers are the rulebook’s', () => {
  it('thresholds and readiness delays written down twice agree', () => {
    expect(ORACLE_ATTRIBUTION).toBe(ATTRIBUTION_THRESHOLD);
    expect(ORACLE_CYBER_CUMULATIVE).toBe(CYBER_CUMULATIVE_THRESHOLD);
    expect(ORACLE_POSTURE_SEVERITY).toBe(POSTURE_SEVERITY);
    expect(ORACLE_POSTURE_SHARE).toBe(POSTURE_SUPPORT_SHARE);
    expect([...ORACLE_POSTURE_EVENTS].sort()).toEqual([...POSTURE_EVENTS].sort());
    expect(ORACLE_READY_DAYS).toEqual({ integrated: READINESS_DAYS, 'rapid-reaction': RAPID_REACTION_DAYS });
  });
});
