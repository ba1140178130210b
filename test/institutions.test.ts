// Institutional mechanisms, each shown by playing the same small crisis twice with one thing
// changed: a single feature of the rule set, one member's scripted position, or who proposes.
// What is asserted is how the rules work (a slower body sits later, one objection blocks under
// consensus, a pending request lapses on the record), never which alliance "does better".
import { describe, expect, it } from 'vitest';
import { newGame, playTurn } from '../src/engine/game/game';
import { intentOptions, rulesOf } from '../src/engine/game/intents';
import { createLog, logText, type OutcomeLog } from '../src/engine/log/outcome-log';
import { verifyLog } from '../src/engine/log/verify-log';
import { canonicalJson, sha256Hex } from '../src/engine/log/canonical';
import { BODY_CALENDAR, featureRule } from '../src/engine/rules/features';
import { allianceState, meetingDays, postureOf, resolveRuleSet } from '../src/engine/rules/rule-set';
import { parseScenario } from '../src/engine/scenario/load';
import type { IntentId, Position, Scenario, StateId } from '../src/engine/scenario/schema';
import type { DecisionRecord, GameState, TurnInput } from '../src/engine/game/types';

const PLAYER = 'ALF';
const OTHERS: StateId[] = ['BRV', 'CHR', 'DLT', 'ECH'];
const MEMBERS = [PLAYER, ...OTHERS];
const TURN_DAYS = 3;
const HORIZON = 12;
const SEEDS = ['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9', 's10', 's11', 's12'];

const en = (text: string) => ({ en: text });
/** A member with strong ties to the player and to nobody else: it supports what it is asked. */
const loyal = { capability: 0.4, interests: 0.8, threat: { NET: 0.8 }, ties: { ALF: 0.9, NET: 0 }, riskTolerance: 0.7, domesticConstraint: 0.1 };
/** A member on the edge between objecting and staying out of a joint statement: its own dice decide. */
const wavering = { capability: 0.2, interests: 0.2, threat: { NET: 0 }, ties: { ALF: 0.1, NET: 0.5 }, riskTolerance: 0.2, domesticConstraint: 0.5 };

interface CrisisOptions {
  scripted?: Record<StateId, Partial<Record<IntentId, Position>>>;
  /** A second, worse attack on this turn (what members weigh changes: severity). */
  worseAttackAt?: number;
}

/**
 * Five members, a group adversary (so the crisis never ends in war) and a terrorist attack on the
 * player at turn 1 with firm attribution. A minor scripted event at the horizon keeps the game
 * from ending as resolved before it, so every game lasts HORIZON turns of TURN_DAYS days.
 */
function crisis(o: CrisisOptions = {}): Scenario {
  const state = (id: StateId, profile: object) => ({ id, name: en(id), profile });
  const attack = (id: string, at: number, severity: number) => ({
    id,
    kind: 'terrorist-attack',
    place: PLAYER,
    severity,
    casualties: 10,
    attribution: { initial: 0.9, perTurn: 0, max: 0.9 },
    at,
    text: en(id),
  });
  const data = {
    formatVersion: 2,
    id: 'institutions-test',
    title: en('Institutions test'),
    summary: en('A small crisis for mechanism tests.'),
    briefing: en('A network attacks Alfaland.'),
    crisisType: 'terrorism',
    fictional: true,
    ruleSets: { 'nato-cfm': { base: 'nato', name: en('NATO deciding in a Council of Foreign Ministers'), features: { council: 'cfm' } } },
    turnDays: TURN_DAYS,
    horizon: HORIZON,
    expectedMinutes: 10,
    states: [
      state('ALF', { ...loyal, interests: 1, ties: {} }),
      state('BRV', loyal),
      state('CHR', wavering),
      state('DLT', loyal),
      state('ECH', loyal),
    ],
    alliance: { members: MEMBERS, scripted: o.scripted ?? {} },
    player: { state: PLAYER, objectives: { escalation: -1 } },
    adversary: { kind: 'group', id: 'NET', name: en('The Network'), base: 'ALF', resolve: 0.4, capability: 0.3, aims: 'destabilise' },
    events: [
      attack('first-attack', 1, 3),
      ...(o.worseAttackAt ? [attack('worse-attack', o.worseAttackAt, 5)] : []),
      { id: 'last-probe', kind: 'cyber-attack', place: 'BRV', severity: 1, attribution: { initial: 0.1 }, at: HORIZON, text: en('A probe.') },
    ],
  };
  const parsed = parseScenario(JSON.stringify(data), 'institutions-test.json');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.scenario;
}

/** Everyone but the player answers `position` on `intent`, except those named. */
function scriptAll(intent: IntentId, position: Position, except: Record<StateId, Position> = {}): CrisisOptions['scripted'] {
  return Object.fromEntries(OTHERS.map((m) => [m, { [intent]: except[m] ?? position }]));
}

/** Plays `inputs` turn by turn (turns not listed take nothing) until the game ends. */
function play(scenario: Scenario, rules: string, seed: string, inputs: Record<number, IntentId[] | TurnInput> = {}, turns = HORIZON): GameState {
  let game = newGame(scenario, rules, seed);
  while (!game.result && game.turn <= turns) game = playTurn(game, inputs[game.turn] ?? []);
  return game;
}

const decisionsOf = (game: GameState): DecisionRecord[] => game.turns.flatMap((t) => t.decisions);
const proposalsOf = (game: GameState) => game.turns.flatMap((t) => t.proposals);
const sittingsOf = (game: GameState) => game.turns.flatMap((t) => t.sittings);

function resign(log: OutcomeLog): OutcomeLog {
  const { digest: _old, ...body } = log;
  return { ...log, digest: sha256Hex(canonicalJson(body)) };
}

describe('the crisis used here', () => {
  it('lasts the whole horizon under every rule set, so nothing below is cut short by the game ending', () => {
    for (const rules of ['nato', 'sco', 'csto', 'nato-cfm', 'sco+commitment=automatic']) {
      const game = play(crisis(), rules, 'length');
      expect(game.turns, rules).toHaveLength(HORIZON);
      expect(game.result, rules).not.toBeNull();
      expect(game.result, rules).not.toBe('war');
    }
  });
});

describe('the council feature: how soon the body sits', () => {
  // 'nato-cfm' is defined by the scenario as nato with council: cfm, and nothing else changed.
  it('a rule set the scenario defines resolves to its base with the one feature changed', () => {
    const s = crisis();
    const defined = newGame(s, 'nato-cfm', 'x');
    const lab = resolveRuleSet('nato+council=cfm');
    if (!lab.ok) throw new Error(lab.error);
    expect(defined.features).toEqual(lab.value.features);
    const changed = Object.keys(defined.features).filter((k) => defined.features[k as never] !== newGame(s, 'nato', 'x').features[k as never]);
    expect(changed).toEqual(['council']);
  });

  it('the same crisis, seed and intents decide the first consultation later under the slower calendar (nac 0–2 days, cfm 3–10)', () => {
    const s = crisis();
    for (const seed of SEEDS) {
      const days: Record<string, number> = {};
      for (const rules of ['nato', 'nato-cfm']) {
        const game = play(s, rules, seed, { 1: ['consult'] });
        const [proposal] = proposalsOf(game);
        const first = decisionsOf(game).find((d) => d.kind === 'consultation');
        expect(first, `${rules} ${seed}`).toBeDefined();
        expect(first!.proposal).toBe(proposal!.id);
        expect(first!.day, `${rules} ${seed}`).toBe(proposal!.meetingDay);
        const [min, max] = BODY_CALENDAR[game.features.council].days;
        expect(first!.day - proposal!.day, `${rules} ${seed}`).toBeGreaterThanOrEqual(min);
        expect(first!.day - proposal!.day, `${rules} ${seed}`).toBeLessThanOrEqual(max);
        days[rules] = first!.day;
      }
      expect(days['nato-cfm'], seed).toBeGreaterThan(days.nato!);
    }
  });

  it('a request decided after the turn it was made in waits on the agenda: the player cannot repeat it meanwhile', () => {
    const game = play(crisis(), 'nato-cfm', 's1', { 1: ['consult'] }, 1);
    expect(game.turns[0]!.decisions.filter((d) => d.intent === 'consult')).toEqual([]);
    expect(intentOptions(game).find((o) => o.intent === 'consult')).toMatchObject({ available: false, reason: 'already-under-way' });
    const nato = play(crisis(), 'nato', 's1', { 1: ['consult'] }, 1);
    expect(intentOptions(nato).find((o) => o.intent === 'consult')).toMatchObject({ available: true, reason: null });
  });
});

describe('the commitment feature: what a request for collective defence meets', () => {
  it('under consultation-only it is declined at once (S4); swapped to automatic it goes on the agenda and the body decides it when it sits (C2)', () => {
    const s = crisis({ scripted: scriptAll('collective-defence', 'support') });
    for (const seed of SEEDS.slice(0, 6)) {
      const sco = play(s, 'sco', seed, { 1: ['collective-defence'] });
      const [asked] = sco.turns[0]!.proposals;
      expect(sco.turns[0]!.decisions).toEqual([
        expect.objectContaining({ intent: 'collective-defence', proposal: asked!.id, outcome: 'declined', rule: 'S4', day: asked!.day }),
      ]);
      expect(decisionsOf(sco).filter((d) => d.intent === 'collective-defence')).toHaveLength(1);

      // Four turns of three days cover the cfm's calendar (3–10 days); the game goes on after.
      const lab = play(s, 'sco+commitment=automatic', seed, { 1: ['collective-defence'] }, 4);
      expect(lab.result).toBeNull();
      const [request] = lab.turns[0]!.proposals;
      const onIt = decisionsOf(lab).filter((d) => d.proposal === request!.id);
      expect(onIt.filter((d) => d.day === request!.day), seed).toEqual([]); // nothing at once: the cfm sits 3–10 days later
      expect(onIt, seed).toEqual([expect.objectContaining({ outcome: 'adopted', rule: 'C2', day: request!.meetingDay, collective: true })]);
      expect(postureOf(allianceState(rulesOf(lab), lab.alliance)).commitment).toBe('invoked');
      expect(intentOptions(lab).find((o) => o.intent === 'collective-defence')).toMatchObject({ available: false, reason: 'already-invoked' });
    }
  });

  it('the procedure the interface names follows the feature, not the preset it started from', () => {
    const s = crisis();
    const procedure = (rules: string) => intentOptions(newGame(s, rules, 'p')).find((o) => o.intent === 'collective-defence')!.procedure;
    expect(procedure('sco')).toEqual({ id: 'no-defence-clause', rule: 'S4' });
    expect(procedure('sco+commitment=automatic')).toEqual({ id: 'cst-article-4', rule: 'C2' });
    expect(procedure('sco+commitment=deems-necessary')).toEqual({ id: 'article-5', rule: 'N3' });
  });
});

describe('the decision rule: what one objection does', () => {
  const statement = (rules: string, position: Position, seed = 'obj') => {
    const s = crisis({ scripted: scriptAll('joint-statement', 'support', { BRV: position }) });
    // Four turns of three days cover every body's calendar (at most ten days).
    const game = play(s, rules, seed, { 1: ['joint-statement'] }, 4);
    const sittings = sittingsOf(game);
    expect(sittings, rules).toHaveLength(1);
    expect(sittings[0]!.by.BRV).toBe('script');
    const t = game.turns.find((x) => x.sittings.length > 0)!;
    expect(t.positions['joint-statement']!.BRV).toBe(position);
    return decisionsOf(game).filter((d) => d.intent === 'joint-statement');
  };

  it('under consensus an objecting member blocks a joint statement that passes when its scripted position is support', () => {
    for (const [rules, rule] of [['nato', 'N2'], ['csto', 'C3']] as const) {
      expect(statement(rules, 'object'), rules).toEqual([expect.objectContaining({ outcome: 'blocked', rule, blockedBy: ['BRV'], collective: false })]);
      expect(statement(rules, 'support'), rules).toEqual([expect.objectContaining({ outcome: 'adopted', rule, blockedBy: [], endorsedBy: MEMBERS.slice().sort() })]);
    }
  });

  it('abstaining does not block under consensus (the silence procedure)', () => {
    expect(statement('nato', 'abstain')).toEqual([expect.objectContaining({ outcome: 'adopted', rule: 'N2', blockedBy: [] })]);
  });

  it('under no-objection with the endorsers fallback, the same objection leaves a text naming only the endorsers (S2)', () => {
    const [d] = statement('sco', 'object');
    expect(d).toMatchObject({ outcome: 'subset', rule: 'S2', blockedBy: ['BRV'] });
    expect(d!.endorsedBy).toEqual(['ALF', 'CHR', 'DLT', 'ECH']);
    expect(statement('sco', 'support')).toEqual([expect.objectContaining({ outcome: 'adopted', rule: 'S1' })]);
  });

  it('in a voting assembly one objection against four in favour does not block (L1)', () => {
    const spec = 'nato+council=assembly+decisionRule=majority';
    expect(statement(spec, 'object')).toEqual([expect.objectContaining({ outcome: 'adopted', rule: 'L1' })]);
  });
});

describe('the agenda feature: who can convene the body', () => {
  it('with two callers needed, a consultation nobody seconds is blocked (S7); where any member may call, the same request convenes the body', () => {
    const s = crisis({ scripted: scriptAll('consult', 'abstain') });
    const sco = play(s, 'sco', 'agenda', { 1: ['consult'] }, 4);
    expect(decisionsOf(sco).filter((d) => d.intent === 'consult')).toEqual([expect.objectContaining({ kind: 'consultation', outcome: 'blocked', rule: 'S7', blockedBy: [] })]);
    const seconded = play(crisis({ scripted: scriptAll('consult', 'abstain', { DLT: 'support' }) }), 'sco', 'agenda', { 1: ['consult'] }, 4);
    expect(decisionsOf(seconded).find((d) => d.kind === 'consultation')).toMatchObject({ outcome: 'adopted', rule: 'S7' });
    const nato = play(s, 'nato', 'agenda', { 1: ['consult'] }, 1);
    expect(nato.turns[0]!.decisions.find((d) => d.kind === 'consultation')).toMatchObject({ outcome: 'adopted', rule: 'N1' });
  });
});

describe('positions persist until what a member weighs changes', () => {
  const asks = { 1: ['joint-statement'], 2: ['joint-statement'], 3: ['joint-statement'] } as Record<number, IntentId[]>;

  it('the wavering member is a real test: its first answer differs between seeds (a new draw could change it)', () => {
    const first = new Set(SEEDS.map((seed) => play(crisis(), 'nato', seed, asks, 1).turns[0]!.positions['joint-statement']!.CHR));
    expect(first.size).toBeGreaterThan(1);
    expect(first.has('object')).toBe(true);
  });

  it('a member answers the same at the next sitting on the same intent when nothing it weighs changed, and no change is recorded', () => {
    let objected = 0;
    for (const seed of SEEDS) {
      const game = play(crisis(), 'nato', seed, asks, 3);
      const [one, two, three] = sittingsOf(game);
      expect([one, two, three].map((x) => x?.intent)).toEqual(['joint-statement', 'joint-statement', 'joint-statement']);
      const at = (k: number) => game.turns[k]!.positions['joint-statement']!;
      if (at(0).CHR === 'object') objected++;
      for (const k of [1, 2]) {
        expect(at(k), `${seed} sitting ${k + 1}`).toEqual(at(0));
        expect(game.turns[k]!.sittings[0]!.changed, `${seed} sitting ${k + 1}`).toEqual({});
      }
    }
    expect(objected).toBeGreaterThan(0);
  });

  it('after a worse attack members answer afresh, and `changed` names exactly those whose position moved, with the reason (severity)', () => {
    let moved = 0;
    for (const seed of SEEDS) {
      const game = play(crisis({ worseAttackAt: 3 }), 'nato', seed, asks, 3);
      const before = game.turns[1]!.positions['joint-statement']!;
      const after = game.turns[2]!.positions['joint-statement']!;
      const sitting = game.turns[2]!.sittings[0]!;
      const differing = MEMBERS.filter((m) => before[m] !== after[m]);
      expect(Object.keys(sitting.changed).sort(), seed).toEqual(differing.sort());
      for (const m of differing) expect(sitting.changed[m], `${seed} ${m}`).toBe('severity');
      moved += differing.length;
    }
    expect(moved).toBeGreaterThan(0);
  });

  it('a member keeps its stance on one intent apart from its stance on another', () => {
    // CHR is scripted on consult only; its joint-statement answers still come from its profile.
    const game = play(crisis({ scripted: { CHR: { consult: 'support' } } }), 'nato', 's3', { 1: ['consult', 'joint-statement'] }, 1);
    const t = game.turns[0]!;
    expect(t.sittings.find((x) => x.intent === 'consult')!.by.CHR).toBe('script');
    expect(t.sittings.find((x) => x.intent === 'joint-statement')!.by.CHR).toBe('profile');
    expect(game.memory.stances.consult!.CHR!.position).toBe('support');
    expect(game.memory.stances['joint-statement']!.CHR!.position).toBe(t.positions['joint-statement']!.CHR);
  });
});

describe('the end of the game', () => {
  it('a request still pending when the game ends appears as a lapsed decision, citing the body that never sat', () => {
    const s = crisis();
    // The extraordinary meeting of foreign ministers needs 1–11 days: the seeds whose meeting falls
    // after the last turn are the ones where the request is still pending at the end.
    let pendingAtEnd = 0;
    for (const seed of SEEDS) {
      const game = play(s, 'sco', seed, { [HORIZON]: ['consult'] });
      expect(game.result).not.toBeNull();
      const last = game.turns[HORIZON - 1]!;
      const [pending] = last.proposals;
      const endDay = last.day + TURN_DAYS;
      if (pending!.meetingDay < endDay) continue;
      pendingAtEnd++;
      expect(last.decisions).toContainEqual(
        expect.objectContaining({
          intent: 'consult',
          proposal: pending!.id,
          proposer: PLAYER,
          outcome: 'lapsed',
          rule: featureRule('council', 'cfm'),
          day: endDay,
          turn: HORIZON,
          collective: false,
        }),
      );
      const log = createLog(game);
      expect(log.summary.decisions).toContainEqual(expect.objectContaining({ outcome: 'lapsed', turn: HORIZON }));
      expect(verifyLog(JSON.parse(logText(log)))).toMatchObject({ ok: true });
    }
    expect(pendingAtEnd).toBeGreaterThan(0);
  });

  it('a request the body sits on before the end does not lapse', () => {
    const game = play(crisis(), 'nato', 's1', { [HORIZON]: ['consult'] });
    const outcomes = decisionsOf(game).map((d) => d.outcome);
    expect(outcomes).not.toContain('lapsed');
    expect(outcomes).toContain('adopted');
  });
});

describe('motions and seats: who else puts business before the body', () => {
  it('a motion by another member puts a proposal on the agenda with that proposer, is recorded in the log, and the log verifies', () => {
    const s = crisis({ scripted: scriptAll('joint-statement', 'support') });
    const input: TurnInput = { intents: [], motions: [{ by: 'BRV', intent: 'joint-statement' }] };
    const game = play(s, 'nato', 'motion', { 1: input });
    const t = game.turns[0]!;
    expect(t.intents).toEqual([]);
    expect(t.motions).toEqual(input.motions);
    expect(t.proposals).toEqual([expect.objectContaining({ intent: 'joint-statement', proposer: 'BRV' })]);
    expect(t.decisions).toEqual([expect.objectContaining({ intent: 'joint-statement', proposer: 'BRV', proposal: t.proposals[0]!.id, outcome: 'adopted' })]);

    const log = JSON.parse(logText(createLog(game))) as OutcomeLog;
    expect(log.turns[0]!.motions).toEqual(input.motions);
    expect(verifyLog(log)).toMatchObject({ ok: true });
    // The motion is an input the replay needs: without it the log no longer replays.
    delete log.turns[0]!.motions;
    const verdict = verifyLog(resign(log));
    expect(verdict).toMatchObject({ ok: false, reason: 'the replay differs from the log at turn 1' });
  });

  it('the proposer of a motion supports it whatever its script says', () => {
    const s = crisis({ scripted: scriptAll('joint-statement', 'object') });
    const game = play(s, 'nato', 'motion', { 1: { intents: [], motions: [{ by: 'BRV', intent: 'joint-statement' }] } }, 1);
    const positions = game.turns[0]!.positions['joint-statement']!;
    expect(positions.BRV).toBe('support');
    expect(positions.CHR).toBe('object');
    expect(game.turns[0]!.decisions[0]).toMatchObject({ outcome: 'blocked', rule: 'N2', blockedBy: ['CHR', 'DLT', 'ECH'] });
  });

  it('a seat answers over the script, is named as the source, and the log with the seat verifies', () => {
    const s = crisis({ scripted: scriptAll('joint-statement', 'support') });
    const input: TurnInput = { intents: ['joint-statement'], seats: { 'joint-statement': { DLT: 'object' } } };
    const game = play(s, 'nato', 'seat', { 1: input });
    const t = game.turns[0]!;
    expect(t.sittings[0]!.by).toMatchObject({ DLT: 'seat', BRV: 'script' });
    expect(t.decisions[0]).toMatchObject({ outcome: 'blocked', rule: 'N2', blockedBy: ['DLT'] });
    expect(t.seats).toEqual(input.seats);
    expect(verifyLog(JSON.parse(logText(createLog(game))))).toMatchObject({ ok: true });
  });

  // The end of the game promises that nothing on the agenda is dropped (it lapses, on the record).
  // The same should hold for a motion the rules do not take: it is numbered and recorded as a
  // proposal, so it must be answered on the record (declined) or refused by playTurn like a
  // player's intent, never silently vanish.
  it('every proposal recorded on a turn is answered on the record by the end of the game (a motion the rules do not take included)', () => {
    const unanswered: string[] = [];
    for (const rules of ['nato', 'sco']) {
      let game = newGame(crisis(), rules, 'motions');
      let refused = false;
      try {
        game = playTurn(game, {
          intents: ['consult'],
          motions: [
            { by: 'BRV', intent: 'consult' }, // already on the agenda this turn
            { by: 'DLT', intent: 'suspend-member' }, // no clash (and NATO has no suspension clause)
          ],
        });
      } catch {
        refused = true; // refusing the motion outright is an answer too
      }
      if (refused) continue;
      while (!game.result) game = playTurn(game, []);
      const answered = new Set(decisionsOf(game).map((d) => d.proposal));
      for (const p of proposalsOf(game)) if (!answered.has(p.id)) unanswered.push(`${rules}: proposal ${p.id} (${p.intent} by ${p.proposer})`);
    }
    expect(unanswered).toEqual([]);
  });
});

describe('meeting days come from the features', () => {
  it('every proposal meets within its body\'s calendar, RATS included, and is decided on that day or at once', () => {
    const s = crisis();
    for (const rules of ['nato', 'sco', 'csto', 'sco+commitment=automatic']) {
      for (const seed of SEEDS.slice(0, 4)) {
        const game = play(s, rules, seed, { 1: ['consult', 'ct-cooperation'], 2: ['joint-statement'], 5: ['collective-defence'] });
        const features = rulesOf(game).features;
        for (const p of proposalsOf(game)) {
          const [min, max] = meetingDays(features, p.intent);
          expect(p.meetingDay - p.day, `${rules} ${seed} ${p.intent}`).toBeGreaterThanOrEqual(min);
          expect(p.meetingDay - p.day, `${rules} ${seed} ${p.intent}`).toBeLessThanOrEqual(max);
          for (const d of decisionsOf(game).filter((x) => x.proposal === p.id)) {
            expect([p.day, p.meetingDay], `${rules} ${seed} ${d.kind} ${d.outcome} ${d.rule}`).toContain(d.day);
          }
        }
      }
    }
  });
});

