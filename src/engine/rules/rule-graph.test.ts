// Model-based tests over both rule machines with xstate/graph: a finite list of representative
// events, a state key that keeps only the finite parts (state value and agenda length, never the
// growing decision list), then graph questions: can every reachable state still close, which
// postures are reachable at all, and does the rule-set interface (through JSON, as a saved game
// carries it) follow the model along the shortest path to every state.
import { describe, expect, it, vi } from 'vitest';
import { createTestModel, getAdjacencyMap, getShortestPaths, getSimplePaths, type AdjacencyMap, type AdjacencyValue } from 'xstate/graph';
import type { IntentId } from '../scenario/schema';
import type { AllianceSnapshot, Position, Situation, StateId } from '../game/types';
import { ATTRIBUTION_THRESHOLD, CYBER_CUMULATIVE_THRESHOLD, READINESS_DAYS } from './nato-rules';
import { readPosture, ruleSet, sendToAlliance, startAlliance, type RuleSet } from './rule-set';
import type { AlliancePosture, RuleContext, RuleEvent } from './types';

const MEMBERS: StateId[] = ['AAA', 'BBB', 'CCC', 'DDD'];
const REQUESTER = 'AAA';
const INPUT = { members: MEMBERS };

type Snap = { value: unknown; context: RuleContext };

const LOW_DAY = 0;
const HIGH_DAY = 30;
const HIGH_END = HIGH_DAY + 10 * READINESS_DAYS; // a long turn: any forces planned by now are ready by its end

const TURN_LOW: RuleEvent = { type: 'turn.begin', turn: 1, day: LOW_DAY, endDay: LOW_DAY + 1, attribution: 0.2 };
const TURN_HIGH: RuleEvent = { type: 'turn.begin', turn: 2, day: HIGH_DAY, endDay: HIGH_END, attribution: Math.max(0.9, ATTRIBUTION_THRESHOLD) };
const END: RuleEvent = { type: 'crisis.end' };

const POSITIONS: Record<string, Record<StateId, Position>> = {
  unanimous: { AAA: 'support', BBB: 'support', CCC: 'support', DDD: 'support' },
  objecting: { AAA: 'support', BBB: 'support', CCC: 'object', DDD: 'support' },
  abstaining: { AAA: 'support', BBB: 'abstain', CCC: 'stay-out', DDD: 'abstain' },
};

function proposals(intents: IntentId[], situations: Record<string, Situation>): RuleEvent[] {
  const out: RuleEvent[] = [];
  for (const intent of intents)
    for (const positions of Object.values(POSITIONS))
      for (const situation of Object.values(situations))
        for (const meetingDay of [LOW_DAY, LOW_DAY + 5]) {
          // Submitted in a turn covering [0, 1): meeting day 0 is due at once, day 5 waits for a later turn.
          out.push({ type: 'proposal.submit', turn: 1, endDay: LOW_DAY + 1, proposal: { intent, requester: REQUESTER, positions, situation, day: LOW_DAY, meetingDay } });
        }
  return out;
}

const base: Situation = { eventKind: 'armed-attack', severity: 4, attribution: 0.9, cumulativeCyber: 0, clashWith: null };
const NATO_EVENTS: RuleEvent[] = [
  TURN_LOW,
  TURN_HIGH,
  END,
  ...proposals(['consult', 'collective-defence', 'joint-statement', 'ct-cooperation', 'suspend-member', 'act-alone'], {
    attributed: base,
    unattributed: { ...base, attribution: 0.3 },
    cyber: { ...base, eventKind: 'cyber-attack', cumulativeCyber: CYBER_CUMULATIVE_THRESHOLD - 1 },
  }),
];
const SCO_EVENTS: RuleEvent[] = [
  TURN_LOW,
  TURN_HIGH,
  END,
  ...proposals(['consult', 'collective-defence', 'joint-statement', 'ct-cooperation', 'suspend-member', 'de-escalate'], {
    attack: { ...base, eventKind: 'terrorist-attack' },
    clash: { ...base, eventKind: 'member-clash', clashWith: 'DDD' },
  }),
];

const MAX_AGENDA = 2;

/** The finite part of a snapshot: its state value and how many items wait on the agenda. */
function key(s: Snap): string {
  if (s.value === 'closed') return 'closed';
  return JSON.stringify({ value: s.value, agenda: s.context.agenda.length });
}

const traversal = (events: RuleEvent[]) => ({
  input: INPUT,
  events,
  serializeState: (s: Snap) => key(s),
  // Keep the agenda bounded; once closed nothing moves.
  filterEvents: (s: Snap, e: RuleEvent) => s.value !== 'closed' && (e.type !== 'proposal.submit' || s.context.agenda.length < MAX_AGENDA),
  limit: 100_000,
});

interface Graph {
  nodes: Map<string, Snap>;
  edges: Map<string, Set<string>>;
}

function graphOf(rules: RuleSet, events: RuleEvent[]): Graph {
  const adjacency = getAdjacencyMap(rules.machine, traversal(events) as never) as AdjacencyMap<Snap, RuleEvent>;
  const nodes = new Map<string, Snap>();
  const edges = new Map<string, Set<string>>();
  for (const [k, v] of Object.entries(adjacency) as [string, AdjacencyValue<Snap, RuleEvent>][]) {
    nodes.set(k, v.state);
    const out = new Set<string>();
    for (const t of Object.values(v.transitions)) out.add(key(t.state));
    edges.set(k, out);
  }
  return { nodes, edges };
}

function canReachClosed(g: Graph): string[] {
  const reverse = new Map<string, string[]>();
  for (const [from, tos] of g.edges) for (const to of tos) reverse.set(to, [...(reverse.get(to) ?? []), from]);
  const seen = new Set<string>(['closed']);
  const queue = ['closed'];
  while (queue.length > 0) {
    const k = queue.shift()!;
    for (const from of reverse.get(k) ?? []) if (!seen.has(from)) (seen.add(from), queue.push(from));
  }
  return [...g.nodes.keys()].filter((k) => !seen.has(k));
}

const posture = (s: Snap): AlliancePosture => readPosture({ value: s.value, context: s.context });
const RANK = { none: 0, conditional: 1, invoked: 2, planning: 1, ready: 2 } as const;

const graphs = {
  nato: graphOf(ruleSet('nato'), NATO_EVENTS),
  sco: graphOf(ruleSet('sco'), SCO_EVENTS),
};

describe.each(['nato', 'sco'] as const)('the %s machine as a graph', (id) => {
  const g = graphs[id];
  const rulePattern = id === 'nato' ? /^N[1-7]$/ : /^S[1-7]$/;

  it('explores a bounded, non-trivial graph', () => {
    expect(g.nodes.size).toBeGreaterThan(5);
    expect(g.nodes.size).toBeLessThan(5000);
    expect(g.nodes.has('closed')).toBe(true);
  });

  it('every reachable state can still reach the final closed state', () => {
    expect(canReachClosed(g)).toEqual([]);
  });

  it('closed is final: no event leads out of it', () => {
    const closed = g.nodes.get('closed')!;
    const r = ruleSet(id);
    // XState warns about events sent to a machine in its final state; that is the point here.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      for (const e of [TURN_LOW, TURN_HIGH, END, ...(id === 'nato' ? NATO_EVENTS : SCO_EVENTS).filter((_, i) => i % 7 === 3)]) {
        expect(sendToAlliance(r, { value: closed.value, context: closed.context }, e).value).toBe('closed');
      }
    } finally {
      warn.mockRestore();
    }
  });

  it('no region of the posture ever moves backwards while the crisis runs', () => {
    for (const [from, tos] of g.edges) {
      const a = g.nodes.get(from)!;
      if (a.value === 'closed') continue;
      for (const to of tos) {
        const b = g.nodes.get(to)!;
        if (b.value === 'closed') continue;
        const pa = posture(a);
        const pb = posture(b);
        expect(RANK[pb.commitment]).toBeGreaterThanOrEqual(RANK[pa.commitment]);
        expect(RANK[pb.forces]).toBeGreaterThanOrEqual(RANK[pa.forces]);
        if (pa.consultation) expect(pb.consultation).toBe(true);
        if (pa.coordination) expect(pb.coordination).toBe(true);
      }
    }
  });

  it(`every decision recorded on the way names a rule of its own rule set (${id === 'nato' ? 'N1–N7' : 'S1–S7'})`, () => {
    let count = 0;
    for (const s of g.nodes.values()) {
      for (const d of s.context.decisions) {
        expect(d.rule).toMatch(rulePattern);
        count++;
      }
    }
    expect(count).toBeGreaterThan(0);
  });

  it('the rule-set interface, through JSON at every step, follows the model along the shortest path to every state', () => {
    const r = ruleSet(id);
    const model = createTestModel(r.machine, traversal(id === 'nato' ? NATO_EVENTS : SCO_EVENTS) as never);
    const paths = model.getShortestPaths();
    expect(paths.length).toBeGreaterThan(5);
    const reached = new Set<string>();
    for (const path of paths) {
      let sut: AllianceSnapshot = startAlliance(r, MEMBERS);
      for (const step of path.steps) {
        if (step.event.type === 'xstate.init') continue;
        sut = JSON.parse(JSON.stringify(sendToAlliance(r, sut, step.event as RuleEvent))) as AllianceSnapshot;
        const modelState = step.state as unknown as Snap;
        expect(readPosture(sut)).toEqual(posture(modelState));
        // 'closed' is one key for every history, so only a running machine's agenda is compared.
        if (modelState.value !== 'closed') expect((sut.context as RuleContext).agenda.length).toBe(modelState.context.agenda.length);
        reached.add(key({ value: sut.value, context: sut.context as RuleContext }));
      }
    }
    // The paths cover every state of the graph (the initial one aside).
    const initial = key(startAlliance(r, MEMBERS) as Snap);
    expect([...g.nodes.keys()].filter((k) => k !== initial && !reached.has(k))).toEqual([]);
  });
});

describe('what each machine can reach', () => {
  const postures = (id: 'nato' | 'sco') => [...graphs[id].nodes.values()].filter((s) => s.value !== 'closed').map(posture);

  it('NATO reaches a convened Council, a conditional and an invoked Article 5, planning and ready forces, and coordination', () => {
    const p = postures('nato');
    expect(p.some((x) => x.consultation)).toBe(true);
    expect(p.some((x) => x.commitment === 'conditional')).toBe(true);
    expect(p.some((x) => x.commitment === 'invoked')).toBe(true);
    expect(p.some((x) => x.forces === 'planning')).toBe(true);
    expect(p.some((x) => x.forces === 'ready')).toBe(true);
    expect(p.some((x) => x.coordination)).toBe(true);
    // N7: posture without Article 5 is reachable too.
    expect(p.some((x) => x.forces !== 'none' && x.commitment === 'none')).toBe(true);
  });

  it('NATO: an Article 5 in force always comes with SACEUR planning or forces ready (N3 → N5)', () => {
    for (const x of postures('nato')) if (x.commitment === 'invoked') expect(x.forces).not.toBe('none');
  });

  it('SCO reaches a convened meeting and RATS coordination, but its commitment and forces never leave none (S4, S6)', () => {
    const p = postures('sco');
    expect(p.some((x) => x.consultation)).toBe(true);
    expect(p.some((x) => x.coordination)).toBe(true);
    for (const x of p) {
      expect(x.commitment).toBe('none');
      expect(x.forces).toBe('none');
    }
    for (const s of graphs.sco.nodes.values()) expect(s.context.bound).toEqual([]);
  });

  it('NATO shortest path to forces ready goes through an NAC decision and a long enough turn', () => {
    const paths = getShortestPaths(ruleSet('nato').machine, {
      ...traversal(NATO_EVENTS),
      toState: (s: Snap) => s.value !== 'closed' && posture(s).forces === 'ready',
    } as never) as unknown as { steps: { event: RuleEvent; state: Snap }[] }[];
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) {
      const events = path.steps.map((s) => s.event);
      const i = events.findIndex((e) => e.type === 'proposal.submit');
      const last = events[events.length - 1];
      expect(i).toBeGreaterThanOrEqual(0);
      expect(last?.type).toBe('turn.begin');
      // The state before the last step was planning: ready never skips planning (N5).
      const before = path.steps[path.steps.length - 2]?.state;
      expect(before && posture(before).forces).toBe('planning');
    }
  });

  it('NATO simple paths over a small event set: forces are never ready without planning first, and Article 5 is never invoked by a turn alone', () => {
    const small = NATO_EVENTS.filter(
      (e) =>
        e.type !== 'proposal.submit' ||
        (e.proposal.meetingDay === LOW_DAY &&
          e.proposal.positions === POSITIONS.unanimous &&
          (e.proposal.intent === 'collective-defence' || e.proposal.intent === 'consult') &&
          e.proposal.situation.eventKind === 'armed-attack'),
    );
    expect(small.length).toBe(3 + 4);
    const paths = getSimplePaths(ruleSet('nato').machine, traversal(small) as never) as unknown as { steps: { event: RuleEvent; state: Snap }[] }[];
    expect(paths.length).toBeGreaterThan(10);
    let sawReady = false;
    for (const path of paths) {
      let planned = false;
      let previous: AlliancePosture | null = null;
      for (const step of path.steps) {
        if (step.state.value === 'closed') break;
        const p = posture(step.state);
        if (p.forces === 'planning') planned = true;
        if (p.forces === 'ready') {
          sawReady = true;
          expect(planned).toBe(true);
        }
        if (previous && previous.commitment !== 'invoked' && p.commitment === 'invoked' && step.event.type === 'turn.begin') {
          // Only a conditional Article 5 can be confirmed by a turn (N3), never one that was not asked for.
          expect(previous.commitment).toBe('conditional');
        }
        previous = p;
      }
    }
    expect(sawReady).toBe(true);
  });
});
