// Replay: a saved game (through JSON) resumed mid-game ends with the same log as a game played
// without a pause; replaying a game's intents gives its log again; and the same intents replayed
// under the other rule set (counterfactual(), what the debrief offers) run to an end.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../src/cli/scenario-file';
import { newGame, playTurn } from '../src/engine/game/game';
import { intentOptions } from '../src/engine/game/intents';
import { createLog, logText, replayIntents, verifyLog } from '../src/engine/log/outcome-log';
import { counterfactual, firstDivergence } from '../src/engine/game/counterfactual';
import type { GameState } from '../src/engine/game/types';
import type { IntentId, RuleSetId, Scenario } from '../src/engine/scenario/schema';

/** A shipped scenario by id; a broken one fails with every problem's line and column. */
const load = (name: string): Scenario => loadScenarioFile(`scenarios/${name}.yaml`);

const SCENARIOS = { terror: load('terror-attack-member'), frontier: load('frontier-armed-attack') };
const HORIZON = Math.max(...Object.values(SCENARIOS).map((s) => s.horizon));
const other = (r: RuleSetId): RuleSetId => (r === 'nato' ? 'sco' : 'nato');

type Wishes = IntentId[][];

/** One turn with the wishes the engine offers now. */
function step(game: GameState, wishes: Wishes): GameState {
  const offered = new Set(intentOptions(game).filter((o) => o.available).map((o) => o.intent));
  return playTurn(game, (wishes[game.turn - 1] ?? []).filter((i) => offered.has(i)));
}

function finish(game: GameState, wishes: Wishes): GameState {
  let g = game;
  while (!g.result) g = step(g, wishes);
  return g;
}

const intent = fc.constantFrom<IntentId>('consult', 'collective-defence', 'joint-statement', 'ct-cooperation', 'suspend-member', 'act-alone', 'de-escalate');
const wishesArb = fc.array(fc.array(intent, { maxLength: 3 }), { maxLength: HORIZON });
const seedArb = fc.oneof(fc.string({ maxLength: 12 }), fc.integer().map(String));
const scenarioArb = fc.constantFrom(...(Object.keys(SCENARIOS) as (keyof typeof SCENARIOS)[]));
const rulesArb = fc.constantFrom<RuleSetId>('nato', 'sco');

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
  it('replayIntents with a game\'s own intents gives its log again, and verifyLog says so (property)', () => {
    fc.assert(
      fc.property(scenarioArb, rulesArb, seedArb, wishesArb, (sc, rules, seed, wishes) => {
        const played = finish(newGame(SCENARIOS[sc], rules, seed), wishes);
        const again = replayIntents(SCENARIOS[sc], rules, seed, played.turns.map((t) => t.intents));
        expect(again.result).toBe(played.result);
        expect(logText(createLog(again))).toBe(logText(createLog(played)));
      }),
      { numRuns: 50, seed: 99 },
    );
  });

  it('replayIntents stops at the end of the game even when given more turns than were played', () => {
    const played = finish(newGame(SCENARIOS.terror, 'sco', 'extra'), []);
    const intents = [...played.turns.map((t) => t.intents), [], [], []];
    expect(replayIntents(SCENARIOS.terror, 'sco', 'extra', intents).turns).toHaveLength(played.turns.length);
  });

  it('a passive game replayed under the other rule set runs to an end', () => {
    for (const sc of Object.values(SCENARIOS)) {
      for (const rules of ['nato', 'sco'] as const) {
        const played = finish(newGame(sc, rules, 'passive'), []);
        const counterfactual = replayIntents(sc, other(rules), 'passive', played.turns.map((t) => t.intents));
        expect(counterfactual.result).not.toBeNull();
      }
    }
  });

  // The debrief's "replay under the other rules" goes through counterfactual(game, other): the
  // same seed and intents, leaving out (and listing) what the other rules do not allow then.
  it('the textbook NATO line (consult on turns 1 and 2, Article 5 on turn 4) replays under SCO rules to an end', () => {
    const played = finish(newGame(SCENARIOS.frontier, 'nato', 'textbook'), [['consult'], ['consult', 'joint-statement'], [], ['collective-defence']]);
    const { game, dropped } = counterfactual(played, 'sco');
    expect(game.rules).toBe('sco');
    expect(game.result !== null || game.turns.length === played.turns.length).toBe(true);
    for (const d of dropped) expect(d.reason).toBeTruthy();
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
        // Per turn: what was played plus what was dropped is what was asked.
        cf.turns.forEach((t, i) => {
          const droppedHere = dropped.filter((d) => d.turn === t.turn).map((d) => d.intent);
          expect([...t.intents, ...droppedHere].sort()).toEqual([...played.turns[i]!.intents].sort());
        });
        for (const d of dropped) expect(d.reason.length).toBeGreaterThan(0);
        // Chance is drawn identically: the first turn's events are the same under both rule sets.
        expect(cf.turns[0]?.events).toEqual(played.turns[0]?.events);
        // The counterfactual is itself a game replayIntents reproduces under the other rules.
        const again = replayIntents(SCENARIOS[sc], other(rules), seed, cf.turns.map((t) => t.intents));
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
