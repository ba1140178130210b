// A player policy named on the command line: a built-in, one of the scenario's scripted
// policies, or a YAML/JSON file of intents turn by turn.
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { ScriptedPolicy, type Scenario } from '../engine/scenario/schema';
import type { PlayerPolicy } from '../sim/policies';
import { policyFromSpec, type PolicySpec } from '../sim/batch-share';

export function resolvePolicy(name: string, scenario: Scenario, seed: string): PlayerPolicy {
  return policyFromSpec(policySpec(name), scenario, seed);
}

/** A policy named on the command line as a name, or as a policy file read and checked. */
export function policySpec(name: string): PolicySpec {
  const looksLikeFile = /\.(ya?ml|json)$/i.test(name) || name.includes('/');
  if (!looksLikeFile) return name;
  if (!existsSync(name)) throw new Error(`policy file ${name} not found`);
  let data: unknown;
  try {
    data = parse(readFileSync(name, 'utf8'), { maxAliasCount: 0 });
  } catch (error) {
    throw new Error(`policy file ${name}: ${(error as Error).message}`);
  }
  const result = ScriptedPolicy.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`policy file ${name}: ${issue?.path.join('.') || 'top level'}: ${issue?.message ?? 'invalid'}`);
  }
  return { name: `file:${name.split('/').pop()}`, script: result.data };
}
