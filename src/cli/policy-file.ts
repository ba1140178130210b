// A player policy named on the command line: a built-in, one of the scenario's scripted
// policies, or a YAML/JSON file of intents turn by turn.
import { parse } from 'yaml';
import { MAX_SCENARIO_BYTES } from '../engine/index';
import { ScriptedPolicy, type Scenario } from '../engine/index';
import type { PlayerPolicy } from '../sim/policies';
import { policyFromSpec, type PolicySpec } from '../sim/batch-share';
import { readBounded } from './bounded-read';
import { looksLikeFile } from './policy-spec';

export function resolvePolicy(name: string, scenario: Scenario, seed: string): PlayerPolicy {
  return policyFromSpec(policySpec(name), scenario, seed);
}

/** A policy named on the command line as a name, or as a policy file read and checked. */
export function policySpec(name: string): PolicySpec {
  if (!looksLikeFile(name)) return name;
  // Capped like a scenario file: the schema allows no more turns than a year of days, but a
  // file of a million must be refused before the parser builds it.
  let text: string;
  try {
    text = readBounded(name, MAX_SCENARIO_BYTES, 'a policy file');
  } catch (error) {
    throw new Error(`policy file ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = parse(text, { maxAliasCount: 0 });
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
