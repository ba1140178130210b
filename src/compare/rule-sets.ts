// Rule sets as a comparison shows them: by the name the logs record (a preset, a scenario's own
// rule set, or a design-lab spec such as "sco+commitment=automatic"), presets first in their own
// order (nato, sco, csto), then the others alphabetically, so tables, charts and pairs list them
// alike whatever order the logs came in.
import { RULE_SETS } from '../engine/index';

/** The form of a rule-set name: a name (preset or the scenario's), then "+feature=value" swaps. */
const RULE_SET_NAME = /^[a-z0-9][a-z0-9-]{0,31}(\+[A-Za-z][A-Za-z0-9]*=[a-z0-9][a-z0-9-]*)*$/;

export function isRuleSetName(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 400 && RULE_SET_NAME.test(value);
}

export function isPresetRuleSet(name: string): boolean {
  return (RULE_SETS as readonly string[]).includes(name);
}

/** Presets first, in RULE_SETS order; then the others by code point (the same in every locale). */
export function compareRuleSets(a: string, b: string): number {
  const ia = (RULE_SETS as readonly string[]).indexOf(a);
  const ib = (RULE_SETS as readonly string[]).indexOf(b);
  if (ia >= 0 && ib >= 0) return ia - ib;
  if (ia >= 0) return -1;
  if (ib >= 0) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The distinct rule sets among `names`, in comparison order. */
export function ruleSetsIn(names: Iterable<string>): string[] {
  return [...new Set(names)].sort(compareRuleSets);
}
