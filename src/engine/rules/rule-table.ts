// The rulebook machine, stepped without an actor. XState's interpreter pays for generality the
// engine never uses (an actor per game, a snapshot object rebuilt at every microstep, the state
// node set recomputed from the value), and that was most of a game's cost. This module reads the
// machine's own definition (its state nodes, their transitions, and the guards and actions its
// `setup` registered) and steps it the way XState's `macrostep` does for a chart of this shape:
// no rule is written here, so the chart stays the only copy of the rules. What "this shape" is
// is checked once per machine (`compile`), and rule-table.test.ts holds the stepper to XState on
// every xstate/graph path of the presets and the lab's rule sets: the same value, context, tags,
// persisted snapshot and `can` after every event.
import { and, not, type AnyStateMachine } from 'xstate';
import type { AllianceSnapshot } from '../game/types';
import type { RuleContext, RuleEvent, RuleInput } from './types';

/** A state value as XState writes it: a leaf's key, or an object of the active children. */
type StateValue = string | { [key: string]: StateValue };

/** The parts of XState's StateNode and TransitionDefinition this module reads. */
interface Node {
  key: string;
  type: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
  parent?: Node;
  states: Record<string, Node>;
  tags: string[];
  entry: unknown[];
  exit: unknown[];
  invoke: unknown[];
  always?: unknown[];
  after: unknown[];
  initial?: { target: Node[]; actions: unknown[] };
  transitions: Map<string, Transition[]>;
  machine: AnyStateMachine;
}
interface Transition {
  target?: Node[];
  source: Node;
  actions: unknown[];
  guard?: unknown;
  reenter?: boolean;
}
/** A guard or action as a transition refers to it: a name, a name with params, or a built-in. */
type Ref = string | { type: string; params?: unknown } | BuiltIn;
interface BuiltIn {
  (...args: never[]): unknown;
  type?: string;
  check?: (snapshot: unknown, args: GuardArgs, self: unknown) => boolean;
  assignment?: unknown;
  event?: unknown;
  delay?: unknown;
}
interface GuardArgs {
  context: RuleContext;
  event: { type: string };
}

/** Where the machine stands: what a persisted snapshot holds besides its empty extras. */
export interface RuleState {
  status: 'active' | 'done';
  value: StateValue;
  context: RuleContext;
}

interface Table {
  machine: AnyStateMachine;
  root: Node;
  guards: Record<string, unknown>;
  actions: Record<string, unknown>;
  /** The guard evaluator XState's built-in guards (and, not) call back into reads only this. */
  guardScope: { machine: AnyStateMachine };
  /** Tags of each configuration, by the value's text (a few dozen configurations at most). */
  tags: Map<string, ReadonlySet<string>>;
  /** The same by value object: a value is never changed once made (a move builds a new one), so
   * the tags found for it stay true, and the text of a value is taken once. */
  tagsByValue: WeakMap<object, ReadonlySet<string>>;
  /** Where to look for each event type's transitions, by configuration (see Plan). */
  plans: Map<string, Map<string, Plan>>;
  plansByValue: WeakMap<object, Map<string, Plan>>;
  initialValue: StateValue;
  /** The last selection made: its state, its event and the transitions found. */
  last: { value: StateValue | null; context: RuleContext | null; event: object | null; transitions: Transition[] };
  /** Who watches the events this machine is sent (watchRules), if anyone. */
  watchers: Set<(event: RuleEvent) => void>;
}

const tables = new WeakMap<AnyStateMachine, Table>();

/** The machine's table, built and checked once per machine object. */
function tableOf(machine: AnyStateMachine): Table {
  let table = tables.get(machine);
  if (!table) {
    table = compile(machine);
    tables.set(machine, table);
  }
  return table;
}

/**
 * Checks that the chart has the shape this stepper reproduces exactly, and throws otherwise (a
 * chart that grows past it must teach the stepper first, and its tests then say so):
 * - no entry or exit actions, invocations, delayed or eventless transitions, history states;
 * - exact event names (no wildcards), one target at most per transition, and only targets that are
 *   leaves (no default entry of a compound state to reproduce);
 * - final states only directly under the root (reaching one ends the machine);
 * - guards and actions are named implementations, `and`/`not`, `assign` or `raise` without delay.
 */
function compile(machine: AnyStateMachine): Table {
  const root = machine.root as unknown as Node;
  const implementations = (machine as unknown as { implementations: { guards: Record<string, unknown>; actions: Record<string, unknown> } }).implementations;
  const fail = (why: string): never => {
    throw new Error(`rule table: the chart ${machine.id} ${why}; teach rule-table.ts before using it`);
  };
  const checkAction = (a: unknown) => {
    const impl = typeof a === 'function' ? a : implementations.actions[typeof a === 'string' ? a : (a as { type: string }).type];
    const b = impl as BuiltIn | undefined;
    if (!b) fail(`refers to an unknown action`);
    if (b!.type === 'xstate.assign' && typeof b!.assignment === 'function') return;
    if (b!.type === 'xstate.raise' && b!.delay === undefined) return;
    fail(`uses an action of type ${String(b!.type)}`);
  };
  const visit = (n: Node) => {
    if (n.entry.length || n.exit.length || n.invoke.length || n.after.length || n.always?.length) fail(`has entry, exit, invoked, delayed or eventless business in ${n.key}`);
    if (n.type === 'history') fail('has a history state');
    if (n.type === 'final' && n.parent !== root) fail('has a final state below the root');
    if (n.initial?.actions.length) fail(`has initial actions in ${n.key}`);
    for (const [type, list] of n.transitions) {
      if (type.includes('*')) fail(`listens to the wildcard ${type}`);
      for (const t of list) {
        if ((t.target?.length ?? 0) > 1) fail(`has a transition with several targets on ${type}`);
        const target = t.target?.[0];
        if (target && target.type !== 'atomic' && target.type !== 'final') fail(`targets a state with children on ${type}`);
        // A move to a sibling leaf under a compound state rewrites one key of the value (moved).
        if (target && (target.parent !== t.source.parent || target.parent?.type !== 'compound')) fail(`moves to a state that is no sibling on ${type}`);
        if (t.reenter) fail(`has a re-entering transition on ${type}`);
        t.actions.forEach(checkAction);
        if (t.actions.some((a) => typeof a === 'object' && typeof (a as { params?: unknown }).params === 'function')) fail(`computes action params on ${type}`);
        if (typeof t.guard === 'object' && typeof (t.guard as { params?: unknown }).params === 'function') fail(`computes guard params on ${type}`);
      }
    }
    Object.values(n.states).forEach(visit);
  };
  visit(root);
  const template = initialValueOf(root);
  return {
    machine,
    root,
    guards: implementations.guards,
    actions: implementations.actions,
    guardScope: { machine },
    tags: new Map(),
    tagsByValue: new WeakMap(),
    plans: new Map(),
    plansByValue: new WeakMap(),
    initialValue: template,
    watchers: new Set(),
    last: { value: null, context: null, event: null, transitions: [] },
  };
}

/** The value of a state entered by default, as XState writes it: a compound state's initial
 * child (its key when a leaf), or every region of a parallel state. */
function initialValueOf(n: Node): StateValue {
  if (n.type === 'parallel') {
    const out: Record<string, StateValue> = {};
    for (const [key, child] of Object.entries(n.states)) out[key] = initialValueOf(child);
    return out;
  }
  const first = n.initial!.target[0]!;
  return first.type === 'atomic' || first.type === 'final' ? first.key : { [first.key]: initialValueOf(first) };
}

/**
 * Where to look for an event's transitions in one configuration, as XState's transitionNode looks:
 * a node's inner answer (its active leaf, its active child, or every region of a parallel state)
 * and, only when that is empty, the node's own transitions. Nodes with no transition for the event
 * anywhere below them are left out, so a plan holds only what the event can reach.
 */
interface Plan {
  /** The node's own candidates for the event, in document order (empty when none). */
  own: readonly Transition[];
  /** The inner plans: one for a leaf or a compound child, one per region of a parallel state. */
  inner: readonly Plan[];
}

const EMPTY: Plan = { own: [], inner: [] };

/** The plan for `node` in `value`, or EMPTY when the event can reach nothing there. */
function planOf(node: Node, value: StateValue, type: string): Plan {
  const own = node.transitions.get(type) ?? [];
  let inner: Plan[];
  if (typeof value === 'string') {
    const leaf = node.states[value]!.transitions.get(type) ?? [];
    inner = leaf.length > 0 ? [{ own: leaf, inner: [] }] : [];
  } else {
    inner = Object.keys(value)
      .map((key) => planOf(node.states[key]!, value[key]!, type))
      .filter((p) => p !== EMPTY);
  }
  return own.length === 0 && inner.length === 0 ? EMPTY : { own, inner };
}

/** The plan for an event type in a configuration, made once per configuration: by the value
 * object (never changed once made) and, for a value read from JSON, by its text. */
function planFor(table: Table, value: StateValue, type: string): Plan {
  let plans = typeof value === 'object' ? table.plansByValue.get(value) : undefined;
  if (!plans) {
    const key = typeof value === 'string' ? value : JSON.stringify(value);
    plans = table.plans.get(key);
    if (!plans) {
      plans = new Map();
      table.plans.set(key, plans);
    }
    if (typeof value === 'object') table.plansByValue.set(value, plans);
  }
  let plan = plans.get(type);
  if (!plan) {
    plan = planOf(table.root, value, type);
    plans.set(type, plan);
  }
  return plan;
}

/** The first candidate whose guard holds, as StateNode.next picks it. */
function first(table: Table, candidates: readonly Transition[], args: GuardArgs): Transition | undefined {
  for (const t of candidates) if (t.guard === undefined || holds(table, t.guard as Ref, args)) return t;
  return undefined;
}

/** XState's own `and` and `not` checks, to know those built-ins when a chart uses them. */
const AND_CHECK = (and([]) as unknown as BuiltIn).check;
const NOT_CHECK = (not('') as unknown as BuiltIn).check;

/** A guard, evaluated as XState's evaluateGuard does: a named implementation gets its params;
 * `and` and `not` evaluate their parts in order, stopping early like `every`; any other built-in
 * checks itself through XState. Guards only read `args`, so one object serves a whole selection. */
function holds(table: Table, guard: Ref, args: GuardArgs): boolean {
  if (typeof guard === 'function') {
    const parts = (guard as BuiltIn & { guards: Ref[] }).guards;
    if (guard.check === AND_CHECK) {
      for (const part of parts) if (!holds(table, part, args)) return false;
      return true;
    }
    if (guard.check === NOT_CHECK) return !holds(table, parts[0]!, args);
    return guard.check!(table.guardScope, args, guard);
  }
  const name = typeof guard === 'string' ? guard : guard.type;
  const impl = table.guards[name] as BuiltIn | undefined;
  if (!impl) throw new Error(`Guard '${name}' is not implemented.`);
  if (impl.check) return holds(table, impl as Ref, args);
  return (impl as unknown as (a: GuardArgs, p: unknown) => boolean)(args, typeof guard === 'string' ? undefined : guard.params);
}

/** Walks a plan: the inner answers, or the node's own when they are all empty. */
function walkPlan(table: Table, plan: Plan, args: GuardArgs, out: Transition[]): void {
  const before = out.length;
  for (const p of plan.inner) walkPlan(table, p, args, out);
  if (out.length === before && plan.own.length > 0) {
    const own = first(table, plan.own, args);
    if (own) out.push(own);
  }
}

/** The enabled transitions for an event, as XState's transitionNode selects them: the deepest
 * state first, its parent only when it has none, and every region of a parallel state. */
function select(table: Table, value: StateValue, context: RuleContext, event: { type: string }): Transition[] {
  // The engine asks `can` before it sends a request: the same event on the same state selects
  // the same transitions (guards read only the context and the event, and neither is changed
  // once made), so the last answer is kept for the send that follows.
  const last = table.last;
  if (last.event === event && last.context === context && last.value === value) return last.transitions;
  const plan = planFor(table, value, event.type);
  const out: Transition[] = [];
  if (plan !== EMPTY) walkPlan(table, plan, { context, event }, out);
  table.last = { value, context, event, transitions: out };
  return out;
}

/** The path of keys from the root to a state node. */
function pathOf(n: Node): string[] {
  const path: string[] = [];
  for (let s: Node | undefined = n; s?.parent; s = s.parent) path.unshift(s.key);
  return path;
}

/** The value after a move to the sibling leaf `target` (the only moves compile lets through): the
 * parent's key now names the target, everything else is kept. Selected transitions of different
 * regions never exit the same states, so their moves apply one after the other. */
function moved(value: StateValue, target: Node): StateValue {
  const path = pathOf(target);
  const rebuild = (v: StateValue, depth: number): StateValue => {
    if (depth === path.length - 1) return target.key;
    const obj = v as Record<string, StateValue>;
    const out: Record<string, StateValue> = {};
    for (const k of Object.keys(obj)) out[k] = k === path[depth] ? rebuild(obj[k]!, depth + 1) : obj[k]!;
    return out;
  };
  return rebuild(value, 0);
}

/** Runs a transition list's actions in order, threading the context as XState's assign does (a
 * fresh object per assign, the partial update merged over it) and queueing raised events. */
function act(table: Table, transitions: Transition[], context: RuleContext, event: { type: string }, queue: { type: string }[]): RuleContext {
  let ctx = context;
  for (const t of transitions) {
    for (const a of t.actions) {
      const ref = a as Ref;
      const impl = (typeof ref === 'function' ? ref : table.actions[typeof ref === 'string' ? ref : ref.type]) as BuiltIn;
      const params = typeof ref === 'object' ? ref.params : undefined;
      if (impl.type === 'xstate.assign') {
        const partial = (impl.assignment as (args: GuardArgs, p: unknown) => Partial<RuleContext>)({ context: ctx, event }, params);
        ctx = Object.assign({}, ctx, partial);
      } else {
        const raised = typeof impl.event === 'function' ? (impl.event as (args: GuardArgs, p: unknown) => { type: string })({ context: ctx, event }, params) : (impl.event as { type: string });
        queue.push(raised);
      }
    }
  }
  return ctx;
}

/** One microstep: the transitions' actions, then the new configuration. */
function microstep(table: Table, state: RuleState, transitions: Transition[], event: { type: string }, queue: { type: string }[]): RuleState {
  if (transitions.length === 0) return state;
  const context = act(table, transitions, state.context, event, queue);
  let value = state.value;
  let status = state.status;
  for (const t of transitions) {
    const target = t.target?.[0];
    if (!target) continue;
    value = moved(value, target);
    // A final state directly under the root ends the machine (compile checks there are no others).
    if (target.type === 'final') status = 'done';
  }
  return { status, value, context };
}

/** The machine's answer to one event, as XState's macrostep gives it: the event's microstep, then
 * each raised event's, in the order they were raised, while the machine is active. */
export function stepRules(machine: AnyStateMachine, state: RuleState, event: RuleEvent): RuleState {
  const table = tableOf(machine);
  if (table.watchers.size > 0) table.watchers.forEach((watch) => watch(event));
  if (state.status !== 'active') return state;
  const queue: { type: string }[] = [];
  let now = microstep(table, state, select(table, state.value, state.context, event), event, queue);
  while (now.status === 'active' && queue.length > 0) {
    const raised = queue.shift()!;
    now = microstep(table, now, select(table, now.value, now.context, raised), raised, queue);
  }
  return now;
}

/** Calls `watch` with every event this machine is sent from now on, until the returned function
 * is called: an inspection hook for measuring tools (npm run bench records a game's events with
 * it), as XState's `inspect` is for actors. The events are the engine's own objects: read them only. */
export function watchRules(machine: AnyStateMachine, watch: (event: RuleEvent) => void): () => void {
  const table = tableOf(machine);
  table.watchers.add(watch);
  return () => table.watchers.delete(watch);
}

/** Whether the machine takes the event now: as `snapshot.can`, some transition is enabled (every
 * transition of the chart has a target or actions). */
export function rulesTake(machine: AnyStateMachine, state: RuleState, event: RuleEvent): boolean {
  const table = tableOf(machine);
  return select(table, state.value, state.context, event).length > 0;
}

/** The tags of the states the machine is in. */
export function rulesTags(machine: AnyStateMachine, state: RuleState): ReadonlySet<string> {
  const table = tableOf(machine);
  const value = state.value;
  const known = typeof value === 'object' ? table.tagsByValue.get(value) : undefined;
  if (known) return known;
  const key = JSON.stringify(value);
  let tags = table.tags.get(key);
  if (!tags) {
    const found = new Set<string>();
    const collect = (n: Node, v: StateValue) => {
      n.tags.forEach((t) => found.add(t));
      if (typeof v === 'string') n.states[v]!.tags.forEach((t) => found.add(t));
      else for (const k of Object.keys(v)) collect(n.states[k]!, v[k]!);
    };
    collect(table.root, value);
    tags = found;
    table.tags.set(key, tags);
  }
  if (typeof value === 'object') table.tagsByValue.set(value, tags);
  return tags;
}

/** A fresh machine's state: its initial configuration and the context its factory makes from the input. */
export function startRules(machine: AnyStateMachine, input: RuleInput): RuleState {
  const table = tableOf(machine);
  const factory = (machine.config as { context: (args: { input: RuleInput }) => RuleContext }).context;
  return { status: 'active', value: table.initialValue, context: factory({ input }) };
}

/** The persisted snapshot XState's getPersistedSnapshot writes for this state, key for key (the
 * rule context holds no actors, so XState persists it as it is, without a copy). */
export function persistRules(state: RuleState): AllianceSnapshot {
  return { status: state.status, output: undefined, error: undefined, value: state.value, historyValue: {}, context: state.context, children: {} };
}

/** The state a persisted snapshot holds; the snapshot is never changed, so nothing is copied. */
export function restoreRules(saved: AllianceSnapshot): RuleState {
  const status = saved.status;
  if (status !== 'active' && status !== 'done') throw new Error(`the alliance's saved state has status ${String(status)}`);
  return { status, value: saved.value as StateValue, context: saved.context as RuleContext };
}
