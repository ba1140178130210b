// Determinism: the same scenario, rule set, seed and inputs give the same canonical log, byte
// for byte, and verifyLog accepts it. Random seeds and random input sequences (intents the engine
// offers at each turn, and other members' or the chair's motions) over two shipped scenarios,
// under the three presets and a design-lab rule set.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inputFor, type Wishes } from './support/wishes';
import { loadScenarioFile } from '../src/cli/scenario-file';
import { newGame, playTurn } from '../src/engine/game/game';
import { readdirSync } from 'node:fs';
import { createLog, createLogText, logText } from '../src/engine/log/outcome-log';
import { verifyLog, verifyLogText } from '../src/engine/log/verify-log';
import { canonicalJson, pureSha256, useSha256 } from '../src/engine/log/canonical';
import { nodeSha256 } from '../src/cli/node-host';
import { parseScenario } from '../src/engine/scenario/load';
import { INDICATORS } from '../src/engine/scenario/schema';
import { playGame } from '../src/sim/play';
import { policyByName } from '../src/sim/policies';
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

// Issue 14, point 1: genuine logs always verify. The score once summed the objectives in the
// file's key order while the log embeds the scenario with sorted keys, so about 1 game in 17,000
// of the shipped scenarios (and 2 in 8 of a one-turn scenario) was refused. Every shipped
// scenario, every preset, the built-in bots, and one game in ten on a mutated scenario (the
// objectives' weights and key order, every object's keys reversed, a shorter horizon), each log
// written and verified as the command line does. CI plays CRISIS_LAB_FUZZ_RUNS games (default
// 300); the nightly-sized run in the README plays 100,000 (10,000 of them on mutated scenarios).
describe('every genuine log verifies (property over the shipped scenarios, presets and bots)', () => {
  const FUZZ_RUNS = Number(process.env.CRISIS_LAB_FUZZ_RUNS ?? 300);
  const SHIPPED = readdirSync('scenarios').filter((f) => f.endsWith('.yaml')).sort().map((f) => loadScenarioFile(`scenarios/${f}`));
  const BOTS = ['passive', 'hawk', 'dove', 'consult-first', 'random'];

  function verifiedText(scenario: Scenario, rules: string, seed: string, bot: string): void {
    const policy = policyByName(bot, scenario, seed);
    const text = createLogText(playGame(scenario, rules, seed, policy), { policy: policy.name });
    const verdict = verifyLogText(text);
    if (!verdict.ok) throw new Error(`${scenario.id} ${rules} seed ${seed} ${bot}: ${verdict.reason}`);
  }

  it('pins the reproduction: rats-central-asia --rules nato --seed 1226 --policy passive', () => {
    verifiedText(load('rats-central-asia'), 'nato', '1226', 'passive');
  });

  const mutation = fc.record({
    objectives: fc.shuffledSubarray([...INDICATORS], { minLength: 1 }).chain((keys) =>
      fc.tuple(fc.constant(keys), fc.array(fc.integer({ min: -100, max: 100 }), { minLength: keys.length, maxLength: keys.length })),
    ),
    reversed: fc.boolean(),
    horizon: fc.nat({ max: 120 }),
  });

  /** A valid scenario changed as the mutation says, keys in the mutated order; the shipped one when the change does not validate. */
  function mutate(base: Scenario, m: { objectives: [string[], number[]]; reversed: boolean; horizon: number }): Scenario {
    const [keys, weights] = m.objectives;
    // A shorter game keeps the events and scripted turns that can still happen, windows cut at the new end.
    const horizon = 1 + (m.horizon % base.horizon);
    const events = base.events
      .filter((e) => (e.at ?? e.chance?.from ?? 1) <= horizon)
      .map((e) => (e.chance ? { ...e, chance: { ...e.chance, to: Math.min(e.chance.to, horizon) } } : e));
    const changed = {
      ...base,
      horizon,
      events,
      policies: Object.fromEntries(Object.entries(base.policies).map(([name, p]) => [name, { ...p, turns: p.turns.filter((t) => t.turn <= horizon) }])),
      player: { ...base.player, objectives: Object.fromEntries(keys.map((k, i) => [k, weights[i]! / 100])) },
    } as Scenario;
    const reorder = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reorder) : v !== null && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reorder(x)])) : v;
    const ordered = (m.reversed ? reorder(changed) : changed) as Scenario;
    const parsed = parseScenario(canonicalJson(ordered), 'mutated');
    return parsed.ok && canonicalJson(parsed.scenario) === canonicalJson(ordered) ? ordered : base;
  }

  // The command line's hash (the same bytes as the pure-JavaScript one, which the other tests use), for speed.
  beforeAll(() => useSha256(nodeSha256));
  afterAll(() => useSha256(pureSha256));

  it(`${FUZZ_RUNS} games, each written and verified`, () => {
    fc.assert(
      fc.property(
        fc.nat({ max: SHIPPED.length - 1 }),
        fc.constantFrom('nato', 'sco', 'csto'),
        fc.oneof(fc.nat().map(String), fc.string({ maxLength: 8 })),
        fc.constantFrom(...BOTS),
        fc.option(mutation, { freq: 9, nil: undefined }),
        (k, rules, seed, bot, m) => {
          const scenario = m ? mutate(SHIPPED[k]!, m) : SHIPPED[k]!;
          verifiedText(scenario, rules, seed, bot);
        },
      ),
      { numRuns: FUZZ_RUNS, seed: 1226 },
    );
    // Room for a loaded machine (a game and its verification take a few milliseconds idle): a
    // limit on time, not a measure of it.
  }, Math.max(60_000, FUZZ_RUNS * 1_000));
});
