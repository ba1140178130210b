// The sensitivity sweep (`crisis-lab sweep`): a tiny sweep in this process gives a report of the
// promised shape; its pairs hold everything but one feature equal (a factor the engine never
// reads gives exactly zero in every setting, and the same check finds a difference when the pair
// is broken); bad input is answered with what exists; a sweep too large to finish asks for --yes.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../src/cli/scenario-file';
import { sweepProgress } from '../src/cli/sweep-command';
import { PARAMETERS, PARAMETER_KEYS } from '../src/engine/model/parameters';
import { FEATURE_KEYS } from '../src/engine/rules/features';
import { resolveFeatures } from '../src/engine/rules/resolve';
import type { Scenario } from '../src/engine/scenario/schema';
import { settingValues } from '../src/sim/sweep-analysis';
import { CLAIMS, MEASURES, type MeasureId } from '../src/sim/sweep-claims';
import { FACTORS, drawSettings, planSweep, sizeOf, specOf, switched, type SweepOptions, type SweepPlan } from '../src/sim/sweep-design';
import { playSweepGame, type GameMeasures } from '../src/sim/sweep-play';
import { playInThread, runSweep, type SweepReport } from '../src/sim/sweep';
import { findingsMarkdown } from '../src/sim/sweep-report';

const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'bin', 'crisis-lab.mjs');
// Quick scenarios, one of them with rivals (rats-central-asia: India and Pakistan).
const FILES = ['tutorial', 'kazakhstan-2022', 'rats-central-asia', 'unrest-request'].map((id) => join(ROOT, 'scenarios', `${id}.yaml`));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const scenarios: Record<string, Scenario> = {};
for (const f of FILES) {
  const s = loadScenarioFile(f);
  scenarios[s.id] = s;
}
const OPTIONS: SweepOptions = {
  scenarios: Object.keys(scenarios),
  policies: ['consult-first', 'hawk'],
  settings: 8,
  seeds: 2,
  factors: [...FACTORS],
  seed: 'test',
};

describe('a tiny sweep', () => {
  let report: SweepReport;
  let plan: SweepPlan;
  let results: Map<string, GameMeasures>;

  beforeAll(async () => {
    plan = planSweep(OPTIONS);
    const play = playInThread(scenarios);
    results = new Map();
    report = await runSweep({
      scenarios,
      options: OPTIONS,
      constantSeeds: 1,
      command: 'crisis-lab sweep (test)',
      plan,
      play: async (games, phase) => {
        const got = await play(games, phase);
        for (const [k, v] of got) results.set(k, v);
        return got;
      },
    });
    // A few hundred games: seconds on an idle machine, longer on a busy one.
  }, 120_000);

  it('reports every claim with a verdict, its factors, the presets and every constant at both ends', () => {
    expect(report.claims.map((c) => c.id)).toEqual(CLAIMS.map((c) => c.id));
    for (const r of report.claims) {
      const claim = CLAIMS.find((c) => c.id === r.id)!;
      expect(['supported', 'not supported', 'depends on one constant']).toContain(r.verdict); // every claim is measurable here
      expect(r.factors.map((f) => f.factor).sort()).toEqual([...claim.factors].sort());
      expect(r.best === null || claim.factors.includes(r.best)).toBe(true);
      for (const f of [...r.factors, r.presets]) {
        const e = f.effect;
        if (e.n === 0) continue;
        expect(e.lo).toBeLessThanOrEqual(e.mean + 1e-12);
        expect(e.hi).toBeGreaterThanOrEqual(e.mean - 1e-12);
        expect(e.holds + e.ties + e.reverses).toBeCloseTo(1, 10);
      }
      if (r.best) {
        expect(r.constants.map((c) => c.key)).toEqual(PARAMETER_KEYS);
        for (const c of r.constants) {
          expect([c.low.value, c.high.value]).toEqual([...PARAMETERS[c.key].range]);
          expect(c.low.effect.n).toBeGreaterThan(0);
        }
      }
      // The verdict follows the rule the page states.
      if (r.verdict === 'supported') expect(r.main === 'claimed' && r.turnsOn.length === 0).toBe(true);
      if (r.verdict === 'depends on one constant') expect(r.turnsOn.length).toBeGreaterThan(0);
    }
    // The rivals claim is measured only where members include rivals.
    expect(report.claims.find((c) => c.id === 'rivals')!.scenarios).toEqual(['rats-central-asia']);
    expect(report.design.scenarios.find((s) => s.id === 'rats-central-asia')!.rivals.length).toBeGreaterThan(0);
    expect(report.design.scenarios.find((s) => s.id === 'tutorial')!.rivals).toEqual([]);
    expect(report.matrix).toHaveLength((FACTORS.length + 1) * Object.keys(MEASURES).length);
  });

  it('counts the pairs incoherence refuses instead of playing them', () => {
    const refused = report.design.refused.find((r) => r.factor === 'commitment');
    expect(refused?.settings).toBeGreaterThan(0);
    for (const r of plan.refused) expect(resolveFeatures(specOf(switched(plan.settings[r.setting]!.background, r.factor, r.side))).ok).toBe(false);
  });

  it('sizes the main run before building it, game for game', () => {
    const settings = drawSettings(OPTIONS);
    const size = sizeOf(settings, OPTIONS.factors);
    const main = [...plan.games.values()].filter((g) => plan.pairs.some((p) => p.variant === 'main' && (p.nato === g.key || p.sco === g.key)));
    expect(Object.values(size.games).reduce((a, b) => a + b, 0)).toBe(main.length);
  });

  it('pairs differ in the one feature switched, and share scenario, policy, constants and seed', () => {
    const games = plan.games;
    for (const p of plan.pairs.filter((x) => x.factor !== 'presets')) {
      const a = games.get(p.nato)!;
      const b = games.get(p.sco)!;
      expect([a.scenario, a.policy, a.seed, a.parameters]).toEqual([b.scenario, b.policy, b.seed, b.parameters]);
      const fa = resolveFeatures(a.rules);
      const fb = resolveFeatures(b.rules);
      if (!fa.ok || !fb.ok) throw new Error('a played rule set does not resolve');
      expect(FEATURE_KEYS.filter((k) => fa.value[k] !== fb.value[k])).toEqual([p.factor]);
    }
  });

  it('a factor the games never reach gives a difference of exactly 0 in every setting; a broken pair does not', () => {
    const measures = Object.keys(MEASURES) as MeasureId[];
    const main = plan.pairs.filter((p) => p.variant === 'main');
    // consensus and no-objection both let one objection block and abstentions pass, so the
    // engine's games are the same under either; suspension is never asked for by consult-first.
    const unreached = [
      main.filter((p) => p.factor === 'decisionRule'),
      main.filter((p) => p.factor === 'suspension' && plan.games.get(p.nato)!.policy === 'consult-first'),
    ];
    for (const pairs of unreached) {
      expect(new Set(pairs.map((p) => p.setting)).size).toBeGreaterThan(2);
      for (const m of measures) for (const v of settingValues(pairs, results, m)) expect(v.diff, `${m} in setting ${v.setting}`).toBe(0);
    }
    // The same check has teeth: the council's calendar does change games, and a pair whose two
    // games are played on different seeds (all else as in the sweep) no longer gives 0.
    const council = settingValues(main.filter((p) => p.factor === 'council'), results, 'days');
    expect(council.some((v) => v.diff !== 0)).toBe(true);
    const broken = unreached[0]!.slice(0, 12).map((p) => {
      const sco = plan.games.get(p.sco)!;
      const other = { ...sco, seed: `${sco.seed}-other`, key: `${sco.key}-other` };
      return playSweepGame(scenarios[sco.scenario]!, other);
    });
    const same = unreached[0]!.slice(0, 12).map((p) => results.get(p.nato)!);
    expect(broken.some((g, i) => measures.some((m) => m !== 'blockedShare' && g[m as Exclude<MeasureId, 'blockedShare'>] !== same[i]![m as Exclude<MeasureId, 'blockedShare'>]))).toBe(true);
  });

  it('writes a findings page that names each claim, its verdict and the command', () => {
    const md = findingsMarkdown(report);
    expect(md).toContain('crisis-lab sweep (test)');
    for (const r of report.claims) expect(md).toContain(`${r.title}: ${r.verdict}`);
    expect(md).toMatch(/The model supports:/);
    expect(md).toMatch(/It does not support:/);
    expect(md).toMatch(/only with one constant/);
  });
});

describe('crisis-lab sweep on bad input', () => {
  it('an unknown feature lists the features there are', () => {
    const r = cli('sweep', '--features', 'commitment,armies');
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown feature "armies"');
    for (const k of FEATURE_KEYS) expect(r.err).toContain(k);
  });

  it('a feature both presets share says there is nothing to switch', () => {
    const r = cli('sweep', '--features', 'unrest');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/same value in the nato and sco presets/);
  });

  it('a size that is not a whole number is a usage error', () => {
    const r = cli('sweep', '--settings', '0');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--settings must be a whole number of at least 1');
  });

  it('a sweep too large for ten minutes on two cores shows the estimate and asks for --yes', () => {
    const r = cli('sweep', ...FILES, '--settings', '6000', '--seeds', '2');
    expect(r.code, r.err).toBe(2);
    expect(r.err).toMatch(/games in the main run and at most [\d,]+ pinning constants; up to about \d+ min/);
    expect(r.err).toContain('--yes');
    expect(r.out).toBe('');
  });
});

describe('sweep progress', () => {
  it('off a terminal, writes a line at every tenth with the time left', () => {
    const lines: string[] = [];
    let t = 0;
    const p = sweepProgress({ isTTY: false, write: (s: string) => lines.push(s) }, 'main', () => t);
    for (let done = 0; done <= 200; done++) {
      t = done * 50;
      p.update(done, 200);
    }
    expect(lines.length).toBeLessThanOrEqual(11);
    expect(lines[0]).toMatch(/^sweep: main run: 20\/200 games, about 9 s left\n$/);
    expect(lines.at(-1)).toBe('sweep: main run: 200/200 games\n');
  });
});
