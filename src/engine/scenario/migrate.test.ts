import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { OLDEST_FORMAT_VERSION, migrateScenario } from './migrate';
import { Scenario } from './schema';
import { SCENARIO_FORMAT_VERSION } from './vocabulary';

const v1 = () => parse(readFileSync('test/fixtures/scenarios/minimal-v1.yaml', 'utf8')) as Record<string, unknown>;

describe('migrateScenario', () => {
  it('takes format 1 to the current format, changing only the version', () => {
    const raw = v1();
    const before = structuredClone(raw);
    const { value, from } = migrateScenario(raw);
    expect(from).toBe(1);
    expect(value).toEqual({ ...before, formatVersion: SCENARIO_FORMAT_VERSION });
    // The input is left as it was: the loader may still point into it.
    expect(raw).toEqual(before);
    expect(Scenario.safeParse(value).success).toBe(true);
  });

  it('gives the same scenario as the file written in the current format', () => {
    const current = parse(readFileSync('test/fixtures/scenarios/minimal.yaml', 'utf8'));
    expect(Scenario.parse(migrateScenario(v1()).value)).toEqual(Scenario.parse(current));
  });

  it('leaves the current format, newer and unknown versions and non-scenarios alone', () => {
    const current = { ...v1(), formatVersion: SCENARIO_FORMAT_VERSION };
    expect(migrateScenario(current)).toEqual({ value: current, from: SCENARIO_FORMAT_VERSION });
    expect(migrateScenario(current).value).toBe(current);
    for (const version of [SCENARIO_FORMAT_VERSION + 1, 0, -1]) {
      const raw = { ...v1(), formatVersion: version };
      expect(migrateScenario(raw)).toEqual({ value: raw, from: version });
    }
    for (const raw of [null, 42, 'text', [1, 2], { formatVersion: '1' }, { formatVersion: 1.5 }, {}]) {
      expect(migrateScenario(raw).value).toBe(raw);
    }
  });

  it('has a step from every format it reads', () => {
    expect(OLDEST_FORMAT_VERSION).toBeLessThan(SCENARIO_FORMAT_VERSION);
    for (let v = OLDEST_FORMAT_VERSION; v < SCENARIO_FORMAT_VERSION; v++) {
      expect(migrateScenario({ formatVersion: v })).toEqual({ value: { formatVersion: SCENARIO_FORMAT_VERSION }, from: v });
    }
  });
});
