// The counterfactual: the same scenario, seed and inputs under another rule set, and the first
// turn where the two games part. A request the other rules do not allow at that moment (a
// suspension under NATO, a second Article 5 while one is pending) is left out and listed.
import { newGame, playTurn } from './game';
import { intentOptions } from './intents';
import type { IntentId } from '../scenario/schema';
import type { RefusalReason } from '../rules/types';
import type { GameState, Proposer, TurnRecord } from './types';
import { canonicalJson } from '../log/canonical';

export interface DroppedIntent {
  turn: number;
  intent: IntentId;
  /** Who asked, when it was another member's or the chair's motion (the player otherwise). */
  by?: Proposer;
  /** The refusal code, as intentOptions gives it. */
  reason: RefusalReason;
}

export function counterfactual(game: GameState, rules: string): { game: GameState; dropped: DroppedIntent[] } {
  let replay = newGame(game.scenario, rules, game.seed, { pack: game.pack, parameters: game.parameters });
  const dropped: DroppedIntent[] = [];
  for (const record of game.turns) {
    if (replay.result) break;
    const options = intentOptions(replay);
    const allowed = record.intents.filter((intent) => {
      const option = options.find((o) => o.intent === intent);
      if (option?.available) return true;
      dropped.push({ turn: replay.turn, intent, reason: option?.reason ?? 'not-on-agenda' });
      return false;
    });
    // Motions too: one the other rules do not take then, or one asking what is already asked, is left out.
    const asked = new Set<IntentId>(allowed);
    const motions = (record.motions ?? []).filter((m) => {
      const option = options.find((o) => o.intent === m.intent);
      if (option?.available && !asked.has(m.intent)) {
        asked.add(m.intent);
        return true;
      }
      dropped.push({ turn: replay.turn, intent: m.intent, by: m.by, reason: option?.available ? 'already-under-way' : (option?.reason ?? 'not-on-agenda') });
      return false;
    });
    replay = playTurn(replay, {
      intents: allowed,
      ...(motions.length ? { motions } : {}),
      ...(record.seats ? { seats: record.seats } : {}),
      ...(record.speakers ? { speakers: record.speakers } : {}),
    });
  }
  return { game: replay, dropped };
}

/**
 * What one turn's course is, for comparing two games: what the alliance decided (each decision's
 * kind and outcome, in order) and what happened (the adversary's move and the events). Indicators
 * are left out on purpose: the rule sets start from different baselines (a defence commitment
 * raises deterrence from turn 1), so every pair would part at turn 1. Rule ids are left out too,
 * since each rule set names the same step its own way (N1 for an Article 4 consultation, S7 for
 * the foreign ministers' meeting). `crisis-lab compare`, the comparison page and the debrief all
 * use this one definition, so they name the same turn for the same pair.
 */
export function turnCourse(r: Pick<TurnRecord, 'decisions' | 'adversary' | 'events'>): string {
  return canonicalJson([r.decisions.map((d) => [d.kind, d.outcome]), r.adversary, r.events]);
}

/**
 * The first turn (from 1) whose course differs, given each game's turn courses (turnCourse), or
 * null when both played the same turns alike. When every turn both played agrees but one game
 * went on after the other ended, they part at the first turn only one of them played: the game
 * ending is something that happened (a crisis resolved or at war), not a choice of the player's.
 */
export function firstDivergentCourse(a: readonly string[], b: readonly string[]): number | null {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i + 1;
  return a.length === b.length ? null : n + 1;
}

/** The first turn where two games differ in what the alliance decided or what happened. */
export function firstDivergence(a: TurnRecord[], b: TurnRecord[]): number | null {
  return firstDivergentCourse(a.map(turnCourse), b.map(turnCourse));
}
