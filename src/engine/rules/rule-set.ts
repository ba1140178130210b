// Rule sets by name: a preset (`nato`, `sco`, `csto`), one a scenario defines, or a preset with
// features swapped in the design lab's notation (`sco+commitment=automatic`). Each resolves to a
// full feature set and the statechart built from it; the machine is the only copy of the rules.
import { createActor, type Actor, type Snapshot, type SnapshotFrom } from 'xstate';
import type { IntentId } from '../scenario/schema';
import type { AllianceSnapshot, StateId } from '../game/types';
import { BODY_CALENDAR, FEATURE_KEYS, PRESETS, STANDING_BODY_DAYS, type InstitutionalFeatures } from './features';
import { resolveFeatures, type RuleSetDefinition, type Resolved } from './resolve';

export { resolveFeatures, withFeatures, type RuleSetDefinition, type Resolved } from './resolve';
import { buildRulebookMachine, type RulebookMachine } from './rulebook-machine';
import type { AlliancePosture, RuleContext, RuleEvent } from './types';

export interface RuleSet {
  /** The name the game was started with: a preset, a scenario's own rule set, or a lab spec. */
  id: string;
  features: InstitutionalFeatures;
  machine: RulebookMachine;
}

const machines = new Map<string, RulebookMachine>();

/** The machine's live snapshot: its context is the rule context, its tags the posture. */
export type AllianceState = SnapshotFrom<RulebookMachine>;

/** The same features always give the same machine object (built once per process). */
export function ruleSetOf(id: string, features: InstitutionalFeatures): RuleSet {
  const key = FEATURE_KEYS.map((k) => features[k]).join('|');
  let machine = machines.get(key);
  if (!machine) {
    machine = buildRulebookMachine(features);
    machines.set(key, machine);
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

// The machine's persisted snapshot lives in the game state, so a game can be saved as JSON.
// Between turns the engine keeps the running actor beside that saved form (a weak map, nothing
// global that outlives the game): handing an event to a running actor costs a fraction of
// restoring it each time. An actor is taken out of the map when it moves on, so a saved form
// played twice (a counterfactual branch, a resumed game) restores its own actor.
const running = new WeakMap<AllianceSnapshot, Actor<RulebookMachine>>();

function saveFrom(actor: Actor<RulebookMachine>): AllianceSnapshot {
  const saved = actor.getPersistedSnapshot() as unknown as AllianceSnapshot;
  running.set(saved, actor);
  return saved;
}

function actorFor(rules: RuleSet, saved: AllianceSnapshot): Actor<RulebookMachine> {
  let actor = running.get(saved);
  if (!actor) {
    // `saved` is what getPersistedSnapshot gave; a restored actor takes its context from it, and
    // the input is read only on a fresh start.
    actor = createActor(rules.machine, { snapshot: saved as unknown as Snapshot<unknown>, input: { members: [] } }).start();
    running.set(saved, actor);
  }
  return actor;
}

export function startAlliance(rules: RuleSet, members: StateId[]): AllianceSnapshot {
  return saveFrom(createActor(rules.machine, { input: { members } }).start());
}

export function sendToAlliance(rules: RuleSet, saved: AllianceSnapshot, event: RuleEvent): AllianceSnapshot {
  const session = openAlliance(rules, saved);
  session.send(event);
  return session.save();
}

/** A turn's business with the running machine: send events, read its live snapshot in between,
 * and persist it once at the end (persisting copies the whole context). */
export interface AllianceSession {
  send(event: RuleEvent): void;
  snapshot(): AllianceState;
  save(): AllianceSnapshot;
}

export function openAlliance(rules: RuleSet, saved: AllianceSnapshot): AllianceSession {
  const actor = actorFor(rules, saved);
  running.delete(saved);
  return {
    send: (event) => actor.send(event),
    snapshot: () => actor.getSnapshot(),
    save: () => saveFrom(actor),
  };
}

/** The machine's live snapshot for a saved form: tags, `can` and context come from it. */
export function allianceState(rules: RuleSet, saved: AllianceSnapshot): AllianceState {
  return actorFor(rules, saved).getSnapshot();
}

export function allianceContext(rules: RuleSet, saved: AllianceSnapshot): RuleContext {
  return allianceState(rules, saved).context;
}

/** Where the alliance stands, from the tags of the states it is in. */
export function postureOf(snapshot: AllianceState): AlliancePosture {
  return {
    consultation: snapshot.hasTag('consultation'),
    commitment: snapshot.hasTag('commitment-invoked') ? 'invoked' : snapshot.hasTag('commitment-conditional') ? 'conditional' : 'none',
    forces: snapshot.hasTag('forces-ready') ? 'ready' : snapshot.hasTag('forces-planning') ? 'planning' : 'none',
    coordination: snapshot.hasTag('coordination'),
  };
}
