// Pairs: verified logs that played the same scenario (same content), seed, policy and player
// under two rule sets, with the first turn where their course diverges (the engine's one
// definition, shared with the debrief) and the first turn where the player's intents differ.
// Each log goes into its bucket once: linear in the number of logs, plus a sort per bucket.
import { firstDivergentCourse } from '../engine/index';
import type { Observation } from './classify';
import { compareRuleSets } from './rule-sets';

/** One game of a pair: its rule set, the log it came from and its score. */
export interface PairSide {
  rules: string;
  source: string;
  score: number;
}

export interface Pair {
  scenario: string;
  seed: string;
  policy: string;
  player?: string;
  /** The two games; `a`'s rule set comes first in comparison order (presets first). */
  a: PairSide;
  b: PairSide;
  /** First turn where the alliance decided otherwise or something else happened (turnCourse);
   * null when the two games ran the same course to the end. */
  firstDivergentTurn: number | null;
  /** First turn, among those both games played, whose chosen intents differ; null when they agree
   * on every such turn (a game that simply ended earlier chose nothing different). */
  firstDifferentIntents: number | null;
}

export type Logged = { source: string; o: Observation };

/** The first turn both games played whose intents differ (in any order), or null. */
export function firstDifferentIntents(a: readonly { intents: readonly string[] }[], b: readonly { intents: readonly string[] }[]): number | null {
  const key = (t: { intents: readonly string[] }) => [...t.intents].sort().join(',');
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (key(a[i]!) !== key(b[i]!)) return i + 1;
  return null;
}

const bySource = (x: { source: string }, y: { source: string }) => (x.source < y.source ? -1 : x.source > y.source ? 1 : 0);

function pairOf(a: Logged, b: Logged): Pair {
  const ta = a.o.turns ?? [];
  const tb = b.o.turns ?? [];
  return {
    scenario: a.o.scenario,
    seed: a.o.seed,
    policy: a.o.policy,
    ...(a.o.player ? { player: a.o.player } : {}),
    a: { rules: a.o.rules, source: a.source, score: a.o.summary.score },
    b: { rules: b.o.rules, source: b.source, score: b.o.summary.score },
    firstDivergentTurn: firstDivergentCourse(
      ta.map((t) => t.course),
      tb.map((t) => t.course),
    ),
    firstDifferentIntents: firstDifferentIntents(ta, tb),
  };
}

/**
 * Pairs logs under two rule sets: with games under k rule sets, every two of them. A bucket
 * holding several logs of a rule set (a class assigned one seed, playing without names) pairs them
 * in source-name order: the i-th log under one rule set with the i-th under another. A log is
 * unpaired when no other rule set in its bucket has an i-th log.
 */
export function pairLogs(logs: readonly Logged[]): { pairs: Pair[]; unpaired: number } {
  const buckets = new Map<string, Map<string, Logged[]>>();
  for (const l of logs) {
    const key = JSON.stringify([l.o.scenario, l.o.scenarioSha ?? '', l.o.seed, l.o.policy, l.o.player ?? '']);
    let bucket = buckets.get(key);
    if (!bucket) buckets.set(key, (bucket = new Map()));
    let list = bucket.get(l.o.rules);
    if (!list) bucket.set(l.o.rules, (list = []));
    list.push(l);
  }
  const pairs: Pair[] = [];
  let unpaired = 0;
  for (const bucket of buckets.values()) {
    const rules = [...bucket.keys()].sort(compareRuleSets);
    const lists = rules.map((r) => bucket.get(r)!.sort(bySource));
    lists.forEach((list, i) => {
      const others = Math.max(0, ...lists.filter((_, j) => j !== i).map((l) => l.length));
      unpaired += Math.max(0, list.length - others);
      for (let j = i + 1; j < lists.length; j++) {
        const n = Math.min(list.length, lists[j]!.length);
        for (let k = 0; k < n; k++) pairs.push(pairOf(list[k]!, lists[j]![k]!));
      }
    });
  }
  const order = (x: Pair, y: Pair) =>
    (x.scenario < y.scenario ? -1 : x.scenario > y.scenario ? 1 : 0) ||
    compareRuleSets(x.a.rules, y.a.rules) ||
    compareRuleSets(x.b.rules, y.b.rules) ||
    bySource(x.a, y.a);
  pairs.sort(order);
  return { pairs, unpaired };
}
