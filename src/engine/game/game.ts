// The crisis loop: one pure function per turn. Events happen, the player's intents go to the
// alliance, members answer, the rule machine decides, the adversary moves, indicators follow.
import type { IntentId, Scenario } from '../scenario/schema';
import { INTENTS } from '../scenario/vocabulary';
import { allianceView, postureOf, resolveRuleSet, sendToAlliance, startAlliance } from '../rules/rule-set';
import { restoreRng, seedRng } from '../random/rng';
import { NATIONAL, deliberate, gatherContributions, helpChannel, rememberDecisions } from './deliberation';
import { advanceAttribution, fireEvents, situationOf } from './events';
import { autonomyOf, cohesionAfter, deterrenceOf, entrapmentOf } from './indicators';
import { firstRefusal, rulesOf } from './intents';
import { climbLadder, legitimacyAfterTurn, strainInvolvedMembers } from './ladder';
import { pressureOf } from './adversary';
import { DEFAULT_PACK, PARAMETER_KEYS, packValues, type ModelParameters, type PackId } from '../model/parameters';
import { noise } from '../random/rng';
import { clampUnit, round } from './numbers';
import type { TurnContext } from './turn-context';
import { turnMemory } from './memory';
import { sittingAhead } from './wording';
import type { AdversaryMove, FiredEvent, GameMemory, GameResult, GameState, Indicators, StateId, Terms, TurnInput, TurnRecord } from './types';

/** Cohesion and legitimacy before anything happens: a functioning alliance, a neutral world. */
const START_COHESION = 0.75;
const START_LEGITIMACY = 0.5;

/** The day a turn starts on (day 0 is the start of the game). */
export function dayOfTurn(scenario: Scenario, turn: number): number {
  return (turn - 1) * scenario.turnDays;
}

export interface GameOptions {
  /** The reading of the research the model follows; the scenario's `pack`, else baseline. */
  pack?: PackId;
  /** Single constants set apart from the pack (a sensitivity sweep); the log records them. */
  parameters?: Partial<ModelParameters>;
}

/** How far the adversary misreads a member's willingness at the start (design choice). */
const MISPERCEPTION = 0.1;

/** A new game under a rule set named as a preset, one the scenario defines, or a design-lab
 * spec ("sco+commitment=automatic"); an unknown name throws with the list of valid ones. */
export function newGame(scenario: Scenario, rules: string, seed: string, options: GameOptions = {}): GameState {
  const resolved = resolveRuleSet(rules, scenario.ruleSets);
  if (!resolved.ok) throw new Error(resolved.error);
  const set = resolved.value;
  const pack = options.pack ?? scenario.pack ?? DEFAULT_PACK;
  const parameters = { ...packValues(pack), ...options.parameters };
  for (const key of PARAMETER_KEYS) {
    if (typeof parameters[key] !== 'number' || !Number.isFinite(parameters[key])) throw new Error(`parameter ${key} is not a number`);
  }
  const alliance = startAlliance(set, scenario.alliance.members);
  const rng = seedRng(seed);
  const perception: Record<string, number> = {};
  for (const m of [...scenario.alliance.members].sort()) perception[m] = round(noise(rng, MISPERCEPTION));
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
    pledges: {},
    excess: {},
    perception,
    gains: 0,
    stances: {},
    credited: [],
  };
  const posture = postureOf(allianceView(set, alliance));
  const situation = situationOf(scenario, memory, scenario.player.state);
  const indicators: Indicators = {
    escalation: 1,
    casualties: 0,
    deterrence: deterrenceOf({ scenario, features: set.features, params: parameters, posture, memory, cohesion: START_COHESION, situation }),
    cohesion: START_COHESION,
    autonomy: autonomyOf(scenario, posture, memory),
    entrapment: 0,
    legitimacy: START_LEGITIMACY,
    daysToFirstCollectiveMeasure: null,
  };
  const first = openTurn(scenario, 1, memory, seed);
  return {
    scenario,
    rules,
    features: set.features,
    pack,
    parameters,
    seed,
    turn: 1,
    rng: rng.save(),
    alliance,
    indicators,
    memory: first.memory,
    events: first.events,
    turns: [],
    result: null,
    terms: null,
  };
}

/** A student's name in the log: long enough for any real name, short enough to keep logs small. */
const MAX_SPEAKER_NAME = 80;

/** Plays one turn with the player's intents (or a full input: others' motions, seats' positions). */
export function playTurn(game: GameState, requested: IntentId[] | TurnInput): GameState {
  if (game.result) throw new Error('the game is over');
  const input: TurnInput = Array.isArray(requested) ? { intents: requested } : requested;
  const intents = INTENTS.filter((i) => input.intents.includes(i));
  const refused = firstRefusal(game, intents);
  if (refused) throw new Error(`intent ${refused.intent} is not available: ${refused.reason}`);
  for (const motion of input.motions ?? []) {
    if (motion.by !== 'chair' && !game.scenario.alliance.members.includes(motion.by)) throw new Error(`motion by ${motion.by}: not a member state or the chair`);
    if (NATIONAL.includes(motion.intent)) throw new Error(`motion ${motion.intent} by ${motion.by}: a national choice is no business of the alliance`);
  }
  for (const [member, name] of Object.entries(input.speakers ?? {})) {
    if (!game.scenario.alliance.members.includes(member)) throw new Error(`speaker for ${member}: not a member state`);
    if (typeof name !== 'string' || name.trim() === '' || name.length > MAX_SPEAKER_NAME) throw new Error(`speaker for ${member}: a name of 1 to ${MAX_SPEAKER_NAME} characters`);
  }
  const { scenario } = game;
  const player = scenario.player.state;
  const day = dayOfTurn(scenario, game.turn);
  const memory = turnMemory(game.memory);
  // The events that opened this turn are known to the player already (openTurn).
  const t: TurnContext = {
    scenario,
    set: rulesOf(game),
    params: game.parameters,
    rng: restoreRng(game.rng),
    seed: game.seed,
    turn: game.turn,
    day,
    endDay: day + scenario.turnDays,
    player,
    actors: { requester: player, adversary: scenario.adversary.id },
    members: sortedMembers(scenario.alliance.members),
    memory,
    events: game.events,
    situation: situationOf(scenario, memory, player),
    intents,
    input,
  };

  const council = deliberate(t, game.alliance);
  const { decisions, posture } = council;
  const channel = helpChannel(decisions);
  const contributions = gatherContributions(t, decisions, channel);
  rememberDecisions(t, decisions);

  // What the adversary reads before it moves.
  const prev = game.indicators;
  const clash = t.events.some((e) => e.kind === 'member-clash') ? 0.15 : 0;
  const cohesion = clampUnit(cohesionAfter(prev.cohesion, decisions, t.members.length) - clash);
  const deterrence = deterrenceOf({ scenario, features: t.set.features, params: t.params, posture, memory, cohesion, situation: t.situation });
  const ladder = climbLadder(t, prev, deterrence, posture.coordination, decisions);
  strainInvolvedMembers(t, council.bound, ladder.escalation - prev.escalation);
  memory.gains = gainsAfter(memory.gains, ladder.move, pressureOf(scenario.adversary, { coordination: posture.coordination }), deterrence);

  const firstCollective = decisions.find((d) => d.collective);
  const indicators: Indicators = {
    escalation: ladder.escalation,
    casualties: ladder.casualties,
    deterrence,
    cohesion,
    autonomy: autonomyOf(scenario, posture, memory),
    entrapment: entrapmentOf(scenario, memory.strain),
    legitimacy: clampUnit(legitimacyAfterTurn(t, prev.legitimacy, decisions, ladder)),
    daysToFirstCollectiveMeasure:
      prev.daysToFirstCollectiveMeasure ??
      (firstCollective ? Math.max(0, firstCollective.day - (memory.crisisStartDay ?? 0)) : null),
  };
  memory.maxEscalation = Math.max(memory.maxEscalation, ladder.escalation);
  memory.backDownStreak = ladder.move === 'back-down' ? memory.backDownStreak + 1 : 0;

  const result = resultOf(scenario, t.turn, ladder.war, memory, ladder.escalation, council.pending);
  // At the end (war or the horizon), what still waits for a sitting lapses and is recorded as
  // such, never dropped.
  const alliance = result ? sendToAlliance(t.set, council.alliance, { type: 'crisis.end', turn: t.turn, day: t.endDay }) : council.alliance;
  const finalDecisions = result ? allianceView(t.set, alliance).context.decisions : decisions;
  // The record's keys are written one by one, optional ones where they belong, in the order the
  // log has always had them: an object literal with spreads in it defines every key after the
  // first spread through the runtime's slow path, once per turn.
  const record = { turn: t.turn, day, events: t.events, intents } as TurnRecord;
  if (input.motions?.length) record.motions = input.motions;
  if (input.seats && Object.keys(input.seats).length > 0) record.seats = input.seats;
  if (input.speakers && Object.keys(input.speakers).length > 0) record.speakers = input.speakers;
  record.proposals = council.proposals;
  record.positions = council.positions;
  record.sittings = council.sittings;
  record.contributions = contributions;
  record.attribution = t.situation.eventKind === null ? null : t.situation.attribution;
  if (channel) record.helpChannel = channel;
  record.decisions = finalDecisions;
  record.adversary = ladder.move;
  record.indicators = indicators;
  const next = result ? { memory, events: [] } : openTurn(scenario, t.turn + 1, memory, t.seed);
  // The game's own keys in its own order (a copy), then the turn's values written over them: the
  // same object `{ ...game, turn, ... }` makes, without the slow path after a spread.
  const after: GameState = { ...game };
  after.turn = t.turn + 1;
  after.rng = t.rng.save();
  after.alliance = alliance;
  after.indicators = indicators;
  after.memory = next.memory;
  after.events = next.events;
  after.turns = [...game.turns, record];
  after.result = result;
  after.terms = result ? termsOf(memory.gains) : null;
  return after;
}

/** What the adversary takes toward its aims in a turn: pushing while the alliance's credibility
 * falls short of its pressure gains ground, holding keeps a little, backing down gives it back.
 * The sizes are design choices (docs/model.md, "On whose terms"). */
function gainsAfter(gains: number, move: AdversaryMove, pressure: number, deterrence: number): number {
  const shortfall = Math.max(0, pressure - deterrence);
  const change = move === 'escalate' ? 0.15 + shortfall : move === 'hold' ? 0.05 + 0.5 * shortfall : -0.15;
  return round(Math.min(1, Math.max(0, gains + change)));
}

/** On whose terms the crisis ended, from what the adversary gained (design choice: thirds). */
function termsOf(gains: number): Terms {
  if (gains >= 2 / 3) return 'adversary';
  if (gains <= 1 / 3) return 'defender';
  return 'compromise';
}

/** A turn opens with what investigators learned since the last one and what happens now,
 * so the player sees the turn's events before choosing. It writes into `memory`, a copy the
 * caller owns. */
function openTurn(scenario: Scenario, turn: number, memory: GameMemory, seed: string): { memory: GameMemory; events: FiredEvent[] } {
  const day = dayOfTurn(scenario, turn);
  memory.attribution = advanceAttribution(scenario, memory);
  const events = fireEvents(scenario, turn, memory, seed);
  for (const e of events) {
    memory.firedEvents.push(e.id);
    memory.attribution[e.id] = e.attribution;
    if (e.kind === 'cyber-attack' || e.kind === 'hybrid-campaign') memory.cumulativeCyber += e.severity;
    if (memory.crisisStartDay === null) memory.crisisStartDay = day;
  }
  memory.quietTurns = events.length > 0 ? 0 : memory.quietTurns + 1;
  return { memory, events };
}

/** Resolved: the adversary has backed down twice running, the ladder is low, nothing scripted is
 * still to come (an event, or a sitting of the calendar with a draft on the table) and no body
 * convened on the crisis has yet to sit (the SCO's statement on Osh
 * came on 21 June 2010, after the violence had ebbed). War: an interstate crisis reached the top
 * rung. */
function resultOf(scenario: Scenario, turn: number, war: boolean, memory: GameMemory, escalation: number, pending: boolean): GameResult | null {
  if (war) return 'war';
  const scriptedAhead = scenario.events.some((e) => e.at !== undefined && e.at > turn) || sittingAhead(scenario, turn);
  if (memory.backDownStreak >= 2 && escalation <= 2.5 && !scriptedAhead && !pending) return 'resolved';
  if (turn >= scenario.horizon) return 'horizon';
  return null;
}

// Members in sorted order, once per members list rather than once per turn (sorting 30-odd names
// each turn was a tenth of a turn's time). Keyed by the list object: a parsed scenario is never
// changed in place (scenario-index.ts makes the same assumption), and the sorted copy is only read.
const sorted = new WeakMap<readonly StateId[], StateId[]>();

function sortedMembers(members: readonly StateId[]): StateId[] {
  let out = sorted.get(members);
  if (!out) {
    out = [...members].sort();
    sorted.set(members, out);
  }
  return out;
}

