// How sure investigators are that the adversary is behind the attack on the player's state, turn
// by turn: the certainty the alliance's procedures read (N3's threshold, C5), as each turn record
// holds it, and for the turn under way the certainty it opened with.
import type { GameState } from '../../engine/index';
import { situationOf } from '../../engine/index';
import { ATTRIBUTION_THRESHOLD } from '../../engine/index';

export { ATTRIBUTION_THRESHOLD };

export interface AttributionPoint {
  turn: number;
  /** Certainty, 0–1; null while nothing has hit the player's state. */
  value: number | null;
}

/** The certainty during each played turn and the current one (game.turn while it goes on). */
export function attributionSeries(game: GameState): AttributionPoint[] {
  const points: AttributionPoint[] = game.turns.map((r) => ({ turn: r.turn, value: r.attribution }));
  if (!game.result) {
    const situation = situationOf(game.scenario, game.memory, game.scenario.player.state);
    points.push({ turn: game.turn, value: situation.eventKind === null ? null : situation.attribution });
  }
  return points;
}
