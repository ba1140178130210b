// The rule table steps the chart without XState's interpreter; here it is held to XState itself.
// On every xstate/graph path the model-based walks use (the shortest path to every state, over the
// representative events of test/support/rule-harness.ts), the table and XState's pure `transition`
// go side by side: after every step the same persisted snapshot (value, context, status) and the
// same tags; and in every state met, every representative event is tried on both: the same `can`
// and the same persisted snapshot after it.
import { describe, expect, it } from 'vitest';
import { assign, createMachine, initialTransition, transition, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import { MEMBERS, modelGraph, representativeEvents, rulesOf, stateKey } from '../../../test/support/rule-harness';
import type { RuleEvent } from './types';
import { persistRules, restoreRules, rulesTags, rulesTake, startRules, stepRules, type RuleState } from './rule-table';

const EVENTS = representativeEvents();

/** What differs between XState's snapshot and the table's state, as a sentence (empty when nothing). */
function difference(machine: AnyStateMachine, xs: AnyMachineSnapshot, mine: RuleState): string {
  const want = JSON.stringify(machine.getPersistedSnapshot(xs));
  const got = JSON.stringify(persistRules(mine));
  if (want !== got) return `persisted: xstate ${want}, table ${got}`;
  const tags = (s: Iterable<string>) => [...s].sort().join(',');
  if (tags(xs.tags) !== tags(rulesTags(machine, mine))) return `tags: xstate ${tags(xs.tags)}, table ${tags(rulesTags(machine, mine))}`;
  return '';
}

/** Every path and every event in every state met; returns the problems and how much was compared. */
function compare(spec: string): { problems: string[]; paths: number; tried: number } {
  const rules = rulesOf(spec);
  const machine = rules.machine as unknown as AnyStateMachine;
  const { paths } = modelGraph(rules);
  const problems: string[] = [];
  const seen = new Set<string>();
  let tried = 0;
  const note = (where: string, why: string) => {
    if (why && problems.length < 5) problems.push(`${spec}: ${where}: ${why}`);
  };
  for (const path of paths) {
    let [xs] = initialTransition(machine, { members: MEMBERS });
    let mine = startRules(machine, { members: MEMBERS });
    note('at the start', difference(machine, xs, mine));
    const trail: string[] = [];
    for (let i = 0; i <= path.length; i++) {
      const key = stateKey(xs, rules.features);
      if (!seen.has(key)) {
        seen.add(key);
        for (const event of EVENTS) {
          tried++;
          const where = `after ${trail.join(' → ') || '(start)'} then ${JSON.stringify(event)}`;
          if (rulesTake(machine, mine, event) !== xs.can(event as never)) note(where, `can: xstate ${xs.can(event as never)}`);
          note(where, difference(machine, transition(machine, xs, event as never)[0] as AnyMachineSnapshot, stepRules(machine, mine, event)));
        }
      }
      const event: RuleEvent | undefined = path[i];
      if (!event) break;
      trail.push(event.type);
      [xs] = transition(machine, xs, event as never);
      // Through JSON, as a saved game carries it.
      mine = restoreRules(JSON.parse(JSON.stringify(persistRules(stepRules(machine, mine, event)))));
      note(`after ${trail.join(' → ')}`, difference(machine, xs, mine));
    }
  }
  return { problems, paths: paths.length, tried };
}

describe('the rule table steps the chart as XState does, on every xstate/graph path', () => {
  for (const spec of ['nato', 'sco', 'csto', 'sco+commitment=automatic+attribution=conditional', 'nato+council=assembly+decisionRule=majority']) {
    it(spec, { timeout: 180_000 }, () => {
      const result = compare(spec);
      expect(result.problems).toEqual([]);
      expect(result.paths).toBeGreaterThan(20);
      expect(result.tried).toBeGreaterThan(1000);
    });
  }
});

describe('the rule table refuses a chart it cannot step exactly', () => {
  it('names entry actions, which it does not run', () => {
    const machine = createMachine({ id: 'entry', context: { n: 0 }, initial: 'a', states: { a: { entry: assign({ n: 1 }) } } });
    expect(() => startRules(machine, { members: [] })).toThrow(/entry, exit, invoked, delayed or eventless business in a/);
  });
  it('names a move to a state that is not a sibling', () => {
    const machine = createMachine({ id: 'deep', initial: 'a', states: { a: { initial: 'x', states: { x: { on: { go: '#deep.b' } } } }, b: {} } });
    expect(() => startRules(machine, { members: [] })).toThrow(/no sibling on go/);
  });
});
