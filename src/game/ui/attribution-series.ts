// How sure investigators are that the adversary is behind the attack on the player's state, turn
// by turn: the certainty the alliance's procedures read (N3's threshold, C5). The engine keeps only
// the current certainties; the past ones follow from the events each turn opened with, stepped the
// way the engine steps them (advanceAttribution, then the turn's new events).
import type { GameState } from '../../engine/index';
import { advanceAttribution, situationOf } from '../../engine/game/events';
import { ATTRIBUTION_THRESHOLD } from '../../engine/rules/guards';

export { ATTRIBUTION_THRESHOLD };

export interface AttributionPoint {
  turn: number;
  /** Certainty, 0–1; null while nothing has hit the player's state. */
  value: number | null;
}

/** The certainty during each played turn and the current one (game.turn while it goes on). */
export function attributionSeries(game: GameState): AttributionPoint[] {
  const { scenario } = game;
  const player = scenario.player.state;
  const memory = { ...game.memory, firedEvents: [] as string[], attribution: {} as Record<string, number> };
  const points: AttributionPoint[] = [];
  const openings = [...game.turns.map((r) => ({ turn: r.turn, events: r.events })), ...(game.result ? [] : [{ turn: game.turn, events: game.events }])];
  for (const { turn, events } of openings) {
    memory.attribution = advanceAttribution(scenario, memory);
    for (const e of events) {
      memory.firedEvents.push(e.id);
      memory.attribution[e.id] = e.attribution;
    }
    const situation = situationOf(scenario, memory, player);
    points.push({ turn, value: situation.eventKind === null ? null : situation.attribution });
  }
  return points;
}
