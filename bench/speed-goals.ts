// The two speed goals of the command line, printed side by side at the end of `npm run bench`:
// verification against play (verify-bench.ts) and two workers against one (batch-bench.ts). Each
// part records its figure here as it measures it; a part not run is said to be missing.
import { loadavg } from 'node:os';

export const VERIFY_GOAL = 1.5;
export const SPEED_UP_GOAL = 1.6;

/** A size's speed-up of two workers over one, and the most two could reach on this machine if
 * they did no work twice (bench/batch-bench.ts, speedUpCeiling; null where CPU time is unknown). */
export interface SpeedUp {
  games: number;
  speedUp: number;
  ceiling: number | null;
}

const recorded: { verify?: { games: number; wall: number; cpu: number }; speedUps?: SpeedUp[] } = {};

export function recordVerify(games: number, wall: number, cpu: number): void {
  recorded.verify = { games, wall, cpu };
}

export function recordSpeedUps(speedUps: SpeedUp[]): void {
  recorded.speedUps = speedUps;
}

/** The machine's load average over the last minute, which the figures depend on. */
export function load(): string {
  return loadavg()[0]!.toFixed(1);
}

export function printSpeedGoals(): void {
  const { verify, speedUps } = recorded;
  console.log(`\n== Speed goals of the command line (load average now ${load()}) ==`);
  console.log(
    verify
      ? `verify ÷ batch, ${verify.games} games on one thread: ${verify.wall.toFixed(2)}× by the clock, ${verify.cpu.toFixed(2)}× by CPU time (goal ≤ ${VERIFY_GOAL}×)`
      : 'verify ÷ batch: not measured in this run',
  );
  console.log(
    speedUps
      ? `1 worker ÷ 2 workers: ${speedUps.map((s) => `${s.games} games ${s.speedUp.toFixed(2)}×` + (s.ceiling === null ? '' : ` (at most ${s.ceiling.toFixed(2)}× here)`)).join(', ')} (goal ≥ ${SPEED_UP_GOAL}× from 1,000 games)`
      : '1 worker ÷ 2 workers: not measured in this run',
  );
}
