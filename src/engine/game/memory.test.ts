// A turn shares the previous state's memory maps and the alliance's saved snapshot until it writes
// (memory.ts, rule-table.ts). Here every state is frozen, deep, before the next turn is played
// from it: a write into anything the state holds throws (modules run in strict mode), so a turn
// that wrote into a shared map instead of its own copy fails here. Each state is also played a
// second time from its frozen self and must give the same next state.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/load';
import { canonicalJson } from '../log/canonical';
import { newGame, playTurn } from './game';
import { intentOptions } from './intents';
import type { GameState } from './types';
import type { IntentId } from '../scenario/schema';

function scenario(file: string) {
  const parsed = parseScenario(readFileSync(join(__dirname, '../../../scenarios', file), 'utf8'), file);
  if (!parsed.ok) throw new Error(file);
  return parsed.scenario;
}

function deepFreeze<T>(value: T, seen = new Set<unknown>()): T {
  if (value === null || typeof value !== 'object' || seen.has(value)) return value;
  seen.add(value);
  for (const v of Object.values(value as object)) deepFreeze(v, seen);
  return Object.freeze(value);
}

/** Asks for everything the rules take, so that contributions, strain, stances and acquiescence
 * are all written in the course of the game. */
function everything(game: GameState): IntentId[] {
  return intentOptions(game)
    .filter((o) => o.available && o.intent !== 'de-escalate')
    .map((o) => o.intent);
}

describe('a turn never writes into the state it is played from', () => {
  for (const [file, rules] of [
    ['frontier-armed-attack.yaml', 'nato'],
    ['intra-bloc-clash.yaml', 'sco'],
    ['rats-central-asia.yaml', 'csto'],
  ] as const) {
    it(`${file} under ${rules}, every state frozen before the next turn`, () => {
      let game = deepFreeze(newGame(scenario(file), rules, '5'));
      let turns = 0;
      while (!game.result) {
        const intents = everything(game);
        const next = playTurn(game, intents);
        expect(canonicalJson(playTurn(game, intents).turns)).toBe(canonicalJson(next.turns));
        game = deepFreeze(next);
        turns++;
      }
      expect(turns).toBeGreaterThan(3);
      expect(game.turns.some((t) => Object.keys(t.contributions).length > 0)).toBe(true);
    });
  }
});
