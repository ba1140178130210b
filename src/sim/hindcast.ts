// Hindcasts: a real crisis, scripted with what governments actually did (the scenario's
// `historical` policy), is played over many seeds, and each game is checked against the record
// (docs/hindcasts.yaml, dated in docs/timeline.yaml): which decision, by which rule and body,
// within how many days, blocked or not, with or without forces. Pure over the engine: the caller
// reads the files.
import type { DecisionRecord, GameState } from '../engine/index';
import type { Scenario } from '../engine/index';
import type { Criterion, HindcastCase } from './hindcast-cases';
import { playGame } from './play';
import { policyByName } from './policies';

export { daysBetween, parseHindcasts, parseTimeline, sittingDelay, type Criterion, type HindcastCase, type TimelineEntry } from './hindcast-cases';

/** The seeds a hindcast of `n` games plays: "1" to "n", as `crisis-lab batch` numbers them. */
export function hindcastSeeds(n: number): string[] {
  return Array.from({ length: n }, (_, i) => String(i + 1));
}

const decisionsOf = (game: GameState): DecisionRecord[] => game.turns.flatMap((t) => t.decisions);

/** Forces went in: a member contributed forces (inside the alliance or bilaterally), or forces
 * under the alliance's command became ready (N5, C4: a standing posture record). */
export function forcesGiven(game: GameState): boolean {
  if (game.turns.some((t) => Object.values(t.contributions).includes('forces'))) return true;
  return decisionsOf(game).some((d) => d.kind === 'posture' && d.proposal === 0 && d.outcome === 'adopted');
}

function matches(c: Criterion, d: DecisionRecord): boolean {
  return (
    (c.kind === undefined || d.kind === c.kind) &&
    (c.outcome === undefined || d.outcome === c.outcome) &&
    (c.rule === undefined || d.rule === c.rule) &&
    (c.withinDays === undefined || d.day <= c.withinDays)
  );
}

/** Whether one game meets one criterion of the record. */
export function criterionHolds(c: Criterion, game: GameState): boolean {
  if (c.forces !== undefined) return forcesGiven(game) === c.forces;
  const found = decisionsOf(game).some((d) => matches(c, d));
  return c.absent ? !found : found;
}

/** The criterion in a few words, for the table. */
export function describeCriterion(c: Criterion): string {
  if (c.forces !== undefined) return c.forces ? 'forces given' : 'no forces given';
  const what = [c.kind ?? 'any decision', c.outcome, c.rule ? `(${c.rule})` : undefined].filter(Boolean).join(' ');
  const when = c.withinDays === undefined ? '' : ` by day ${c.withinDays}`;
  return c.absent ? `no ${what}${when}` : `${what}${when}`;
}

export interface CriterionResult {
  criterion: string;
  entry: string | null;
  /** Games in which it held. */
  held: number;
  share: number;
}

export interface CaseResult {
  id: string;
  title: string;
  rules: string;
  policy: string;
  record: string;
  games: number;
  /** Games in which every criterion held: the game reproduced the record. */
  reproduced: number;
  share: number;
  criteria: CriterionResult[];
  /** How the games ended: a game that ends early cannot reproduce a later step of the record. */
  ended: Record<'resolved' | 'horizon' | 'war', number>;
  /** Why the engine cannot reproduce this record, when the case says so. */
  gap: string | null;
}

const share = (n: number, of: number) => (of === 0 ? 0 : Math.round((n / of) * 1000) / 1000);

/** Plays the case's policy over the seeds under its rule set and counts what held. */
export function runCase(hcase: HindcastCase, scenario: Scenario, seeds: readonly string[]): CaseResult {
  const held = hcase.criteria.map(() => 0);
  const ended = { resolved: 0, horizon: 0, war: 0 };
  let reproduced = 0;
  for (const seed of seeds) {
    const game = playGame(scenario, hcase.rules, seed, policyByName(hcase.policy, scenario, seed));
    if (game.result) ended[game.result] += 1;
    let all = true;
    hcase.criteria.forEach((c, i) => {
      if (criterionHolds(c, game)) held[i]! += 1;
      else all = false;
    });
    if (all) reproduced += 1;
  }
  return {
    id: hcase.id,
    title: hcase.title,
    rules: hcase.rules,
    policy: hcase.policy,
    record: hcase.record,
    games: seeds.length,
    reproduced,
    share: share(reproduced, seeds.length),
    criteria: hcase.criteria.map((c, i) => ({ criterion: describeCriterion(c), entry: c.entry ?? null, held: held[i]!, share: share(held[i]!, seeds.length) })),
    ended,
    gap: hcase.gap ?? null,
  };
}

/** The share a case must reach for the game to count as reproducing the record. */
export const HINDCAST_THRESHOLD = 0.7;

const pct = (x: number) => `${Math.round(x * 100)}%`.padStart(4);

/** The results as a plain-text table: one line per case, then one per criterion. */
export function hindcastTable(results: readonly CaseResult[]): string {
  const idWidth = Math.max(4, ...results.map((r) => r.id.length));
  const rulesWidth = Math.max(5, ...results.map((r) => r.rules.length));
  const lines = [`${'case'.padEnd(idWidth)}  ${'rules'.padEnd(rulesWidth)}  games  reproduced  record`];
  for (const r of results) {
    const mark = r.share >= HINDCAST_THRESHOLD ? '' : r.gap ? '  (below 70%: known gap)' : '  (below 70%)';
    lines.push(`${r.id.padEnd(idWidth)}  ${r.rules.padEnd(rulesWidth)}  ${String(r.games).padStart(5)}  ${pct(r.share).padStart(10)}  ${r.record}${mark}`);
    for (const c of r.criteria) lines.push(`${''.padEnd(idWidth)}  ${''.padEnd(rulesWidth)}         ${pct(c.share).padStart(10)}    ${c.criterion}${c.entry ? `  [${c.entry}]` : ''}`);
    const ends = (['resolved', 'horizon', 'war'] as const).filter((k) => r.ended[k] > 0).map((k) => `${k} ${r.ended[k]}`);
    lines.push(`${''.padEnd(idWidth)}  ${''.padEnd(rulesWidth)}                       games ended: ${ends.join(', ')} (of ${r.games})`);
    if (r.gap && r.share < HINDCAST_THRESHOLD) lines.push(`${''.padEnd(idWidth)}  ${''.padEnd(rulesWidth)}                       gap: ${r.gap}`);
  }
  return lines.join('\n') + '\n';
}
