// An independent oracle for the rulebook machine: a plain reducer written from the rule texts
// (../shared/domain/alliance-rules.md, csto-and-calibration.md), the feature catalogue's
// descriptions (src/engine/rules/features.ts) and the statement of the semantics. It
// neither imports nor calls the machine or its guards: only types, so the two can disagree.
// Given a rule set's features, where the alliance stands and one event, it says whether the
// machine should take the event (snapshot.can), what it should put on the record, and where the
// alliance stands afterwards.
import type { InstitutionalFeatures } from '../../src/engine/rules/features';
import type { RuleId } from '../../src/engine/rules/rulebook';
import type { Proposal, RuleEvent } from '../../src/engine/rules/types';
import type { IntentId } from '../../src/engine/scenario/schema';
import type { DecisionKind, DecisionOutcome, Position, Situation, StateId } from '../../src/engine/game/types';

// The numbers the rule texts and the feature catalogue give, written down again on purpose.
/** N3: attributed "more likely than not, and then some". */
export const ORACLE_ATTRIBUTION = 0.7;
/** N6: cumulative cyber/hybrid severity from which the effect counts like an armed attack. */
export const ORACLE_CYBER_CUMULATIVE = 8;
/** N7: a serious military threat, with broad support, moves posture after Article 4. */
export const ORACLE_POSTURE_SEVERITY = 3;
export const ORACLE_POSTURE_EVENTS: readonly string[] = ['armed-attack', 'airspace-incident', 'hybrid-campaign'];
export const ORACLE_POSTURE_SHARE = 0.6;
/** N5: the Allied Reaction Force is ready within 10 days; C4: CSTO forces the next day. */
export const ORACLE_READY_DAYS = { integrated: 10, 'rapid-reaction': 1 } as const;

/** The intents the alliance's bodies handle (acting alone and de-escalating are national). */
export const ALLIANCE_INTENTS: readonly IntentId[] = ['consult', 'collective-defence', 'joint-statement', 'ct-cooperation', 'suspend-member'];

export interface OracleState {
  closed: boolean;
  consultation: boolean;
  commitment: 'none' | 'conditional' | 'invoked';
  forces: 'none' | 'planning' | 'ready';
  /** Day the forces on the way are ready, and the request that set them moving. */
  readyDay: number | null;
  forcesFor: IntentId | null;
  coordination: boolean;
  /** Whether the members are bound by a collective-defence decision. */
  bound: boolean;
  /** Requests waiting for their sitting, in the order they came. */
  agenda: Proposal[];
}

/** What the machine should record. Fields left out are not prescribed by the rules. */
export interface ExpectedRecord {
  kind: DecisionKind;
  intent: IntentId;
  proposal: number;
  outcome: DecisionOutcome;
  rule?: RuleId;
  blockedBy: StateId[];
  endorsedBy?: StateId[];
}

export interface OracleStep {
  /** Whether the machine takes the event at all (snapshot.can). */
  admitted: boolean;
  records: ExpectedRecord[];
  next: OracleState;
}

export const ORACLE_START: OracleState = {
  closed: false,
  consultation: false,
  commitment: 'none',
  forces: 'none',
  readyDay: null,
  forcesFor: null,
  coordination: false,
  bound: false,
  agenda: [],
};

interface Counted {
  support: StateId[];
  object: StateId[];
  abstain: StateId[];
  stayOut: StateId[];
  all: StateId[];
}

function count(positions: Record<StateId, Position>): Counted {
  const members = Object.keys(positions).sort();
  const who = (p: Position) => members.filter((m) => positions[m] === p);
  return { support: who('support'), object: who('object'), abstain: who('abstain'), stayOut: who('stay-out'), all: members };
}

const KIND: Record<string, DecisionKind> = {
  consult: 'consultation',
  'collective-defence': 'collective-defence',
  'joint-statement': 'statement',
  'ct-cooperation': 'ct-coordination',
  'suspend-member': 'suspension',
};

const isCyber = (s: Situation) => s.eventKind === 'cyber-attack' || s.eventKind === 'hybrid-campaign';
/** A clash between two members: the situation names the other party (or the event is one). */
const isClash = (s: Situation) => s.clashWith !== null || s.eventKind === 'member-clash';

/** The rule a decision rule's adopted text cites (features.ts: consensus N2, no-objection S1, ...). */
const DECISION_RULE: Record<InstitutionalFeatures['decisionRule'], RuleId> = {
  consensus: 'N2',
  'no-objection': 'S1',
  'csto-consensus': 'C3',
  majority: 'L1',
};
/** The rule a block cites: one objection blocks a joint text under no-objection consensus (S2). */
const BLOCK_RULE: Record<InstitutionalFeatures['decisionRule'], RuleId> = {
  consensus: 'N2',
  'no-objection': 'S2',
  'csto-consensus': 'C3',
  majority: 'L1',
};
/** Who convenes consultations: Article 4 at the NAC (N1), the CFM's two callers (S7), Art. 2 (C1). */
function consultRule(f: InstitutionalFeatures): RuleId {
  if (f.council === 'cfm') return 'S7';
  if (f.council === 'csc') return 'C1';
  return 'N1';
}

export function oracleStep(f: InstitutionalFeatures, s: OracleState, e: RuleEvent): OracleStep {
  const refuse: OracleStep = { admitted: false, records: [], next: s };
  if (s.closed) return refuse;
  switch (e.type) {
    case 'turn.begin':
      return turnBegin(f, s, e);
    case 'proposal.submit':
      return submit(f, s, e.proposal) ?? refuse;
    case 'council.sit': {
      const proposal = s.agenda.find((p) => p.id === e.sitting.proposal);
      if (!proposal) return refuse;
      return sit(f, { ...s, agenda: s.agenda.filter((p) => p !== proposal) }, proposal, count(e.sitting.positions), e.sitting.situation);
    }
    case 'crisis.end':
      return {
        admitted: true,
        records: s.agenda.map((p) => ({ kind: KIND[p.intent]!, intent: p.intent, proposal: p.id, outcome: 'lapsed', blockedBy: [] })),
        next: { ...s, agenda: [], closed: true },
      };
  }
}

function turnBegin(f: InstitutionalFeatures, s: OracleState, e: Extract<RuleEvent, { type: 'turn.begin' }>): OracleStep {
  const records: ExpectedRecord[] = [];
  let next = { ...s };
  // Forces already on the way are ready once their day falls before this turn ends (N5, C4).
  if (next.forces === 'planning' && next.readyDay !== null && next.readyDay < e.endDay) {
    records.push({
      kind: 'posture',
      intent: next.forcesFor ?? 'collective-defence',
      proposal: 0,
      outcome: 'adopted',
      rule: f.command === 'rapid-reaction' ? 'C4' : 'N5',
      blockedBy: [],
    });
    next.forces = 'ready';
  }
  // N3: a conditional Article 5 is confirmed once the attack is attributed (2 Oct 2001).
  if (next.commitment === 'conditional' && e.attribution >= ORACLE_ATTRIBUTION) {
    records.push({ kind: 'collective-defence', intent: 'collective-defence', proposal: 0, outcome: 'adopted', rule: 'N3', blockedBy: [] });
    next = invoke(f, next, e.day);
  }
  return { admitted: true, records, next };
}

/** Collective defence in force: members bound, and forces planned where the alliance has them. */
function invoke(f: InstitutionalFeatures, s: OracleState, day: number): OracleState {
  return planForces(f, { ...s, commitment: 'invoked', bound: true }, day, 'collective-defence');
}

function planForces(f: InstitutionalFeatures, s: OracleState, day: number, intent: IntentId): OracleState {
  if (f.command === 'none' || s.forces !== 'none') return s;
  return { ...s, forces: 'planning', readyDay: day + ORACLE_READY_DAYS[f.command], forcesFor: intent };
}

/**
 * A request: null when the machine should not take it at all. What makes a request impossible
 * (its intent already on the agenda, a commitment already in force, coordination already running,
 * no clause or no clash to suspend over, nothing to defend against) is asked first; only a request
 * that can be made is then declined at once or put on the agenda.
 */
function submit(f: InstitutionalFeatures, s: OracleState, p: Proposal): OracleStep | null {
  const sit = p.situation;
  if (!ALLIANCE_INTENTS.includes(p.intent)) return null;
  if (s.agenda.some((q) => q.intent === p.intent)) return null;
  const now = (outcome: DecisionOutcome, rule: RuleId): OracleStep => ({
    admitted: true,
    records: [{ kind: KIND[p.intent]!, intent: p.intent, proposal: p.id, outcome, rule, blockedBy: [] }],
    next: s,
  });
  const onAgenda: OracleStep = { admitted: true, records: [], next: { ...s, agenda: [...s.agenda, p] } };
  switch (p.intent) {
    case 'collective-defence':
      if (s.commitment !== 'none') return null;
      if (sit.eventKind === null) return null;
      if (f.commitment === 'consultation-only') return now('declined', 'S4');
      if (f.memberDisputes === 'calls-for-calm' && isClash(sit)) return now('declined', 'C6');
      if (f.unrest === 'not-aggression' && (sit.eventKind === 'unrest' || sit.eventKind === 'member-clash')) return now('declined', 'N3');
      if (f.unrest === 'foreign-trained' && sit.eventKind === 'unrest' && sit.attribution < ORACLE_ATTRIBUTION) return now('declined', 'C5');
      return onAgenda;
    case 'consult':
    case 'joint-statement':
      if (f.memberDisputes === 'off-agenda' && isClash(sit)) return now('declined', 'S5');
      if (f.memberDisputes === 'calls-for-calm' && p.intent === 'joint-statement' && isClash(sit)) return now('adopted', 'C6');
      return onAgenda;
    case 'ct-cooperation':
      return s.coordination ? null : onAgenda;
    case 'suspend-member':
      return f.suspension === 'no-clause' || !isClash(sit) ? null : onAgenda;
    default:
      return null;
  }
}

function blocks(f: InstitutionalFeatures, t: Counted): boolean {
  return f.decisionRule === 'majority' ? t.object.length >= t.support.length : t.object.length > 0;
}

/** The body sits on one proposal (already off the agenda in `s`). */
function sit(f: InstitutionalFeatures, s: OracleState, p: Proposal, t: Counted, sit: Situation): OracleStep {
  const records: ExpectedRecord[] = [];
  const put = (kind: DecisionKind, outcome: DecisionOutcome, rule: RuleId, blockedBy: StateId[] = [], endorsedBy?: StateId[]) =>
    records.push({ kind, intent: p.intent, proposal: p.id, outcome, rule, blockedBy, ...(endorsedBy ? { endorsedBy } : {}) });

  /** A measure objectors may block, with the ways round a block the rule set has; true when it passes (for all or a subset). */
  const measure = (kind: DecisionKind, adoptedRule: RuleId): 'adopted' | 'subset' | 'blocked' => {
    if (blocks(f, t)) {
      if (f.forumShifting === 'planning-committee') {
        put(kind, 'subset', 'L2', t.object, t.support);
        return 'subset';
      }
      if (f.fallback === 'willing-go-ahead' && t.support.length >= 2) {
        put(kind, 'subset', kind === 'statement' ? 'S2' : 'S7', t.object, t.support);
        return 'subset';
      }
      put(kind, 'blocked', BLOCK_RULE[f.decisionRule], t.object);
      return 'blocked';
    }
    put(kind, 'adopted', adoptedRule, [], t.support);
    return 'adopted';
  };

  let next = s;
  switch (p.intent) {
    case 'consult': {
      if (f.agenda === 'two-members') {
        const cosponsors = t.support.filter((m) => m !== p.requester && m !== p.proposer);
        if (cosponsors.length === 0 || t.object.length > 0) {
          put('consultation', 'blocked', 'S7', t.object);
          break;
        }
      }
      put('consultation', 'adopted', consultRule(f));
      next = { ...next, consultation: true };
      const statement = measure('statement', f.council === 'nac' ? 'N7' : DECISION_RULE[f.decisionRule]);
      const share = t.all.length === 0 ? 0 : t.support.length / t.all.length;
      if (
        statement === 'adopted' &&
        f.command === 'integrated' &&
        ORACLE_POSTURE_EVENTS.includes(sit.eventKind ?? '') &&
        sit.severity >= ORACLE_POSTURE_SEVERITY &&
        share >= ORACLE_POSTURE_SHARE
      ) {
        put('posture', 'adopted', 'N7', [], t.support);
        next = planForces(f, next, p.meetingDay, 'consult');
      }
      break;
    }
    case 'joint-statement':
      measure('statement', DECISION_RULE[f.decisionRule]);
      break;
    case 'collective-defence': {
      const withholding = [...t.object, ...t.abstain, ...t.stayOut].sort();
      if (f.cyber === 'case-by-case' && isCyber(sit) && sit.cumulativeCyber < ORACLE_CYBER_CUMULATIVE && withholding.length > 0) {
        put('collective-defence', 'blocked', 'N6', withholding);
        break;
      }
      if (f.cyber === 'armed-attack-only' && isCyber(sit)) {
        put('collective-defence', 'declined', 'C2');
        break;
      }
      if (blocks(f, t)) {
        if (measure('collective-defence', 'N3') === 'subset') next = invoke(f, next, p.meetingDay);
        break;
      }
      if (f.attribution === 'conditional' && sit.attribution < ORACLE_ATTRIBUTION) {
        put('collective-defence', 'conditional', 'N3', [], t.support);
        next = { ...next, commitment: 'conditional' };
        break;
      }
      put('collective-defence', 'adopted', f.commitment === 'automatic' ? 'C2' : 'N3', [], t.support);
      next = invoke(f, next, p.meetingDay);
      break;
    }
    case 'ct-cooperation': {
      let outcome: 'adopted' | 'subset' | 'blocked';
      if (f.counterTerrorism === 'standing-body' && f.fallback === 'willing-go-ahead') {
        if (t.support.length < 2) {
          put('ct-coordination', 'blocked', 'S7', t.object);
          outcome = 'blocked';
        } else if (blocks(f, t)) {
          put('ct-coordination', 'subset', 'S7', t.object, t.support);
          outcome = 'subset';
        } else {
          put('ct-coordination', 'adopted', 'S6', [], t.support);
          outcome = 'adopted';
        }
      } else {
        outcome = measure('ct-coordination', f.counterTerrorism === 'standing-body' ? 'S6' : DECISION_RULE[f.decisionRule]);
      }
      if (outcome !== 'blocked') next = { ...next, coordination: true };
      break;
    }
    case 'suspend-member': {
      const others = t.object.filter((m) => m !== sit.clashWith);
      if (others.length > 0) put('suspension', 'blocked', 'S3', others);
      else put('suspension', 'adopted', 'S3');
      break;
    }
  }
  return { admitted: true, records, next };
}

/** Where the alliance stands, in the terms the machine's tags give (postureOf). */
export function oraclePosture(s: OracleState) {
  return { consultation: s.consultation, commitment: s.commitment, forces: s.forces, coordination: s.coordination };
}
