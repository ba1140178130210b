// Order statistics for the comparison table. Quartiles and the median interpolate linearly
// between order statistics (Hyndman and Fan's type 7, the default of R, NumPy and
// spreadsheets' QUARTILE.INC): for n sorted values x[0..n-1] and a fraction p, take h = (n - 1) p;
// the quantile is x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]).

export interface Distribution {
  /** Values that went in (nulls are not values: see `missing`). */
  count: number;
  /** Inputs that had no value (for days to the first collective measure: no measure at all). */
  missing: number;
  min: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  max: number | null;
  mean: number | null;
}

/** The quantile p (0–1) of values sorted ascending; null for no values. */
export function quantile(sorted: readonly number[], p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  const b = sorted[Math.min(lo + 1, n - 1)]!;
  // Round away the floating-point dust of the interpolation (12 significant digits are more than
  // any indicator carries), so a CSV written and read back gives exactly the same numbers.
  return tidy(a + (h - lo) * (b - a));
}

export function tidy(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(12)) : x;
}

/** Sorts a copy: O(n log n), the only super-linear step of the comparison. */
export function distribution(values: readonly (number | null)[]): Distribution {
  const present: number[] = [];
  let missing = 0;
  let sum = 0;
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) missing += 1;
    else {
      present.push(v);
      sum += v;
    }
  }
  present.sort((x, y) => x - y);
  const n = present.length;
  return {
    count: n,
    missing,
    min: n ? present[0]! : null,
    q1: quantile(present, 0.25),
    median: quantile(present, 0.5),
    q3: quantile(present, 0.75),
    max: n ? present[n - 1]! : null,
    mean: n ? tidy(sum / n) : null,
  };
}
