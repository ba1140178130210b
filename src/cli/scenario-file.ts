// Reading a scenario file for the commands that play it: a valid Scenario, or an error whose
// message lists every problem as file:line:col: message.
import { formatProblem, parseScenario } from '../engine/index';
import type { Scenario } from '../engine/index';
import { readText } from './validate-command';
import { builtScenarioCache } from './scenario-cache';

export class ScenarioFileError extends Error {}

const cache = builtScenarioCache();

export function loadScenarioFile(file: string): Scenario {
  const text = readText(file);
  if (typeof text !== 'string') throw new ScenarioFileError(`${file}:1:1: ${text.error}`);
  const known = cache?.get(text);
  if (known) return known;
  const result = parseScenario(text, file);
  if (!result.ok) throw new ScenarioFileError(result.problems.map((p) => formatProblem(p)).join('\n'));
  cache?.put(text, result.scenario);
  return result.scenario;
}
