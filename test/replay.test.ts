// Replay: a saved game (through JSON) resumed mid-game ends with the same log as a game played
// without a pause; replaying a game's inputs (intents, motions, seats) gives its log again; and the
// same inputs replayed under another rule set (counterfactual(), what the debrief offers) run to an
// end. Over two shipped scenarios, the three presets and a design-lab rule set.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inputFor, type Wishes } from './support/wishes';
import { loadScenarioFile } from '../src/cli/scenario-file';
import { newGame, playTurn } from '../src/engine/game/game';
import { intentOptions } from '../src/engine/game/intents';
import { createLog, inputOf, logText, replayIntents } from '../src/engine/log/outcome-log';
import { verifyLog } from '../src/engine/log/verify-log';
import { counterfactual, firstDivergence } from '../src/engine/game/counterfactual';
import type { GameState } from '../src/engine/game/types';
import type { IntentId, Position, Scenario } from '../src/engine/scenario/schema';

/** A shipped scenario by id; a broken one fails with every problem's line and column. */
const load = (name: string): Scenario => loadScenarioFile(`scenarios/${name}.yaml`);

const SCENARIOS = { terror: load('terror-attack-member'), frontier: load('frontier-armed-attack') };
const HORIZON = Math.max(...Object.values(SCENARIOS).map((s) => s.horizon));
const RULES = ['nato', 'sco', 'csto', 'sco+commitment=automatic'];
/** The next rule set in the list: every rule set is some other's counterfactual. */
const other = (r: string): string => RULES[(RULES.indexOf(r) + 1) % RULES.length]!;

/** One turn with the wishes the engine offers now. */
function step(game: GameState, wishes: Wishes): GameState {
  return playTurn(game, inputFor(game, wishes[game.turn - 1]));
}

function finish(game: GameState, wishes: Wishes): GameState {
  let g = game;
  while (!g.result) g = step(g, wishes);
  return g;
}

const intent = fc.constantFrom<IntentId>('consult', 'collective-defence', 'joint-statement', 'ct-cooperation', 'suspend-member', 'act-alone', 'de-escalate');
const allianceIntent = fc.constantFrom<IntentId>('consult', 'collective-defence', 'joint-statement', 'ct-cooperation');
const wishArb = fc.record(
  {
    intents: fc.array(intent, { maxLength: 3 }),
    motion: fc.option(fc.record({ by: fc.oneof(fc.nat({ max: 63 }), fc.constant('chair' as const)), intent: allianceIntent }), { nil: undefined, freq: 4 }),
    seat: fc.option(fc.record({ member: fc.nat({ max: 63 }), intent: allianceIntent, position: fc.constantFrom<Position>('support', 'object', 'abstain', 'stay-out') }), {
      nil: undefined,
      freq: 4,
    }),
  },
  { requiredKeys: ['intents'] },
);
const wishesArb = fc.array(wishArb, { maxLength: HORIZON });
const seedArb = fc.oneof(fc.string({ maxLength: 12 }), fc.integer().map(String));
const scenarioArb = fc.constantFrom(...(Object.keys(SCENARIOS) as (keyof typeof SCENARIOS)[]));
const rulesArb = fc.constantFrom(...RULES);

describe('save and resume', () => {
  it('a game saved through JSON at any turn and resumed ends with the same log as one played straight through (property)', () => {
    fc.assert(
      fc.property(scenarioArb, rulesArb, seedArb, wishesArb, fc.nat({ max: HORIZON }), (sc, rules, seed, wishes, pauseAt) => {
        const straight = finish(newGame(SCENARIOS[sc], rules, seed), wishes);
        let paused = newGame(SCENARIOS[sc], rules, seed);
        paused = JSON.parse(JSON.stringify(paused)) as GameState;
        while (!paused.result && paused.turn <= pauseAt) paused = step(paused, wishes);
        const saved = JSON.parse(JSON.stringify(paused)) as GameState;
        const resumed = finish(saved, wishes);
        expect(logText(createLog(resumed))).toBe(logText(createLog(straight)));
      }),
      { numRuns: 50, seed: 1129 },
    );
  });

  it('a resumed game offers the same intents and events as the game that was saved', () => {
    let game = newGame(SCENARIOS.frontier, 'nato', 'resume');
    game = playTurn(game, ['consult']);
    game = playTurn(game, []);
    const saved = JSON.parse(JSON.stringify(game)) as GameState;
    expect(intentOptions(saved)).toEqual(intentOptions(game));
    expect(saved.events).toEqual(game.events);
    expect(playTurn(saved, ['joint-statement'])).toEqual(playTurn(game, ['joint-statement']));
  });
});

describe('replaying intents', () => {
  it('replayIntents with a game\'s own inputs gives its log again, and verifyLog says so (property)', () => {
    fc.assert(
      fc.property(scenarioArb, rulesArb, seedArb, wishesArb, (sc, rules, seed, wishes) => {
        const played = finish(newGame(SCENARIOS[sc], rules, seed), wishes);
        const again = replayIntents(SCENARIOS[sc], rules, seed, played.turns.map(inputOf));
        expect(again.result).toBe(played.result);
        const text = logText(createLog(again));
        expect(text).toBe(logText(createLog(played)));
        const verdict = verifyLog(JSON.parse(text));
        if (!verdict.ok) throw new Error(verdict.reason);
      }),
      { numRuns: 50, seed: 99 },
    );
  });

  it('replayIntents stops at the end of the game even when given more turns than were played', () => {
    const played = finish(newGame(SCENARIOS.terror, 'sco', 'extra'), []);
    const intents = [...played.turns.map((t) => t.intents), [], [], []];
    expect(replayIntents(SCENARIOS.terror, 'sco', 'extra', intents).turns).toHaveLength(played.turns.length);
  });

  it('with the motions and seats left out, the same intents replay to another log where a motion or seat was played', () => {
    const wishes: Wishes = [{ intents: ['consult'], motion: { by: 2, intent: 'joint-statement' }, seat: { member: 5, intent: 'consult', position: 'object' } }];
    const played = finish(newGame(SCENARIOS.frontier, 'nato', 'inputs'), wishes);
    expect(played.turns[0]!.motions).toHaveLength(1);
    expect(played.turns[0]!.seats).toBeDefined();
    const intentsOnly = replayIntents(SCENARIOS.frontier, 'nato', 'inputs', played.turns.map((t) => t.intents));
    expect(logText(createLog(intentsOnly))).not.toBe(logText(createLog(played)));
    expect(logText(createLog(replayIntents(SCENARIOS.frontier, 'nato', 'inputs', played.turns.map(inputOf))))).toBe(logText(createLog(played)));
  });

  it('a passive game replayed under every other rule set runs to an end', () => {
    for (const sc of Object.values(SCENARIOS)) {
      for (const rules of RULES) {
        const played = finish(newGame(sc, rules, 'passive'), []);
        const counterfactual = replayIntents(sc, other(rules), 'passive', played.turns.map((t) => t.intents));
        expect(counterfactual.result).not.toBeNull();
      }
    }
  });

  // The debrief's "replay under the other rules" goes through counterfactual(game, other): the
  // same seed and intents, leaving out (and listing) what the other rules do not allow then.
  it('the textbook NATO line (consult on turn 1, a statement on turn 2, consult again and Article 5 on turn 4) replays under the other rule sets to an end', () => {
    const played = finish(newGame(SCENARIOS.frontier, 'nato', 'textbook'), [['consult'], ['joint-statement'], [], ['consult', 'collective-defence']]);
    // The NAC sits within two days: by turn 4 (day 3) the first consultation is decided and another can be asked.
    expect(played.turns[3]!.intents).toEqual(['consult', 'collective-defence']);
    for (const rules of RULES.slice(1)) {
      const { game, dropped } = counterfactual(played, rules);
      expect(game.rules).toBe(rules);
      // It ends, or it ran every turn the original played (the original may have ended sooner).
      expect(game.result !== null || game.turns.length === played.turns.length, rules).toBe(true);
      // A cfm sits 3–10 days after the consultation asked on day 0: on day 3, before it has sat, the second is refused.
      if (game.features.council === 'cfm') expect(dropped, rules).toContainEqual({ turn: 4, intent: 'consult', reason: 'already-under-way' });
      // What is left out is what the other rules refused at that turn, for the reason they gave.
      for (const d of dropped) {
        const before = replayIntents(SCENARIOS.frontier, rules, 'textbook', game.turns.slice(0, d.turn - 1).map(inputOf));
        expect(intentOptions(before).find((o) => o.intent === d.intent), rules).toMatchObject({ available: false, reason: d.reason });
      }
    }
  });

  it('any legal game replays under the other rule set to an end; only refused intents are left out, and the counterfactual verifies (property)', () => {
    fc.assert(
      fc.property(scenarioArb, rulesArb, seedArb, wishesArb, (sc, rules, seed, wishes) => {
        const played = finish(newGame(SCENARIOS[sc], rules, seed), wishes);
        const { game: cf, dropped } = counterfactual(played, other(rules));
        expect(cf.rules).toBe(other(rules));
        expect(cf.seed).toBe(seed);
        // It ends, or it ran every turn it was given.
        expect(cf.result !== null || cf.turns.length === played.turns.length).toBe(true);
        expect(cf.turns.length).toBeLessThanOrEqual(played.turns.length);
        // Per turn: what was played plus what was dropped is what was asked, the player's intents
        // and others' motions alike; seats' answers go over unchanged.
        cf.turns.forEach((t, i) => {
          const droppedHere = dropped.filter((d) => d.turn === t.turn);
          const mine = droppedHere.filter((d) => d.by === undefined).map((d) => d.intent);
          const theirs = droppedHere.filter((d) => d.by !== undefined).map((d) => ({ by: d.by, intent: d.intent }));
          expect([...t.intents, ...mine].sort()).toEqual([...played.turns[i]!.intents].sort());
          expect([...(t.motions ?? []), ...theirs]).toEqual(expect.arrayContaining(played.turns[i]!.motions ?? []));
          expect((t.motions ?? []).length + theirs.length).toBe((played.turns[i]!.motions ?? []).length);
          expect(t.seats).toEqual(played.turns[i]!.seats);
        });
        for (const d of dropped) expect(d.reason.length).toBeGreaterThan(0);
        // Chance is drawn identically: the first turn's events are the same under both rule sets.
        expect(cf.turns[0]?.events).toEqual(played.turns[0]?.events);
        // The counterfactual is itself a game replayIntents reproduces under the other rules.
        const again = replayIntents(SCENARIOS[sc], other(rules), seed, cf.turns.map(inputOf));
        expect(logText(createLog(again))).toBe(logText(createLog(cf)));
      }),
      { numRuns: 50, seed: 5 },
    );
  });

  it('replayIntents itself stays strict: an intent the rules refuse at that turn is an error naming it (verifyLog relies on this)', () => {
    expect(() => replayIntents(SCENARIOS.frontier, 'nato', 'strict', [['suspend-member']])).toThrow(/suspend-member.*no-suspension-clause/);
  });

  it('the same game under the same rules is its own counterfactual: nothing dropped, nothing diverges', () => {
    const played = finish(newGame(SCENARIOS.terror, 'sco', 'self'), [['consult'], ['ct-cooperation']]);
    const { game, dropped } = counterfactual(played, 'sco');
    expect(dropped).toEqual([]);
    expect(firstDivergence(played.turns, game.turns)).toBeNull();
    expect(logText(createLog(game))).toBe(logText(createLog(played)));
  });

  it('verifyLog accepts a log written from a resumed game', () => {
    let game = newGame(SCENARIOS.terror, 'nato', 'verify');
    game = playTurn(game, ['consult']);
    game = finish(JSON.parse(JSON.stringify(game)) as GameState, [[], [], ['joint-statement']]);
    const verdict = verifyLog(JSON.parse(logText(createLog(game, { policy: 'human', player: 'Student' }))));
    expect(verdict).toMatchObject({ ok: true });
  });
});
