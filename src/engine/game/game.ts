// The crisis loop: one pure function per turn. Events happen, the player's intents go to the
// alliance, members answer, the rule machine decides, the adversary moves, indicators follow.
import type { IntentId, Scenario } from '../scenario/schema';
import { INTENTS } from '../scenario/vocabulary';
import { allianceState, postureOf, resolveRuleSet, sendToAlliance, startAlliance } from '../rules/rule-set';
import { restoreRng, seedRng, type Rng } from '../random/rng';
import { deliberate, gatherContributions, rememberDecisions } from './deliberation';
import { advanceAttribution, fireEvents, situationOf } from './events';
import { autonomyOf, cohesionAfter, deterrenceOf, entrapmentOf } from './indicators';
import { refusalOf, rulesOf } from './intents';
import { climbLadder, legitimacyAfterTurn, strainBoundMembers } from './ladder';
import { clampUnit } from './numbers';
import type { TurnContext } from './turn-context';
import type { FiredEvent, GameMemory, GameResult, GameState, Indicators, TurnInput, TurnRecord } from './types';

/** Cohesion and legitimacy before anything happens: a functioning alliance, a neutral world. */
const START_COHESION = 0.75;
const START_LEGITIMACY = 0.5;

/** The day a turn starts on (day 0 is the start of the game). */
export function dayOfTurn(scenario: Scenario, turn: number): number {
  return (turn - 1) * scenario.turnDays;
}

/** A new game under a rule set named as a preset, one the scenario defines, or a design-lab
 * spec ("sco+commitment=automatic"); an unknown name throws with the list of valid ones. */
export function newGame(scenario: Scenario, rules: string, seed: string): GameState {
  const resolved = resolveRuleSet(rules, scenario.ruleSets);
  if (!resolved.ok) throw new Error(resolved.error);
  const set = resolved.value;
  const alliance = startAlliance(set, scenario.alliance.members);
  const memory: GameMemory = {
    firedEvents: [],
    attribution: {},
    crisisStartDay: null,
    cumulativeCyber: 0,
    contributions: {},
    backDownStreak: 0,
    quietTurns: 0,
    strain: {},
    collectiveTexts: 0,
    acquiesced: {},
    maxEscalation: 1,
    proposals: 0,
    stances: {},
  };
  const posture = postureOf(allianceState(set, alliance));
  const indicators: Indicators = {
    escalation: 1,
    casualties: 0,
    deterrence: deterrenceOf({ scenario, features: set.features, posture, contributions: {}, collectiveTexts: 0, cohesion: START_COHESION }),
    cohesion: START_COHESION,
    autonomy: autonomyOf(scenario, [], posture, {}, {}),
    entrapment: 0,
    legitimacy: START_LEGITIMACY,
    daysToFirstCollectiveMeasure: null,
  };
  const rng = seedRng(seed);
  const first = openTurn(scenario, 1, memory, rng);
  return {
    scenario,
    rules,
    features: set.features,
    seed,
    turn: 1,
    rng: rng.save(),
    alliance,
    indicators,
    memory: first.memory,
    events: first.events,
    turns: [],
    result: null,
  };
}

/** Plays one turn with the player's intents (or a full input: others' motions, seats' positions). */
export function playTurn(game: GameState, requested: IntentId[] | TurnInput): GameState {
  if (game.result) throw new Error('the game is over');
  const input: TurnInput = Array.isArray(requested) ? { intents: requested } : requested;
  const intents = INTENTS.filter((i) => input.intents.includes(i));
  for (const intent of intents) {
    const reason = refusalOf(game, intent);
    if (reason) throw new Error(`intent ${intent} is not available: ${reason}`);
  }
  const { scenario } = game;
  const player = scenario.player.state;
  const day = dayOfTurn(scenario, game.turn);
  const memory = cloneMemory(game.memory);
  // The events that opened this turn are known to the player already (openTurn).
  const t: TurnContext = {
    scenario,
    set: rulesOf(game),
    rng: restoreRng(game.rng),
    turn: game.turn,
    day,
    endDay: day + scenario.turnDays,
    player,
    actors: { requester: player, adversary: scenario.adversary.id },
    members: [...scenario.alliance.members].sort(),
    memory,
    events: game.events,
    situation: situationOf(scenario, memory, player),
    intents,
    input,
  };

  const council = deliberate(t, game.alliance);
  const { decisions, posture } = council;
  const contributions = gatherContributions(t, decisions);
  rememberDecisions(t, decisions);

  // What the adversary reads before it moves.
  const prev = game.indicators;
  const clash = t.events.some((e) => e.kind === 'member-clash') ? 0.15 : 0;
  const cohesion = clampUnit(cohesionAfter(prev.cohesion, decisions, t.members.length) - clash);
  const deterrence = deterrenceOf({
    scenario,
    features: t.set.features,
    posture,
    contributions: memory.contributions,
    collectiveTexts: memory.collectiveTexts,
    cohesion,
  });
  const ladder = climbLadder(t, prev, deterrence, posture.coordination, decisions);
  strainBoundMembers(t, council.bound, ladder.escalation - prev.escalation);

  const firstCollective = decisions.find((d) => d.collective);
  const indicators: Indicators = {
    escalation: ladder.escalation,
    casualties: ladder.casualties,
    deterrence,
    cohesion,
    autonomy: autonomyOf(scenario, council.bound, posture, memory.contributions, memory.acquiesced),
    entrapment: entrapmentOf(scenario, memory.strain),
    legitimacy: clampUnit(legitimacyAfterTurn(t, prev.legitimacy, decisions, ladder)),
    daysToFirstCollectiveMeasure:
      prev.daysToFirstCollectiveMeasure ??
      (firstCollective ? Math.max(0, firstCollective.day - (memory.crisisStartDay ?? 0)) : null),
  };
  memory.maxEscalation = Math.max(memory.maxEscalation, ladder.escalation);
  memory.backDownStreak = ladder.move === 'back-down' ? memory.backDownStreak + 1 : 0;

  const result = resultOf(scenario, t.turn, ladder.war, memory, ladder.escalation);
  // At the end, what still waits for a sitting lapses and is recorded as such, never dropped.
  const alliance = result ? sendToAlliance(t.set, council.alliance, { type: 'crisis.end', turn: t.turn, day: t.endDay }) : council.alliance;
  const finalDecisions = result ? allianceState(t.set, alliance).context.decisions : decisions;
  const record: TurnRecord = {
    turn: t.turn,
    day,
    events: t.events,
    intents,
    ...(input.motions?.length ? { motions: input.motions } : {}),
    ...(input.seats && Object.keys(input.seats).length > 0 ? { seats: input.seats } : {}),
    proposals: council.proposals,
    positions: council.positions,
    sittings: council.sittings,
    contributions,
    decisions: finalDecisions,
    adversary: ladder.move,
    indicators,
  };
  const next = result ? { memory, events: [] } : openTurn(scenario, t.turn + 1, memory, t.rng);
  return {
    ...game,
    turn: t.turn + 1,
    rng: t.rng.save(),
    alliance,
    indicators,
    memory: next.memory,
    events: next.events,
    turns: [...game.turns, record],
    result,
  };
}

/** A turn opens with what investigators learned since the last one and what happens now,
 * so the player sees the turn's events before choosing. It writes into `memory`, a copy the
 * caller owns. */
function openTurn(scenario: Scenario, turn: number, memory: GameMemory, rng: Rng): { memory: GameMemory; events: FiredEvent[] } {
  const day = dayOfTurn(scenario, turn);
  memory.attribution = advanceAttribution(scenario, memory);
  const events = fireEvents(scenario, turn, memory, rng);
  for (const e of events) {
    memory.firedEvents.push(e.id);
    memory.attribution[e.id] = e.attribution;
    if (e.kind === 'cyber-attack' || e.kind === 'hybrid-campaign') memory.cumulativeCyber += e.severity;
    if (memory.crisisStartDay === null) memory.crisisStartDay = day;
  }
  memory.quietTurns = events.length > 0 ? 0 : memory.quietTurns + 1;
  return { memory, events };
}

/** Resolved: the adversary has backed down twice running, the ladder is low and nothing scripted
 * is still to come. War: an interstate crisis reached the top rung. */
function resultOf(scenario: Scenario, turn: number, war: boolean, memory: GameMemory, escalation: number): GameResult | null {
  if (war) return 'war';
  const scriptedAhead = scenario.events.some((e) => e.at !== undefined && e.at > turn);
  if (memory.backDownStreak >= 2 && escalation <= 2.5 && !scriptedAhead) return 'resolved';
  if (turn >= scenario.horizon) return 'horizon';
  return null;
}

function cloneMemory(m: GameMemory): GameMemory {
  return {
    ...m,
    firedEvents: [...m.firedEvents],
    attribution: { ...m.attribution },
    contributions: { ...m.contributions },
    strain: { ...m.strain },
    acquiesced: { ...m.acquiesced },
    stances: { ...m.stances },
  };
}
