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
    replay = playTurn(replay, { intents: allowed, ...(motions.length ? { motions } : {}), ...(record.seats ? { seats: record.seats } : {}) });
  }
  return { game: replay, dropped };
}

/** The first turn at which what happened differs: events, the adversary's move or the
 * indicators (decision records always differ between rule sets: they cite different rules). */
export function firstDivergence(a: TurnRecord[], b: TurnRecord[]): number | null {
  const facts = (r: TurnRecord) => canonicalJson([r.events, r.adversary, r.indicators]);
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    if (!x || !y || facts(x) !== facts(y)) return i + 1;
  }
  return null;
}
