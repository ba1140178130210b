// Rule sets by name: a preset (`nato`, `sco`, `csto`), one a scenario defines, or a preset with
// features swapped in the design lab's notation (`sco+commitment=automatic`). Each resolves to a
// full feature set and the statechart built from it; the machine is the only copy of the rules.
import { createActor, type Actor, type Snapshot, type SnapshotFrom } from 'xstate';
import type { IntentId } from '../scenario/schema';
import type { AllianceSnapshot, StateId } from '../game/types';
import {
  BODY_CALENDAR,
  FEATURE_KEYS,
  FEATURES,
  PRESETS,
  PRESET_IDS,
  STANDING_BODY_DAYS,
  featureValues,
  incoherence,
  isPresetId,
  type FeatureKey,
  type InstitutionalFeatures,
} from './features';
import { buildRulebookMachine, type RulebookMachine } from './rulebook-machine';
import type { AlliancePosture, RuleContext, RuleEvent } from './types';

export interface RuleSet {
  /** The name the game was started with: a preset, a scenario's own rule set, or a lab spec. */
  id: string;
  features: InstitutionalFeatures;
  machine: RulebookMachine;
}

/** A rule set a scenario defines: a preset to start from and the features it changes. */
export interface RuleSetDefinition {
  base: string;
  features?: Partial<Record<string, string>>;
}

export type Resolved<T> = { ok: true; value: T } | { ok: false; error: string };

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

/** Features changed on top of a base, each checked: unknown keys and values name the valid ones. */
export function withFeatures(base: InstitutionalFeatures, changes: Partial<Record<string, string>>): Resolved<InstitutionalFeatures> {
  const out: Record<string, string> = { ...base };
  for (const [key, value] of Object.entries(changes)) {
    if (!Object.prototype.hasOwnProperty.call(FEATURES, key)) {
      return { ok: false, error: `unknown feature "${key}"; the features are: ${FEATURE_KEYS.join(', ')}` };
    }
    const values = featureValues(key as FeatureKey);
    if (value === undefined || !values.includes(value)) {
      return { ok: false, error: `feature ${key} has no value "${String(value)}"; it takes: ${values.join(', ')}` };
    }
    out[key] = value;
  }
  const features = out as InstitutionalFeatures;
  const wrong = incoherence(features);
  return wrong ? { ok: false, error: wrong } : { ok: true, value: features };
}

/** Resolves a rule-set name: a preset, a name the scenario defines, or either followed by
 * "+feature=value" swaps (the design lab's notation, for the CLI and assignment links). */
export function resolveRuleSet(spec: string, defined: Record<string, RuleSetDefinition> = {}): Resolved<RuleSet> {
  const [name = '', ...swaps] = spec.split('+');
  const base = baseFeatures(name, defined, new Set());
  if (!base.ok) return base;
  const changes: Record<string, string> = {};
  for (const swap of swaps) {
    const eq = swap.indexOf('=');
    if (eq <= 0) return { ok: false, error: `"${swap}" in "${spec}" is not feature=value` };
    changes[swap.slice(0, eq)] = swap.slice(eq + 1);
  }
  const features = withFeatures(base.value, changes);
  if (!features.ok) return { ok: false, error: `rule set "${spec}": ${features.error}` };
  return { ok: true, value: ruleSetOf(spec, features.value) };
}

function baseFeatures(name: string, defined: Record<string, RuleSetDefinition>, seen: Set<string>): Resolved<InstitutionalFeatures> {
  if (isPresetId(name)) return { ok: true, value: PRESETS[name] };
  const def = Object.prototype.hasOwnProperty.call(defined, name) ? defined[name] : undefined;
  if (!def) {
    const known = [...PRESET_IDS, ...Object.keys(defined)];
    return { ok: false, error: `unknown rule set "${name}"; the rule sets are: ${known.join(', ')}` };
  }
  if (seen.has(name)) return { ok: false, error: `rule set "${name}" is defined in terms of itself` };
  seen.add(name);
  const base = baseFeatures(def.base, defined, seen);
  if (!base.ok) return base;
  const features = withFeatures(base.value, def.features ?? {});
  return features.ok ? features : { ok: false, error: `rule set "${name}": ${features.error}` };
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
