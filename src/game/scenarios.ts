// Where scenarios come from: the shipped files (validated at build time and bundled as JSON,
// scripts/shipped-scenarios.ts), a file the player picks or drops, or a URL in an assignment
// link; those two go through parseScenario.
import { decodeScenarioBytes, makeProblem, parseScenario, type Scenario, type ScenarioProblem } from './engine';
import { loadScenario, manifest } from 'virtual:shipped-scenarios';

export type Loaded =
  | { ok: true; scenario: Scenario; file: string }
  | { ok: false; problems: ScenarioProblem[]; file: string };

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** A file's bytes read as the command line reads them: UTF-8, with or without a byte-order mark. */
export function parseBytes(bytes: Uint8Array, file: string): Loaded {
  const decoded = decodeScenarioBytes(bytes);
  if (decoded.ok) return parse(decoded.text, file);
  return { ok: false, file, problems: [makeProblem(file, decoded.line, decoded.column, '', decoded.code, decoded.params)] };
}

export function parse(text: string, file: string): Loaded {
  const result = parseScenario(text, file);
  return result.ok ? { ok: true, scenario: result.scenario, file } : { ok: false, problems: result.problems, file };
}

/** Every shipped scenario, tutorials first, then in file-name order (the manifest's order). */
export async function loadShipped(): Promise<Loaded[]> {
  return Promise.all(manifest.map(async ({ file }): Promise<Loaded> => ({ ok: true, scenario: await loadScenario(file), file })));
}

/** An assignment's scenario: a shipped id, or a URL (relative to the page) to fetch. */
export async function loadAssigned(ref: string, shippedList: Loaded[]): Promise<Loaded> {
  const found = shippedList.find((l) => l.ok && l.scenario.id === ref);
  if (found) return found;
  const url = new URL(ref, window.location.href);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return parseBytes(new Uint8Array(await response.arrayBuffer()), fileName(url.pathname) || url.href);
}

export async function loadFile(file: File): Promise<Loaded> {
  return parseBytes(new Uint8Array(await file.arrayBuffer()), file.name);
}
