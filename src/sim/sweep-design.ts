// The design of a sensitivity sweep (`crisis-lab sweep`): which games to play so that each
// institutional feature's effect is measured on its own, across backgrounds. A feature factor
// is one feature switched between its value in the NATO preset and its value in the SCO preset;
// every other feature is drawn from either preset at random in each setting, and the model's
// constants are drawn within their ranges, so the two games of a pair differ in that one
// feature and nothing else (same scenario, policy, constants and seed). Plain data and pure
// functions: the command line plays the games, in this thread or in workers.
import { FEATURE_KEYS, PRESETS, incoherence, type FeatureKey, type InstitutionalFeatures } from '../engine/index';
import { PARAMETERS, PARAMETER_KEYS, type ModelParameters, type ParameterKey } from '../engine/index';
import { seedRng } from '../engine/index';

/** The features whose NATO and SCO values differ: the only ones a NATO-vs-SCO switch can test. */
export const FACTORS: FeatureKey[] = FEATURE_KEYS.filter((k) => PRESETS.nato[k] !== PRESETS.sco[k]);

/** Features both presets set alike (nothing to switch), with their one value. */
export const NOT_FACTORS: FeatureKey[] = FEATURE_KEYS.filter((k) => PRESETS.nato[k] === PRESETS.sco[k]);

/** The two sides of every pair: the NATO-type value and the SCO-type value of the factor. */
export type Side = 'nato' | 'sco';

export interface SweepOptions {
  /** Scenario ids (or file names), in a fixed order; setting i plays scenario i mod S. */
  scenarios: string[];
  policies: string[];
  settings: number;
  seeds: number;
  /** The factors to switch (a subset of FACTORS, in FACTORS order). */
  factors: FeatureKey[];
  /** The sweep's own seed: every draw of backgrounds, constants and game seeds follows from it. */
  seed: string;
}

/** One setting: everything the two games of a pair share. */
export interface Setting {
  index: number;
  scenario: string;
  policy: string;
  /** Each feature's value: a coherent mix of the two presets. */
  background: InstitutionalFeatures;
  /** Which preset each feature of the background came from. */
  from: Record<FeatureKey, Side>;
  /** Incoherent backgrounds drawn (and refused) before this one. */
  redrawn: number;
  parameters: ModelParameters;
  /** The game seeds, the same for both sides of every pair. */
  seeds: string[];
}

/** One game to play: the rule set by its features, and the setting's other inputs. */
export interface SweepGame {
  key: string;
  scenario: string;
  /** The rule set as newGame takes it: `nato` with the features that differ (design-lab notation). */
  rules: string;
  seed: string;
  policy: string;
  parameters: ModelParameters;
}

/** A pair: the same setting and seed, the factor at its NATO-type value and at its SCO-type value. */
export interface Pair {
  setting: number;
  /** A feature factor, or 'presets' for the whole NATO preset against the whole SCO preset. */
  factor: FeatureKey | 'presets';
  seed: string;
  /** Which run it belongs to: 'main', or a constant pinned at one end ('priorDefence:low'). */
  variant: string;
  nato: string;
  sco: string;
}

/** A pair the rules refuse: switching the factor in this background makes an incoherent rule set. */
export interface Refusal {
  setting: number;
  factor: FeatureKey;
  side: Side;
  reason: string;
}

export interface SweepPlan {
  settings: Setting[];
  games: Map<string, SweepGame>;
  pairs: Pair[];
  refused: Refusal[];
}

/** The design lab's notation for a feature set: `nato` and every feature that differs from it. */
export function specOf(features: InstitutionalFeatures): string {
  const swaps = FEATURE_KEYS.filter((k) => features[k] !== PRESETS.nato[k]).map((k) => `+${k}=${features[k]}`);
  return `nato${swaps.join('')}`;
}

function parameterKey(p: ModelParameters): string {
  return PARAMETER_KEYS.map((k) => p[k]).join(',');
}

export function gameOf(scenario: string, features: InstitutionalFeatures, seed: string, policy: string, parameters: ModelParameters): SweepGame {
  const rules = specOf(features);
  return { key: [scenario, rules, seed, policy, parameterKey(parameters)].join('|'), scenario, rules, seed, policy, parameters };
}

/** A value drawn uniformly within a constant's range, rounded to four decimals as the engine rounds. */
function drawParameter(key: ParameterKey, u: number): number {
  const [lo, hi] = PARAMETERS[key].range;
  return Math.round((lo + u * (hi - lo)) * 1e4) / 1e4;
}

/** Backgrounds are redrawn at most this often; incoherence rules out a few combinations only. */
const MAX_REDRAWS = 100;

/** The settings: scenario and policy in rotation (so each is equally represented), background,
 * constants and seeds drawn from the sweep's seed. */
export function drawSettings(o: SweepOptions): Setting[] {
  const rng = seedRng(`sweep:${o.seed}`);
  const out: Setting[] = [];
  for (let i = 0; i < o.settings; i++) {
    const scenario = o.scenarios[i % o.scenarios.length]!;
    const policy = o.policies[Math.floor(i / o.scenarios.length) % o.policies.length]!;
    let redrawn = 0;
    let background: InstitutionalFeatures;
    let from: Record<FeatureKey, Side>;
    for (;;) {
      from = {} as Record<FeatureKey, Side>;
      const f: Record<string, string> = {};
      for (const k of FEATURE_KEYS) {
        from[k] = rng.next() < 0.5 ? 'nato' : 'sco';
        f[k] = PRESETS[from[k]][k];
      }
      background = f as InstitutionalFeatures;
      if (!incoherence(background)) break;
      if (++redrawn > MAX_REDRAWS) throw new Error('no coherent background found');
    }
    const parameters = {} as ModelParameters;
    for (const k of PARAMETER_KEYS) parameters[k] = drawParameter(k, rng.next());
    const seeds = Array.from({ length: o.seeds }, (_, j) => `${o.seed}-${i + 1}-${j + 1}`);
    out.push({ index: i, scenario, policy, background, from, redrawn, parameters, seeds });
  }
  return out;
}

/** The background with one factor set to its NATO-type or SCO-type value. */
export function switched(background: InstitutionalFeatures, factor: FeatureKey, side: Side): InstitutionalFeatures {
  return { ...background, [factor]: PRESETS[side][factor] } as InstitutionalFeatures;
}

/** The pairs of a set of settings for the given factors (and the presets' bundle), with the
 * games they need, each game once; pairs whose switched rule set is incoherent are refused.
 * `parameters` replaces the setting's constants (the constant check pins one of them);
 * `seeds` takes only the first so many seeds of each setting. */
export function pairsFor(
  settings: Setting[],
  factors: readonly (FeatureKey | 'presets')[],
  plan: SweepPlan = { settings, games: new Map(), pairs: [], refused: [] },
  override: { parameters?: (s: Setting) => ModelParameters; seeds?: number; variant?: string } = {},
): SweepPlan {
  const variant = override.variant ?? 'main';
  for (const s of settings) {
    const parameters = override.parameters ? override.parameters(s) : s.parameters;
    const seeds = override.seeds === undefined ? s.seeds : s.seeds.slice(0, override.seeds);
    for (const factor of factors) {
      const sides: Record<Side, InstitutionalFeatures> =
        factor === 'presets'
          ? { nato: PRESETS.nato, sco: PRESETS.sco }
          : { nato: switched(s.background, factor, 'nato'), sco: switched(s.background, factor, 'sco') };
      let refused = false;
      for (const side of ['nato', 'sco'] as const) {
        const reason = incoherence(sides[side]);
        if (reason && factor !== 'presets') {
          if (variant === 'main') plan.refused.push({ setting: s.index, factor, side, reason });
          refused = true;
        }
      }
      if (refused) continue;
      for (const seed of seeds) {
        const nato = gameOf(s.scenario, sides.nato, seed, s.policy, parameters);
        const sco = gameOf(s.scenario, sides.sco, seed, s.policy, parameters);
        plan.games.set(nato.key, nato);
        plan.games.set(sco.key, sco);
        plan.pairs.push({ setting: s.index, factor, seed, variant, nato: nato.key, sco: sco.key });
      }
    }
  }
  return plan;
}

/** The main design: every setting, every chosen factor and the presets' bundle. */
export function planSweep(o: SweepOptions, settings: Setting[] = drawSettings(o)): SweepPlan {
  return pairsFor(settings, [...o.factors, 'presets']);
}

/** How many games the main design plays in each scenario, and which factors each setting
 * refuses, without building the games (a sweep too large to run is measured before it is made). */
export function sizeOf(settings: readonly Setting[], factors: readonly FeatureKey[]): { games: Record<string, number>; refused: Refusal[] } {
  const games: Record<string, number> = {};
  const refused: Refusal[] = [];
  for (const s of settings) {
    const rules = new Set<string>([specOf(PRESETS.nato), specOf(PRESETS.sco)]);
    for (const factor of factors) {
      const sides = (['nato', 'sco'] as const).map((side) => ({ side, features: switched(s.background, factor, side) }));
      const wrong = sides.map((x) => ({ ...x, reason: incoherence(x.features) })).filter((x) => x.reason);
      for (const w of wrong) refused.push({ setting: s.index, factor, side: w.side, reason: w.reason! });
      if (wrong.length === 0) for (const x of sides) rules.add(specOf(x.features));
    }
    games[s.scenario] = (games[s.scenario] ?? 0) + rules.size * s.seeds.length;
  }
  return { games, refused };
}
