// Statistics of a sweep: a mean over settings with a bootstrap confidence interval, and how
// often the difference points each way. The resampling is seeded, so a report is reproducible.
import { seedRng } from '../engine/index';

export const BOOTSTRAP_RESAMPLES = 2000;

/** A paired difference summarised over settings (one value per setting). */
export interface Effect {
  /** Settings that gave a difference. */
  n: number;
  mean: number;
  /** 95% percentile-bootstrap interval of the mean (resampling settings). */
  lo: number;
  hi: number;
  /** Shares of settings whose difference has the claimed sign, is exactly 0, has the other sign. */
  holds: number;
  ties: number;
  reverses: number;
  /** The measure's mean on each side, for scale. */
  natoMean: number;
  scoMean: number;
}

export function mean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return xs.length ? s / xs.length : NaN;
}

/** The 2.5% and 97.5% quantiles of the means of resamples (with replacement) of `xs`. */
export function bootstrapInterval(xs: readonly number[], seed: string, resamples = BOOTSTRAP_RESAMPLES): [number, number] {
  if (xs.length === 0) return [NaN, NaN];
  const rng = seedRng(`bootstrap:${seed}`);
  const means = new Float64Array(resamples);
  const n = xs.length;
  for (let r = 0; r < resamples; r++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += xs[Math.floor(rng.next() * n)]!;
    means[r] = s / n;
  }
  means.sort();
  const at = (q: number) => means[Math.min(resamples - 1, Math.max(0, Math.round(q * (resamples - 1))))]!;
  return [at(0.025), at(0.975)];
}

/** Summarises one difference per setting; `direction` is the sign the claim expects. */
export function effectOf(diffs: readonly number[], nato: readonly number[], sco: readonly number[], direction: 1 | -1, seed: string): Effect {
  const n = diffs.length;
  const [lo, hi] = bootstrapInterval(diffs, seed);
  let holds = 0;
  let ties = 0;
  for (const d of diffs) {
    if (d === 0) ties++;
    else if (Math.sign(d) === direction) holds++;
  }
  return {
    n,
    mean: mean(diffs),
    lo,
    hi,
    holds: n ? holds / n : NaN,
    ties: n ? ties / n : NaN,
    reverses: n ? (n - holds - ties) / n : NaN,
    natoMean: mean(nato),
    scoMean: mean(sco),
  };
}

/** Where the interval lies: wholly on the claimed side, wholly on the other, or across zero. */
export function directionOf(e: Effect, direction: 1 | -1): 'claimed' | 'opposite' | 'unclear' {
  if (!(e.n > 1)) return 'unclear';
  if (direction * e.lo > 0 && direction * e.hi > 0) return 'claimed';
  if (direction * e.lo < 0 && direction * e.hi < 0) return 'opposite';
  return 'unclear';
}
