// Writes the golden outcome logs: every shipped scenario under every preset rule set, played by a
// fixed line of play (every alliance request the rules allow, every turn) with two fixed seeds,
// and by the scenario's historical line of play where it has one.
// test/golden.test.ts replays each one: a change of engine behaviour must bump ENGINE_VERSION and
// rewrite these files in the same commit (`npm run golden`).
import { readdirSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenarioFile } from '../src/cli/scenario-file';
import { PRESET_IDS, createLog, intentOptions, logText, newGame, playTurn, type GameState, type IntentId, type ScriptedPolicy } from '../src/engine/index';

export const GOLDEN_DIR = 'test/golden';
export const GOLDEN_SEEDS = ['golden-1', 'golden-2'];
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

/** The scenario's historical line of play: its intents where the rules allow them at that turn. */
export function playHistorical(game: GameState, policy: ScriptedPolicy): GameState {
  let g = game;
  while (!g.result) {
    const wanted = policy.turns.find((t) => t.turn === g.turn)?.intents ?? [];
    const allowed = new Set(intentOptions(g).filter((o) => o.available).map((o) => o.intent));
    g = playTurn(g, wanted.filter((i) => allowed.has(i)));
  }
  return g;
}

/** Every golden game as file name and log text. */
export function goldenGames(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const file of shippedScenarioFiles()) {
    const scenario = loadScenarioFile(file);
    for (const rules of PRESET_IDS) {
      for (const seed of GOLDEN_SEEDS) {
        const game = playGolden(newGame(scenario, rules, seed));
        out.push({ name: `${scenario.id}.${rules}.${seed}.json`, text: logText(createLog(game, { policy: GOLDEN_POLICY })) });
      }
      const historical = scenario.policies.historical;
      if (historical) {
        const game = playHistorical(newGame(scenario, rules, GOLDEN_SEEDS[0]!), historical);
        out.push({ name: `${scenario.id}.${rules}.historical.json`, text: logText(createLog(game, { policy: 'historical' })) });
      }
    }
  }
  return out;
}

export function shippedScenarioFiles(): string[] {
  return readdirSync('scenarios').filter((f) => f.endsWith('.yaml')).sort().map((f) => join('scenarios', f));
}

function main(): void {
  rmSync(GOLDEN_DIR, { recursive: true, force: true });
  mkdirSync(GOLDEN_DIR, { recursive: true });
  const games = goldenGames();
  for (const { name, text } of games) writeFileSync(join(GOLDEN_DIR, name), text);
  process.stdout.write(`wrote ${games.length} golden logs to ${GOLDEN_DIR}\n`);
}

if (process.argv[1]?.endsWith('golden.ts')) main();
