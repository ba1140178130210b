// What every command does alike: parse the rule-set option, turn errors into clear messages
// and exit codes (2 for usage, 1 for anything else), never a stack trace.
import { RULE_SETS, type RuleSetId } from '../engine/scenario/schema';
import { UsageError } from './args';

export function ruleSetArg(value: string | undefined): RuleSetId {
  if (value === undefined) throw new UsageError('--rules is required (nato or sco)');
  if (!(RULE_SETS as readonly string[]).includes(value)) throw new UsageError(`--rules must be nato or sco, not "${value}"`);
  return value as RuleSetId;
}

export function ruleSetsArg(value: string | undefined): RuleSetId[] {
  if (value === undefined) throw new UsageError('--rules is required (nato, sco or nato,sco)');
  return value.split(',').map((v) => ruleSetArg(v.trim()));
}

export async function fail(command: string, usage: string, body: () => number | Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof UsageError) {
      process.stderr.write(`crisis-lab ${command}: ${message}\n${usage}`);
      return 2;
    }
    process.stderr.write(`crisis-lab ${command}: ${message}\n`);
    return 1;
  }
}
