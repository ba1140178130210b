// What every command does alike: read the rule-set options, turn errors into clear messages
// and exit codes (2 for usage, 1 for anything else), never a stack trace.
import { resolveRuleSet } from '../engine/index';
import { RULE_SETS, type Scenario } from '../engine/index';
import { UsageError } from './args';

const EXAMPLES = `${RULE_SETS.join(', ')}, a rule set the scenario defines, or a design-lab spec such as sco+commitment=automatic`;

/**
 * The rule-set names `--rules` gives (comma-separated where `several`), each with the `--feature
 * key=value` swaps appended in the design lab's notation: `--rules sco --feature
 * commitment=automatic` names `sco+commitment=automatic`, and that name is what the log records.
 * Only the form is checked here; whether a name resolves depends on the scenario (checkRuleSet).
 */
export function ruleSpecs(rules: string | undefined, features: readonly string[], several: boolean): string[] {
  if (rules === undefined) throw new UsageError(`--rules is required: ${EXAMPLES}${several ? ' (comma-separated to compare several)' : ''}`);
  const names = rules.split(',').map((r) => r.trim());
  if (!several && names.length > 1) throw new UsageError('--rules names one rule set here; `crisis-lab batch` plays several');
  if (names.some((n) => n === '')) throw new UsageError(`--rules has an empty name in "${rules}"`);
  for (const f of features) {
    if (!/^[^=+,\s]+=[^=+,\s]+$/.test(f)) throw new UsageError(`--feature takes key=value (e.g. commitment=automatic), not "${f}"`);
  }
  const swaps = features.map((f) => `+${f}`).join('');
  return names.map((n) => n + swaps);
}

/** Checks that a rule-set name resolves for a scenario; if not, resolveRuleSet's one line (which
 * lists the valid rule sets, features or values) as a usage error without the usage text. */
export function checkRuleSet(spec: string, scenario: Scenario, where = ''): void {
  const resolved = resolveRuleSet(spec, scenario.ruleSets);
  if (!resolved.ok) throw new UsageError(`${where}${resolved.error}`, false);
}

export async function fail(command: string, usage: string, body: () => number | Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof UsageError) {
      process.stderr.write(`crisis-lab ${command}: ${message}\n${error.withUsage ? usage : ''}`);
      return 2;
    }
    process.stderr.write(`crisis-lab ${command}: ${message}\n`);
    return 1;
  }
}
