// The command line as users run it, each command a fresh process: its start-up next to a bare
// `node -e 0`, and the batch with one worker next to two. The prebuilt command line is brought up
// to date first, so no timed run pays for a build.
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SPEED_UP_GOAL, load, recordSpeedUps, type SpeedUp } from './speed-goals';
// @ts-expect-error -- plain JavaScript, with no declarations: it runs before anything is compiled.
import { OUT_DIR, ensureCli } from '../scripts/build-cli.mjs';

/** The scenarios the engine and the batch are timed on. */
export const STARTERS = ['scenarios/terror-attack-member.yaml', 'scenarios/frontier-armed-attack.yaml'];
const BATCH_RULES = ['nato', 'sco'];
/** Seeds per scenario and rule set: with two scenarios and two rule sets, 1,000, 5,000 and
 * 20,000 games (the goal holds from 1,000 up). */
const RUNS = [250, 1250, 5000];
const STARTUP_GOAL = 4;
/** A load average from which two threads of one command cannot have two cores to themselves. */
const BUSY_LOAD = 2.5;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** CPU time (user and system) of this process's finished children, in ms, where Linux says it
 * (/proc/self/stat, in ticks of 10 ms); null elsewhere. Less swayed than the clock by the other
 * work on a shared machine, it shows what a second thread costs. */
function childrenCpuMs(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return null;
  }
}

/** The command's time by the clock; its CPU time goes to `lastCpuMs`. */
let lastCpuMs: number | null = null;

function timed(file: string, args: string[]): number {
  const cpu = childrenCpuMs();
  const start = performance.now();
  const r = spawnSync(file, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  const ms = performance.now() - start;
  const after = childrenCpuMs();
  lastCpuMs = cpu === null || after === null ? null : after - cpu;
  return ms;
}

/** `crisis-lab --help` against `node -e 0`, best of 15 each, taken in turn. */
function startupBench(): void {
  let bare = Infinity;
  let help = Infinity;
  for (let i = 0; i < 15; i++) {
    bare = Math.min(bare, timed(process.execPath, ['-e', '0']));
    help = Math.min(help, timed(process.execPath, ['bin/crisis-lab.mjs', '--help']));
  }
  console.log(
    `start-up: crisis-lab --help ${help.toFixed(0)} ms, node -e 0 ${bare.toFixed(0)} ms: ` +
      `${(help / bare).toFixed(2)}× (goal ≤ ${STARTUP_GOAL}×)`,
  );
}

/** What the cache of validated scenarios (src/cli/scenario-cache.ts) saves: a 4-game batch with
 * the starters read before (as every timed batch below finds them) against one after the cache
 * was emptied, as the first run of a file after a build or an edit finds it. Best of three each. */
function firstReadBench(timeBatch: (runs: number, workers: number) => number): number {
  let known = Infinity;
  let first = Infinity;
  for (let i = 0; i < 3; i++) {
    rmSync(join(OUT_DIR, 'scenario-cache'), { recursive: true, force: true });
    first = Math.min(first, timeBatch(1, 1));
    known = Math.min(known, timeBatch(1, 1));
  }
  console.log(
    `crisis-lab batch of 4 games (best of three; load average ${load()}): ${seconds(known)} with its scenarios read before, ` +
      `${seconds(first)} reading them first (YAML and validation: ${seconds(first - known)})`,
  );
  return known;
}

/**
 * The most two threads could gain on this machine if they did no work twice. After a start-up
 * that no second thread shortens (that of a 4-game batch), two threads at best halve the time by
 * the clock, and together they need at least one worker's CPU time (its play, and V8's compiling
 * and collecting beside it), spread over every core. One thread that already keeps 1.3 cores of
 * two busy leaves two threads at most 2 / 1.3 times its speed.
 */
export function speedUpCeiling(oneWall: number, oneCpu: number, startUp: number, cores: number): number {
  const halved = startUp + (oneWall - startUp) / 2;
  const cpuBound = startUp + Math.max(0, oneCpu - startUp) / cores;
  return oneWall / Math.max(halved, cpuBound);
}

/** With --workers 2 the main thread plays beside one worker thread, both taking chunks of one
 * list. The worker compiles the engine for itself, and a single thread does its compiling and
 * collecting on the second core while it plays: the run pinned to one core (taskset, where
 * present) shows how much of that second core one thread uses. */
export async function batchBench(starters: string[]): Promise<void> {
  await ensureCli();
  console.log('== Command line ==');
  startupBench();
  const pinnable = spawnSync('taskset', ['--version']).status === 0;
  const timeBatch = (runs: number, workers: number, pinned = false) => {
    const command = [process.execPath, 'bin/crisis-lab.mjs', 'batch', ...starters, '--rules', BATCH_RULES.join(','), '--json'];
    command.push('--runs', String(runs), '--workers', String(workers));
    const [file, ...args] = pinned ? ['taskset', '-c', '0', ...command] : command;
    return timed(file!, args);
  };
  const startUp = firstReadBench(timeBatch);
  const cores = availableParallelism();
  const speedUps: SpeedUp[] = [];
  for (const runs of RUNS) {
    const games = starters.length * BATCH_RULES.length * runs;
    // Best of two, taken in turn so that a busy moment on the machine hits both alike.
    let one = Infinity;
    let two = Infinity;
    let cpuOne = Infinity;
    let cpuTwo = Infinity;
    for (let i = 0; i < 2; i++) {
      one = Math.min(one, timeBatch(runs, 1));
      cpuOne = Math.min(cpuOne, lastCpuMs ?? NaN);
      two = Math.min(two, timeBatch(runs, 2));
      cpuTwo = Math.min(cpuTwo, lastCpuMs ?? NaN);
    }
    const pinned = pinnable ? timeBatch(runs, 1, true) : null;
    const ceiling = Number.isNaN(cpuOne) ? null : speedUpCeiling(one, cpuOne, startUp, cores);
    speedUps.push({ games, speedUp: one / two, ceiling });
    console.log(
      `crisis-lab batch of ${games} games (best of two; load average ${load()}): 1 worker ${seconds(one)}, 2 workers ${seconds(two)}, ` +
        `speed-up ${(one / two).toFixed(2)}×` +
        (pinned === null ? '' : `; 1 worker pinned to one core ${seconds(pinned)}, 2 workers ${(pinned / two).toFixed(2)}× that`) +
        (Number.isNaN(cpuOne) || Number.isNaN(cpuTwo) ? '' : `; CPU time 1 worker ${seconds(cpuOne)}, 2 workers ${seconds(cpuTwo)}`),
    );
    if (ceiling !== null) {
      console.log(
        `  1 worker keeps ${(cpuOne / one).toFixed(2)} cores busy: with no work done twice, 2 workers could be at most ` +
          `${ceiling.toFixed(2)}× one on ${cores} cores (its CPU time spread over them after a ${seconds(startUp)} start-up)`,
      );
    }
  }
  recordSpeedUps(speedUps);
  if (loadavg()[0]! >= BUSY_LOAD) {
    // Linux schedules each session as one group (autogroup): while other sessions keep the cores
    // busy, a second thread of this one shares the same slice instead of taking a second core.
    console.log(`NOTE: load average ${load()} on ${availableParallelism()} cores: the speed-ups above are the machine's, not the batch's; measure again when it is below ${BUSY_LOAD}`);
  }
  const met = speedUps.filter((s) => s.speedUp >= SPEED_UP_GOAL).map((s) => s.games);
  console.log(
    `batch goal (2 workers ≥ ${SPEED_UP_GOAL}× one): ` +
      (met.length === 0 ? 'not met at any size measured' : `met at ${met.join(', ')} games`) +
      `; speed-ups ${speedUps.map((s) => `${s.games}: ${s.speedUp.toFixed(2)}×`).join(', ')}`,
  );
}

// `npx tsx bench/batch-bench.ts` runs it on its own.
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await batchBench(STARTERS);
