import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { INTENTS, createLog, intentOptions, logText, newGame, parseScenario, playTurn, type GameState, type IntentId, type Scenario } from '../../engine/index';
import { SUSPEND_LIMIT, decodeIntents, decodeSuspend, encodeIntents, encodeSuspend, resumeSuspended, type SuspendDefaults } from './suspend';

const DIR = join(import.meta.dirname, '../../../scenarios');
const shipped: Scenario[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => {
    const result = parseScenario(readFileSync(join(DIR, f), 'utf8'), f);
    if (!result.ok) throw new Error(f);
    return result.scenario;
  });
const byId = (id: string) => shipped.find((s) => s.id === id) ?? null;
const tutorial = byId('tutorial')!;

/** Every available request on the first turns, none after. */
function play(scenario: Scenario, rules: string, seed: string, turns = Infinity): GameState {
  let game = newGame(scenario, rules, seed);
  for (let n = 0; n < turns && !game.result; n += 1) {
    const intents = n < 3 ? intentOptions(game).filter((o) => o.available).map((o) => o.intent) : [];
    game = playTurn(game, intents);
  }
  return game;
}

const locked: SuspendDefaults = { scenario: 'tutorial', rules: 'nato', pack: null };
const open: SuspendDefaults = { scenario: null, rules: null, pack: null };

describe('suspend_data', () => {
  it('encodes each turn’s intents as letters, in the order given, and back', () => {
    const turns: IntentId[][] = [['collective-defence', 'consult'], [], [...INTENTS], []];
    expect(encodeIntents(turns)).toBe('ba..abcdefg..');
    expect(decodeIntents(encodeIntents(turns))).toEqual(turns);
    expect(decodeIntents('')).toEqual([]);
    expect(() => decodeIntents('az.')).toThrow('unknown intent letter');
    expect(() => decodeIntents('ab')).toThrow('cut short');
  });

  it('keeps only the seed, the intents and a hash when the package fixes the game, and resumes the same game', () => {
    const game = play(tutorial, 'nato', '7', 2);
    const text = encodeSuspend(game, locked);
    expect([...new URLSearchParams(text).keys()]).toEqual(['v', 's', 'i', 'h']);
    const resumed = resumeSuspended(decodeSuspend(text), locked, byId);
    expect(resumed.sameGame).toBe(true);
    expect(logText(createLog(resumed.game))).toBe(logText(createLog(game)));
  });

  it('names the scenario, rules and pack when the package leaves them to the student', () => {
    const game = newGame(byId('ambiguous-drone')!, 'sco', 'x y', { pack: 'sceptic' });
    const text = encodeSuspend(playTurn(game, ['consult']), open);
    expect(decodeSuspend(text)).toMatchObject({ scenario: 'ambiguous-drone', rules: 'sco', pack: 'sceptic', seed: 'x y', intents: [['consult']] });
    expect(resumeSuspended(decodeSuspend(text), open, byId).sameGame).toBe(true);
  });

  it('says when the replayed game differs from the one saved, and refuses what it cannot replay', () => {
    const text = encodeSuspend(play(tutorial, 'nato', '7', 2), locked);
    const otherHash = text.replace(/h=[0-9a-f]+/, 'h=0000000000000000');
    expect(resumeSuspended(decodeSuspend(otherHash), locked, byId).sameGame).toBe(false);
    expect(() => decodeSuspend('v=9&s=1&i=&h=0')).toThrow('not a saved game of this format');
    expect(() => decodeSuspend('v=1&s=1&h=0')).toThrow('lacks');
    expect(() => decodeSuspend('v=1&s=1&i=&h=0&p=bold')).toThrow('unknown parameter pack');
    expect(() => resumeSuspended(decodeSuspend('v=1&c=gone&r=nato&s=1&i=&h=0'), open, byId)).toThrow('not in this package');
  });

  it('fits in 4,096 characters for every shipped scenario played to its horizon with every intent each turn', () => {
    for (const scenario of shipped) {
      // The longest a game can be: every turn to the horizon, each with all seven intents.
      const turns = Array.from({ length: scenario.horizon }, () => [...INTENTS]);
      const worst = encodeIntents(turns).length + 64 * 3 + 400 + scenario.id.length + 40;
      expect(worst, scenario.id).toBeLessThanOrEqual(SUSPEND_LIMIT);
      const game = play(scenario, scenario.rules[0]!, 'golden-1');
      expect(encodeSuspend(game, open).length).toBeLessThanOrEqual(SUSPEND_LIMIT);
    }
  });
});
