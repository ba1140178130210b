// Writes the golden outcome logs: every shipped scenario under every preset rule set, played by a
// fixed line of play (every alliance request the rules allow, every turn) with a fixed seed.
// test/golden.test.ts replays each one: a change of engine behaviour must bump ENGINE_VERSION and
// rewrite these files in the same commit (`npm run golden`).
import { readdirSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenarioFile } from '../src/cli/scenario-file';
import { PRESET_IDS, createLog, intentOptions, logText, newGame, playTurn, type GameState, type IntentId } from '../src/engine/index';

export const GOLDEN_DIR = 'test/golden';
export const GOLDEN_SEED = 'golden-1';
export const GOLDEN_POLICY = 'every-request';

const NATIONAL: IntentId[] = ['act-alone', 'de-escalate'];

/** The golden line of play: every request the alliance would take now, national choices never. */
export function playGolden(game: GameState): GameState {
  let g = game;
  while (!g.result) {
    const intents = intentOptions(g).filter((o) => o.available && !NATIONAL.includes(o.intent)).map((o) => o.intent);
    g = playTurn(g, intents);
  }
  return g;
}

export function shippedScenarioFiles(): string[] {
  return readdirSync('scenarios').filter((f) => f.endsWith('.yaml')).sort().map((f) => join('scenarios', f));
}

function main(): void {
  rmSync(GOLDEN_DIR, { recursive: true, force: true });
  mkdirSync(GOLDEN_DIR, { recursive: true });
  let n = 0;
  for (const file of shippedScenarioFiles()) {
    const scenario = loadScenarioFile(file);
    for (const rules of PRESET_IDS) {
      const game = playGolden(newGame(scenario, rules, GOLDEN_SEED));
      writeFileSync(join(GOLDEN_DIR, `${scenario.id}.${rules}.json`), logText(createLog(game, { policy: GOLDEN_POLICY })));
      n++;
    }
  }
  process.stdout.write(`wrote ${n} golden logs to ${GOLDEN_DIR}\n`);
}

if (process.argv[1]?.endsWith('golden.ts')) main();
