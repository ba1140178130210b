// A sensitivity sweep from start to report: the main run (every factor in every setting), the
// constant check (each claim's best factor with one constant pinned at a time), the analysis.
// Who plays the games is given (`play`): this thread, or the command line's worker threads.
import { PARAMETERS, PARAMETER_KEYS } from '../engine/index';
import { FEATURE_KEYS, PRESETS, type FeatureKey } from '../engine/index';
import type { Scenario } from '../engine/index';
import { analyseMain, matrixOf, planConstants, withConstants, type ClaimResult, type MatrixCell } from './sweep-analysis';
import { CLAIMS, MEASURES, rivalsOf } from './sweep-claims';
import { FACTORS, NOT_FACTORS, planSweep, type SweepGame, type SweepOptions, type SweepPlan } from './sweep-design';
import { playSweepGame, type GameMeasures } from './sweep-play';
import { BOOTSTRAP_RESAMPLES } from './sweep-stats';

export type SweepPhase = 'main' | 'constants';

/** Plays games and gives back each one's measures by its key. */
export type GamePlayer = (games: SweepGame[], phase: SweepPhase) => Promise<Map<string, GameMeasures>>;

/** Plays the games one after another in this thread. */
export function playInThread(scenarios: Readonly<Record<string, Scenario>>, onGame: (done: number, total: number) => void = () => {}): GamePlayer {
  return async (games) => {
    const out = new Map<string, GameMeasures>();
    games.forEach((g, i) => {
      out.set(g.key, playSweepGame(scenarios[g.scenario]!, g));
      onGame(i + 1, games.length);
    });
    return out;
  };
}

export interface SweepDesign {
  settings: number;
  seeds: number;
  /** Seeds per setting in the constant check. */
  constantSeeds: number;
  seed: string;
  policies: string[];
  scenarios: { id: string; rivals: string[] }[];
  factors: { feature: FeatureKey; nato: string; sco: string }[];
  /** Features the two presets set alike: not switched, drawn like the rest (to the one value). */
  notFactors: { feature: FeatureKey; value: string }[];
  constants: { key: string; range: readonly [number, number]; value: number }[];
  games: { main: number; constants: number };
  /** Incoherent backgrounds drawn and refused before a coherent one (over all settings). */
  redrawnBackgrounds: number;
  /** Per factor: settings where switching it made a rule set that incoherence refuses, and why. */
  refused: { factor: FeatureKey; settings: number; reasons: string[] }[];
  interval: string;
}

export interface SweepReport {
  /** The command line that reproduces the report. */
  command: string;
  design: SweepDesign;
  claims: ClaimResult[];
  matrix: MatrixCell[];
  measures: typeof MEASURES;
}

export interface SweepInput {
  scenarios: Readonly<Record<string, Scenario>>;
  options: SweepOptions;
  constantSeeds: number;
  play: GamePlayer;
  command: string;
  /** The main plan, when the caller has drawn it already (to estimate its cost). */
  plan?: SweepPlan;
  /** Games already played (a timing pilot), by key. */
  known?: ReadonlyMap<string, GameMeasures>;
}

export async function runSweep(input: SweepInput): Promise<SweepReport> {
  const { scenarios, options } = input;
  const plan = input.plan ?? planSweep(options);
  const results = new Map<string, GameMeasures>(input.known ?? []);
  const mainGames = [...plan.games.values()];
  for (const [k, v] of await input.play(mainGames.filter((g) => !results.has(g.key)), 'main')) results.set(k, v);
  const data = { plan, results, scenarios };
  const main = analyseMain(data, options.factors);

  const before = new Set(plan.games.keys());
  planConstants(data, main, input.constantSeeds);
  const constantGames = [...plan.games.values()].filter((g) => !before.has(g.key));
  for (const [k, v] of await input.play(constantGames, 'constants')) results.set(k, v);
  const claims = withConstants(data, main);

  return {
    command: input.command,
    design: designOf(plan, input, { main: mainGames.length, constants: constantGames.length }),
    claims,
    matrix: matrixOf(data, options.factors),
    measures: MEASURES,
  };
}

function designOf(plan: SweepPlan, input: SweepInput, games: SweepDesign['games']): SweepDesign {
  const o = input.options;
  const refused = o.factors
    .map((factor) => {
      const list = plan.refused.filter((r) => r.factor === factor);
      return { factor, settings: new Set(list.map((r) => r.setting)).size, reasons: [...new Set(list.map((r) => r.reason))] };
    })
    .filter((r) => r.settings > 0);
  return {
    settings: o.settings,
    seeds: o.seeds,
    constantSeeds: Math.min(input.constantSeeds, o.seeds),
    seed: o.seed,
    policies: o.policies,
    scenarios: o.scenarios.map((id) => ({ id, rivals: rivalsOf(input.scenarios[id]!) })),
    factors: o.factors.map((feature) => ({ feature, nato: PRESETS.nato[feature], sco: PRESETS.sco[feature] })),
    notFactors: NOT_FACTORS.map((feature) => ({ feature, value: PRESETS.nato[feature] })),
    constants: PARAMETER_KEYS.map((key) => ({ key, range: PARAMETERS[key].range, value: PARAMETERS[key].value })),
    games,
    redrawnBackgrounds: plan.settings.reduce((n, s) => n + s.redrawn, 0),
    refused,
    interval: `95% percentile bootstrap over settings (${BOOTSTRAP_RESAMPLES} resamples, seeded)`,
  };
}

/** The factors a `--features` list names, checked: an unknown name lists the features, and a
 * feature both presets set alike says so. */
export function factorsFrom(list: string | undefined): { ok: true; factors: FeatureKey[] } | { ok: false; error: string } {
  if (list === undefined) return { ok: true, factors: [...FACTORS] };
  const names = list.split(',').map((n) => n.trim()).filter((n) => n !== '');
  if (names.length === 0) return { ok: false, error: '--features names no feature' };
  for (const name of names) {
    if (!(FEATURE_KEYS as string[]).includes(name)) {
      return { ok: false, error: `unknown feature "${name}"; the features are: ${FEATURE_KEYS.join(', ')} (a sweep switches ${FACTORS.join(', ')})` };
    }
    if ((NOT_FACTORS as string[]).includes(name)) {
      return {
        ok: false,
        error: `feature "${name}" has the same value in the nato and sco presets (${PRESETS.nato[name as FeatureKey]}), so there is nothing to switch; a sweep switches ${FACTORS.join(', ')}`,
      };
    }
  }
  return { ok: true, factors: FACTORS.filter((f) => names.includes(f)) };
}

export { CLAIMS };
