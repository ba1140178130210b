// The comparison of a class: accepted games grouped by scenario, rule set and basis (verified
// logs, or unverified batch summaries, never mixed), with each indicator's distribution, the
// intents chosen turn by turn, each indicator's mean course over the turns, and the pairs of
// logs that played the same scenario and seed under two rule sets (any number of rule sets:
// every two of them that a scenario and seed were played under make pairs). A rule set is the
// name the logs record: presets, a scenario's own and design-lab specs alike. One pass over the
// entries plus a sort per group and indicator: O(n log n), no pairing of every log with every
// other.
import { INTENTS, type IntentId } from '../engine/scenario/schema';
import type { InstitutionalFeatures } from '../engine/game/types';
import type { Entry, EntryStatus, Observation } from './classify';
import { compareRuleSets } from './rule-sets';
import { distribution, tidy, type Distribution } from './stats';

import { SUMMARY_INDICATORS, type SummaryIndicator } from '../engine/game/summary';

export { SUMMARY_INDICATORS, type SummaryIndicator };

/** The indicators every turn records (TurnRecord.indicators), for the mean course. */
export const TURN_INDICATORS = ['escalation', 'casualties', 'deterrence', 'cohesion', 'autonomy', 'entrapment', 'legitimacy'] as const;
export type TurnIndicator = (typeof TURN_INDICATORS)[number];

export type Basis = 'log' | 'summary';

export interface IntentTurn {
  turn: number;
  /** Games (logs) that played this turn. */
  games: number;
  /** How many of them chose each intent (a game may choose several in one turn, or none). */
  counts: Record<IntentId, number>;
  /** Games that chose nothing this turn. */
  none: number;
}

export interface CourseTurn {
  turn: number;
  games: number;
  mean: Record<TurnIndicator, number>;
}

export interface Group {
  scenario: string;
  /** The rule set's name as the logs record it. */
  rules: string;
  /** Its features, from the group's first log (names the procedures in its own terms); logs only. */
  features?: InstitutionalFeatures;
  basis: Basis;
  games: number;
  stats: Record<SummaryIndicator, Distribution>;
  /** Logs only; empty for summaries. */
  intents: IntentTurn[];
  /** Logs only; empty for summaries. */
  course: CourseTurn[];
}

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
  /** First turn whose course differs: the alliance's decisions (kind and outcome), the adversary's
   * move or the events; null when the two games run the same course to the end. */
  firstDivergentTurn: number | null;
  /** First turn whose chosen intents differ; null when the intents agree throughout. */
  firstDifferentIntents: number | null;
}

export interface EntryLine {
  source: string;
  status: EntryStatus;
  reason?: string;
  engineVersion?: string;
  scenario?: string;
  rules?: string;
  seed?: string;
  player?: string;
}

export interface Comparison {
  counts: { inputs: number; verified: number; summaries: number; refused: number; otherVersion: number };
  entries: EntryLine[];
  groups: Group[];
  pairs: Pair[];
  /** Logs left without a partner under any other rule set. */
  unpaired: number;
}

function emptyIntentCounts(): Record<IntentId, number> {
  return Object.fromEntries(INTENTS.map((i) => [i, 0])) as Record<IntentId, number>;
}

interface GroupBuilder {
  scenario: string;
  rules: string;
  features?: InstitutionalFeatures;
  basis: Basis;
  values: Record<SummaryIndicator, (number | null)[]>;
  intents: IntentTurn[];
  sums: { games: number; sum: Record<TurnIndicator, number> }[];
}

function newBuilder(o: Observation, basis: Basis): GroupBuilder {
  return {
    scenario: o.scenario,
    rules: o.rules,
    ...(o.features ? { features: o.features } : {}),
    basis,
    values: Object.fromEntries(SUMMARY_INDICATORS.map((k) => [k, []])) as unknown as Record<SummaryIndicator, (number | null)[]>,
    intents: [],
    sums: [],
  };
}

function addTo(b: GroupBuilder, o: Observation): void {
  for (const k of SUMMARY_INDICATORS) b.values[k].push(o.summary[k]);
  const turns = o.turns ?? [];
  for (let i = 0; i < turns.length; i++) {
    const t = turns[i]!;
    const it = (b.intents[i] ??= { turn: i + 1, games: 0, counts: emptyIntentCounts(), none: 0 });
    it.games += 1;
    if (t.intents.length === 0) it.none += 1;
    for (const intent of new Set(t.intents)) if (intent in it.counts) it.counts[intent] += 1;
    const s = (b.sums[i] ??= { games: 0, sum: Object.fromEntries(TURN_INDICATORS.map((k) => [k, 0])) as Record<TurnIndicator, number> });
    s.games += 1;
    for (const k of TURN_INDICATORS) s.sum[k] += t.indicators[k];
  }
}

function finish(b: GroupBuilder): Group {
  return {
    scenario: b.scenario,
    rules: b.rules,
    ...(b.features ? { features: b.features } : {}),
    basis: b.basis,
    games: b.values.score.length,
    stats: Object.fromEntries(SUMMARY_INDICATORS.map((k) => [k, distribution(b.values[k])])) as Record<SummaryIndicator, Distribution>,
    intents: b.intents,
    course: b.sums.map((s, i) => ({
      turn: i + 1,
      games: s.games,
      mean: Object.fromEntries(TURN_INDICATORS.map((k) => [k, tidy(s.sum[k] / s.games)])) as Record<TurnIndicator, number>,
    })),
  };
}

function firstDiffering<T>(a: T[], b: T[], key: (x: T) => string): number | null {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined || y === undefined || key(x) !== key(y)) return i + 1;
  }
  return null;
}

const bySource = (x: { source: string }, y: { source: string }) => (x.source < y.source ? -1 : x.source > y.source ? 1 : 0);

type Logged = { source: string; o: Observation };

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
    firstDivergentTurn: firstDiffering(ta, tb, (t) => t.course),
    firstDifferentIntents: firstDiffering(ta, tb, (t) => [...t.intents].sort().join(',')),
  };
}

/**
 * Pairs verified logs of the same scenario (same content), seed, policy and player under two
 * rule sets: with games under k rule sets, every two of them. A bucket holding several logs of a
 * rule set (a class assigned one seed, playing as "human" without names) pairs them in
 * source-name order: the i-th log under one rule set with the i-th under another. A log is
 * unpaired when no other rule set in its bucket has an i-th log.
 */
function pairLogs(logs: Logged[]): { pairs: Pair[]; unpaired: number } {
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

export function compareEntries(entries: readonly Entry[]): Comparison {
  const counts = { inputs: entries.length, verified: 0, summaries: 0, refused: 0, otherVersion: 0 };
  const builders = new Map<string, GroupBuilder>();
  const logs: Logged[] = [];
  const lines: EntryLine[] = [];
  for (const e of entries) {
    const o = e.observation;
    lines.push({
      source: e.source,
      status: e.status,
      ...(e.reason !== undefined ? { reason: e.reason } : {}),
      ...(e.engineVersion !== undefined ? { engineVersion: e.engineVersion } : {}),
      ...(o ? { scenario: o.scenario, rules: o.rules, seed: o.seed } : {}),
      ...(o?.player ? { player: o.player } : {}),
    });
    if (e.status === 'refused') counts.refused += 1;
    else if (e.status === 'other-version') counts.otherVersion += 1;
    if (!o || (e.status !== 'verified' && e.status !== 'summary')) continue;
    const basis: Basis = e.status === 'verified' ? 'log' : 'summary';
    if (basis === 'log') {
      counts.verified += 1;
      logs.push({ source: e.source, o });
    } else counts.summaries += 1;
    const key = JSON.stringify([o.scenario, o.rules, basis]);
    let b = builders.get(key);
    if (!b) builders.set(key, (b = newBuilder(o, basis)));
    addTo(b, o);
  }
  const order = (g: Group) => `${g.scenario}\u0000${g.basis === 'log' ? 0 : 1}`;
  const groups = [...builders.values()]
    .map(finish)
    .sort((x, y) => (order(x) < order(y) ? -1 : order(x) > order(y) ? 1 : 0) || compareRuleSets(x.rules, y.rules));
  return { counts, entries: lines, groups, ...pairLogs(logs) };
}
