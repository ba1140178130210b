// The rule sets the game offers: on the start screen (a scenario's own list, or the presets; the
// design lab's spec from the features chosen) and for a replay of a finished game.
import { FEATURE_KEYS, PRESETS, PRESET_IDS, type FeatureKey, type InstitutionalFeatures, type PresetId } from '../engine/index';
import type { Scenario } from '../engine/index';

/** The start screen's value for the design lab: not a spec, since no rule-set name is empty. */
export const LAB = '+lab';

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
