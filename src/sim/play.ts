// One headless game: a policy plays a scenario to its end, under a rule set named as newGame
// takes it (a preset, one the scenario defines, or a design-lab spec such as sco+commitment=automatic).
import { newGame, playTurn } from '../engine/index';
import type { GameState } from '../engine/index';
import type { Scenario } from '../engine/index';
import type { PlayerPolicy } from './policies';

export function playGame(scenario: Scenario, rules: string, seed: string, policy: PlayerPolicy): GameState {
  let game = newGame(scenario, rules, seed);
  while (!game.result) game = playTurn(game, policy.choose(game));
  return game;
}
