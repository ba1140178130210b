// `crisis-lab run <scenario> --rules nato|sco --seed S [--policy NAME|FILE] [--out LOG] [--json]`
import { writeFileSync } from 'node:fs';
import { createLog, logText } from '../engine/log/outcome-log';
import { summarize } from '../engine/game/summary';
import { playGame } from '../sim/play';
import { parseArgs, UsageError } from './args';
import { resolvePolicy } from './policy-file';
import { loadScenarioFile } from './scenario-file';
import { humanSummary } from './summary-format';
import { fail, ruleSetArg } from './command-helpers';

export const RUN_USAGE =
  'Usage: crisis-lab run <scenario> --rules nato|sco --seed S [--policy NAME|FILE] [--out LOG] [--json]\n' +
  'Plays one game headless. Policies: passive, hawk, dove, consult-first (default), random, scripted,\n' +
  "a scenario's scripted policy by name (e.g. historical), or a YAML/JSON file of intents by turn.\n";

export async function runCommand(args: string[]): Promise<number> {
  return fail('run', RUN_USAGE, () => {
    const a = parseArgs(args, ['rules', 'seed', 'policy', 'out'], ['json']);
    if (a.positional.length !== 1) throw new UsageError('name exactly one scenario file');
    const seed = a.options.get('seed');
    if (seed === undefined) throw new UsageError('--seed is required');
    const rules = ruleSetArg(a.options.get('rules'));
    const scenario = loadScenarioFile(a.positional[0]!);
    if (!scenario.rules.includes(rules)) throw new Error(`${scenario.id} is not offered under ${rules} (it offers ${scenario.rules.join(', ')})`);
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
