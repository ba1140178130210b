// The YAML parser and the scenario validator, for the scenarios the build did not validate: a
// file the player picks or drops, an assignment link's file, a saved game whose scenario is not a
// shipped one. Only ever imported dynamically (scenarios.ts, readScenarios): yaml and zod stay out
// of the first load, and a player who opens only shipped scenarios never downloads them.
import { decodeScenarioBytes, formatProblem, LANGUAGES, makeProblem, parseScenario, problemMessage, type Language, type Scenario, type ScenarioProblem } from './engine';
import type { Loaded, ReadProblem } from './scenarios';

/** A file's bytes read as the command line reads them: UTF-8, with or without a byte-order mark. */
export function parseBytes(bytes: Uint8Array, file: string): Loaded {
  const decoded = decodeScenarioBytes(bytes);
  if (decoded.ok) return parse(decoded.text, file);
  return { ok: false, file, problems: [worded(makeProblem(file, decoded.line, decoded.column, '', decoded.code, decoded.params))] };
}

export function parse(text: string, file: string): Loaded {
  const result = parseScenario(text, file);
  return result.ok ? { ok: true, scenario: result.scenario, file } : { ok: false, problems: result.problems.map(worded), file };
}

/** The problem in every language, so no screen needs the validator's messages to show it. */
function worded(problem: ScenarioProblem): ReadProblem {
  const text = Object.fromEntries(LANGUAGES.map((lang) => [lang, problemMessage(problem, lang)])) as Record<Language, string>;
  return { ...problem, text };
}

/** A saved game's embedded scenario, read again as a file would be (older formats migrated); the
 * problems as one line, for the notice that sets the save aside. */
export function readSavedScenario(scenario: unknown): { ok: true; scenario: Scenario } | { ok: false; message: string } {
  const parsed = parseScenario(JSON.stringify(scenario), 'saved game');
  return parsed.ok ? parsed : { ok: false, message: parsed.problems.map(formatProblem).join('; ') };
}
