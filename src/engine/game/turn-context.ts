// What every phase of a turn reads: the scenario, the rule set, the dice and the turn's facts.
import type { IntentId, Scenario } from '../scenario/schema';
import type { RuleSet } from '../rules/rule-set';
import type { ModelParameters } from '../model/parameters';
import type { Actors } from '../members/member-policy';
import type { Rng } from '../random/rng';
import type { FiredEvent, GameMemory, Situation, StateId, TurnInput } from './types';

export interface TurnContext {
  scenario: Scenario;
  set: RuleSet;
  /** The model's constants for this game (its parameter pack). */
  params: ModelParameters;
  rng: Rng;
  /** The game's seed, for the world's own chance (drawAt). */
  seed: string;
  turn: number;
  day: number;
  endDay: number;
  player: StateId;
  actors: Actors;
  /** Members in a fixed order, so the dice are drawn in the same order everywhere. */
  members: StateId[];
  /** This turn's copy of the game's memory; the phases write into it. */
  memory: GameMemory;
  events: FiredEvent[];
  situation: Situation;
  intents: IntentId[];
  /** The turn's inputs besides the player's intents: others' motions, seats' positions. */
  input: TurnInput;
}
