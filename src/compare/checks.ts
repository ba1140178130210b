// What an instructor checks before anything is pooled: each log against the assignment (the
// scenario's hash, and the seed and rule set when the assignment fixes them), the same log handed
// in twice, the same game under two names, and the filters (human or bot games, scenario, rule
// set, policy). Pure functions over classified entries; compareEntries applies them.
import type { Entry, Observation } from './classify';

/** The instructor's own scenario, and what else the assignment fixes. */
export interface Assignment {
  scenario: string;
  /** SHA-256 of the scenario's canonical content, as logs record it (scenarioHash). */
  sha256: string;
  rules?: string;
  seed?: string;
}

/** Why a game is not the assignment's; the page and the report word it each in their language. */
export type OffAssignment =
  | { what: 'scenario'; got: string; want: string }
  | { what: 'version'; got: string; want: string }
  | { what: 'rules'; got: string; want: string }
  | { what: 'seed'; got: string; want: string }
  /** A batch summary records no scenario hash, so nothing proves it is the assignment's game. */
  | { what: 'unchecked' };

export function offAssignment(o: Observation, a: Assignment): OffAssignment | null {
  if (o.scenarioSha === undefined) return { what: 'unchecked' };
  if (o.scenarioSha !== a.sha256) {
    return o.scenario === a.scenario ? { what: 'version', got: o.scenarioSha, want: a.sha256 } : { what: 'scenario', got: o.scenario, want: a.scenario };
  }
  if (a.rules !== undefined && o.rules !== a.rules) return { what: 'rules', got: o.rules, want: a.rules };
  if (a.seed !== undefined && o.seed !== a.seed) return { what: 'seed', got: o.seed, want: a.seed };
  return null;
}

/** The first characters of a hash: enough to tell two versions of a scenario apart on screen. */
export function shortHash(sha: string): string {
  return sha.slice(0, 8);
}

export function offAssignmentText(o: OffAssignment): string {
  switch (o.what) {
    case 'scenario':
      return `scenario ${o.got}, not the assignment's ${o.want}`;
    case 'version':
      return `another version of the assignment's scenario (SHA-256 ${shortHash(o.got)}…, the assignment's is ${shortHash(o.want)}…)`;
    case 'rules':
      return `played under rule set ${o.got}; the assignment fixes ${o.want}`;
    case 'seed':
      return `seed ${o.got}; the assignment fixes ${o.want}`;
    case 'unchecked':
      return 'a batch summary records no scenario hash, so it cannot be checked against the assignment';
  }
}

export type Origin = 'human' | 'bot';

/** A human's game is one the browser exported (policy "human"); anything a policy played is a bot's. */
export function originOf(o: Observation): Origin {
  return o.policy === 'human' ? 'human' : 'bot';
}

/** What the comparison shows; a field left out lets everything through. */
export interface Filter {
  origin?: Origin;
  scenario?: string;
  rules?: string;
  policy?: string;
}

export function passes(o: Observation, f: Filter): boolean {
  return (
    (f.origin === undefined || originOf(o) === f.origin) &&
    (f.scenario === undefined || o.scenario === f.scenario) &&
    (f.rules === undefined || o.rules === f.rules) &&
    (f.policy === undefined || o.policy === f.policy)
  );
}

export type Duplicate =
  /** The same bytes as an earlier input (the same digest): counted once, at its first copy. */
  | { kind: 'copy'; of: string }
  /** The same game as other inputs under another name or policy: each is flagged, each counted. */
  | { kind: 'same-game'; with: string[] };

/**
 * Duplicates among verified logs, by index into `entries`. One pass with two maps: linear in the
 * number of logs. Two students who made the same choices on every turn of the same seed play the
 * same game too; a flag asks the instructor to look, it does not accuse.
 */
export function findDuplicates(entries: readonly Entry[]): Map<number, Duplicate> {
  const out = new Map<number, Duplicate>();
  const firstByDigest = new Map<string, number>();
  const byGame = new Map<string, number[]>();
  entries.forEach((e, i) => {
    const o = e.observation;
    if (e.status !== 'verified' || !o?.digest || !o.game) return;
    const first = firstByDigest.get(o.digest);
    if (first !== undefined) {
      out.set(i, { kind: 'copy', of: entries[first]!.source });
      return;
    }
    firstByDigest.set(o.digest, i);
    const list = byGame.get(o.game);
    if (list) list.push(i);
    else byGame.set(o.game, [i]);
  });
  for (const list of byGame.values()) {
    if (list.length < 2) continue;
    for (const i of list) out.set(i, { kind: 'same-game', with: list.filter((j) => j !== i).map((j) => entries[j]!.source) });
  }
  return out;
}
