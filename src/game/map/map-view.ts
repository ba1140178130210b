// What the map shows, as plain data. The app derives it from engine state (no rules here) and
// hands it to the MapScene, which only draws it.
import type { Position } from '../../engine/index';
import type { PresetId } from '../../engine/index';
import type { Rect } from './geo';

export interface MapMarker {
  iso3: string;
  position: Position;
  /** Accessible text for the tooltip: "Germany: Object". */
  label: string;
}

export interface MapPulse {
  iso3: string;
  lon?: number;
  lat?: number;
  severity: number;
  /** True for this turn's events (they pulse); older ones stay as a small dot. */
  fresh: boolean;
}

/** Help sent to the player's state: a symbol at the helper and a line to the player (solid
 * through the alliance, dashed bilaterally). */
export interface MapHelp {
  iso3: string;
  kind: 'forces' | 'support' | 'intelligence' | 'political';
  channel: 'alliance' | 'bilateral';
}

export interface MapView {
  /** ISO3 codes that must be in the frame (the player's state, events' places). */
  focus: string[];
  /** The free part of the screen the map is fitted into (panels around it excluded). */
  extent: Rect;
  /** Alliance members, shaded in the bloc colour of the rule set being played. */
  members: string[];
  /** The alliance whose colour the members take (a designed rule set takes its base's). */
  bloc: PresetId | null;
  /** Other states in the scenario: a lighter grey than the rest of the world. */
  others: string[];
  player: string | null;
  adversary: string | null;
  /** Localized names of the scenario's states, by ISO3, for labels and tooltips. */
  names: Record<string, string>;
  markers: MapMarker[];
  pulses: MapPulse[];
  helpers: MapHelp[];
  /** Where the scenario places states the world map lacks (invented ones), by ISO3 or id. */
  coords: Record<string, { lon: number; lat: number }>;
  /** Behind the start screen and the debrief: the map only, faded. */
  dim: boolean;
}
