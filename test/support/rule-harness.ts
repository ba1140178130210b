// A bench for the rulebook machine: a handful of member states, representative situations and
// answers, event builders, and a way to drive a rule set through the interface the engine uses
// (startAlliance / sendToAlliance, the snapshot carried through JSON as a saved game carries it)
// while the independent oracle (rule-oracle.ts) says what should happen at every step.
import { expect } from 'vitest';
import { transition, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import { createTestModel } from 'xstate/graph';
import type { IntentId } from '../../src/engine/scenario/schema';
import type { AllianceSnapshot, DecisionRecord, Position, Situation, StateId } from '../../src/engine/game/types';
import { allianceState, postureOf, resolveRuleSet, sendToAlliance, startAlliance, type RuleSet } from '../../src/engine/rules/rule-set';
import type { AlliancePosture, Proposal, Proposer, RuleContext, RuleEvent } from '../../src/engine/rules/types';
import { ORACLE_START, oraclePosture, oracleStep, type ExpectedRecord, type OracleState, type OracleStep } from './rule-oracle';

export const MEMBERS: StateId[] = ['AAA', 'BBB', 'CCC', 'DDD'];
/** The member attacked or threatened, who asks. */
export const REQUESTER: StateId = 'AAA';
/** The other party when the crisis is a clash between two members. */
export const PARTY: StateId = 'DDD';

/** A situation: calm unless told, and an event, when there is one, is on the requester's territory
 * (so it is also the worst threat anywhere). */
function situation(o: Partial<Situation> = {}): Situation {
  const event = o.eventKind ?? null;
  const threat = { kind: event, severity: o.severity ?? 0 };
  return { eventKind: null, severity: 0, attribution: 0, cumulativeCyber: 0, clashWith: null, attackedOn: event ? 'territory' : null, threat, ...o };
}

const SITUATION_NAMES = [
  'quiet',
  'armed',
  'armedUnattributed',
  'armedMinor',
  'cyberLow',
  'hybridCumulative',
  'unrestUnattributed',
  'unrestAttributed',
  'clash',
  'terror',
] as const;
export type SituationName = (typeof SITUATION_NAMES)[number];

export const SITUATIONS: Readonly<Record<SituationName, Situation>> = {
  quiet: situation(),
  armed: situation({ eventKind: 'armed-attack', severity: 4, attribution: 0.9 }),
  armedUnattributed: situation({ eventKind: 'armed-attack', severity: 4, attribution: 0.3 }),
  armedMinor: situation({ eventKind: 'armed-attack', severity: 2, attribution: 0.9 }),
  cyberLow: situation({ eventKind: 'cyber-attack', severity: 2, attribution: 0.9, cumulativeCyber: 3 }),
  hybridCumulative: situation({ eventKind: 'hybrid-campaign', severity: 3, attribution: 0.9, cumulativeCyber: 9 }),
  unrestUnattributed: situation({ eventKind: 'unrest', severity: 2, attribution: 0.3 }),
  unrestAttributed: situation({ eventKind: 'unrest', severity: 2, attribution: 0.9 }),
  clash: situation({ eventKind: 'member-clash', severity: 3, attribution: 0.9, clashWith: PARTY }),
  terror: situation({ eventKind: 'terrorist-attack', severity: 3, attribution: 0.8 }),
};

/** Everyone answers `rest` except those named. */
export function answers(named: Partial<Record<StateId, Position>> = {}, rest: Position = 'support'): Record<StateId, Position> {
  const out: Record<StateId, Position> = {};
  for (const m of MEMBERS) out[m] = named[m] ?? rest;
  return out;
}

export const POSITIONS = {
  unanimous: answers(),
  /** The other party to a clash objects; everyone else supports. */
  partyObjects: answers({ DDD: 'object' }),
  /** A third member objects. */
  otherObjects: answers({ BBB: 'object' }),
  /** One abstains; three of four support. */
  abstaining: answers({ BBB: 'abstain' }),
  /** One abstains and one stays out; half support. */
  silent: answers({ BBB: 'abstain', CCC: 'stay-out' }),
  /** Only the requester supports; the rest abstain. */
  alone: answers({ AAA: 'support' }, 'abstain'),
  /** Two for, two against. */
  split: answers({ CCC: 'object', DDD: 'object' }),
  /** The requester alone for, one against, the rest abstain. */
  lonelyObjected: answers({ AAA: 'support', BBB: 'object' }, 'abstain'),
} as const satisfies Record<string, Record<StateId, Position>>;

/** One proposal id per intent: an intent is on the agenda at most once, so ids never collide there. */
export const PROPOSAL_ID: Record<string, number> = {
  consult: 1,
  'collective-defence': 2,
  'joint-statement': 3,
  'ct-cooperation': 4,
  'suspend-member': 5,
  'act-alone': 6,
  'de-escalate': 7,
};

export const REQUEST_DAY = 1;
export const MEETING_DAY = 2;

export interface RequestOptions {
  proposer?: Proposer;
  id?: number;
  day?: number;
  meetingDay?: number;
  turn?: number;
}

export function request(intent: IntentId, situation: Situation, o: RequestOptions = {}): Extract<RuleEvent, { type: 'proposal.submit' }> {
  const proposal: Proposal = {
    id: o.id ?? PROPOSAL_ID[intent]!,
    intent,
    requester: REQUESTER,
    proposer: o.proposer ?? REQUESTER,
    situation,
    day: o.day ?? REQUEST_DAY,
    meetingDay: o.meetingDay ?? MEETING_DAY,
  };
  return { type: 'proposal.submit', turn: o.turn ?? 1, proposal };
}

export function sitting(proposal: number, positions: Record<StateId, Position>, situation: Situation, turn = 1): Extract<RuleEvent, { type: 'council.sit' }> {
  return { type: 'council.sit', turn, sitting: { proposal, positions, situation } };
}

export function turnBegin(turn: number, day: number, endDay: number, attribution: number): Extract<RuleEvent, { type: 'turn.begin' }> {
  return { type: 'turn.begin', turn, day, endDay, attribution };
}

export const crisisEnd = (turn = 9, day = 40): RuleEvent => ({ type: 'crisis.end', turn, day });

/**
 * Turns with low or high attribution, whose windows tell the readiness delays apart: a sitting on
 * MEETING_DAY (2) readies rapid-reaction forces on day 3 (inside [3, 4), C4) and integrated
 * forces on day 12 (inside [12, 13), N5); a turn from day 40 comes after everything.
 */
export const TURNS = {
  dayAfterLow: turnBegin(2, 3, 4, 0.3),
  dayAfterHigh: turnBegin(2, 3, 4, 0.9),
  tenthDay: turnBegin(3, 12, 13, 0.3),
  lateLow: turnBegin(4, 20, 30, 0.3),
  lateHigh: turnBegin(4, 20, 30, 0.9),
  muchLater: turnBegin(5, 40, 50, 0.3),
} as const;

/** Which sitting situations are worth trying for each intent (the rest add nothing the rules read). */
export const SITTING_SITUATIONS: Record<string, SituationName[]> = {
  consult: ['armed', 'armedMinor', 'hybridCumulative', 'terror'],
  'joint-statement': ['armed'],
  'collective-defence': ['armed', 'armedUnattributed', 'cyberLow', 'hybridCumulative', 'unrestAttributed'],
  'ct-cooperation': ['terror'],
  'suspend-member': ['clash'],
};

/** Requests are tried in every situation, except those whose rules read only whether there is a clash. */
export const REQUEST_SITUATIONS: Partial<Record<string, SituationName[]>> = {
  'ct-cooperation': ['quiet', 'armed', 'terror', 'clash'],
  'suspend-member': ['quiet', 'armed', 'terror', 'clash'],
};

export const MODEL_INTENTS: IntentId[] = ['consult', 'collective-defence', 'joint-statement', 'ct-cooperation', 'suspend-member'];

/** The finite list of representative events the model-based tests offer in every state. */
export function representativeEvents(): RuleEvent[] {
  const out: RuleEvent[] = [...Object.values(TURNS), crisisEnd()];
  for (const intent of MODEL_INTENTS) {
    for (const name of REQUEST_SITUATIONS[intent] ?? SITUATION_NAMES) out.push(request(intent, SITUATIONS[name]));
  }
  // S7: who counts as a second caller depends on who proposed.
  out.push(request('consult', SITUATIONS.armed, { proposer: 'chair' }), request('consult', SITUATIONS.armed, { proposer: 'BBB' }));
  for (const intent of MODEL_INTENTS) {
    for (const positions of Object.values(POSITIONS)) {
      for (const name of SITTING_SITUATIONS[intent]!) out.push(sitting(PROPOSAL_ID[intent]!, positions, SITUATIONS[name]));
    }
  }
  return out;
}

/** The name a value has in one of the tables above, or the value itself. */
function nameIn<T>(table: Readonly<Record<string, T>>, value: T): string {
  const text = JSON.stringify(value);
  return Object.keys(table).find((k) => JSON.stringify(table[k]) === text) ?? text;
}

/** A short name for an event, for failure messages. */
export function describeEvent(e: RuleEvent): string {
  switch (e.type) {
    case 'turn.begin':
      return `turn.begin(day ${e.day}–${e.endDay}, attribution ${e.attribution})`;
    case 'crisis.end':
      return 'crisis.end';
    case 'proposal.submit':
      return `submit ${e.proposal.intent} #${e.proposal.id} by ${e.proposal.proposer} (${nameIn(SITUATIONS, e.proposal.situation)})`;
    case 'council.sit':
      return `sit on #${e.sitting.proposal} (${nameIn(POSITIONS, e.sitting.positions)}, ${nameIn(SITUATIONS, e.sitting.situation)})`;
  }
}

/** The fields every record is compared on; `rule` and `endorsedBy` too where the oracle names them. */
const BASE_FIELDS = ['kind', 'intent', 'proposal', 'outcome', 'blockedBy'] as const;

function project(r: DecisionRecord | ExpectedRecord, fields: readonly string[]): string {
  const picked: Record<string, unknown> = {};
  for (const k of [...fields].sort()) picked[k] = (r as unknown as Record<string, unknown>)[k];
  return JSON.stringify(picked);
}

/** Both lists of records on the fields the oracle prescribes, as sorted multisets. */
export function comparableRecords(got: readonly DecisionRecord[], want: readonly ExpectedRecord[]): [string[], string[]] {
  const same = (r: DecisionRecord, w: ExpectedRecord) => r.kind === w.kind && r.intent === w.intent && r.proposal === w.proposal && r.outcome === w.outcome;
  const gotCmp = got.map((r) => {
    const w = want.find((x) => same(r, x));
    return project(r, w ? Object.keys(w) : BASE_FIELDS);
  });
  const wantCmp = want.map((w) => project(w, Object.keys(w)));
  return [gotCmp.sort(), wantCmp.sort()];
}

export function shortRecord(r: DecisionRecord | ExpectedRecord): string {
  const by = r.blockedBy.length ? ` by ${r.blockedBy.join(',')}` : '';
  return `#${r.proposal} ${r.kind} ${r.outcome}${r.rule ? ` (${r.rule})` : ''}${by}`;
}

/** The machine's answer to one event, in the oracle's terms. */
export interface Observed {
  admitted: boolean;
  records: DecisionRecord[];
  posture: AlliancePosture;
  bound: StateId[];
  closed: boolean;
}

export function observe(before: AnyMachineSnapshot, after: AnyMachineSnapshot, event: RuleEvent, admitted: boolean): Observed {
  const prior = (before.context as RuleContext).decisions;
  const now = (after.context as RuleContext).decisions;
  // A turn that begins clears the turn's records; every other event only adds to them.
  const records = event.type === 'turn.begin' && admitted ? now : now.slice(prior.length);
  return { admitted, records, posture: postureOf(after), bound: (after.context as RuleContext).bound, closed: after.status === 'done' };
}

/**
 * What differs between the machine's answer and the oracle's, as sentences (empty when they agree).
 * Records are compared on the fields the oracle prescribes, as multisets.
 */
export function differences(seen: Observed, expected: OracleStep): string[] {
  const out: string[] = [];
  if (seen.admitted !== expected.admitted) out.push(`admitted: machine ${seen.admitted}, oracle ${expected.admitted}`);
  const [got, want] = comparableRecords(seen.records, expected.records);
  if (JSON.stringify(got) !== JSON.stringify(want)) {
    out.push(`records: machine [${seen.records.map(shortRecord).join('; ')}], oracle [${expected.records.map(shortRecord).join('; ')}]`);
  }
  if (!expected.next.closed) {
    const posture = oraclePosture(expected.next);
    if (JSON.stringify(seen.posture) !== JSON.stringify(posture)) {
      out.push(`posture: machine ${JSON.stringify(seen.posture)}, oracle ${JSON.stringify(posture)}`);
    }
    const bound = expected.next.bound ? [...MEMBERS].sort() : [];
    if (JSON.stringify(seen.bound) !== JSON.stringify(bound)) out.push(`bound: machine [${seen.bound.join(',')}], oracle [${bound.join(',')}]`);
  }
  if (seen.closed !== expected.next.closed) out.push(`closed: machine ${seen.closed}, oracle ${expected.next.closed}`);
  return out;
}

export type Oracle = typeof oracleStep;

/** A rule set driven through the engine's interface alone (no oracle), the snapshot through JSON at every step. */
export class Alliance {
  saved: AllianceSnapshot;

  constructor(readonly rules: RuleSet) {
    this.saved = startAlliance(rules, MEMBERS);
  }

  get state(): AnyMachineSnapshot {
    return allianceState(this.rules, this.saved);
  }

  send(event: RuleEvent): Observed {
    const before = this.state;
    const admitted = before.can(event as never);
    this.saved = JSON.parse(JSON.stringify(sendToAlliance(this.rules, this.saved, event))) as AllianceSnapshot;
    return observe(before, this.state, event, admitted);
  }
}

/**
 * A rule set and the oracle side by side, through the engine's interface (Alliance): `step` throws
 * at the first disagreement, naming the events that led to it.
 */
export class Lockstep {
  readonly alliance: Alliance;
  model: OracleState = ORACLE_START;
  readonly trail: RuleEvent[] = [];

  constructor(
    readonly rules: RuleSet,
    readonly oracle: Oracle = oracleStep,
    readonly note: (records: readonly DecisionRecord[]) => void = () => {},
  ) {
    this.alliance = new Alliance(rules);
  }

  get state(): AnyMachineSnapshot {
    return this.alliance.state;
  }

  step(event: RuleEvent): Observed {
    const before = this.model;
    const seen = this.alliance.send(event);
    this.trail.push(event);
    const expected = this.oracle(this.rules.features, before, event);
    const diff = differences(seen, expected);
    if (diff.length > 0) throw new Error(`${this.rules.id}: after ${this.trail.map(describeEvent).join(' → ')}: ${diff.join('; ')}`);
    this.note(seen.records);
    this.model = expected.next;
    return seen;
  }
}

// ---- The model-based walk (xstate/graph) ----

export const RULE_EVENT_TYPES: ReadonlySet<string> = new Set(['turn.begin', 'proposal.submit', 'council.sit', 'crisis.end']);

/** The rule set a spec names, or a thrown error naming why not. */
export function rulesOf(spec: string): RuleSet {
  const r = resolveRuleSet(spec);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/**
 * Only the finite parts of a snapshot (the decision list grows without bound): the state value,
 * the intents on the agenda (with who proposed them where a second caller is needed, S7), the day
 * forces are ready and the request that set them moving, and whether members are bound.
 */
export function stateKey(snapshot: AnyMachineSnapshot, features: RuleSet['features']): string {
  const c = snapshot.context as RuleContext;
  const byWhom = features.agenda === 'two-members';
  const agenda = c.agenda.map((i) => (byWhom ? `${i.proposal.intent}:${i.proposal.proposer}` : i.proposal.intent)).sort();
  return JSON.stringify([snapshot.value, agenda, c.forcesReadyDay, c.forcesFor, c.bound.length]);
}

const EVENTS = representativeEvents();
const EVENT_TEXT = new Map<RuleEvent, string>(EVENTS.map((e) => [e, JSON.stringify(e)]));
const eventText = (e: RuleEvent) => EVENT_TEXT.get(e) ?? JSON.stringify(e);

/** The events the walk offers in a state: every request and turn, and a sitting on each pending proposal. */
function offered(snapshot: AnyMachineSnapshot): RuleEvent[] {
  const pending = new Set((snapshot.context as RuleContext).agenda.map((i) => i.proposal.id));
  return EVENTS.filter((e) => e.type !== 'council.sit' || pending.has(e.sitting.proposal));
}

interface Graph {
  /** The shortest path to every state, as event lists (xstate's TestModel leaves out paths that are prefixes of others). */
  paths: RuleEvent[][];
  /** Every transition the traversal computed, by the state key it left and the event. */
  moves: Map<string, { before: AnyMachineSnapshot; after: AnyMachineSnapshot }>;
}

const graphs = new Map<AnyStateMachine, Graph>();

/** The shortest paths xstate/graph finds with the representative events, and the transitions it computed on the way. */
export function modelGraph(rules: RuleSet): Graph {
  let graph = graphs.get(rules.machine);
  if (!graph) {
    const moves: Graph['moves'] = new Map();
    const key = (s: AnyMachineSnapshot) => stateKey(s, rules.features);
    const model = createTestModel(rules.machine, {
      input: { members: MEMBERS },
      events: offered as never,
      // Only what the engine sends (xstate/graph would also offer the chart's internal events
      // bare), and only what the chart takes: an event it does not take leads nowhere, so skipping
      // it loses no state. Refusals are compared with the oracle in every state all the same.
      filterEvents: (s, e) => RULE_EVENT_TYPES.has((e as { type: string }).type) && (s as AnyMachineSnapshot).can(e as never),
      serializeState: (s, event, prev) => {
        const k = key(s as AnyMachineSnapshot);
        // Kept so that the walk need not compute each transition a second time.
        if (event && prev) {
          const from = `${key(prev as AnyMachineSnapshot)} ${eventText(event as RuleEvent)}`;
          if (!moves.has(from)) moves.set(from, { before: prev as AnyMachineSnapshot, after: s as AnyMachineSnapshot });
        }
        return k;
      },
    });
    const paths = model.getShortestPaths().map((p) => p.steps.map((s) => s.event as RuleEvent).filter((e) => RULE_EVENT_TYPES.has(e.type)));
    graph = { paths, moves };
    graphs.set(rules.machine, graph);
  }
  return graph;
}

export interface WalkResult {
  paths: number;
  steps: number;
  /** Distinct states (by key) in which every event was tried, and how many tries that made. */
  states: number;
  tried: number;
  /** Disagreements, as sentences (at most `stopAfter`). */
  problems: string[];
  /** Every "kind outcome (rule)" the machine recorded in agreement with the oracle. */
  seen: Set<string>;
}

/**
 * Every shortest path replayed beside the oracle (Lockstep: through the engine's interface and
 * JSON, compared at every step); and in every state met on the way (once per state key), every
 * representative event once, so that declines and refusals, which leave the state key as it was
 * and so never lie on a path, are compared too.
 */
export function walk(rules: RuleSet, oracle: Oracle = oracleStep, stopAfter = 5): WalkResult {
  const { paths, moves } = modelGraph(rules);
  const result: WalkResult = { paths: paths.length, steps: 0, states: 0, tried: 0, problems: [], seen: new Set() };
  const note = (records: readonly DecisionRecord[]) => records.forEach((r) => result.seen.add(`${r.kind} ${r.outcome} (${r.rule})`));
  const checked = new Set<string>();
  const tryEverything = (run: Lockstep) => {
    const state = run.state;
    const key = stateKey(state, rules.features);
    if (checked.has(key)) return;
    checked.add(key);
    result.states++;
    for (const event of EVENTS) {
      const admitted = state.can(event as never);
      // An event the chart does not take changes nothing; one it takes, the traversal has computed
      // already from a snapshot with the same key (or, failing that, it is computed here).
      const move = admitted ? moves.get(`${key} ${eventText(event)}`) : undefined;
      const before = move?.before ?? state;
      const after = move?.after ?? (admitted ? (transition(rules.machine, state as never, event as never)[0] as AnyMachineSnapshot) : state);
      const seen = observe(before, after, event, admitted);
      const diff = differences(seen, oracle(rules.features, run.model, event));
      result.tried++;
      if (diff.length > 0) {
        result.problems.push(`${rules.id}: after ${run.trail.map(describeEvent).join(' → ') || '(start)'} then ${describeEvent(event)}: ${diff.join('; ')}`);
        if (result.problems.length >= stopAfter) return;
      } else note(seen.records);
    }
  };
  for (const events of paths) {
    const run = new Lockstep(rules, oracle, note);
    try {
      tryEverything(run);
      for (const event of events) {
        if (result.problems.length >= stopAfter) return result;
        run.step(event);
        result.steps++;
        tryEverything(run);
      }
    } catch (err) {
      result.problems.push(String((err as Error).message).split('\n')[0]!);
    }
    if (result.problems.length >= stopAfter) return result;
  }
  return result;
}

/** What each walk must at least come across, so that a thinner event list cannot pass unnoticed. */
export const MUST_SEE: Record<string, string[]> = {
  nato: [
    'consultation adopted (N1)',
    'statement adopted (N7)',
    'statement adopted (N2)',
    'statement blocked (N2)',
    'posture adopted (N7)',
    'posture adopted (N5)',
    'collective-defence declined (N3)',
    'collective-defence blocked (N6)',
    'collective-defence blocked (N2)',
    'collective-defence conditional (N3)',
    'collective-defence adopted (N3)',
    'ct-coordination adopted (N2)',
    'consultation lapsed (N1)',
  ],
  sco: [
    'consultation adopted (S7)',
    'consultation blocked (S7)',
    'consultation declined (S5)',
    'statement declined (S5)',
    'statement adopted (S1)',
    'statement subset (S2)',
    'statement blocked (S2)',
    'collective-defence declined (S4)',
    'ct-coordination adopted (S6)',
    'ct-coordination subset (S7)',
    'ct-coordination blocked (S7)',
    'suspension adopted (S3)',
    'suspension blocked (S3)',
  ],
  csto: [
    'consultation adopted (C1)',
    'statement adopted (C3)',
    'statement blocked (C3)',
    'statement adopted (C6)',
    'collective-defence declined (C6)',
    'collective-defence declined (C5)',
    'collective-defence declined (C2)',
    'collective-defence blocked (C3)',
    'collective-defence adopted (C2)',
    'posture adopted (C4)',
    'ct-coordination adopted (C3)',
  ],
  'sco+commitment=automatic+attribution=conditional': [
    'collective-defence declined (C2)',
    'collective-defence declined (N3)',
    'collective-defence conditional (N3)',
    'collective-defence subset (S7)',
    'collective-defence adopted (C2)',
    'consultation declined (S5)',
  ],
  'nato+council=assembly+decisionRule=majority': [
    'statement adopted (L1)',
    'statement blocked (L1)',
    'collective-defence blocked (L1)',
    'collective-defence blocked (N6)',
    'collective-defence conditional (N3)',
    'posture adopted (N7)',
    'ct-coordination adopted (L1)',
  ],
};

/** The model-based walk as a test: no disagreement at all, and enough ground covered. */
export function expectWalkAgrees(spec: string): WalkResult {
  const result = walk(rulesOf(spec), oracleStep, 20);
  expect(result.problems).toEqual([]);
  expect(result.paths).toBeGreaterThan(20);
  expect(result.tried).toBe(result.states * EVENTS.length);
  expect((MUST_SEE[spec] ?? []).filter((r) => !result.seen.has(r))).toEqual([]);
  return result;
}
