// `crisis-lab sweep [scenario...] [--settings N] [--seeds M] [--features F,...] [--json] [--out FILE] [--yes]`
// Factorial batches over institutional features (src/sim/sweep*.ts): whether each of the study's
// claims survives, how large the effect is, and whether it turns on one constant. A short timed
// pilot gives the estimate; a sweep that would take more than ten minutes on two cores asks first.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import type { Scenario } from '../engine/index';
import { constantGamesBound } from '../sim/sweep-analysis';
import { drawSettings, pairsFor, planSweep, sizeOf, type Setting, type SweepGame, type SweepOptions } from '../sim/sweep-design';
import { playSweepGame, type GameMeasures } from '../sim/sweep-play';
import { factorsFrom, runSweep, type GamePlayer, type SweepPhase } from '../sim/sweep';
import { findingsMarkdown, summaryText } from '../sim/sweep-report';
import { policyByName } from '../sim/policies';
import { UsageError, parseArgs } from './args';
import { fail } from './command-helpers';
import { progressLine, type ProgressStream } from './progress';
import { loadScenarioFile } from './scenario-file';
import { dealShares, defaultWorkers, startWorker } from './worker-threads';
import type { SweepMessage } from './sweep-worker-main';

/** The default size: `npm run findings` runs it, and it fits well inside ten minutes on two cores. */
export const SWEEP_DEFAULTS = { settings: 330, seeds: 3, constantSeeds: 1, seed: 'findings', policies: ['consult-first', 'hawk'] } as const;

/** Longer than this on two cores, and the sweep asks for --yes. */
export const LIMIT_SECONDS = 600;

/** Fewer games than this are played in this thread: a worker first spends about a second compiling. */
const WORKER_THRESHOLD = 400;

/** Share of a second core a worker thread adds (batch-runner measured 1.7× on two). */
const PARALLEL_EFFICIENCY = 0.85;

const SCENARIO_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));

const USAGE =
  'Usage: crisis-lab sweep [scenario...] [--settings N] [--seeds M] [--constant-seeds K] [--features F[,F...]]\n' +
  '                        [--policy P[,P...]] [--seed S] [--workers K] [--json] [--out FILE] [--yes]\n' +
  'Switches each institutional feature between its NATO and its SCO value in N settings (scenario and\n' +
  'policy in rotation, the other features and the model constants drawn at random, M seeds each) and\n' +
  'reports, per claim of the comparative study, whether the direction survives, the mean paired\n' +
  'difference with a 95% bootstrap interval, and whether it turns on one constant (each pinned at either\n' +
  `end of its range, K seeds per setting). Defaults: --settings ${SWEEP_DEFAULTS.settings} --seeds ${SWEEP_DEFAULTS.seeds} --constant-seeds ${SWEEP_DEFAULTS.constantSeeds} --seed ${SWEEP_DEFAULTS.seed},\n` +
  `every shipped scenario, --policy ${SWEEP_DEFAULTS.policies.join(',')}. --out writes the findings page (markdown);\n` +
  '--json prints the whole report. A sweep estimated at more than ten minutes on two cores runs only with --yes.\n';

export interface SweepIo {
  stdout: ProgressStream;
  stderr: ProgressStream;
  /** Whether a person can answer a question (standard input and error are terminals). */
  interactive: boolean;
  ask: (question: string) => Promise<string>;
}

const processIo = (): SweepIo => ({
  stdout: process.stdout,
  stderr: process.stderr,
  interactive: Boolean(process.stdin.isTTY && process.stderr.isTTY),
  ask: async (question) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      return await rl.question(question);
    } finally {
      rl.close();
    }
  },
});

export async function sweepCommand(args: string[], io: SweepIo = processIo()): Promise<number> {
  return fail('sweep', USAGE, async () => {
    const a = parseArgs(args, ['settings', 'seeds', 'constant-seeds', 'features', 'policy', 'seed', 'workers', 'out'], ['json', 'yes']);
    const settings = whole(a.options.get('settings'), '--settings', 1, SWEEP_DEFAULTS.settings);
    const seeds = whole(a.options.get('seeds'), '--seeds', 1, SWEEP_DEFAULTS.seeds);
    const constantSeeds = Math.min(seeds, whole(a.options.get('constant-seeds'), '--constant-seeds', 1, SWEEP_DEFAULTS.constantSeeds));
    const factors = factorsFrom(a.options.get('features'));
    if (!factors.ok) throw new UsageError(factors.error, false);
    const policies = (a.options.get('policy') ?? SWEEP_DEFAULTS.policies.join(',')).split(',').map((p) => p.trim());
    const seed = a.options.get('seed') ?? SWEEP_DEFAULTS.seed;

    const files = a.positional.length ? a.positional : shippedScenarios();
    const scenarios: Record<string, Scenario> = {};
    for (const file of files) {
      const s = loadScenarioFile(file);
      if (scenarios[s.id]) throw new UsageError(`scenario "${s.id}" is named twice`, false);
      scenarios[s.id] = s;
      for (const p of policies) {
        try {
          policyByName(p, s, '1');
        } catch (error) {
          throw new UsageError(`${file}: ${(error as Error).message}`, false);
        }
      }
    }
    const options: SweepOptions = { scenarios: Object.keys(scenarios), policies, settings, seeds, factors: factors.factors, seed };
    const command = commandLine(a.positional, options, constantSeeds, a.options.get('out'), a.options.has('features'));

    // Measured before anything is built: a sweep too large to run is refused without first
    // filling memory with its games.
    const settingList = drawSettings(options);
    const size = sizeOf(settingList, options.factors);
    const bound = constantGamesBound(settingList, size.refused, scenarios, options.factors, constantSeeds);

    // The pilot: a few games of every scenario, timed (the first ones untimed: the compiler warms
    // up on them). Their results are kept; the sweep does not play them again.
    const known = new Map<string, GameMeasures>();
    const msPerGame = pilot(settingList, options, scenarios, known);
    const workers = a.options.has('workers') ? whole(a.options.get('workers'), '--workers', 1, 1) : defaultWorkers();
    const cpuMs = (counts: Record<string, number>) => Object.entries(counts).reduce((t, [id, n]) => t + n * msPerGame[id]!, 0);
    const cpu = cpuMs(size.games) + cpuMs(bound);
    const wall = (threads: number) => (threads > 1 ? cpu / (threads * PARALLEL_EFFICIENCY) + 2000 : cpu) / 1000;
    const count = (counts: Record<string, number>) => Object.values(counts).reduce((x, y) => x + y, 0).toLocaleString('en');
    const here = workers === 2 ? '' : `; ${duration(wall(workers))} here with ${workers} worker${workers === 1 ? '' : 's'}`;
    io.stderr.write(
      `sweep: ${count(size.games)} games in the main run and at most ${count(bound)} pinning constants; ` +
        `up to about ${duration(wall(2))} on two cores${here} (pilot: ${average(msPerGame).toFixed(1)} ms a game)\n`,
    );
    if (wall(2) > LIMIT_SECONDS && !a.flags.has('yes')) {
      const question = `This sweep may take more than ten minutes. Run it? [y/N] `;
      const yes = io.interactive && /^y(es)?$/i.test((await io.ask(question)).trim());
      if (!yes) {
        io.stderr.write(
          `crisis-lab sweep: not started: up to about ${duration(wall(2))} on two cores is over the ten-minute limit. ` +
            `Run it again with --yes, or make it smaller (--settings, --seeds, --constant-seeds, --features).\n`,
        );
        return 2;
      }
    }
    const plan = planSweep(options, settingList);

    const started = Date.now();
    const play = pooledPlayer(scenarios, workers, io.stderr);
    const report = await runSweep({ scenarios, options, constantSeeds, play, command, plan, known });
    io.stderr.write(`sweep: done in ${duration((Date.now() - started) / 1000)}\n`);

    const out = a.options.get('out');
    if (out) {
      writeFileSync(out, findingsMarkdown(report));
      io.stderr.write(`sweep: findings written to ${out}\n`);
    }
    if (a.flags.has('json')) io.stdout.write(JSON.stringify(report, null, 2) + '\n');
    else io.stdout.write(summaryText(report));
    return 0;
  });
}

function shippedScenarios(): string[] {
  return readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => join(SCENARIO_DIR, f));
}

function whole(value: string | undefined, name: string, min: number, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${name} must be a whole number of at least ${min}`);
  return n;
}

/** The command that reproduces a report, every size spelled out. */
function commandLine(files: string[], o: SweepOptions, constantSeeds: number, out: string | undefined, features: boolean): string {
  const parts = ['crisis-lab sweep', ...files];
  parts.push(`--settings ${o.settings}`, `--seeds ${o.seeds}`, `--constant-seeds ${constantSeeds}`, `--seed ${o.seed}`);
  if (o.policies.join(',') !== SWEEP_DEFAULTS.policies.join(',')) parts.push(`--policy ${o.policies.join(',')}`);
  if (features) parts.push(`--features ${o.factors.join(',')}`);
  if (out) parts.push(`--out ${out}`);
  return parts.join(' ');
}

/** The pilot plays a round of one game per scenario until it has run this long (and at least
 * PILOT_MIN_ROUNDS rounds); only the later half of the rounds is timed, because a fresh process
 * runs its first games several times slower while the compiler warms up. */
const PILOT_MS = 1500;
const PILOT_MIN_ROUNDS = 4;
const PILOT_MAX_ROUNDS = 12;

/** Milliseconds a game, by scenario, from games of its first settings. */
function pilot(settings: Setting[], options: SweepOptions, scenarios: Record<string, Scenario>, known: Map<string, GameMeasures>): Record<string, number> {
  const ids = Object.keys(scenarios);
  const pools = ids.map((id) => [
    ...pairsFor(
      settings.filter((s) => s.scenario === id).slice(0, 2),
      [...options.factors, 'presets'],
    ).games.values(),
  ]);
  const timings: { round: number; id: string; ms: number }[] = [];
  const start = performance.now();
  let rounds = 0;
  while (rounds < PILOT_MAX_ROUNDS && (rounds < PILOT_MIN_ROUNDS || performance.now() - start < PILOT_MS)) {
    let played = false;
    ids.forEach((id, i) => {
      const g = pools[i]![rounds];
      if (!g) return;
      const t0 = performance.now();
      known.set(g.key, playSweepGame(scenarios[id]!, g));
      timings.push({ round: rounds, id, ms: performance.now() - t0 });
      played = true;
    });
    if (!played) break;
    rounds++;
  }
  const ms: Record<string, number> = {};
  for (const id of ids) {
    const mine = timings.filter((t) => t.id === id);
    const late = mine.filter((t) => t.round >= Math.floor(rounds / 2));
    const use = late.length ? late : mine;
    ms[id] = use.length ? use.reduce((a, t) => a + t.ms, 0) / use.length : 0;
  }
  return ms;
}

function average(ms: Record<string, number>): number {
  const xs = Object.values(ms);
  return xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
}

export function duration(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds - 60 * m);
  return s ? `${m} min ${s} s` : `${m} min`;
}

const PHASE_LABEL: Record<SweepPhase, string> = { main: 'sweep: main run', constants: 'sweep: constants' };

/** Progress on standard error with the time left: a redrawn bar on a terminal, otherwise a line at
 * every tenth. */
export function sweepProgress(stream: ProgressStream, phase: SweepPhase, now: () => number = Date.now) {
  const start = now();
  let last = -Infinity;
  let step = 0;
  return {
    update(done: number, total: number) {
      const t = now();
      const left = done > 0 ? ((t - start) / done) * (total - done) / 1000 : NaN;
      const eta = Number.isFinite(left) ? `, about ${duration(left)} left` : '';
      if (stream.isTTY) {
        if (done < total && t - last < 200) return;
        last = t;
        stream.write(`\r\x1b[2K${progressLine(PHASE_LABEL[phase], done, total, (stream.columns || 80) - eta.length)}${eta}`);
        if (done === total) stream.write('\r\x1b[2K');
      } else {
        const tenth = total > 0 ? Math.floor((10 * done) / total) : 10;
        if (tenth > step || done === total) {
          step = tenth;
          stream.write(`${PHASE_LABEL[phase]}: ${done.toLocaleString('en')}/${total.toLocaleString('en')} games${done < total ? eta : ''}\n`);
        }
      }
    },
  };
}

/** Plays games in this thread when there are few, otherwise spread over worker threads; shows progress. */
function pooledPlayer(scenarios: Record<string, Scenario>, workers: number, stderr: ProgressStream): GamePlayer {
  return async (games, phase) => {
    const out = new Map<string, GameMeasures>();
    if (games.length === 0) return out;
    const progress = sweepProgress(stderr, phase);
    progress.update(0, games.length);
    if (workers <= 1 || games.length < WORKER_THRESHOLD) {
      games.forEach((g, i) => {
        out.set(g.key, playSweepGame(scenarios[g.scenario]!, g));
        progress.update(i + 1, games.length);
      });
      return out;
    }
    let firstError: string | null = null;
    let done = 0;
    const entry = new URL('./sweep-worker-main.ts', import.meta.url);
    const started = dealShares(games, workers)
      .filter((share) => share.length > 0)
      .map((share) =>
        startWorker<SweepMessage[]>(entry, { scenarios, games: share }, (bundle) => {
          for (const m of bundle) {
            if ('error' in m) firstError ??= m.error;
            else out.set(m.key, m.measures);
          }
          done += bundle.length;
          progress.update(done, games.length);
        }),
      );
    await Promise.all(started.map((w) => w.done));
    if (firstError) throw new Error(firstError);
    return out;
  };
}
