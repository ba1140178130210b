// Rule-set names to feature sets, with no machine: a preset (`nato`, `sco`, `csto`), a name a
// scenario defines, or either followed by "+feature=value" swaps (the design lab's notation).
// The scenario validator uses it too, so it stays plain data (no statechart library).
import { FEATURE_KEYS, FEATURES, PRESETS, PRESET_IDS, featureValues, incoherence, isPresetId, type FeatureKey, type InstitutionalFeatures } from './features';

/** A rule set a scenario defines: a preset to start from and the features it changes. */
export interface RuleSetDefinition {
  base: string;
  features?: Partial<Record<string, string>>;
}

export type Resolved<T> = { ok: true; value: T } | { ok: false; error: string };

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
export function resolveFeatures(spec: string, defined: Record<string, RuleSetDefinition> = {}): Resolved<InstitutionalFeatures> {
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
  return features;
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
