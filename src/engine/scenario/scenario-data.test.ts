// validScenarioData reads a canonical JSON scenario (what a log embeds) without the YAML reader.
// It must accept nothing the reader refuses and give what the reader gives: checked on every
// shipped scenario and on random edits of their data, some valid and some not.
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../log/canonical';
import { MAX_LIST_ITEMS, MAX_NESTING, parseScenario, validScenarioData } from './load';

const files = [...readdirSync('scenarios').map((f) => `scenarios/${f}`), ...readdirSync('scenarios/cases').map((f) => `scenarios/cases/${f}`)].filter((f) =>
  f.endsWith('.yaml'),
);

/** Each shipped scenario as a log embeds it: the validated scenario, canonical. */
const canonical = files.map((file) => {
  const parsed = parseScenario(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error(`${file} does not validate`);
  return canonicalJson(parsed.scenario);
});

function fast(text: string) {
  return validScenarioData(text, JSON.parse(text));
}

/** Every place in the data: the containers and keys a value can be put at. */
function places(value: unknown, out: { parent: Record<string, unknown>; key: string }[] = []) {
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      out.push({ parent: value as Record<string, unknown>, key });
      places(child, out);
    }
  }
  return out;
}

const deep = (n: number): unknown => (n === 0 ? 'x' : [deep(n - 1)]);
/** An edit that keeps the value's type, which mostly leaves the scenario valid. */
const sameType = (old: unknown): unknown => (typeof old === 'string' ? `${old} (edited)` : typeof old === 'number' ? old / 2 : old);
const REPLACEMENTS: ((old: unknown) => unknown)[] = [
  sameType,
  sameType,
  sameType,
  sameType,
  sameType,
  () => 'an edited text',
  () => 0.5,
  () => 3,
  () => -1,
  () => null,
  () => [],
  () => ({}),
  // (canonical JSON cannot hold a "__proto__" key at all: canonicalJson refuses it)
  () => ({ constructor: 'x' }),
  () => ({ prototype: {} }),
  () => Array.from({ length: MAX_LIST_ITEMS + 1 }, () => 'x'),
  () => deep(MAX_NESTING + 1),
];

describe('a canonical scenario read as JSON', () => {
  it('gives what the reader gives, for every shipped scenario', () => {
    for (const text of canonical) {
      const read = parseScenario(text, 'scenario');
      expect(read.ok).toBe(true);
      expect(fast(text)).toEqual(read.ok ? read.scenario : null);
    }
  });

  it('accepts nothing the reader refuses, and reads what it accepts as the reader does', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.nat(canonical.length - 1), fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(REPLACEMENTS.length - 1), (which, where, what) => {
        const data = JSON.parse(canonical[which]!);
        const all = places(data);
        const place = all[Math.min(all.length - 1, Math.floor(where * all.length))]!;
        place.parent[place.key] = REPLACEMENTS[what]!(place.parent[place.key]);
        const text = canonicalJson(data);
        const read = parseScenario(text, 'scenario');
        const got = fast(text);
        if (got === null) refused++;
        else {
          accepted++;
          expect(read.ok).toBe(true);
          expect(got).toEqual(read.ok ? read.scenario : null);
        }
      }),
      { numRuns: 300, seed: 20261129 },
    );
    // Both ways were taken: the edits reach valid and invalid scenarios alike.
    expect(accepted).toBeGreaterThan(10);
    expect(refused).toBeGreaterThan(10);
  });

  it('refuses a name the reader forbids where the schema takes any name (a policy called "constructor")', () => {
    const file = files.indexOf('scenarios/frontier-armed-attack.yaml');
    const data = JSON.parse(canonical[file]!) as { policies: Record<string, unknown> };
    for (const name of ['constructor', 'prototype']) {
      const text = canonicalJson({ ...data, policies: { [name]: data.policies.textbook } });
      const read = parseScenario(text, 'scenario');
      expect(read.ok ? null : read.problems[0]!.code).toBe('policyNameForbidden');
      expect(fast(text)).toBeNull();
    }
  });
});
