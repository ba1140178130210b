// One headless game: a policy plays a scenario to its end.
import { newGame, playTurn } from '../engine/game/game';
import type { GameState } from '../engine/game/types';
import type { RuleSetId, Scenario } from '../engine/scenario/schema';
import type { PlayerPolicy } from './policies';

export function playGame(scenario: Scenario, rules: RuleSetId, seed: string, policy: PlayerPolicy): GameState {
  let game = newGame(scenario, rules, seed);
  while (!game.result) game = playTurn(game, policy.choose(game));
  return game;
}
