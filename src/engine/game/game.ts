// The crisis loop: one pure function per turn. Events happen, the player's intents go to the
// alliance, members answer, the rule machine decides, the adversary moves, indicators follow.
import { INTENTS, type IntentId, type RuleSetId, type Scenario } from '../scenario/schema';
import { allianceContext, readPosture, ruleSet, sendToAlliance, startAlliance } from '../rules/rule-set';
import { memberContribution, memberPosition, profileOf, type Actors } from '../members/member-policy';
import { between, restoreRng, seedRng, type Rng } from '../random/rng';
import { adversaryMove } from './adversary';
import { advanceAttribution, fireEvents, situationOf } from './events';
import {
  WAR_RUNG,
  autonomyOf,
  cohesionAfter,
  deterrenceOf,
  entrapmentOf,
  legitimacyAfterDecisions,
  rungAfterEvents,
} from './indicators';
import { refusalOf } from './intents';
import { clamp, clampUnit, round } from './numbers';
import type {
  AdversaryMove,
  Contribution,
  DecisionRecord,
  FiredEvent,
  GameMemory,
  GameResult,
  GameState,
  Indicators,
  Position,
  StateId,
  TurnRecord,
} from './types';
import { CONTRIBUTION_WEIGHT } from '../members/member-policy';

/** Intents that are national choices: they never reach the alliance. */
const NATIONAL: readonly IntentId[] = ['act-alone', 'de-escalate'];
/** Cohesion and legitimacy before anything happens: a functioning alliance, a neutral world. */
const START_COHESION = 0.75;
const START_LEGITIMACY = 0.5;

export function newGame(scenario: Scenario, rules: RuleSetId, seed: string): GameState {
  if (!scenario.rules.includes(rules)) throw new Error(`scenario ${scenario.id} is not offered under ${rules}`);
  const set = ruleSet(rules);
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
  };
  const base = {
    escalation: 1,
    casualties: 0,
    cohesion: START_COHESION,
    entrapment: 0,
    legitimacy: START_LEGITIMACY,
    daysToFirstCollectiveMeasure: null,
  };
  const posture = readPosture(alliance);
  const indicators: Indicators = {
    ...base,
    deterrence: deterrenceOf({ scenario, rules: set, posture, contributions: {}, collectiveTexts: 0, cohesion: START_COHESION }),
    autonomy: autonomyOf(scenario, [], posture, {}, {}),
  };
  const rng = seedRng(seed);
  const first = openTurn(scenario, 1, memory, rng);
  return {
    scenario,
    rules,
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

export function playTurn(game: GameState, requested: IntentId[]): GameState {
  if (game.result) throw new Error('the game is over');
  const intents = INTENTS.filter((i) => requested.includes(i));
  for (const intent of intents) {
    const reason = refusalOf(game, intent);
    if (reason) throw new Error(`intent ${intent} is not available: ${reason}`);
  }
  const { scenario } = game;
  const set = ruleSet(game.rules);
  const rng = restoreRng(game.rng);
  const turn = game.turn;
  const day = (turn - 1) * scenario.turnDays;
  const endDay = day + scenario.turnDays;
  const player = scenario.player.state;
  const actors: Actors = { requester: player, adversary: scenario.adversary.id };
  const members = [...scenario.alliance.members].sort();

  // 1. The events that opened this turn are known to the player already (openTurn).
  const memory: GameMemory = cloneMemory(game.memory);
  const events = game.events;
  const situation = situationOf(scenario, memory, player);

  // 2. The alliance: due business first, then this turn's requests with every member's answer.
  let alliance = sendToAlliance(set, game.alliance, {
    type: 'turn.begin',
    turn,
    day,
    endDay,
    attribution: situation.attribution,
  });
  const positions: TurnRecord['positions'] = {};
  for (const intent of intents) {
    if (NATIONAL.includes(intent)) continue;
    const answers: Record<StateId, Position> = {};
    for (const m of members) answers[m] = memberPosition(m, profileOf(scenario, m), intent, situation, actors, rng);
    positions[intent] = answers;
    const [min, max] = set.meetingDays(intent);
    const meetingDay = day + between(rng, min, max);
    alliance = sendToAlliance(set, alliance, {
      type: 'proposal.submit',
      turn,
      endDay,
      proposal: { intent, requester: player, positions: answers, situation, day, meetingDay },
    });
  }
  const context = allianceContext(alliance);
  const decisions = context.decisions;
  const posture = readPosture(alliance);

  // 3. Contributions: asked for by Article 5 (binding, N4), by new posture (N7), or, when the
  // alliance cannot grant a request for help, offered bilaterally outside the framework (N2, S4).
  const contributions: Record<StateId, Contribution> = {};
  const ask = contributionAsk(decisions);
  if (ask) {
    for (const m of members) {
      if (m === player) continue;
      const p = profileOf(scenario, m);
      const choice = memberContribution(p, situation, actors, ask === 'binding', rng);
      contributions[m] = choice.contribution;
      memory.strain[m] = round((memory.strain[m] ?? 0) + choice.excess);
      const before = memory.contributions[m] ?? 'none';
      if (CONTRIBUTION_WEIGHT[choice.contribution] > CONTRIBUTION_WEIGHT[before]) memory.contributions[m] = choice.contribution;
    }
  }
  for (const d of decisions) {
    if (d.kind === 'statement' && (d.outcome === 'adopted' || d.outcome === 'subset')) memory.collectiveTexts += 1;
    if (d.outcome === 'adopted' || d.outcome === 'conditional') {
      for (const m of members) if (!d.endorsedBy.includes(m)) memory.acquiesced[m] = (memory.acquiesced[m] ?? 0) + 1;
    }
  }

  // 4. Indicators the adversary reads, then its move.
  const prev = game.indicators;
  const cohesion = clampUnit(cohesionAfter(prev.cohesion, decisions, members.length) - (events.some((e) => e.kind === 'member-clash') ? 0.15 : 0));
  const deterrence = deterrenceOf({
    scenario,
    rules: set,
    posture,
    contributions: memory.contributions,
    collectiveTexts: memory.collectiveTexts,
    cohesion,
  });
  let escalation = rungAfterEvents(prev.escalation, events);
  const move: AdversaryMove = adversaryMove(scenario.adversary, { deterrence, escalation, intents, coordination: posture.coordination }, rng);
  const harm = rng.next(); // one draw every turn, whatever happens, so the dice stay aligned
  let casualties = prev.casualties + events.reduce((s, e) => s + e.casualties, 0);
  const group = scenario.adversary.kind === 'group';
  if (move === 'escalate') {
    escalation += group ? 0.3 : 0.5;
    if (group || escalation >= 4) casualties += Math.round((group ? 5 : 20) + harm * (group ? 45 : 180));
  } else if (move === 'back-down') escalation -= 0.5;
  if (intents.includes('act-alone')) {
    escalation += 0.5;
    casualties += Math.round(harm * 30);
  }
  if (intents.includes('de-escalate')) escalation -= 0.4;
  if (decisions.some((d) => d.kind === 'posture' && d.outcome === 'adopted')) escalation += 0.15; // the security dilemma
  if (events.length === 0 && move !== 'escalate') escalation -= 0.1;
  escalation = round(clamp(escalation, 1, WAR_RUNG));
  const war = !group && escalation >= WAR_RUNG;
  if (war) casualties += 1000;

  // Members bound by a pledge are dragged up the ladder with the requester (entrapment).
  const rise = Math.max(0, escalation - prev.escalation);
  for (const m of context.bound) {
    if (m === player || rise === 0) continue;
    memory.strain[m] = round((memory.strain[m] ?? 0) + 0.1 * rise * (1 - profileOf(scenario, m).interests));
  }

  let legitimacy = legitimacyAfterDecisions(prev.legitimacy, decisions);
  if (intents.includes('act-alone')) legitimacy += 0.03 - 0.15 * (1 - situation.attribution);
  if (intents.includes('de-escalate')) legitimacy += 0.04;
  if (move === 'escalate') legitimacy += 0.02; // the world sides with the one attacked
  if (escalation > 3.5) legitimacy -= 0.02;

  const firstCollective = decisions.find((d) => d.collective);
  const daysToFirst =
    prev.daysToFirstCollectiveMeasure ??
    (firstCollective ? Math.max(0, firstCollective.day - (memory.crisisStartDay ?? 0)) : null);

  const indicators: Indicators = {
    escalation,
    casualties,
    deterrence,
    cohesion,
    autonomy: autonomyOf(scenario, context.bound, posture, memory.contributions, memory.acquiesced),
    entrapment: entrapmentOf(scenario, memory.strain),
    legitimacy: clampUnit(legitimacy),
    daysToFirstCollectiveMeasure: daysToFirst,
  };
  memory.maxEscalation = Math.max(memory.maxEscalation, escalation);
  memory.backDownStreak = move === 'back-down' ? memory.backDownStreak + 1 : 0;

  const result = resultOf(scenario, turn, war, memory, escalation);
  if (result) alliance = sendToAlliance(set, alliance, { type: 'crisis.end' });

  const record: TurnRecord = {
    turn,
    day,
    events,
    intents,
    positions,
    contributions,
    decisions,
    adversary: move,
    indicators,
  };
  const next = result ? { memory, events: [] } : openTurn(scenario, turn + 1, memory, rng);
  return {
    ...game,
    turn: turn + 1,
    rng: rng.save(),
    alliance,
    indicators,
    memory: next.memory,
    events: next.events,
    turns: [...game.turns, record],
    result,
  };
}

/** A turn opens with what investigators learned since the last one and what happens now,
 * so the player sees the turn's events before choosing. */
function openTurn(scenario: Scenario, turn: number, previous: GameMemory, rng: Rng): { memory: GameMemory; events: FiredEvent[] } {
  const memory = cloneMemory(previous);
  const day = (turn - 1) * scenario.turnDays;
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

function contributionAsk(decisions: DecisionRecord[]): 'binding' | 'voluntary' | null {
  if (decisions.some((d) => d.kind === 'collective-defence' && d.outcome === 'adopted')) return 'binding';
  // A request for help that the alliance cannot grant, blocked (N2) or outside its treaty (S4),
  // still leaves each member free to help on its own, outside the framework.
  const refused = (d: DecisionRecord) => d.kind === 'collective-defence' && (d.outcome === 'blocked' || d.outcome === 'declined');
  if (decisions.some((d) => (d.kind === 'posture' && d.rule === 'N7') || refused(d))) return 'voluntary';
  return null;
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
  };
}
