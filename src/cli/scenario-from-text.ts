// The slow half of reading a scenario file: the reader of refused files with its messages, the
// YAML reader, the schema and the cross-checks. src/cli/scenario-file.ts imports it only for a
// file that is not in the cache of validated scenarios, so a command that plays known files never
// loads the YAML library or zod.
import { formatProblem, parseScenario, type Scenario } from '../engine/index';
import { ScenarioFileError } from './scenario-file-error';
import { readText } from './validate-command';

/** The file's text, or a ScenarioFileError saying why it cannot be read (file:1:1: reason). */
export function textOf(file: string): string {
  const text = readText(file);
  if (typeof text !== 'string') throw new ScenarioFileError(`${file}:1:1: ${text.error}`);
  return text;
}

/** A valid Scenario, or a ScenarioFileError listing every problem as file:line:col: message. */
export function scenarioFromText(text: string, file: string): Scenario {
  const result = parseScenario(text, file);
  if (!result.ok) throw new ScenarioFileError(result.problems.map((p) => formatProblem(p)).join('\n'));
  return result.scenario;
}
