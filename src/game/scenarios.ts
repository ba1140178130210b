// Where scenarios come from: the shipped files (bundled as raw text, fetched on demand), a file
// the player picks or drops, or a URL in an assignment link. Each goes through parseScenario.
import { decodeScenarioBytes, makeProblem, parseScenario, type Scenario, type ScenarioProblem } from './engine';

const shipped = import.meta.glob('../../scenarios/*.yaml', { query: '?raw', import: 'default' }) as Record<
  string,
  () => Promise<string>
>;

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

/** Every shipped scenario, tutorials first, then in file-name order. */
export async function loadShipped(): Promise<Loaded[]> {
  const entries = Object.entries(shipped).sort(([a], [b]) => a.localeCompare(b));
  const loaded = await Promise.all(entries.map(async ([path, load]) => parse(await load(), fileName(path))));
  // The tutorial first: it teaches the controls.
  const rank = (l: Loaded) => (l.ok && l.scenario.crisisType === 'tutorial' ? 0 : 1);
  return loaded.sort((a, b) => rank(a) - rank(b));
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
