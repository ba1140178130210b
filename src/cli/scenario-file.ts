// Reading a scenario file for the commands that play it: a valid Scenario, or an error whose
// message lists every problem as file:line:col: message. A file the built command line validated
// before comes from its cache (scenario-cache.ts) after a plain read; the reader that explains a
// refused file, the YAML library and the validator (scenario-from-text.ts) are needed only when
// that read fails or the cache lacks the file.
import { MAX_SCENARIO_BYTES, decodeScenarioBytes, type Scenario } from '../engine/index';
import { readBoundedBytes } from './bounded-read';
import { builtScenarioCache } from './scenario-cache';
import { ScenarioFileError } from './scenario-file-error';
import { scenarioFromText, textOf } from './scenario-from-text';

export { ScenarioFileError };

const cache = builtScenarioCache();

/** The text readScenarioText (validate-command.ts) gives for a file that reads without a problem
 * (a regular file within the size limit, in UTF-8), or undefined for any other: that one is read
 * again by textOf, which says what is wrong. */
function plainText(file: string): string | undefined {
  try {
    const decoded = decodeScenarioBytes(readBoundedBytes(file, MAX_SCENARIO_BYTES, 'a scenario'));
    return decoded.ok ? decoded.text : undefined;
  } catch {
    return undefined;
  }
}

function kept(text: string, scenario: Scenario): Scenario {
  cache?.put(text, scenario);
  return scenario;
}

/** For callers that cannot wait: the validator is part of their bundle. */
export function loadScenarioFile(file: string): Scenario {
  const text = plainText(file) ?? textOf(file);
  return cache?.get(text) ?? kept(text, scenarioFromText(text, file));
}

/** The same, importing the slow half only when the cache lacks the file: batch, bundled alone
 * (batch-entry.ts), then starts without the YAML library and zod on files it has read before. */
export async function loadScenarioFileAsync(file: string): Promise<Scenario> {
  const quick = plainText(file);
  const known = quick === undefined ? undefined : cache?.get(quick);
  if (known) return known;
  const slow = await import('./scenario-from-text');
  const text = quick ?? slow.textOf(file);
  return cache?.get(text) ?? kept(text, slow.scenarioFromText(text, file));
}
