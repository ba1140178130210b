// How whole games behave, over four shipped scenarios, several seeds, the three presets and one
// design-lab rule set, and a few fixed intent scripts: games end within the horizon, indicators
// stay in range, decisions cite rules their own rule set's features name, proposals meet on their
// body's calendar, the summary has every field product.md names, chance is drawn identically under
// every rule set, and outcomes come from members' profiles, not from the rule set's name.
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../src/cli/scenario-file';
import { newGame, playTurn } from '../src/engine/game/game';
import { intentOptions } from '../src/engine/game/intents';
import { summarize } from '../src/engine/game/summary';
import { CONTRIBUTION_WEIGHT } from '../src/engine/members/member-policy';
import { FEATURE_KEYS, featureRule, type FeatureKey, type InstitutionalFeatures } from '../src/engine/rules/features';
import { RULEBOOK, type RuleId } from '../src/engine/rules/rulebook';
import { meetingDays } from '../src/engine/rules/rule-set';
import type { DecisionRecord, GameState } from '../src/engine/game/types';
import type { IntentId, Scenario, StateId, StateProfile } from '../src/engine/scenario/schema';

/** A shipped scenario by id; a broken one fails with every problem's line and column. */
const load = (name: string): Scenario => loadScenarioFile(`scenarios/${name}.yaml`);

const SCENARIOS: Record<string, Scenario> = { terror: load('terror-attack-member'), frontier: load('frontier-armed-attack') };
/** Every game below is played over these: the two above, a clash between members and unrest. */
const PLAYED: Record<string, Scenario> = { ...SCENARIOS, clash: load('intra-bloc-clash'), unrest: load('kazakhstan-2022') };
const RULES = ['nato', 'sco', 'csto', 'sco+commitment=automatic'];
const SEEDS = ['1', '2', 'alpha', 'omega'];

type Script = (game: GameState, offered: Set<IntentId>) => IntentId[];
const want = (offered: Set<IntentId>, ...intents: IntentId[]) => intents.filter((i) => offered.has(i));
const SCRIPTS: Record<string, Script> = {
  passive: () => [],
  institutional: (g, o) => (g.turn === 1 ? want(o, 'consult') : want(o, 'collective-defence', 'joint-statement')),
  everything: (_g, o) => want(o, 'consult', 'collective-defence', 'joint-statement', 'ct-cooperation', 'suspend-member'),
  hawk: (_g, o) => want(o, 'act-alone', 'collective-defence'),
  dove: (_g, o) => want(o, 'de-escalate', 'joint-statement'),
};

function play(scenario: Scenario, rules: string, seed: string, script: Script): GameState {
  let game = newGame(scenario, rules, seed);
  while (!game.result) {
    expect(game.turn).toBeLessThanOrEqual(scenario.horizon); // never runs past the horizon
    const offered = new Set(intentOptions(game).filter((o) => o.available).map((o) => o.intent));
    game = playTurn(game, script(game, offered));
  }
  return game;
}

const games: { name: string; scenario: Scenario; rules: string; game: GameState }[] = [];
for (const [sc, scenario] of Object.entries(PLAYED))
  for (const rules of RULES)
    for (const seed of SEEDS)
      for (const [script, fn] of Object.entries(SCRIPTS)) games.push({ name: `${sc}/${rules}/${seed}/${script}`, scenario, rules, game: play(scenario, rules, seed, fn) });

const isInt = (x: number) => Math.abs(x - Math.round(x)) < 1e-9;

/**
 * Rules a chart cites besides the ones its feature values name (rulebook-machine.ts; docs/model.md,
 * "The rule sets" and "CSTO"): under no-objection an objected text falls to S2, which also names
 * the endorsers under the willing fallback; after an Article 4 meeting of the NAC a statement and
 * new posture cite N7, as posture under an integrated command does; the CSC convenes under C1; an
 * Article 5 adopted under "deems necessary" cites N3; and where unrest may count as aggression a
 * clash between members still is no armed attack (N3).
 */
const COMPANIONS: { [K in FeatureKey]?: Partial<Record<InstitutionalFeatures[K], RuleId[]>> } = {
  council: { nac: ['N7'], csc: ['C1'] },
  decisionRule: { 'no-objection': ['S2'] },
  fallback: { 'willing-go-ahead': ['S2'] },
  commitment: { 'deems-necessary': ['N3'] },
  unrest: { 'foreign-trained': ['N3'] },
  command: { integrated: ['N7'] },
};

/** Every rule a rule set with these features may cite: its feature values' rules and their companions. */
function citable(features: InstitutionalFeatures): Set<RuleId> {
  const rules = new Set<RuleId>();
  for (const key of FEATURE_KEYS) {
    const value = features[key] as never;
    rules.add(featureRule(key, value));
    for (const r of (COMPANIONS[key] as Record<string, RuleId[]> | undefined)?.[value] ?? []) rules.add(r);
  }
  return rules;
}

describe('every game over the shipped scenarios', () => {
  it('covers a variety of games (not all the same end)', () => {
    expect(games.length).toBe(Object.keys(PLAYED).length * RULES.length * SEEDS.length * Object.keys(SCRIPTS).length);
    const results = new Set(games.map((g) => g.game.result));
    expect(results.size).toBeGreaterThan(1);
    expect(games.some((g) => g.game.turns.some((t) => t.decisions.length > 0))).toBe(true);
  });

  it('ends with a result within the horizon, one turn record per turn played', () => {
    for (const { name, scenario, game } of games) {
      expect(game.result, name).not.toBeNull();
      expect(['resolved', 'horizon', 'war']).toContain(game.result);
      expect(game.turns.length, name).toBeGreaterThan(0);
      expect(game.turns.length, name).toBeLessThanOrEqual(scenario.horizon);
      if (game.result === 'horizon') expect(game.turns.length, name).toBe(scenario.horizon);
      game.turns.forEach((t, i) => {
        expect(t.turn).toBe(i + 1);
        expect(t.day).toBe(i * scenario.turnDays);
      });
      expect(() => playTurn(game, [])).toThrow(/over/);
    }
  });

  it('keeps every indicator in range on every turn', () => {
    for (const { name, game } of games) {
      let casualties = 0;
      for (const t of game.turns) {
        const ind = t.indicators;
        expect(ind.escalation, name).toBeGreaterThanOrEqual(1);
        expect(ind.escalation, name).toBeLessThanOrEqual(5);
        for (const k of ['deterrence', 'cohesion', 'autonomy', 'entrapment', 'legitimacy'] as const) {
          expect(ind[k], `${name} turn ${t.turn} ${k}`).toBeGreaterThanOrEqual(0);
          expect(ind[k], `${name} turn ${t.turn} ${k}`).toBeLessThanOrEqual(1);
          expect(Number.isFinite(ind[k])).toBe(true);
        }
        expect(ind.casualties, name).toBeGreaterThanOrEqual(casualties); // the dead stay dead
        expect(isInt(ind.casualties), name).toBe(true);
        casualties = ind.casualties;
        const days = ind.daysToFirstCollectiveMeasure;
        if (days !== null) {
          expect(days).toBeGreaterThanOrEqual(0);
          expect(isInt(days)).toBe(true);
        }
      }
      expect(game.memory.maxEscalation).toBeGreaterThanOrEqual(Math.max(...game.turns.map((t) => t.indicators.escalation)) - 1e-9);
    }
  });

  it("cites, for every decision, a rule of the rulebook that its rule set's features name, on the decision's own turn", () => {
    const cited = new Map<string, Set<RuleId>>();
    for (const { name, rules, game } of games) {
      const allowed = citable(game.features);
      for (const t of game.turns) {
        for (const d of t.decisions) {
          expect(Object.keys(RULEBOOK), name).toContain(d.rule);
          expect([...allowed], `${name}: ${d.kind} ${d.outcome} cites ${d.rule}`).toContain(d.rule);
          expect(d.turn).toBe(t.turn);
          // Decided in the turn whose days contain the day its body sat (or the day it was refused);
          // what lapses at the end is dated the day the game ends.
          const end = t.day + game.scenario.turnDays;
          if (d.outcome === 'lapsed') expect(d.day, `${name} lapsed ${d.intent}`).toBe(end);
          else {
            expect(d.day, `${name} ${d.kind} ${d.rule}`).toBeGreaterThanOrEqual(t.day);
            expect(d.day, `${name} ${d.kind} ${d.rule}`).toBeLessThan(end);
          }
          // A block names who blocked, except a consultation nobody seconded, or RATS work too few
          // want (S7): there nobody objected.
          if (d.outcome === 'blocked' && d.rule !== 'S7') expect(d.blockedBy.length, `${name} ${d.kind} ${d.rule}`).toBeGreaterThan(0);
        }
      }
      const set = cited.get(rules) ?? new Set<RuleId>();
      for (const d of game.turns.flatMap((t) => t.decisions)) set.add(d.rule);
      cited.set(rules, set);
    }
    // Every rule set was seen deciding something, so the check above has cases under each.
    for (const rules of RULES) expect(cited.get(rules)?.size ?? 0, rules).toBeGreaterThan(1);
  });

  it("meets on every proposal on a day drawn from its body's calendar, and decides it that day, at once, or lets it lapse at the end", () => {
    const sat = new Map<string, number>();
    for (const { name, rules, game } of games) {
      const decisions = game.turns.flatMap((t) => t.decisions);
      const last = game.turns[game.turns.length - 1]!;
      const end = last.day + game.scenario.turnDays;
      for (const t of game.turns) {
        // The player's requests to the alliance are the turn's proposals, in the engine's order.
        expect(t.proposals.map((p) => p.intent), name).toEqual(t.intents.filter((i) => i !== 'act-alone' && i !== 'de-escalate'));
        for (const p of t.proposals) {
          const [min, max] = meetingDays(game.features, p.intent);
          expect(p.day, name).toBe(t.day);
          expect(p.meetingDay - p.day, `${name} ${p.intent}`).toBeGreaterThanOrEqual(min);
          expect(p.meetingDay - p.day, `${name} ${p.intent}`).toBeLessThanOrEqual(max);
          const on = decisions.filter((d) => d.proposal === p.id);
          expect(on.length, `${name} proposal ${p.id} (${p.intent}) is never answered`).toBeGreaterThan(0);
          for (const d of on) {
            if (d.outcome === 'lapsed') {
              expect(p.meetingDay, `${name} ${p.intent} lapsed before its sitting`).toBeGreaterThanOrEqual(end);
              // A crisis is not resolved while a body convened on it has yet to sit: only war or
              // the horizon can leave a request lapsed.
              expect(game.result, `${name} ${p.intent} lapsed in a resolved game`).not.toBe('resolved');
              continue;
            }
            expect([p.day, p.meetingDay], `${name} ${d.kind} ${d.outcome} ${d.rule}`).toContain(d.day);
            if (d.day === p.meetingDay && d.day > p.day) sat.set(rules, (sat.get(rules) ?? 0) + 1);
          }
        }
        // A sitting is on a proposal of this turn or an earlier one, on its meeting day.
        for (const sitting of t.sittings) {
          const p = game.turns.flatMap((r) => r.proposals).find((x) => x.id === sitting.proposal);
          expect(p, name).toBeDefined();
          expect(sitting.day, name).toBe(p!.meetingDay);
          expect(sitting.intent).toBe(p!.intent);
        }
      }
    }
    // Bodies that sit days after a request did so under every rule set.
    for (const rules of RULES) expect(sat.get(rules) ?? 0, rules).toBeGreaterThan(5);
  });

  it('offers nothing once the game is over', () => {
    for (const { game } of games.slice(0, 8)) {
      for (const o of intentOptions(game)) expect(o).toMatchObject({ available: false, reason: 'game-over' });
    }
  });

  it('N4, C2: in the turn a binding collective-defence decision is adopted, every ally but the requester gives at least political support', () => {
    let seen = 0;
    const binding = new Set<string>();
    for (const { name, rules, scenario, game } of games.filter((g) => g.game.features.commitment !== 'consultation-only')) {
      for (const t of game.turns) {
        if (!t.decisions.some((d: DecisionRecord) => d.kind === 'collective-defence' && d.outcome === 'adopted')) continue;
        seen++;
        binding.add(rules);
        for (const m of scenario.alliance.members) {
          if (m === scenario.player.state) continue;
          expect(CONTRIBUTION_WEIGHT[t.contributions[m] ?? 'none'], `${name} turn ${t.turn} ${m}`).toBeGreaterThanOrEqual(CONTRIBUTION_WEIGHT.political);
        }
      }
    }
    expect(seen).toBeGreaterThan(0);
    expect([...binding].sort()).toEqual(['csto', 'nato', 'sco+commitment=automatic']);
  });

  it('summarises with every field product.md names, of the right type', () => {
    for (const { name, scenario, rules, game } of games) {
      const s = summarize(game, 'script');
      // At least the contract's fields; the engine may add others (the pack, the terms).
      expect(Object.keys(s), name).toEqual(
        expect.arrayContaining([
          'scenario', 'rules', 'seed', 'policy', 'result', 'turns', 'daysToFirstCollectiveMeasure', 'maxEscalation', 'finalEscalation',
          'casualties', 'deterrence', 'cohesion', 'autonomy', 'entrapment', 'legitimacy', 'score', 'decisions',
        ]),
      );
      expect(s).toMatchObject({ scenario: scenario.id, rules, seed: game.seed, policy: 'script', result: game.result, turns: game.turns.length });
      expect(s).toMatchObject({ pack: game.pack, terms: game.terms });
      expect(s.finalEscalation).toBe(game.turns[game.turns.length - 1]!.indicators.escalation);
      expect(s.maxEscalation).toBeGreaterThanOrEqual(s.finalEscalation);
      expect(s.score).toBeGreaterThanOrEqual(0);
      expect(s.score).toBeLessThanOrEqual(100);
      expect(s.daysToFirstCollectiveMeasure === null || typeof s.daysToFirstCollectiveMeasure === 'number').toBe(true);
      expect(s.decisions).toHaveLength(game.turns.reduce((n, t) => n + t.decisions.length, 0));
      for (const d of s.decisions) {
        expect(Object.keys(d).sort()).toEqual(['blockedBy', 'day', 'kind', 'outcome', 'rule', 'turn']);
      }
      // The first collective measure's day agrees with the decisions.
      const first = game.turns.flatMap((t) => t.decisions).find((d) => d.collective);
      expect(s.daysToFirstCollectiveMeasure === null, name).toBe(first === undefined);
    }
  });
});

describe('the same dice under every rule set', () => {
  it('a passive game sees the same events on every turn the games under each rule set both play', () => {
    for (const scenario of Object.values(SCENARIOS)) {
      for (const seed of [...SEEDS, 'dice-1', 'dice-2', 'dice-3']) {
        const nato = play(scenario, 'nato', seed, SCRIPTS.passive!);
        for (const rules of RULES.slice(1)) {
          const other = play(scenario, rules, seed, SCRIPTS.passive!);
          const common = Math.min(nato.turns.length, other.turns.length);
          for (let i = 0; i < common; i++) expect(other.turns[i]!.events, `${scenario.id} ${rules} ${seed} turn ${i + 1}`).toEqual(nato.turns[i]!.events);
        }
      }
    }
  });

  // The world's chance (which chance events happen, the adversary's luck) is fixed by the seed,
  // the turn and a name (rng.ts, drawAt), so with the same intents the same chance events fire on
  // the same turns under every rule set until a game ends, however many draws the members' answers
  // took: the counterfactual's "first turn where the games part" shows the rules parting them, not
  // the dice.
  it('with the same intents, every rule set sees the same chance events on every turn both games play', () => {
    const scenario = SCENARIOS.frontier!;
    const parted: string[] = [];
    for (let i = 0; i < 40; i++) {
      const seed = `dice-${i}`;
      const script: Script = (g, o) => (g.turn === 1 ? want(o, 'collective-defence') : []);
      const nato = play(scenario, 'nato', seed, script);
      for (const rules of RULES.slice(1)) {
        const other = play(scenario, rules, seed, script);
        expect(other.turns[0]!.intents).toEqual(nato.turns[0]!.intents);
        const common = Math.min(nato.turns.length, other.turns.length);
        for (let k = 0; k < common; k++) {
          const a = nato.turns[k]!.events.map((e) => e.id).join(',');
          const b = other.turns[k]!.events.map((e) => e.id).join(',');
          if (a !== b) {
            parted.push(`${seed} turn ${k + 1}: nato [${a}] ${rules} [${b}]`);
            break;
          }
        }
      }
    }
    expect(parted).toEqual([]);
  });

  it('chance events do fire in some of these games (so the comparison above is not empty)', () => {
    const chanceIds = new Set(Object.values(PLAYED).flatMap((s) => s.events.filter((e) => e.chance).map((e) => e.id)));
    const fired = games.flatMap((g) => g.game.turns.flatMap((t) => t.events.map((e) => e.id))).filter((id) => chanceIds.has(id));
    expect(fired.length).toBeGreaterThan(0);
  });
});

describe('forces becoming ready (N5, C4) is not a vote', () => {
  // Once the body has authorised, forces under alliance command move without a new decision. The
  // readiness record (rulebook-machine.ts, recordForcesReady) names no endorsers; cohesionAfter
  // (indicators.ts) must not count it as a decision with unity 0 (pulling cohesion toward 0.5), nor
  // rememberDecisions every member as having let it pass without endorsing (autonomy).
  it('a turn whose only alliance business is forces becoming ready leaves cohesion where it was', () => {
    const moved: string[] = [];
    const seen: Record<string, number> = { N5: 0, C4: 0 };
    for (const scenario of Object.values(SCENARIOS)) {
      for (const rules of ['nato', 'csto']) {
        for (let i = 0; i < 30; i++) {
          const game = play(scenario, rules, `ready-${i}`, (g, o) => want(o, 'collective-defence', ...(g.turn === 1 ? (['consult'] as IntentId[]) : [])));
          for (let k = 1; k < game.turns.length; k++) {
            const t = game.turns[k]!;
            const only = t.decisions.length === 1 ? t.decisions[0]! : undefined;
            if (!only || only.kind !== 'posture' || only.proposal !== 0 || t.events.some((e) => e.kind === 'member-clash')) continue;
            seen[only.rule] = (seen[only.rule] ?? 0) + 1;
            const before = game.turns[k - 1]!;
            if (t.indicators.cohesion !== before.indicators.cohesion) moved.push(`${scenario.id} ${rules} ready-${i} turn ${t.turn}: ${before.indicators.cohesion} -> ${t.indicators.cohesion}`);
          }
        }
      }
    }
    expect(seen.N5).toBeGreaterThan(0);
    expect(seen.C4).toBeGreaterThan(0);
    expect(moved).toEqual([]);
  });
});

describe('outcomes come from members\' profiles, not from the rule set\'s name', () => {
  /** The scenario with every member but the player given `profile(adversary, player)` over its own. */
  function withMembers(s: Scenario, profile: (adversary: StateId, player: StateId) => Partial<StateProfile>): Scenario {
    const patch = profile(s.adversary.id, s.player.state);
    return {
      ...s,
      states: s.states.map((st) =>
        st.id === s.player.state || !s.alliance.members.includes(st.id) ? st : { ...st, profile: { ...st.profile, ...patch } },
      ),
    };
  }
  /** Every member but the player tied to the adversary and not to the player. */
  const hostile = (s: Scenario) =>
    withMembers(s, (adversary, player) => ({ ties: { [adversary]: 1, [player]: 0 }, threat: {}, interests: 0, riskTolerance: 0 }));
  /** Every member but the player tied to the player, threatened by the adversary, ready to act. */
  const friendly = (s: Scenario) =>
    withMembers(s, (adversary, player) => ({
      ties: { [adversary]: 0, [player]: 1 },
      threat: { [adversary]: 1 },
      interests: 1,
      riskTolerance: 1,
      domesticConstraint: 0,
    }));

  /** The alliance's decisions on the first request for `intent`, played from turn 1 with nothing else
   * asked, in the games where the body sat on it before the end (a request can lapse). */
  function firstDecisions(scenario: Scenario, rules: string, intent: IntentId): DecisionRecord[][] {
    const out: DecisionRecord[][] = [];
    for (const seed of ['p1', 'p2', 'p3', 'p4', 'p5', 'p6']) {
      let game = newGame(scenario, rules, seed);
      let asked = false;
      while (!game.result) {
        const offered = intentOptions(game).some((o) => o.intent === intent && o.available);
        game = playTurn(game, !asked && offered ? [intent] : []);
        if (!asked && offered) asked = true;
        const mine = game.turns[game.turns.length - 1]!.decisions.filter((d) => d.intent === intent && d.outcome !== 'lapsed');
        if (mine.length > 0) {
          out.push(mine);
          break;
        }
      }
    }
    return out;
  }

  it('N2: when every ally objects, NATO blocks Article 5; with willing allies the same rule set grants it (N3)', () => {
    for (const scenario of Object.values(SCENARIOS)) {
      const blocked = firstDecisions(hostile(scenario), 'nato', 'collective-defence');
      expect(blocked.length, scenario.id).toBeGreaterThan(0);
      for (const ds of blocked) {
        expect(ds[0], scenario.id).toMatchObject({ kind: 'collective-defence', outcome: 'blocked' });
        // The terror case is a plain attack (N2); the frontier one opens with a cyber attack, so N6 may speak first.
        if (scenario === SCENARIOS.terror) expect(ds[0]!.rule).toBe('N2');
        else expect(['N2', 'N6']).toContain(ds[0]!.rule);
        expect(ds[0]!.blockedBy.length).toBe(scenario.alliance.members.length - 1);
      }
      const granted = firstDecisions(friendly(scenario), 'nato', 'collective-defence');
      expect(granted.length, scenario.id).toBeGreaterThan(0);
      for (const ds of granted) {
        expect(ds[0]!.outcome, scenario.id).not.toBe('blocked');
        expect(['conditional', 'adopted']).toContain(ds[0]!.outcome);
      }
    }
  });

  it('S2: when every member objects, the SCO has no joint text; with willing members it adopts one (S1)', () => {
    for (const scenario of Object.values(SCENARIOS)) {
      const blocked = firstDecisions(hostile(scenario), 'sco', 'joint-statement');
      expect(blocked.length).toBeGreaterThan(0);
      for (const ds of blocked) expect(ds[0]).toMatchObject({ outcome: 'blocked', rule: 'S2' });
      const adopted = firstDecisions(friendly(scenario), 'sco', 'joint-statement');
      expect(adopted.length).toBeGreaterThan(0);
      for (const ds of adopted) expect(ds[0]).toMatchObject({ outcome: 'adopted', rule: 'S1' });
    }
  });

  it('C3: when every member objects, the CSTO blocks collective defence against an armed attack; with willing members it binds at once (C2)', () => {
    // The terror case is an attack from outside; the frontier case opens with a cyber attack, which C2 declines.
    const scenario = SCENARIOS.terror!;
    const blocked = firstDecisions(hostile(scenario), 'csto', 'collective-defence');
    expect(blocked.length).toBeGreaterThan(0);
    for (const ds of blocked) expect(ds[0]).toMatchObject({ outcome: 'blocked', rule: 'C3', blockedBy: scenario.alliance.members.filter((m) => m !== scenario.player.state).sort() });
    const granted = firstDecisions(friendly(scenario), 'csto', 'collective-defence');
    expect(granted.length).toBeGreaterThan(0);
    for (const ds of granted) expect(ds[0]).toMatchObject({ outcome: 'adopted', rule: 'C2', collective: true });
  });

  it('the same hostile members block a NATO joint statement too (N2): the block is theirs, not a rule set\'s', () => {
    const scenario = hostile(SCENARIOS.frontier!);
    const ds = firstDecisions(scenario, 'nato', 'joint-statement');
    expect(ds.length).toBeGreaterThan(0);
    for (const d of ds) expect(d[0]).toMatchObject({ outcome: 'blocked', rule: 'N2' });
  });
});
