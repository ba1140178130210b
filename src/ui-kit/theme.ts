// The one place for the game's colours and type scale (look.md). Scenes take numbers
// (0xRRGGBB), the DOM takes CSS strings; both come from the same table.
import type { Position } from '../engine/index';
import type { PresetId } from '../engine/index';
import type { Scenario } from '../engine/index';
import { basePreset } from './rule-sets';

const palette = {
  ground: '#0b1526', // dark navy: the sea and the page
  groundRaised: '#12213a', // panels
  groundSunken: '#07101d',
  land: '#2a3446', // non-members: muted grey
  landEdge: '#3d4a60',
  ink: '#e8edf5', // body text
  inkMuted: '#a9b4c6',
  nato: '#3b82f6', // NATO blue
  natoDeep: '#1d4f9e',
  sco: '#f08a24', // SCO orange: stays distinct from the blue for common colour-vision deficiencies
  scoDeep: '#9c500b', // dark enough for ink text at 4.5:1 (axe color-contrast: #a8560c gave 4.45)
  // CSTO reddish purple (Okabe–Ito): apart from the blue and the orange for the common
  // colour-vision deficiencies, and from the adversary's red, which also carries a hatch.
  csto: '#cc79a7',
  cstoDeep: '#7e3f66',
  accent: '#ffe14d', // the player's state: bright yellow outline
  adversary: '#e5484d', // red hatch plus an icon, never colour alone
  support: '#4cc38a',
  object: '#e5484d',
  abstain: '#c7ccd6',
  stayOut: '#7c8699',
  focus: '#ffe14d',
  errorInk: '#ffb4b4', // problems in a loaded file, blocked decisions
  warnInk: '#ffcf99', // why a request is unavailable
  scrim: '#040912', // behind the briefing (at 72 % opacity)
  otherState: '#3a4559', // states in the scenario that are not members
} as const;

export type PaletteKey = keyof typeof palette;

export const theme = {
  color: palette,
  font: {
    family: '"Noto Sans", sans-serif',
    // Sizes in px at 1280×800: body never below 16 (look.md).
    size: { small: 16, body: 17, label: 18, heading: 24, title: 34, mapLabel: 15 },
  },
  space: { xs: 4, s: 8, m: 12, l: 16, xl: 24 },
  radius: 6,
} as const;

/** A CSS colour as a number for Phaser. */
export function hex(key: PaletteKey): number {
  return Number.parseInt(palette[key].slice(1), 16);
}

/** A rule set's bloc colour: its preset's, or for a design of its own, its base preset's. */
export function blocColor(spec: string | null, defined?: Scenario['ruleSets']): PresetId {
  return (spec && basePreset(spec, defined)) || 'nato';
}

/** The deeper shade of a bloc colour, for filled buttons. */
export function blocDeep(bloc: PresetId): PaletteKey {
  return `${bloc}Deep`;
}

/** Positions carry a letter as well as a colour (look.md). */
export const positionStyle: Record<Position, { color: PaletteKey; letter: string; icon: string }> = {
  support: { color: 'support', letter: 'S', icon: '✓' },
  object: { color: 'object', letter: 'O', icon: '✗' },
  abstain: { color: 'abstain', letter: 'A', icon: '–' },
  'stay-out': { color: 'stayOut', letter: '·', icon: '○' },
};

/** Publishes the palette as CSS custom properties, so the stylesheet reads the same table. */
export function applyThemeToDocument(root: HTMLElement = document.documentElement): void {
  for (const [key, value] of Object.entries(palette)) {
    root.style.setProperty(`--c-${key.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`)}`, value);
  }
  for (const [key, value] of Object.entries(theme.font.size)) {
    root.style.setProperty(`--fs-${key.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`)}`, `${value}px`);
  }
  root.style.setProperty('--font', theme.font.family);
}
