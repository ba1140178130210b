// Determinism: the same scenario, rule set, seed and inputs give the same canonical log, byte
// for byte, and verifyLog accepts it. Random seeds and random input sequences (intents the engine
// offers at each turn, and other members' or the chair's motions) over two shipped scenarios,
// under the three presets and a design-lab rule set.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inputFor, type Wishes } from './support/wishes';
import { loadScenarioFile } from '../src/cli/scenario-file';
import { newGame, playTurn } from '../src/engine/game/game';
import { createLog, logText, verifyLog } from '../src/engine/log/outcome-log';
import type { GameState } from '../src/engine/game/types';
import type { IntentId, Scenario } from '../src/engine/scenario/schema';

/** A shipped scenario by id; a broken one fails with every problem's line and column. */
const load = (name: string): Scenario => loadScenarioFile(`scenarios/${name}.yaml`);

const SCENARIOS = { terror: load('terror-attack-member'), frontier: load('frontier-armed-attack') };
const HORIZON = Math.max(...Object.values(SCENARIOS).map((s) => s.horizon));

const RULES = ['nato', 'sco', 'csto', 'sco+commitment=automatic'];

function play(scenario: Scenario, rules: string, seed: string, wishes: Wishes): GameState {
  let game = newGame(scenario, rules, seed);
  while (!game.result) game = playTurn(game, inputFor(game, wishes[game.turn - 1]));
  return game;
}

const intent = fc.constantFrom<IntentId>('consult', 'collective-defence', 'joint-statement', 'ct-cooperation', 'suspend-member', 'act-alone', 'de-escalate');
const motion = fc.record({
  by: fc.oneof(fc.nat({ max: 63 }), fc.constant('chair' as const)),
  intent: fc.constantFrom<IntentId>('consult', 'collective-defence', 'joint-statement', 'ct-cooperation'),
});
const wish = fc.record({ intents: fc.array(intent, { maxLength: 3 }), motion: fc.option(motion, { nil: undefined, freq: 4 }) }, { requiredKeys: ['intents'] });
const wishes = fc.array(wish, { minLength: 0, maxLength: HORIZON });
const seedArb = fc.oneof(fc.string({ maxLength: 12 }), fc.integer().map(String));
const scenarioArb = fc.constantFrom(...(Object.keys(SCENARIOS) as (keyof typeof SCENARIOS)[]));
const rulesArb = fc.constantFrom(...RULES);

describe('determinism', () => {
  it('the same inputs give the same canonical log twice, and verifyLog accepts it (property)', () => {
    fc.assert(
      fc.property(scenarioArb, rulesArb, seedArb, wishes, (sc, rules, seed, w) => {
        const a = logText(createLog(play(SCENARIOS[sc], rules, seed, w), { policy: 'random' }));
        const b = logText(createLog(play(SCENARIOS[sc], rules, seed, w), { policy: 'random' }));
        expect(b).toBe(a);
        const verdict = verifyLog(JSON.parse(a));
        if (!verdict.ok) throw new Error(verdict.reason);
        expect(logText(verdict.log)).toBe(a);
      }),
      { numRuns: 50, seed: 20261129 },
    );
  });

  it('the game state is plain JSON at every turn, so what is saved is what is played (property)', () => {
    fc.assert(
      fc.property(scenarioArb, rulesArb, seedArb, wishes, (sc, rules, seed, w) => {
        let game = newGame(SCENARIOS[sc], rules, seed);
        while (!game.result) {
          expect(JSON.parse(JSON.stringify(game))).toEqual(game);
          game = playTurn(game, inputFor(game, w[game.turn - 1]));
        }
        expect(JSON.parse(JSON.stringify(game))).toEqual(game);
      }),
      { numRuns: 15, seed: 7 },
    );
  });

  it('the canonical text does not depend on key order: parsed and written again it is the same bytes', () => {
    const text = logText(createLog(play(SCENARIOS.frontier, 'nato', 'order', [['consult'], ['joint-statement']])));
    const shuffled = JSON.parse(text, (_k, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as object).reverse()) : v,
    );
    expect(logText(shuffled)).toBe(text);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('the seed matters: different seeds give different logs (so determinism is not a constant output)', () => {
    const logs = new Set<string>();
    for (let i = 0; i < 8; i++) logs.add(createLog(play(SCENARIOS.terror, 'nato', `seed-${i}`, [['consult']])).digest);
    expect(logs.size).toBeGreaterThan(4);
  });

  it('the intents matter: the same seed with other intents gives another log', () => {
    const a = createLog(play(SCENARIOS.frontier, 'nato', 'same', [])).digest;
    const b = createLog(play(SCENARIOS.frontier, 'nato', 'same', [['consult']])).digest;
    expect(b).not.toBe(a);
  });

  it('the motions matter: the same seed and intents with a member\'s motion give another log, and it verifies', () => {
    const plain = createLog(play(SCENARIOS.frontier, 'nato', 'same', [['consult']]));
    const moved = createLog(play(SCENARIOS.frontier, 'nato', 'same', [{ intents: ['consult'], motion: { by: 3, intent: 'joint-statement' } }]));
    expect(moved.digest).not.toBe(plain.digest);
    expect(verifyLog(JSON.parse(logText(moved)))).toMatchObject({ ok: true });
  });

  it('the rule set matters: the same seed and intents under each rule set give different logs', () => {
    const digests = new Set(RULES.map((rules) => createLog(play(SCENARIOS.terror, rules, 'same', [['consult'], ['joint-statement']])).digest));
    expect(digests.size).toBe(RULES.length);
  });

  it('the playing order of requested intents does not matter: the engine puts them in its own order', () => {
    const a = logText(createLog(play(SCENARIOS.frontier, 'sco', 'order', [['joint-statement', 'consult']])));
    const b = logText(createLog(play(SCENARIOS.frontier, 'sco', 'order', [['consult', 'joint-statement']])));
    expect(b).toBe(a);
  });
});
