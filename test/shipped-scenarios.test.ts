// The shipped scenarios reach the browser compiled at build time (scripts/shipped-scenarios.ts):
// the JSON must be the validated scenario itself, and a shipped file that does not validate must
// stop the build with the validator's messages.
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson, createLog, formatProblem, logText, parseScenario, replayIntents } from '../src/engine/index';
import { compileShipped } from '../scripts/shipped-scenarios';
import { worldIso } from '../scripts/world-iso';
import countries from 'i18n-iso-countries';

describe('shipped scenarios compiled at build time', () => {
  const compiled = compileShipped('scenarios', { parseScenario, formatProblem });

  it('holds every shipped file, tutorials first, and JSON loses nothing of the validated scenario', () => {
    expect(compiled.length).toBeGreaterThanOrEqual(9);
    expect(compiled[0]!.entry.crisisType).toBe('tutorial');
    for (const { entry, scenario } of compiled) {
      expect(entry.id).toBe(scenario.id);
      expect(canonicalJson(JSON.parse(JSON.stringify(scenario)))).toBe(canonicalJson(scenario));
    }
  });

  it('a game from the compiled JSON logs the same bytes as one from the parsed file', () => {
    const { scenario } = compiled.find((c) => c.entry.id === 'frontier-armed-attack')!;
    const fromJson = JSON.parse(JSON.stringify(scenario));
    const intents = [['consult'], ['collective-defence'], []] as const;
    const play = (s: typeof scenario) => logText(createLog(replayIntents(s, 'nato', '7', intents.map((i) => [...i])), { policy: 'bench' }));
    expect(play(fromJson)).toBe(play(scenario));
  });

  it('refuses a shipped file that does not validate, naming file, line and column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crisis-lab-shipped-'));
    copyFileSync('scenarios/tutorial.yaml', join(dir, 'tutorial.yaml'));
    writeFileSync(join(dir, 'broken.yaml'), 'id: broken\nformatVersion: 2\nhorizon: many\n');
    expect(() => compileShipped(dir, { parseScenario, formatProblem })).toThrow(/shipped scenarios that do not validate:\nbroken\.yaml:\d+:\d+: /);
  });
});

describe('the map data ISO table baked at build time', () => {
  it('gives every world-atlas id the code i18n-iso-countries gives it', () => {
    const table = worldIso();
    expect(table['398']).toBe('KAZ');
    expect(table['233']).toBe('EST');
    for (const [numeric, iso3] of Object.entries(table)) expect(countries.numericToAlpha3(numeric)).toBe(iso3);
    expect(Object.keys(table).length).toBeGreaterThan(160);
  });
});
