// The assignment link: ?scenario=<id or URL>&rules=sco&seed=42&lock=1. `rules` is any rule set
// the scenario resolves: a preset, one the scenario defines, or a design-lab spec such as
// `sco+commitment=automatic`. It is checked against the scenario once that is loaded.

export interface Assignment {
  scenario: string | null;
  rules: string | null;
  seed: string | null;
  lock: boolean;
}

export function readAssignment(search: string): Assignment {
  const params = new URLSearchParams(search);
  // A '+' in a query string reads as a space; a rule-set spec has no spaces, so they were '+'.
  const rules = params.get('rules')?.trim().replace(/\s+/g, '+') ?? null;
  const seed = params.get('seed');
  return {
    scenario: params.get('scenario') || null,
    rules: rules ? rules.slice(0, 400) : null,
    seed: seed !== null && seed.trim() !== '' ? seed.trim().slice(0, 64) : null,
    lock: params.get('lock') === '1' || params.get('lock') === 'true',
  };
}

/** A seed for the UI to offer; the engine itself never draws from Math.random. */
export function randomSeed(): string {
  return String(Math.floor(Math.random() * 1_000_000));
}
