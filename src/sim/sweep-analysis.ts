// From a sweep's games to its findings: per claim and factor, the paired difference (NATO-type
// minus SCO-type) in each setting, its mean over settings with a bootstrap interval, and the
// share of settings in which it points the claimed way; then the claim's best factor re-run
// with each constant pinned at either end of its range, to see whether the direction survives.
import { PARAMETERS, PARAMETER_KEYS, type ParameterKey } from '../engine/index';
import { PRESETS, type FeatureKey } from '../engine/index';
import type { Scenario } from '../engine/index';
import { CLAIMS, MEASURES, rivalsOf, type Claim, type ClaimId, type MeasureId } from './sweep-claims';
import { pairsFor, type Pair, type Refusal, type Setting, type SweepPlan } from './sweep-design';
import type { GameMeasures } from './sweep-play';
import { directionOf, effectOf, type Effect } from './sweep-stats';

/** 'not tested' when no setting of the sweep could measure the claim (no factor of it swept, or no scenario of its population). */
export type Verdict = 'supported' | 'not supported' | 'depends on one constant' | 'not tested';

export interface FactorEffect {
  factor: FeatureKey | 'presets';
  /** The NATO-type and SCO-type values switched. */
  nato: string;
  sco: string;
  effect: Effect;
  /** Settings of the population where switching this factor made an incoherent rule set. */
  refused: number;
  /** Settings with pairs but no difference (blocked share: a side that decided nothing). */
  undefined: number;
}

export interface PinnedEffect {
  value: number;
  effect: Effect;
  /** The direction the best factor showed in the main run is gone (the mean is 0 or the other way). */
  flips: boolean;
  /** The claim, not supported in the main run, is supported with this constant here. */
  rescues: boolean;
}

export interface ConstantCheck {
  key: ParameterKey;
  low: PinnedEffect;
  high: PinnedEffect;
}

export interface ClaimResult {
  id: ClaimId;
  title: string;
  quote: string;
  measure: MeasureId;
  direction: 1 | -1;
  /** Scenario ids it is measured in. */
  scenarios: string[];
  /** The factors that speak to it (and were swept), best first by the interval's near end. */
  factors: FactorEffect[];
  /** The whole NATO preset against the whole SCO preset, same settings otherwise. */
  presets: FactorEffect;
  /** The factor the claim is judged on: the one whose interval lies furthest on the claimed side. */
  best: FeatureKey | null;
  /** The feature the study gives as the cause (CLAIMS[].named), when it was swept, and where its interval lies. */
  named: { factor: FeatureKey; as: string; direction: 'claimed' | 'opposite' | 'unclear' } | null;
  /** Where the best factor's interval lies in the main run. */
  main: 'claimed' | 'opposite' | 'unclear';
  /** The best factor's mean difference by scenario (main run). */
  byScenario: { scenario: string; n: number; mean: number }[];
  constants: ConstantCheck[];
  /** The best factor on the seeds the constant check plays, every constant as drawn: what each
   * pinned run is to be read against. */
  reference?: Effect;
  verdict: Verdict;
  /** The constants (and ends) the verdict turns on. */
  turnsOn: string[];
  /** For the rivals claim: the blocked share under each preset with rivals and without. */
  context?: { rivals: { nato: number; sco: number; n: number }; others: { nato: number; sco: number; n: number } };
}

export interface MatrixCell {
  factor: FeatureKey | 'presets';
  measure: MeasureId;
  effect: Effect;
}

/** The pairs' results grouped by setting: one difference per setting, and each side's value. */
export function settingValues(
  pairs: readonly Pair[],
  results: ReadonlyMap<string, GameMeasures>,
  measure: MeasureId,
): { setting: number; diff: number; nato: number; sco: number }[] {
  const bySetting = new Map<number, Pair[]>();
  for (const p of pairs) {
    const list = bySetting.get(p.setting);
    if (list) list.push(p);
    else bySetting.set(p.setting, [p]);
  }
  const out: { setting: number; diff: number; nato: number; sco: number }[] = [];
  for (const [setting, list] of bySetting) {
    const got = list.map((p) => {
      const nato = results.get(p.nato);
      const sco = results.get(p.sco);
      if (!nato || !sco) throw new Error(`sweep: no result for a game of setting ${setting}`);
      return { nato, sco };
    });
    if (measure === 'blockedShare') {
      let nb = 0, nd = 0, sb = 0, sd = 0;
      for (const { nato, sco } of got) {
        nb += nato.blocked;
        nd += nato.decided;
        sb += sco.blocked;
        sd += sco.decided;
      }
      if (nd === 0 || sd === 0) continue;
      out.push({ setting, diff: nb / nd - sb / sd, nato: nb / nd, sco: sb / sd });
    } else {
      let diff = 0, nato = 0, sco = 0;
      for (const g of got) {
        diff += g.nato[measure] - g.sco[measure];
        nato += g.nato[measure];
        sco += g.sco[measure];
      }
      out.push({ setting, diff: diff / got.length, nato: nato / got.length, sco: sco / got.length });
    }
  }
  return out.sort((a, b) => a.setting - b.setting);
}

export interface SweepData {
  plan: SweepPlan;
  results: ReadonlyMap<string, GameMeasures>;
  scenarios: Readonly<Record<string, Scenario>>;
}

const rivalry = new WeakMap<Scenario, boolean>();

/** Whether a scenario's members include rivals (rivalsOf), read once per scenario. */
export function hasRivals(scenario: Scenario): boolean {
  let known = rivalry.get(scenario);
  if (known === undefined) rivalry.set(scenario, (known = rivalsOf(scenario).length > 0));
  return known;
}

function inPopulation(claim: Claim, scenarios: Readonly<Record<string, Scenario>>): (s: Setting) => boolean {
  if (claim.population === 'all') return () => true;
  return (s) => hasRivals(scenarios[s.scenario]!);
}

function factorEffect(
  data: SweepData,
  factor: FeatureKey | 'presets',
  measure: MeasureId,
  direction: 1 | -1,
  keep: (s: Setting) => boolean,
  variant = 'main',
  tag = '',
): FactorEffect {
  return factorEffectOf(data, data.plan.pairs.filter((p) => p.variant === variant), factor, measure, direction, keep, `${variant}:${tag}`);
}

function factorEffectOf(
  data: SweepData,
  from: readonly Pair[],
  factor: FeatureKey | 'presets',
  measure: MeasureId,
  direction: 1 | -1,
  keep: (s: Setting) => boolean,
  tag: string,
): FactorEffect {
  const settings = new Set(data.plan.settings.filter(keep).map((s) => s.index));
  const pairs = from.filter((p) => p.factor === factor && settings.has(p.setting));
  const values = settingValues(pairs, data.results, measure);
  const withPairs = new Set(pairs.map((p) => p.setting)).size;
  const refused = factor === 'presets' ? 0 : new Set(data.plan.refused.filter((r) => r.factor === factor && settings.has(r.setting)).map((r) => r.setting)).size;
  return {
    factor,
    nato: factor === 'presets' ? 'nato' : PRESETS.nato[factor],
    sco: factor === 'presets' ? 'sco' : PRESETS.sco[factor],
    effect: effectOf(
      values.map((v) => v.diff),
      values.map((v) => v.nato),
      values.map((v) => v.sco),
      direction,
      `${tag}:${factor}:${measure}`,
    ),
    refused,
    undefined: withPairs - values.length,
  };
}

/** How far on the claimed side an interval's near end lies (negative: it reaches the other side). */
function nearEnd(e: Effect, direction: 1 | -1): number {
  return e.n > 1 ? Math.min(direction * e.lo, direction * e.hi) : -Infinity;
}

/** Every claim, from the main run; the constant checks are filled in by `withConstants`. */
export function analyseMain(data: SweepData, factors: readonly FeatureKey[]): ClaimResult[] {
  return CLAIMS.map((claim) => {
    const keep = inPopulation(claim, data.scenarios);
    const speaking = claim.factors.filter((f) => factors.includes(f));
    const effects = speaking
      .map((f) => factorEffect(data, f, claim.measure, claim.direction, keep))
      .sort((a, b) => nearEnd(b.effect, claim.direction) - nearEnd(a.effect, claim.direction));
    const best = effects.find((e) => e.effect.n > 1)?.factor as FeatureKey | undefined;
    const bestEffect = effects.find((e) => e.factor === best);
    const scenarioIds = [...new Set(data.plan.settings.filter(keep).map((s) => s.scenario))];
    const byScenario = best
      ? scenarioIds.map((id) => {
          const e = factorEffect(data, best, claim.measure, claim.direction, (s) => keep(s) && s.scenario === id).effect;
          return { scenario: id, n: e.n, mean: e.mean };
        })
      : [];
    const result: ClaimResult = {
      id: claim.id,
      title: claim.title,
      quote: claim.quote,
      measure: claim.measure,
      direction: claim.direction,
      scenarios: scenarioIds,
      factors: effects,
      presets: factorEffect(data, 'presets', claim.measure, claim.direction, keep),
      best: best ?? null,
      named: (() => {
        const f = effects.find((e) => e.factor === claim.named.factor);
        return f ? { ...claim.named, direction: directionOf(f.effect, claim.direction) } : null;
      })(),
      main: bestEffect ? directionOf(bestEffect.effect, claim.direction) : 'unclear',
      byScenario,
      constants: [],
      verdict: 'not supported',
      turnsOn: [],
    };
    if (claim.population === 'rivals') {
      const level = (rivals: boolean) => {
        const settings = new Set(data.plan.settings.filter((s) => hasRivals(data.scenarios[s.scenario]!) === rivals).map((s) => s.index));
        const v = settingValues(data.plan.pairs.filter((p) => p.variant === 'main' && p.factor === 'presets' && settings.has(p.setting)), data.results, 'blockedShare');
        const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
        return { nato: avg(v.map((x) => x.nato)), sco: avg(v.map((x) => x.sco)), n: v.length };
      };
      result.context = { rivals: level(true), others: level(false) };
    }
    return judge(result);
  });
}

/** The verdict from the main run and the constant checks (see docs/findings.md, "How to read"). */
export function judge(r: ClaimResult): ClaimResult {
  const flips = r.constants.flatMap((c) => (['low', 'high'] as const).filter((end) => c[end].flips).map((end) => `${c.key} at its ${end} end (${c[end].value})`));
  const rescues = r.constants.flatMap((c) => (['low', 'high'] as const).filter((end) => c[end].rescues).map((end) => `${c.key} at its ${end} end (${c[end].value})`));
  if (!r.best) {
    r.verdict = 'not tested';
    r.turnsOn = [];
  } else if (r.main === 'claimed') {
    r.verdict = flips.length ? 'depends on one constant' : 'supported';
    r.turnsOn = flips;
  } else {
    r.verdict = rescues.length ? 'depends on one constant' : 'not supported';
    r.turnsOn = rescues;
  }
  return r;
}

export const PIN_ENDS = ['low', 'high'] as const;

/** The runs of the constant check: each claim's best factor, in the settings of its population,
 * with one constant at a time pinned at the low and at the high end of its range (the others as
 * drawn), on the first `seeds` seeds of each setting. Added to `plan`. */
export function planConstants(data: SweepData, claims: readonly ClaimResult[], seeds: number): SweepPlan {
  const plan = data.plan;
  const byFactor = new Map<FeatureKey, Set<number>>();
  for (const r of claims) {
    if (!r.best) continue;
    const claim = CLAIMS.find((c) => c.id === r.id)!;
    const keep = inPopulation(claim, data.scenarios);
    const set = byFactor.get(r.best) ?? new Set<number>();
    for (const s of plan.settings) if (keep(s)) set.add(s.index);
    byFactor.set(r.best, set);
  }
  for (const [factor, indices] of byFactor) {
    const settings = plan.settings.filter((s) => indices.has(s.index));
    for (const key of PARAMETER_KEYS)
      PIN_ENDS.forEach((end, i) => {
        const value = PARAMETERS[key].range[i]!;
        pairsFor(settings, [factor], plan, { parameters: (s) => ({ ...s.parameters, [key]: value }), seeds, variant: `${key}:${end}` });
      });
  }
  return plan;
}

/** At most how many games the constant check adds, by scenario: every claim with the factor
 * that has the most coherent settings (which factor is best is known only after the main run). */
export function constantGamesBound(
  settings: readonly Setting[],
  refusals: readonly Refusal[],
  scenarios: Readonly<Record<string, Scenario>>,
  factors: readonly FeatureKey[],
  seeds: number,
): Record<string, number> {
  const out: Record<string, number> = {};
  const perSetting = PARAMETER_KEYS.length * PIN_ENDS.length * 2 * Math.min(seeds, settings[0]?.seeds.length ?? 0);
  for (const claim of CLAIMS) {
    const keep = inPopulation(claim, scenarios);
    const population = settings.filter(keep);
    let most: Setting[] = [];
    for (const f of claim.factors.filter((x) => factors.includes(x))) {
      const refused = new Set(refusals.filter((r) => r.factor === f).map((r) => r.setting));
      const usable = population.filter((s) => !refused.has(s.index));
      if (usable.length > most.length) most = usable;
    }
    for (const s of most) out[s.scenario] = (out[s.scenario] ?? 0) + perSetting;
  }
  return out;
}

/** Fills in each claim's constant checks from the pinned runs and judges it again. */
export function withConstants(data: SweepData, claims: ClaimResult[]): ClaimResult[] {
  return claims.map((r) => {
    if (!r.best) return r;
    const claim = CLAIMS.find((c) => c.id === r.id)!;
    const keep = inPopulation(claim, data.scenarios);
    const pinned = (key: ParameterKey, end: (typeof PIN_ENDS)[number]): PinnedEffect => {
      const value = PARAMETERS[key].range[end === 'low' ? 0 : 1];
      const effect = factorEffect(data, r.best!, claim.measure, claim.direction, keep, `${key}:${end}`, r.id).effect;
      return {
        value,
        effect,
        flips: r.main === 'claimed' && !(claim.direction * effect.mean > 0),
        rescues: r.main !== 'claimed' && directionOf(effect, claim.direction) === 'claimed',
      };
    };
    const seeds = new Set(data.plan.pairs.filter((p) => p.variant !== 'main').map((p) => p.seed));
    const reference = factorEffectOf(data, data.plan.pairs.filter((p) => p.variant === 'main' && seeds.has(p.seed)), r.best, claim.measure, claim.direction, keep, `reference:${r.id}`).effect;
    return judge({ ...r, reference, constants: PARAMETER_KEYS.map((key) => ({ key, low: pinned(key, 'low'), high: pinned(key, 'high') })) });
  });
}

/** Every factor on every measure over all scenarios: the appendix of the findings. */
export function matrixOf(data: SweepData, factors: readonly FeatureKey[]): MatrixCell[] {
  const out: MatrixCell[] = [];
  for (const factor of [...factors, 'presets' as const])
    for (const measure of Object.keys(MEASURES) as MeasureId[]) {
      const claim = CLAIMS.find((c) => c.measure === measure)!;
      out.push({ factor, measure, effect: factorEffect(data, factor, measure, claim.direction, () => true).effect });
    }
  return out;
}
