// The shipped scenarios' manifest names each scenario by the engine's scenarioHash, which is how a
// saved game's embedded scenario is recognised as shipped and replayed without the validator
// (src/game/storage.ts). The hash must be the one a save of that scenario carries.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { formatProblem, newGame, parseScenario, scenarioHash } from '../src/engine/index';
import { compileShipped, shippedScenarios } from '../scripts/shipped-scenarios';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIR = fileURLToPath(new URL('../scenarios/', import.meta.url));

/** The manifest module's code, as the plugin gives it to the build. */
async function manifestCode(): Promise<string> {
  const plugin = shippedScenarios(DIR);
  (plugin.configResolved as (c: { root: string }) => void)({ root: ROOT });
  const load = plugin.load as (this: { addWatchFile(f: string): void }, id: string) => Promise<string | null>;
  return (await load.call({ addWatchFile: () => undefined }, '\0virtual:shipped-scenarios'))!;
}

describe('the shipped scenarios manifest', () => {
  it('names each shipped scenario by the hash a save of it carries', async () => {
    const code = await manifestCode();
    const manifest = JSON.parse(/^export const manifest = (.*);$/m.exec(code)![1]!) as { file: string; id: string; hash: string }[];
    const compiled = compileShipped(DIR, { parseScenario, formatProblem });
    expect(manifest.map((m) => m.file)).toEqual(compiled.map((c) => c.entry.file));
    for (const { entry, scenario } of compiled) {
      // A save holds the game as JSON, its scenario inside: the same hash after the round trip.
      const saved = JSON.parse(JSON.stringify(newGame(JSON.parse(JSON.stringify(scenario)), 'nato', '1'))) as { scenario: typeof scenario };
      expect(manifest.find((m) => m.file === entry.file)?.hash).toBe(scenarioHash(saved.scenario));
    }
    expect(new Set(manifest.map((m) => m.hash)).size).toBe(manifest.length);
  });
});
