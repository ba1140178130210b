// Body of a sweep worker: plays its share of a sweep's games and posts their measures back in
// small bundles (one message per game would wake the main thread too often; see batch-worker-main).
import { parentPort, workerData } from 'node:worker_threads';
import type { Scenario } from '../engine/index';
import type { SweepGame } from '../sim/sweep-design';
import { playSweepGame, type GameMeasures } from '../sim/sweep-play';

export type SweepMessage = { key: string; measures: GameMeasures } | { key: string; error: string };

const GAMES_PER_MESSAGE = 16;

const { scenarios, games } = workerData as { scenarios: Record<string, Scenario>; games: SweepGame[] };
let pending: SweepMessage[] = [];
for (const game of games) {
  try {
    pending.push({ key: game.key, measures: playSweepGame(scenarios[game.scenario]!, game) });
  } catch (error) {
    pending.push({ key: game.key, error: (error as Error).message });
  }
  if (pending.length >= GAMES_PER_MESSAGE) {
    parentPort?.postMessage(pending);
    pending = [];
  }
}
if (pending.length > 0) parentPort?.postMessage(pending);
