// The instructor's assignment on the comparison page: a shipped scenario or the instructor's own
// file, read and hashed here exactly as the engine hashes the scenario a log embeds, and the rule
// set and seed when the assignment fixes them. Nothing leaves the browser.
import { parseScenario, formatProblem } from '../engine/index';
import { scenarioHash } from '../engine/index';
import { isRuleSetName, type Assignment } from '../compare/index';

/** The shipped scenarios, as raw text fetched on demand (the game bundles the same files). */
const shipped = import.meta.glob('../../scenarios/*.yaml', { query: '?raw', import: 'default' }) as Record<string, () => Promise<string>>;

export function shippedScenarioFiles(): string[] {
  return Object.keys(shipped)
    .map((path) => path.split('/').pop()!)
    .sort();
}

export type ReadAssignment = { ok: true; scenario: string; sha256: string; file: string } | { ok: false; file: string; problems: string[] };

/** Parses a scenario file's text as the game and `crisis-lab run` do, and hashes it. */
export function assignmentFromText(text: string, file: string): ReadAssignment {
  const parsed = parseScenario(text, file);
  if (!parsed.ok) return { ok: false, file, problems: parsed.problems.map(formatProblem) };
  return { ok: true, scenario: parsed.scenario.id, sha256: scenarioHash(parsed.scenario), file };
}

export async function assignmentFromShipped(file: string): Promise<ReadAssignment> {
  const load = Object.entries(shipped).find(([path]) => path.endsWith(`/${file}`))?.[1];
  if (!load) return { ok: false, file, problems: [`${file}: not a shipped scenario`] };
  return assignmentFromText(await load(), file);
}

/** The assignment the page checks against, or why the rule set or seed typed cannot be used. */
export function assignmentOf(read: ReadAssignment | null, rules: string, seed: string): { assignment?: Assignment; badRules?: true } {
  if (!read?.ok) return {};
  const r = rules.trim();
  const s = seed.trim();
  if (r !== '' && !isRuleSetName(r)) return { badRules: true };
  return { assignment: { scenario: read.scenario, sha256: read.sha256, ...(r ? { rules: r } : {}), ...(s ? { seed: s } : {}) } };
}
