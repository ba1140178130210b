// Rule sets as the game names and colours them: a preset ('nato', 'sco', 'csto'), a rule set
// the scenario defines, or a design-lab spec ('sco+commitment=automatic'). Which alliance a rule
// set descends from is read from its name and the scenario's definitions, never guessed.
// From the features catalogue itself, not the engine's index: the theme uses this file, and the
// map's first frame must not wait for the rule machines.
import { FEATURE_KEYS, PRESETS, PRESET_IDS, type FeatureKey, type InstitutionalFeatures, type PresetId } from '../engine/index';
import type { Scenario } from '../engine/index';

/** The start screen's value for the design lab: not a spec, since no rule-set name is empty. */
export const LAB = '+lab';

type Defined = Scenario['ruleSets'] | undefined;

export function isPreset(name: string): name is PresetId {
  return (PRESET_IDS as readonly string[]).includes(name);
}

/** The part of a spec before the first '+': a preset or a name the scenario defines. */
export function specName(spec: string): string {
  return spec.split('+')[0] ?? spec;
}

/** The features a spec swaps in ('commitment=automatic'), in the order written. */
export function specChanges(spec: string): { key: string; value: string }[] {
  return spec
    .split('+')
    .slice(1)
    .map((swap) => {
      const eq = swap.indexOf('=');
      return eq > 0 ? { key: swap.slice(0, eq), value: swap.slice(eq + 1) } : { key: swap, value: '' };
    });
}

/** The preset a rule set descends from, following a scenario's definitions; null if none. */
export function basePreset(spec: string, defined: Defined): PresetId | null {
  let name = specName(spec);
  const seen = new Set<string>();
  for (;;) {
    if (isPreset(name)) return name;
    if (seen.has(name) || !defined || !Object.prototype.hasOwnProperty.call(defined, name)) return null;
    seen.add(name);
    name = specName(defined[name]!.base);
  }
}

/** The design lab's spec for a base preset and the features chosen: only the changed ones. */
export function labSpec(base: PresetId, chosen: Partial<Record<FeatureKey, string>>): string {
  const preset: InstitutionalFeatures = PRESETS[base];
  const swaps = FEATURE_KEYS.filter((key) => chosen[key] !== undefined && chosen[key] !== preset[key]).map((key) => `${key}=${chosen[key]}`);
  return [base, ...swaps].join('+');
}

/** The rule sets a scenario offers on the start screen, in its order. */
export function offeredRuleSets(scenario: Scenario): string[] {
  const listed = (scenario.rules as readonly string[] | undefined) ?? [];
  return listed.length > 0 ? [...listed] : [...PRESET_IDS];
}

/** The rule sets a finished game can be replayed under: every preset and the scenario's own. */
export function replayRuleSets(scenario: Scenario, played: string): string[] {
  const all = [...PRESET_IDS, ...Object.keys(scenario.ruleSets ?? {})];
  return all.filter((spec) => spec !== played);
}
