// Rule sets by name: a preset (`nato`, `sco`, `csto`), one a scenario defines, or a preset with
// features swapped in the design lab's notation (`sco+commitment=automatic`). Each resolves to a
// full feature set and the statechart built from it; the machine is the only copy of the rules.
import { createActor, type AnyStateMachine, type Snapshot, type SnapshotFrom } from 'xstate';
import type { IntentId } from '../scenario/schema';
import type { AllianceSnapshot, StateId } from '../game/types';
import { BODY_CALENDAR, FEATURE_KEYS, PRESETS, STANDING_BODY_DAYS, type InstitutionalFeatures } from './features';
import { resolveFeatures, type RuleSetDefinition, type Resolved } from './resolve';

export { resolveFeatures, withFeatures, type RuleSetDefinition, type Resolved } from './resolve';
import { buildRulebookMachine, type RulebookMachine } from './rulebook-machine';
import type { AlliancePosture, RuleContext, RuleEvent } from './types';
import { persistRules, restoreRules, rulesTags, rulesTake, startRules, stepRules, watchRules, type RuleState } from './rule-table';

export interface RuleSet {
  /** The name the game was started with: a preset, a scenario's own rule set, or a lab spec. */
  id: string;
  features: InstitutionalFeatures;
  machine: RulebookMachine;
}

const machines = new Map<string, RulebookMachine>();

/** The machine's live snapshot: its context is the rule context, its tags the posture. */
export type AllianceState = SnapshotFrom<RulebookMachine>;

/** The machine last found for a features object: a game state's features are never changed in
 * place, so the same object always names the same machine, and the key need not be rebuilt at
 * every look (several a turn). */
const byFeatures = new WeakMap<InstitutionalFeatures, RulebookMachine>();

/** The same features always give the same machine object (built once per process). */
export function ruleSetOf(id: string, features: InstitutionalFeatures): RuleSet {
  let machine = byFeatures.get(features);
  if (!machine) {
    const key = FEATURE_KEYS.map((k) => features[k]).join('|');
    machine = machines.get(key);
    if (!machine) {
      machine = buildRulebookMachine(features);
      machines.set(key, machine);
    }
    byFeatures.set(features, machine);
  }
  return { id, features, machine };
}

/** A preset's rule set. */
export function ruleSet(id: keyof typeof PRESETS): RuleSet {
  return ruleSetOf(id, PRESETS[id]);
}

/** Resolves a rule-set name (see resolve.ts) to its features and the machine built from them. */
export function resolveRuleSet(spec: string, defined: Record<string, RuleSetDefinition> = {}): Resolved<RuleSet> {
  const features = resolveFeatures(spec, defined);
  return features.ok ? { ok: true, value: ruleSetOf(spec, features.value) } : features;
}

/** Days from a request to the sitting of the body that decides it. */
export function meetingDays(features: InstitutionalFeatures, intent: IntentId): readonly [number, number] {
  if (intent === 'ct-cooperation' && features.counterTerrorism === 'standing-body') return STANDING_BODY_DAYS;
  return BODY_CALENDAR[features.council].days;
}

// The machine's persisted snapshot lives in the game state, so a game can be saved as JSON. The
// engine steps it with rule-table.ts, which runs the chart's own transitions, guards and actions
// without an actor (a running actor and its snapshots cost most of a game), and writes the very
// persisted snapshot XState would: a saved game restores into XState (allianceState) and back.

/** What the engine reads of the machine between events: a structural part of XState's snapshot
 * (context, value, status, `can`, `hasTag`), computed by the rule table. */
export interface AllianceView {
  status: string;
  value: unknown;
  context: RuleContext;
  can(event: RuleEvent): boolean;
  hasTag(tag: string): boolean;
}

/** A view is made at every look between events, so its methods live on a prototype rather than
 * in fresh closures. */
class RuleView implements AllianceView {
  readonly status: string;
  readonly value: unknown;
  readonly context: RuleContext;
  constructor(
    private readonly machine: AnyStateMachine,
    private readonly state: RuleState,
  ) {
    this.status = state.status;
    this.value = state.value;
    this.context = state.context;
  }
  can(event: RuleEvent): boolean {
    return rulesTake(this.machine, this.state, event);
  }
  /** The tags of the view's state, found at the first look: the state never changes, and
   * postureOf looks up to six times. */
  private tags: ReadonlySet<string> | null = null;
  hasTag(tag: string): boolean {
    this.tags ??= rulesTags(this.machine, this.state);
    return this.tags.has(tag);
  }
}

function viewOf(rules: RuleSet, state: RuleState): AllianceView {
  return new RuleView(rules.machine as unknown as AnyStateMachine, state);
}

export function startAlliance(rules: RuleSet, members: StateId[]): AllianceSnapshot {
  return persistRules(startRules(rules.machine as unknown as AnyStateMachine, { members }));
}

export function sendToAlliance(rules: RuleSet, saved: AllianceSnapshot, event: RuleEvent): AllianceSnapshot {
  return persistRules(stepRules(rules.machine as unknown as AnyStateMachine, restoreRules(saved), event));
}

/** A turn's business with the machine: send events, read where it stands in between, and persist
 * it once at the end. The saved form it started from is never changed. */
export interface AllianceSession {
  send(event: RuleEvent): void;
  snapshot(): AllianceView;
  save(): AllianceSnapshot;
}

/** A session is opened every turn, so its methods live on a prototype rather than in fresh closures. */
class RuleSession implements AllianceSession {
  private state: RuleState;
  constructor(
    private readonly rules: RuleSet,
    saved: AllianceSnapshot,
  ) {
    this.state = restoreRules(saved);
  }
  send(event: RuleEvent): void {
    this.state = stepRules(this.rules.machine as unknown as AnyStateMachine, this.state, event);
  }
  snapshot(): AllianceView {
    return viewOf(this.rules, this.state);
  }
  save(): AllianceSnapshot {
    return persistRules(this.state);
  }
}

export function openAlliance(rules: RuleSet, saved: AllianceSnapshot): AllianceSession {
  return new RuleSession(rules, saved);
}

/** Every event a rule set's machine is sent, to `watch`, until the returned function is called
 * (for measuring tools; see watchRules). */
export function watchAlliance(rules: RuleSet, watch: (event: RuleEvent) => void): () => void {
  return watchRules(rules.machine as unknown as AnyStateMachine, watch);
}

/** Where the machine stands for a saved form: context, tags and `can`, without an actor. */
export function allianceView(rules: RuleSet, saved: AllianceSnapshot): AllianceView {
  return viewOf(rules, restoreRules(saved));
}

/** XState's own live snapshot for a saved form (a restored actor), for callers that want the
 * statechart library's object itself: tests that walk the chart with xstate/graph, tools. */
export function allianceState(rules: RuleSet, saved: AllianceSnapshot): AllianceState {
  return createActor(rules.machine, { snapshot: saved as unknown as Snapshot<unknown>, input: { members: [] } }).start().getSnapshot();
}

export function allianceContext(rules: RuleSet, saved: AllianceSnapshot): RuleContext {
  return restoreRules(saved).context;
}

/** Where the alliance stands, from the tags of the states it is in. */
export function postureOf(snapshot: Pick<AllianceView, 'hasTag'>): AlliancePosture {
  return {
    consultation: snapshot.hasTag('consultation'),
    commitment: snapshot.hasTag('commitment-invoked') ? 'invoked' : snapshot.hasTag('commitment-conditional') ? 'conditional' : 'none',
    forces: snapshot.hasTag('forces-ready') ? 'ready' : snapshot.hasTag('forces-planning') ? 'planning' : 'none',
    coordination: snapshot.hasTag('coordination'),
  };
}
