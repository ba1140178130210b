// The assignment link: ?scenario=<id or URL>&rules=sco&seed=42&lock=1
import type { RuleSetId } from '../engine/scenario/schema';

export interface Assignment {
  scenario: string | null;
  rules: RuleSetId | null;
  seed: string | null;
  lock: boolean;
}

export function readAssignment(search: string): Assignment {
  const params = new URLSearchParams(search);
  const rules = params.get('rules');
  const seed = params.get('seed');
  return {
    scenario: params.get('scenario') || null,
    rules: rules === 'nato' || rules === 'sco' ? rules : null,
    seed: seed !== null && seed.trim() !== '' ? seed.trim().slice(0, 64) : null,
    lock: params.get('lock') === '1' || params.get('lock') === 'true',
  };
}

/** A seed for the UI to offer; the engine itself never draws from Math.random. */
export function randomSeed(): string {
  return String(Math.floor(Math.random() * 1_000_000));
}
