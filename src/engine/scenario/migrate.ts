// Scenario files outlive engine versions: a file in an older format is brought up to the current
// one here, step by step, before it is validated. Each step takes the plain data of one version
// to the next and is tested. Pure: the loader runs it in the browser and in Node alike.
import { SCENARIO_FORMAT_VERSION } from './vocabulary';

type Data = Record<string, unknown>;

/**
 * The step from each format to the next, keyed by the format it reads.
 * 1 → 2: format 2 adds `ruleSets`, `alliance.scripted` and the `csto` preset, and makes `rules`
 * optional; every file of format 1 means the same in format 2, so only the version changes.
 */
const STEPS: Record<number, (data: Data) => Data> = {
  1: (data) => ({ ...data, formatVersion: 2 }),
};

/** The oldest format this version still reads. */
export const OLDEST_FORMAT_VERSION = 1;

/**
 * The data of a scenario in the current format, and the format it was written in. Anything that
 * is not an older scenario (the current format, a newer or unknown one, not a mapping at all) comes
 * back as it was, for validation to report; `from` is then the version it names, or the current
 * one when it names none.
 */
export function migrateScenario(raw: unknown): { value: unknown; from: number } {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { value: raw, from: SCENARIO_FORMAT_VERSION };
  const version = (raw as Data).formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version)) return { value: raw, from: SCENARIO_FORMAT_VERSION };
  if (version < OLDEST_FORMAT_VERSION || version >= SCENARIO_FORMAT_VERSION) return { value: raw, from: version };
  let data = raw as Data;
  for (let v = version; v < SCENARIO_FORMAT_VERSION; v++) {
    const step = STEPS[v];
    // A missing step is a bug of ours: leave the data for validation to refuse rather than guess.
    if (!step) return { value: data, from: version };
    data = step(data);
  }
  return { value: data, from: version };
}
