// `batch --logs DIR`: each game's outcome log, as `run --out` writes it, in one folder. Names say
// what the game was (scenario, rule set, policy, seed), so a folder reads without an index; a
// second scenario file with an id already taken gets the id and a number.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GameState, WrittenScenario } from '../engine/index';
import { createLogPieces, writeScenario } from '../engine/index';
import type { Scenario } from '../engine/index';
import type { PreparedJob } from '../sim/batch-share';

export interface LogTarget {
  dir: string;
  /** By scenario file: the name its logs start with. */
  prefixes: Record<string, string>;
}

export function logTarget(dir: string, scenarios: Record<string, Scenario>): LogTarget {
  const taken = new Map<string, number>();
  const prefixes: Record<string, string> = {};
  for (const [file, scenario] of Object.entries(scenarios)) {
    const n = (taken.get(scenario.id) ?? 0) + 1;
    taken.set(scenario.id, n);
    prefixes[file] = n === 1 ? scenario.id : `${scenario.id}-${n}`;
  }
  return { dir, prefixes };
}

/** Characters a file name keeps everywhere; anything else (the `:` of `file:policy.yaml`) becomes `_`. */
const safe = (part: string) => part.replace(/[^A-Za-z0-9._+=-]/g, '_');

export function logFileName(target: LogTarget, job: PreparedJob, policy: string): string {
  return [target.prefixes[job.scenario] ?? 'scenario', job.rules, policy, job.seed].map(safe).join('.') + '.json';
}

/** Writes one game's log; used as playShare's onGame. Each scenario is written once per thread
 * and its bytes spliced into every log that embeds it: the logs are the same bytes as
 * createLogText's, and a game's log costs what differs from the other games' (its turns). */
export function logWriter(target: LogTarget): (job: PreparedJob, game: GameState, policy: string) => void {
  const written = new Map<string, WrittenScenario>();
  return (job, game, policy) => {
    let scenario = written.get(job.scenario);
    if (scenario?.scenario !== game.scenario) written.set(job.scenario, (scenario = writeScenario(game.scenario)));
    const pieces = createLogPieces(game, { policy }, scenario);
    writeFileSync(join(target.dir, logFileName(target, job, policy)), Buffer.concat(pieces.map((piece) => (typeof piece === 'string' ? Buffer.from(piece) : piece))));
  };
}
