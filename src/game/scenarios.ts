// Where scenarios come from: the shipped files (validated at build time and bundled as JSON,
// scripts/shipped-scenarios.ts), a file the player picks or drops, or a URL in an assignment
// link (fetched by assignment.ts); those two go through parseScenario, in scenario-reader.ts,
// which is loaded the first time one of them arrives.
import type { Language, Scenario, ScenarioProblem } from './engine';
import type { SavedScenarios } from './storage';
import { loadScenario, manifest } from 'virtual:shipped-scenarios';

export type Loaded =
  | { ok: true; scenario: Scenario; file: string }
  | { ok: false; problems: ReadProblem[]; file: string };

/** A problem the validator found, worded in every language as the file was read (each text starts
 * with the field path): the start screen shows it in the player's language, even after a change
 * of language, without loading the validator's messages itself (scenario-reader.ts does). */
export type ReadProblem = ScenarioProblem & { readonly text: Readonly<Record<Language, string>> };

/** The YAML parser and the validator (about 70 kB gzip), fetched once, on first need. */
export function readScenarios(): Promise<typeof import('./scenario-reader')> {
  return import('./scenario-reader');
}

/** A file's bytes read as the command line reads them: UTF-8, with or without a byte-order mark. */
export async function parseBytes(bytes: Uint8Array, file: string): Promise<Loaded> {
  return (await readScenarios()).parseBytes(bytes, file);
}

export async function parse(text: string, file: string): Promise<Loaded> {
  return (await readScenarios()).parse(text, file);
}

/** Every shipped scenario, tutorials first, then in file-name order (the manifest's order). */
export async function loadShipped(): Promise<Loaded[]> {
  return Promise.all(manifest.map(async ({ file }): Promise<Loaded> => ({ ok: true, scenario: await loadScenario(file), file })));
}

/** The shipped scenario whose hash (scenarioHash, taken at build time) is `hash`, or null: a
 * saved game of a shipped scenario is rebuilt from it without the validator. */
export async function shippedByHash(hash: string): Promise<Scenario | null> {
  const entry = manifest.find((m) => m.hash === hash);
  return entry ? loadScenario(entry.file) : null;
}

/** A saved game's scenario: the shipped one by hash, else read by the validator (loaded then). */
export const savedScenarios: SavedScenarios = {
  shipped: shippedByHash,
  read: async (scenario) => (await readScenarios()).readSavedScenario(scenario),
};

export async function loadFile(file: File): Promise<Loaded> {
  return parseBytes(new Uint8Array(await file.arrayBuffer()), file.name);
}
