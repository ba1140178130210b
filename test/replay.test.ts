// Replay: a saved game (through JSON) resumed mid-game ends with the same log as a game played
// without a pause; replaying a game's intents gives its log again; and the same intents replayed
// under the other rule set (the counterfactual the debrief offers) run to an end.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../src/engine/scenario/load';
import { newGame, playTurn } from '../src/engine/game/game';
import { intentOptions } from '../src/engine/game/intents';
import { createLog, logText, replayIntents, verifyLog } from '../src/engine/log/outcome-log';
import type { GameState } from '../src/engine/game/types';
import type { IntentId, RuleSetId, Scenario } from '../src/engine/scenario/schema';

function load(name: string): Scenario {
  const result = parseScenario(readFileSync(`scenarios/${name}.yaml`, 'utf8'), `${name}.yaml`);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.problems)}`);
  return result.scenario;
}

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
      { numRuns: 40, seed: 99 },
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

  // The debrief's "replay under the other rules" (src/game/ui/debrief-screen.ts) calls
  // replayIntents(scenario, other, seed, intents) with the intents of the game just played.
  // Intents offered under one rule set are not always offered under the other (an Article 4
  // request still on the SCO's longer agenda, a second SCO collective-defence request, a
  // suspension NATO has no clause for), and playTurn throws on them.
  it('the textbook NATO line (consult on turns 1 and 2) replays under SCO rules to an end', () => {
    const sc = SCENARIOS.frontier;
    const intents: IntentId[][] = [['consult'], ['consult', 'joint-statement'], [], ['collective-defence']];
    // Under NATO the first request is decided within the turn for this seed, so the game is legal.
    let seed = '';
    for (let i = 0; i < 50 && !seed; i++) {
      try {
        replayIntents(sc, 'nato', `t${i}`, intents);
        seed = `t${i}`;
      } catch {
        // this seed's NAC sat later; try another
      }
    }
    expect(seed).not.toBe('');
    const played = replayIntents(sc, 'nato', seed, intents);
    const counterfactual = replayIntents(sc, 'sco', seed, played.turns.map((t) => t.intents));
    expect(counterfactual.result !== null || counterfactual.turns.length === played.turns.length).toBe(true);
  });

  it('any legal game replays under the other rule set to an end (property)', () => {
    fc.assert(
      fc.property(scenarioArb, rulesArb, seedArb, wishesArb, (sc, rules, seed, wishes) => {
        const played = finish(newGame(SCENARIOS[sc], rules, seed), wishes);
        const counterfactual = replayIntents(SCENARIOS[sc], other(rules), seed, played.turns.map((t) => t.intents));
        expect(counterfactual.turns.length).toBeGreaterThan(0);
        // It ends, or it ran every turn it was given.
        expect(counterfactual.result !== null || counterfactual.turns.length === played.turns.length).toBe(true);
        // Chance is drawn identically: the first turn's events are the same under both rule sets.
        expect(counterfactual.turns[0]?.events).toEqual(played.turns[0]?.events);
      }),
      { numRuns: 40, seed: 5, endOnFailure: true },
    );
  });

  it('verifyLog accepts a log written from a resumed game', () => {
    let game = newGame(SCENARIOS.terror, 'nato', 'verify');
    game = playTurn(game, ['consult']);
    game = finish(JSON.parse(JSON.stringify(game)) as GameState, [[], [], ['joint-statement']]);
    const verdict = verifyLog(JSON.parse(logText(createLog(game, { policy: 'human', player: 'Student' }))));
    expect(verdict).toMatchObject({ ok: true });
  });
});
