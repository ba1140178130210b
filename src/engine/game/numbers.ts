// Numbers written to the game state and the log are rounded to a fixed precision, so that the
// same inputs give the same bytes in Node and in every browser.
export const PRECISION = 4;
const SCALE = 10 ** PRECISION;

export function round(x: number): number {
  const r = Math.round(x * SCALE) / SCALE;
  return Object.is(r, -0) ? 0 : r;
}

export function clamp(x: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, x));
}

export function clampUnit(x: number): number {
  return round(clamp(x, 0, 1));
}
