// Maps engine state to what the screens draw. Lookups and formatting only: every fact about
// the crisis comes from the engine's records.
import type { GameState, IntentId, PresetId, Scenario, TurnRecord } from './engine';
import type { MapHelp, MapMarker, MapPulse, MapView } from './map/map-view';
import type { Rect } from './map/geo';
import { localize } from '../ui-kit/i18n';
import { blocColor } from '../ui-kit/theme';
import { helperRows } from './ui/help-records';

export function iso3Of(scenario: Scenario, stateId: string): string {
  return scenario.states.find((s) => s.id === stateId)?.iso3 ?? stateId;
}

/** The state the adversary is drawn on: itself, or a group's base. */
export function adversaryPlace(scenario: Scenario): string | null {
  if (scenario.adversary.kind === 'state') return iso3Of(scenario, scenario.adversary.id);
  return scenario.adversary.base ? iso3Of(scenario, scenario.adversary.base) : null;
}

export function names(scenario: Scenario): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of scenario.states) out[s.iso3 ?? s.id] = localize(s.name);
  return out;
}

export function lastTurn(game: GameState): TurnRecord | undefined {
  return game.turns[game.turns.length - 1];
}

/** The latest turn in which members answered a proposal: its positions stay on the map until
 *  a newer proposal is answered. */
export function lastAnsweredTurn(game: GameState): TurnRecord | undefined {
  for (let i = game.turns.length - 1; i >= 0; i -= 1) {
    const turn = game.turns[i];
    if (turn && answeredIntents(turn).length > 0) return turn;
  }
  return undefined;
}

/** Intents that members answered in a turn, in the order the player sees them. */
export function answeredIntents(turn: TurnRecord | undefined): IntentId[] {
  if (!turn) return [];
  return (Object.keys(turn.positions) as IntentId[]).filter((k) => Object.keys(turn.positions[k] ?? {}).length > 0);
}

/** The map of a scenario; members shaded in `bloc`'s colour, or none before a rule set is chosen. */
export function scenarioMapView(scenario: Scenario, extent: Rect, dim: boolean, bloc: PresetId | null): MapView {
  const members = scenario.alliance.members.map((id) => iso3Of(scenario, id));
  const player = iso3Of(scenario, scenario.player.state);
  return {
    focus: [player],
    extent,
    members,
    bloc,
    others: scenario.states.map((s) => s.iso3 ?? s.id).filter((id) => !members.includes(id)),
    player,
    adversary: adversaryPlace(scenario),
    names: names(scenario),
    markers: [],
    pulses: [],
    helpers: [],
    coords: coordsOf(scenario),
    dim,
  };
}

/** The scenario's own coordinates for its states (invented states carry them), by map key. */
export function coordsOf(scenario: Scenario): Record<string, { lon: number; lat: number }> {
  const out: Record<string, { lon: number; lat: number }> = {};
  for (const s of scenario.states) if (s.location) out[s.iso3 ?? s.id] = s.location;
  return out;
}

/** What each member state sent up to turn `upTo`: its weightiest help, through its channel. */
export function mapHelpers(game: GameState, upTo = game.turns.length): MapHelp[] {
  const out: MapHelp[] = [];
  for (const row of helperRows(game, upTo)) {
    const top = row.entries[0];
    if (top) out.push({ iso3: iso3Of(game.scenario, row.member), kind: top.kind, channel: top.channel });
  }
  return out;
}

/**
 * The map for a game: members' positions from `answered` (the latest answered turn, or the turn
 * under review), events up to `upTo` with that turn's events pulsing.
 */
export function gameMapView(
  game: GameState,
  extent: Rect,
  positionsFor: IntentId | null,
  label: (member: string, position: string) => string,
  answered: TurnRecord | undefined = lastAnsweredTurn(game),
  upTo: TurnRecord | undefined = lastTurn(game),
): MapView {
  const scenario = game.scenario;
  const view = scenarioMapView(scenario, extent, false, blocColor(game.rules, scenario.ruleSets));
  const turn = upTo;
  const markers: MapMarker[] = [];
  const positions = answered && positionsFor ? answered.positions[positionsFor] : undefined;
  for (const [member, position] of Object.entries(positions ?? {})) {
    markers.push({ iso3: iso3Of(scenario, member), position, label: label(member, position) });
  }
  const pulses: MapPulse[] = [];
  for (const record of game.turns) {
    if (turn && record.turn > turn.turn) break;
    for (const event of record.events) {
      const source = scenario.events.find((e) => e.id === event.id);
      pulses.push({
        iso3: iso3Of(scenario, event.place),
        lon: source?.location?.lon,
        lat: source?.location?.lat,
        severity: event.severity,
        fresh: record === turn,
      });
    }
  }
  view.focus = [...new Set([...view.focus, ...pulses.map((p) => p.iso3)])];
  return { ...view, markers, pulses, helpers: mapHelpers(game, turn ? turn.turn : 0) };
}
