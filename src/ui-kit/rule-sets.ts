// Rule sets as the pages name and colour them: a preset ('nato', 'sco', 'csto'), a rule set the
// scenario defines, or a design-lab spec ('sco+commitment=automatic'). Which alliance a rule set
// descends from is read from its name and the scenario's definitions, never guessed.
import { PRESET_IDS, type PresetId } from '../engine/index';
import type { Scenario } from '../engine/index';

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
