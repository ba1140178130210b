// Validated scenarios kept by the SHA-256 of their text, for the prebuilt command line: reading and
// validating a 30 kB scenario costs about 0.2 s of CPU (the YAML parser, the schema and the cross
// checks, each compiled cold), as much as a hundred games. An entry is found only by the hash of
// the text read now, so a changed file is validated again; entries live in a folder named for the
// build (scripts/build-cli.mjs gives each build its own name, and removes a build's entries with
// the build), so a new validator never trusts what an old one accepted. A file with problems is
// never kept.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import type { Scenario } from '../engine/index';

/** Set by scripts/build-cli.mjs in the built bundle only: from source (tests, tsx) nothing is kept. */
declare const __CRISIS_LAB_BUILD__: string | undefined;

export interface ScenarioCache {
  get(text: string): Scenario | undefined;
  put(text: string, scenario: Scenario): void;
}

const keyOf = (text: string) => createHash('sha256').update(text).digest('hex');

/** A cache in `dir`. Any failure to read or write only means the file is validated again. */
export function scenarioCache(dir: string): ScenarioCache {
  return {
    get(text) {
      try {
        return JSON.parse(readFileSync(join(dir, `${keyOf(text)}.json`), 'utf8')) as Scenario;
      } catch {
        return undefined;
      }
    },
    put(text, scenario) {
      const json = JSON.stringify(scenario);
      // Kept only when JSON gives back exactly the object the validator made (no undefined
      // fields, no non-finite numbers), so a game from the cache is the game from the file.
      if (!isDeepStrictEqual(JSON.parse(json), scenario)) return;
      try {
        mkdirSync(dir, { recursive: true });
        const file = join(dir, `${keyOf(text)}.json`);
        // Written aside and renamed: a process reading at the same time sees all of it or none.
        const tmp = `${file}.${process.pid}.tmp`;
        writeFileSync(tmp, json);
        renameSync(tmp, file);
      } catch {
        // A read-only install still runs; it validates every time.
      }
    },
  };
}

/** The built command line's cache, build/cli/scenario-cache/<build>/ (the bundle is in
 * build/cli-<build>/, beside build/cli), or null when running from source. */
export function builtScenarioCache(): ScenarioCache | null {
  if (typeof __CRISIS_LAB_BUILD__ !== 'string') return null;
  return scenarioCache(join(dirname(fileURLToPath(import.meta.url)), '..', 'cli', 'scenario-cache', __CRISIS_LAB_BUILD__));
}
