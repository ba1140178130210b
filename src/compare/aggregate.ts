// The comparison of a class: accepted games grouped by scenario, rule set and basis (verified
// logs, or unverified batch summaries, never mixed), with each indicator's distribution, the
// intents chosen turn by turn, each indicator's mean course over the turns, and the pairs of
// logs that played the same scenario and seed under two rule sets (any number of rule sets:
// every two of them that a scenario and seed were played under make pairs). A rule set is the
// name the logs record: presets, a scenario's own and design-lab specs alike. Groups are keyed by
// the scenario's hash, not only its id: two versions of one scenario are never pooled. Before
// anything is pooled, the checks (checks.ts) set aside copies of one log, logs that are not the
// assignment's and games the filter leaves out. One pass over the entries plus a sort per group
// and indicator: O(n log n), no pairing of every log with every other.
import { INTENTS, type IntentId } from '../engine/index';
import type { InstitutionalFeatures } from '../engine/index';
import type { Entry, EntryStatus, Observation, Why } from './classify';
import { compareRuleSets, ruleSetsIn } from './rule-sets';
import { findDuplicates, offAssignment, originOf, passes, type Assignment, type Filter, type OffAssignment, type Origin } from './checks';
import { pairLogs, type Logged, type Pair } from './pairs';
import { countSigners, type Signers } from './signers';

export type { Pair, PairSide } from './pairs';
import { distribution, tidy, type Distribution } from './stats';

import { SUMMARY_INDICATORS, type SummaryIndicator } from '../engine/index';

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
  /** The scenario's SHA-256 (logs only: a summary does not record it). */
  scenarioSha?: string;
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

/** How an input stands in the comparison: its classification, or for a verified log or a
 * summary set aside by the checks, why it is not pooled. */
export type LineStatus = EntryStatus | 'duplicate' | 'off-assignment';

export interface EntryLine {
  source: string;
  status: LineStatus;
  reason?: string;
  /** The reason as a code and parameters (classify's Why). */
  why?: Why;
  /** A verified log's signer (its public key); absent when the log is unsigned. */
  signedBy?: string;
  engineVersion?: string;
  scenario?: string;
  scenarioSha?: string;
  rules?: string;
  seed?: string;
  policy?: string;
  player?: string;
  /** A copy of this earlier input (the same digest): not counted again. */
  duplicateOf?: string;
  /** The same game as these inputs under another name or policy: flagged, still counted. */
  sameGameAs?: string[];
  /** Why the game is not the assignment's: not pooled. */
  offAssignment?: OffAssignment;
  /** Left out by the filter (not an error: the instructor chose what to show). */
  filteredOut?: true;
}

/** A scenario id found with more than one content: each version is grouped apart. */
export interface ScenarioVersions {
  scenario: string;
  versions: { sha256: string; logs: number }[];
}

export interface Counts {
  inputs: number;
  /** Verified logs pooled (copies, games off the assignment and games filtered out are not). */
  verified: number;
  /** Batch summaries pooled. */
  summaries: number;
  refused: number;
  otherVersion: number;
  /** Files and values that are not logs at all. */
  ignored: number;
  /** Copies of a log already counted. */
  duplicates: number;
  /** Logs (or summaries) that are not the assignment's game. */
  offAssignment: number;
  /** Logs flagged as the same game as another log under another name. */
  sameGame: number;
  /** Accepted games the filter leaves out. */
  filteredOut: number;
}

/** One accepted game (a verified log or a batch summary) for the per-game table and CSV. */
export interface GameRow {
  source: string;
  player?: string;
  scenario: string;
  scenarioSha?: string;
  rules: string;
  seed: string;
  policy: string;
  origin: Origin;
  basis: Basis;
  /** Pooled in the groups; false for a copy or a game off the assignment. */
  counted: boolean;
  /** Why it is flagged, if it is: a copy, not the assignment's, or the same game as another log. */
  flag: '' | 'duplicate' | 'off-assignment' | 'same-game';
  result: string;
  turns: number;
  values: Record<SummaryIndicator, number | null>;
}

export interface Comparison {
  counts: Counts;
  entries: EntryLine[];
  /** Every accepted game the filter lets through, counted or flagged, in input order. */
  games: GameRow[];
  groups: Group[];
  pairs: Pair[];
  /** Logs left without a partner under any other rule set. */
  unpaired: number;
  /** Scenario ids present in more than one version. */
  versions: ScenarioVersions[];
  /** What the filter can choose among: every accepted game's value, before filtering. */
  available: { origins: Origin[]; scenarios: string[]; rules: string[]; policies: string[] };
  assignment?: Assignment;
  filter: Filter;
  /** Who signed the verified logs: the class's server, other keys, or nobody (integrity only). */
  signers: Signers;
}

export interface CompareOptions {
  assignment?: Assignment;
  filter?: Filter;
  /** The class server's public key (64 hex digits): logs it signed are told apart. */
  serverKey?: string;
}

function emptyIntentCounts(): Record<IntentId, number> {
  return Object.fromEntries(INTENTS.map((i) => [i, 0])) as Record<IntentId, number>;
}

interface GroupBuilder {
  scenario: string;
  scenarioSha?: string;
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
    ...(o.scenarioSha ? { scenarioSha: o.scenarioSha } : {}),
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
    ...(b.scenarioSha ? { scenarioSha: b.scenarioSha } : {}),
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

const byText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** Scenario ids that came in more than one content, with how many verified logs each version has. */
function scenarioVersions(observations: readonly Observation[]): ScenarioVersions[] {
  const byId = new Map<string, Map<string, number>>();
  for (const o of observations) {
    if (!o.scenarioSha) continue;
    let versions = byId.get(o.scenario);
    if (!versions) byId.set(o.scenario, (versions = new Map()));
    versions.set(o.scenarioSha, (versions.get(o.scenarioSha) ?? 0) + 1);
  }
  return [...byId.entries()]
    .filter(([, v]) => v.size > 1)
    .sort(([a], [b]) => byText(a, b))
    .map(([scenario, v]) => ({ scenario, versions: [...v.entries()].sort(([a], [b]) => byText(a, b)).map(([sha256, logs]) => ({ sha256, logs })) }));
}

export function compareEntries(entries: readonly Entry[], options: CompareOptions = {}): Comparison {
  const filter = options.filter ?? {};
  const counts: Counts = { inputs: entries.length, verified: 0, summaries: 0, refused: 0, otherVersion: 0, ignored: 0, duplicates: 0, offAssignment: 0, sameGame: 0, filteredOut: 0 };
  const duplicates = findDuplicates(entries);
  const builders = new Map<string, GroupBuilder>();
  const logs: Logged[] = [];
  const lines: EntryLine[] = [];
  const games: GameRow[] = [];
  const seen: Observation[] = [];
  const row = (o: Observation, basis: Basis, line: EntryLine, counted: boolean): GameRow => ({
    source: line.source,
    ...(o.player ? { player: o.player } : {}),
    scenario: o.scenario,
    ...(o.scenarioSha ? { scenarioSha: o.scenarioSha } : {}),
    rules: o.rules,
    seed: o.seed,
    policy: o.policy,
    origin: originOf(o),
    basis,
    counted,
    flag: line.status === 'duplicate' ? 'duplicate' : line.status === 'off-assignment' ? 'off-assignment' : line.sameGameAs ? 'same-game' : '',
    result: o.summary.result ?? '',
    turns: o.summary.turns,
    values: Object.fromEntries(SUMMARY_INDICATORS.map((k) => [k, o.summary[k] ?? null])) as Record<SummaryIndicator, number | null>,
  });
  const available = { origins: new Set<Origin>(), scenarios: new Set<string>(), rules: new Set<string>(), policies: new Set<string>() };
  entries.forEach((e, index) => {
    const o = e.observation;
    const line: EntryLine = {
      source: e.source,
      status: e.status,
      ...(e.reason !== undefined ? { reason: e.reason } : {}),
      ...(e.why !== undefined ? { why: e.why } : {}),
      ...(e.engineVersion !== undefined ? { engineVersion: e.engineVersion } : {}),
      ...(o ? { scenario: o.scenario, ...(o.scenarioSha ? { scenarioSha: o.scenarioSha } : {}), rules: o.rules, seed: o.seed, policy: o.policy } : {}),
      ...(o?.player ? { player: o.player } : {}),
      ...(o?.signedBy ? { signedBy: o.signedBy } : {}),
    };
    lines.push(line);
    if (e.status === 'refused') counts.refused += 1;
    else if (e.status === 'other-version') counts.otherVersion += 1;
    else if (e.status === 'ignored') counts.ignored += 1;
    if (!o || (e.status !== 'verified' && e.status !== 'summary')) return;
    const basis: Basis = e.status === 'verified' ? 'log' : 'summary';
    if (e.status === 'verified') seen.push(o);
    // Flagged games are listed in the per-game table when the filter lets them through.
    const flagged = () => {
      if (passes(o, filter)) games.push(row(o, basis, line, false));
    };
    const duplicate = duplicates.get(index);
    if (duplicate?.kind === 'copy') {
      line.status = 'duplicate';
      line.duplicateOf = duplicate.of;
      counts.duplicates += 1;
      flagged();
      return;
    }
    if (duplicate?.kind === 'same-game') {
      line.sameGameAs = duplicate.with;
      counts.sameGame += 1;
    }
    const off = options.assignment ? offAssignment(o, options.assignment) : null;
    if (off) {
      line.status = 'off-assignment';
      line.offAssignment = off;
      counts.offAssignment += 1;
      flagged();
      return;
    }
    available.origins.add(originOf(o));
    available.scenarios.add(o.scenario);
    available.rules.add(o.rules);
    available.policies.add(o.policy);
    if (!passes(o, filter)) {
      line.filteredOut = true;
      counts.filteredOut += 1;
      return;
    }
    games.push(row(o, basis, line, true));
    if (basis === 'log') {
      counts.verified += 1;
      logs.push({ source: e.source, o });
    } else counts.summaries += 1;
    const key = JSON.stringify([o.scenario, o.scenarioSha ?? '', o.rules, basis]);
    let b = builders.get(key);
    if (!b) builders.set(key, (b = newBuilder(o, basis)));
    addTo(b, o);
  });
  // Verified logs before summaries of a scenario; its versions (by hash) side by side within each.
  const order = (g: Group) => `${g.scenario}\u0000${g.basis === 'log' ? 0 : 1}\u0000${g.scenarioSha ?? ''}`;
  const groups = [...builders.values()]
    .map(finish)
    .sort((x, y) => byText(order(x), order(y)) || compareRuleSets(x.rules, y.rules));
  return {
    counts,
    entries: lines,
    games,
    groups,
    ...pairLogs(logs),
    versions: scenarioVersions(seen),
    available: {
      origins: (['human', 'bot'] as const).filter((x) => available.origins.has(x)),
      scenarios: [...available.scenarios].sort(byText),
      rules: ruleSetsIn(available.rules),
      policies: [...available.policies].sort(byText),
    },
    ...(options.assignment ? { assignment: options.assignment } : {}),
    filter,
    signers: countSigners(
      lines.filter((l) => l.status === 'verified').map((l) => l.signedBy),
      options.serverKey,
    ),
  };
}
