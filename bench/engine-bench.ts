// Engine figures, each a ratio of two things measured side by side in this process:
// - the rule machine's cost per alliance event, as the engine drives it (its rule table, which
//   steps the chart's own transitions without an actor: `can` before a request, a persisted
//   snapshot per turn), next to the same chart under XState's interpreter as the engine drove it
//   before (one running actor per game) and two baselines fed the very same events: an
//   engine-shaped XState machine (one targetless assign per event) and a plain reducer, both
//   making the same rule decisions (the test oracle, test/support/rule-oracle.ts, which the
//   model-based tests hold to the machine's records);
// - the whole game's cost per alliance event (member and adversary policies, indicators, the
//   log's turn records: everything replayIntents does) next to the same floor;
// - games per second, and the batch speed-up from one worker to two (batch-bench.ts).
// Everything is warmed up before it is timed. Prints figures; asserts nothing.
import { assign, createActor, setup, type AnyStateMachine } from 'xstate';
import { loadScenarioFile } from '../src/cli/scenario-file';
import { openAlliance, replayIntents, resolveRuleSet, startAlliance, watchAlliance, type IntentId, type RuleSet, type Scenario } from '../src/engine';
import { playGame } from '../src/sim/play';
import { policyByName } from '../src/sim/policies';
import { ORACLE_START, oracleStep, type ExpectedRecord, type OracleState } from '../test/support/rule-oracle';
import { STARTERS, batchBench } from './batch-bench';
import { resolve } from 'node:path';

/** Games per second are measured under every preset. */
const RULES = ['nato', 'sco', 'csto'];
const GAMES = 200;
/** Timed rounds of each measurement, taken in turn; the best round counts (a busy moment on a
 * shared machine then hits one round, not one contestant). */
const ROUNDS = 5;
/** The goal: the engine's cost per alliance event within this many times the plain reducer's. */
const FLOOR_GOAL = 3;

/** What the rule machine is sent; named by the oracle's signature, so the bench reaches the engine
 * only through its public surface. */
type RuleEvent = Parameters<typeof oracleStep>[2];
type Features = Parameters<typeof oracleStep>[0];

/** One game's alliance events, split where the engine persists the machine (once per turn). */
type GameEvents = { members: string[]; turns: RuleEvent[][] };

/** The intents a consult-first player chose in each of `games` games, to replay them. */
function recordIntents(scenario: Scenario, rules: string, games: number): IntentId[][][] {
  return Array.from({ length: games }, (_, i) => {
    const seed = String(i);
    return playGame(scenario, rules, seed, policyByName('consult-first', scenario, seed)).turns.map((t) => t.intents);
  });
}

function machineOf(scenario: Scenario, rules: string): AnyStateMachine {
  const resolved = resolveRuleSet(rules, scenario.ruleSets ?? {});
  if (!resolved.ok) throw new Error(`${scenario.id}: unknown rule set ${rules}`);
  return resolved.value.machine as unknown as AnyStateMachine;
}

/** The events the engine sends its rule machine in each game, caught on their way in (the
 * engine's inspection hook); the watch ends before anything is timed. */
function captureEvents(scenario: Scenario, rules: string, scripts: IntentId[][][]): GameEvents[] {
  const resolved = resolveRuleSet(rules, scenario.ruleSets ?? {});
  if (!resolved.ok) throw new Error(`${scenario.id}: unknown rule set ${rules}`);
  let current: RuleEvent[] = [];
  const stop = watchAlliance(resolved.value, (event) => current.push(event as RuleEvent));
  try {
    return scripts.map((intents, i) => {
      current = [];
      replayIntents(scenario, rules, String(i), intents);
      const turns: RuleEvent[][] = [];
      for (const e of current) {
        if (e.type === 'turn.begin' || turns.length === 0) turns.push([]);
        turns[turns.length - 1]!.push(e);
      }
      return { members: scenario.alliance.members, turns };
    });
  } finally {
    stop();
  }
}

const count = (games: GameEvents[]) => games.reduce((n, g) => n + g.turns.reduce((m, t) => m + t.length, 0), 0);

/** The rule machine as deliberation.ts drives it: a session per turn over the saved form. Returns
 * the decisions taken, for the check. */
function engineMachine(rules: RuleSet, games: GameEvents[]): number {
  let decisions = 0;
  for (const game of games) {
    let saved = startAlliance(rules, game.members);
    for (const turn of game.turns) {
      const session = openAlliance(rules, saved);
      for (const event of turn) {
        if (event.type === 'proposal.submit' && !session.snapshot().can(event)) throw new Error('a recorded request was refused');
        session.send(event);
      }
      decisions += session.snapshot().context.decisions.length;
      saved = session.save();
    }
  }
  return decisions;
}

/** The same chart under XState's interpreter, as the engine drove it before its rule table: one
 * running actor per game, `can` before a request, a persisted snapshot per turn. */
function xstateMachine(machine: AnyStateMachine, games: GameEvents[]): number {
  let decisions = 0;
  for (const game of games) {
    const actor = createActor(machine, { input: { members: game.members } }).start();
    for (const turn of game.turns) {
      for (const event of turn) {
        if (event.type === 'proposal.submit' && !actor.getSnapshot().can(event)) throw new Error('a recorded request was refused');
        actor.send(event);
      }
      decisions += (actor.getSnapshot().context as { decisions: unknown[] }).decisions.length;
      actor.getPersistedSnapshot();
    }
    actor.stop();
  }
  return decisions;
}

interface FloorContext {
  state: OracleState;
  /** Decisions of the current turn, cleared when a turn begins, as the machine's context does. */
  decisions: ExpectedRecord[];
}

function floorStep(features: Features, c: FloorContext, e: RuleEvent): FloorContext {
  const step = oracleStep(features, c.state, e);
  return { state: step.next, decisions: e.type === 'turn.begin' ? step.records : [...c.decisions, ...step.records] };
}

/** The same decisions in one targetless assign per event: what XState costs over the reducer. */
function shapedMachine(features: Features) {
  const step = { actions: 'step' as const };
  return setup({
    types: { context: {} as FloorContext, events: {} as RuleEvent },
    actions: { step: assign(({ context, event }) => floorStep(features, context, event)) },
  }).createMachine({
    context: { state: ORACLE_START, decisions: [] },
    on: { 'turn.begin': step, 'proposal.submit': step, 'council.sit': step, 'crisis.end': step },
  });
}

function shaped(machine: ReturnType<typeof shapedMachine>, games: GameEvents[]): number {
  let decisions = 0;
  for (const game of games) {
    const actor = createActor(machine).start();
    for (const turn of game.turns) {
      for (const event of turn) actor.send(event);
      decisions += actor.getSnapshot().context.decisions.length;
      actor.getPersistedSnapshot();
    }
    actor.stop();
  }
  return decisions;
}

function reducer(features: Features, games: GameEvents[]): number {
  let decisions = 0;
  for (const game of games) {
    let c: FloorContext = { state: ORACLE_START, decisions: [] };
    for (const turn of game.turns) {
      for (const event of turn) c = floorStep(features, c, event);
      decisions += c.decisions.length;
    }
  }
  return decisions;
}

/** Best of ROUNDS rounds of each contestant, taken in turn, after one untimed round of each. */
function race(contestants: Record<string, () => unknown>): Record<string, number> {
  const best: Record<string, number> = {};
  for (const [name, run] of Object.entries(contestants)) {
    run();
    best[name] = Infinity;
  }
  for (let r = 0; r < ROUNDS; r++) {
    for (const [name, run] of Object.entries(contestants)) {
      const start = performance.now();
      run();
      best[name] = Math.min(best[name]!, performance.now() - start);
    }
  }
  return best;
}

export async function engineBench(): Promise<void> {
  engineFigures();
  await batchBench(STARTERS);
}

/** The engine's figures alone (`npx tsx bench/engine-bench.ts`). */
export function engineFigures(): void {
  console.log('== Engine (µs per alliance event; best of 5 warmed-up rounds, side by side) ==');
  const engineRatios: number[] = [];
  for (const file of STARTERS) {
    const scenario = loadScenarioFile(file);
    for (const rules of RULES) {
      const scripts = recordIntents(scenario, rules, GAMES);
      const games = captureEvents(scenario, rules, scripts);
      const events = count(games);
      const machine = machineOf(scenario, rules);
      const resolved = resolveRuleSet(rules, scenario.ruleSets ?? {});
      if (!resolved.ok) throw new Error(`${scenario.id}: unknown rule set ${rules}`);
      const features = resolved.value.features;
      const shapedOne = shapedMachine(features);
      // The same decisions: the oracle records what the machine records (its tests hold it so).
      const same = engineMachine(resolved.value, games) === reducer(features, games) && xstateMachine(machine, games) === reducer(features, games);
      const ms = race({
        game: () => scripts.forEach((intents, i) => replayIntents(scenario, rules, String(i), intents)),
        engine: () => engineMachine(resolved.value, games),
        xstate: () => xstateMachine(machine, games),
        shaped: () => shaped(shapedOne, games),
        reducer: () => reducer(features, games),
      });
      const per = (name: string) => (ms[name]! * 1000) / events;
      const [game, engine, actor, xs, floor] = [per('game'), per('engine'), per('xstate'), per('shaped'), per('reducer')];
      engineRatios.push(engine / floor);
      console.log(
        `${scenario.id} ${rules}: ${(GAMES / (ms.game! / 1000)).toFixed(0)} games/s, ${(events / GAMES).toFixed(1)} alliance events a game. ` +
          `Rule machine ${engine.toFixed(2)} µs/event = ${(engine / xs).toFixed(2)}× engine-shaped XState (${xs.toFixed(2)}), ` +
          `${(engine / floor).toFixed(2)}× plain reducer (${floor.toFixed(2)}; goal ≤ ${FLOOR_GOAL}×); ` +
          `the chart under XState's interpreter ${actor.toFixed(2)} µs/event = ${(actor / floor).toFixed(2)}× the reducer; ` +
          `whole game ${game.toFixed(2)} µs/event = ${(game / floor).toFixed(1)}× the reducer` +
          (same ? '' : '; NOTE: the oracle and the machine recorded different numbers of decisions'),
      );
    }
  }
  const met = engineRatios.filter((r) => r <= FLOOR_GOAL).length;
  console.log(`engine within ${FLOOR_GOAL}× the plain-reducer floor per alliance event: ${met} of ${engineRatios.length} scenario × rule-set pairs`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) engineFigures();
