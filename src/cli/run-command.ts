// `crisis-lab run <scenario> --rules R --seed S [--feature K=V ...] [--policy NAME|FILE] [--out LOG] [--json]`
import { writeFileSync } from 'node:fs';
import { createLog, logText } from '../engine/index';
import { summarize } from '../engine/index';
import { playGame } from '../sim/play';
import { parseArgs, UsageError } from './args';
import { resolvePolicy } from './policy-file';
import { loadScenarioFile } from './scenario-file';
import { humanSummary } from './summary-format';
import { checkRuleSet, fail, ruleSpecs } from './command-helpers';

export const RUN_USAGE =
  'Usage: crisis-lab run <scenario> --rules R --seed S [--feature K=V ...] [--policy NAME|FILE] [--out LOG] [--json]\n' +
  'Plays one game headless. R is a rule set: nato, sco, csto, one the scenario defines, or a design-lab\n' +
  'spec such as sco+commitment=automatic; each --feature K=V is appended to it (+K=V).\n' +
  'Policies: passive, hawk, dove, consult-first (default), random, scripted,\n' +
  "a scenario's scripted policy by name (e.g. historical), or a YAML/JSON file of intents by turn.\n";

export async function runCommand(args: string[]): Promise<number> {
  return fail('run', RUN_USAGE, () => {
    const a = parseArgs(args, ['rules', 'seed', 'policy', 'out'], ['json'], ['feature']);
    if (a.positional.length !== 1) throw new UsageError('name exactly one scenario file');
    const seed = a.options.get('seed');
    if (seed === undefined) throw new UsageError('--seed is required');
    const [rules] = ruleSpecs(a.options.get('rules'), a.lists.get('feature') ?? [], false) as [string];
    const scenario = loadScenarioFile(a.positional[0]!);
    // Any rule set that resolves plays, offered by the scenario or not: the design lab is for
    // rule sets no scenario lists (the scenario's list is what the start screen offers students).
    checkRuleSet(rules, scenario);
    const policy = resolvePolicy(a.options.get('policy') ?? 'consult-first', scenario, seed);
    const game = playGame(scenario, rules, seed, policy);
    const out = a.options.get('out');
    if (out) writeFileSync(out, logText(createLog(game, { policy: policy.name })));
    const summary = summarize(game, policy.name);
    process.stdout.write(a.flags.has('json') ? JSON.stringify(summary) + '\n' : humanSummary(summary));
    if (out && !a.flags.has('json')) process.stdout.write(`outcome log written to ${out}\n`);
    return 0;
  });
}
