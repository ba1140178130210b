// The golden logs: every shipped scenario under every preset, as the engine of ENGINE_VERSION
// played it. Replaying each must give it again byte for byte; a change of behaviour without a
// version bump fails here, and a bump without new goldens fails too (`npm run golden`).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION, PRESET_IDS, verifyLog } from '../src/engine/index';
import { loadScenarioFile } from '../src/cli/scenario-file';
import { GOLDEN_DIR, GOLDEN_SEEDS, shippedScenarioFiles } from '../scripts/golden';

const files = readdirSync(GOLDEN_DIR).filter((f) => f.endsWith('.json')).sort();

describe('golden logs', () => {
  it('cover every shipped scenario under every preset', () => {
    const expected = shippedScenarioFiles().flatMap((file) => {
      const scenario = loadScenarioFile(file);
      const lines = [...GOLDEN_SEEDS, ...(scenario.policies.historical ? ['historical'] : [])];
      return PRESET_IDS.flatMap((rules) => lines.map((line) => `${scenario.id}.${rules}.${line}.json`));
    });
    expect(files).toEqual(expected.sort());
  });

  for (const file of files) {
    it(`${file} replays to the same bytes under engine ${ENGINE_VERSION}`, () => {
      const text = readFileSync(join(GOLDEN_DIR, file), 'utf8');
      const log = JSON.parse(text) as { engineVersion: string };
      expect(log.engineVersion, `made by engine ${log.engineVersion}: run npm run golden after bumping ENGINE_VERSION`).toBe(ENGINE_VERSION);
      const result = verifyLog(log);
      expect(result.ok ? 'replays' : result.reason, 'behaviour changed: bump ENGINE_VERSION and run npm run golden').toBe('replays');
    });
  }
});
