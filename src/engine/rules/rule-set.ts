// The two rule sets behind one interface: their machines, the days their bodies need to sit,
// what their treaty pledges, and which requests their procedures allow.
import { createActor, type AnyActor, type AnyStateMachine } from 'xstate';
import type { IntentId, RuleSetId } from '../scenario/schema';
import type { AllianceSnapshot, RuleId, Situation, StateId } from '../game/types';
import { NAC_MEETING_DAYS, natoRules } from './nato-rules';
import { CFM_MEETING_DAYS, RATS_DAYS, scoRules } from './sco-rules';
import type { AlliancePosture, RuleContext, RuleEvent } from './types';

export interface RuleSet {
  id: RuleSetId;
  machine: AnyStateMachine;
  /** Days from a request to the sitting of the body that decides it. */
  meetingDays(intent: IntentId): readonly [number, number];
  /** The treaty's pledge as ATOP codes it: a defence pledge (N3) or consultation only (S4). */
  pledge: 'defence' | 'consultation';
  /** The rule that governs each intent's procedure, shown next to it in the decision panel. */
  ruleFor(intent: IntentId): RuleId;
  /** Why a request cannot be made now under this rule set, or null when it can. */
  refusal(intent: IntentId, posture: AlliancePosture, situation: Situation): string | null;
}

// The rule that governs each intent's procedure: asked for every intent every turn, so built once.
const NATO_RULE_FOR: Record<IntentId, RuleId> = {
  consult: 'N1',
  'collective-defence': 'N3',
  'joint-statement': 'N2',
  'ct-cooperation': 'N2',
  'suspend-member': 'N2',
  'act-alone': 'N4',
  'de-escalate': 'N4',
};

const SCO_RULE_FOR: Record<IntentId, RuleId> = {
  consult: 'S7',
  'collective-defence': 'S4',
  'joint-statement': 'S1',
  'ct-cooperation': 'S6',
  'suspend-member': 'S3',
  'act-alone': 'S4',
  'de-escalate': 'S4',
};

const nato: RuleSet = {
  id: 'nato',
  machine: natoRules,
  meetingDays: () => NAC_MEETING_DAYS,
  pledge: 'defence',
  ruleFor: (intent) => NATO_RULE_FOR[intent],
  refusal(intent, posture, situation) {
    if (intent === 'collective-defence') {
      if (posture.commitment === 'invoked') return 'already-invoked';
      if (posture.commitment === 'conditional') return 'awaiting-attribution';
      if (!isAttack(situation)) return 'no-attack';
    }
    if (intent === 'ct-cooperation' && posture.coordination) return 'already-active';
    if (intent === 'suspend-member') return 'no-suspension-clause';
    return null;
  },
};

const sco: RuleSet = {
  id: 'sco',
  machine: scoRules,
  meetingDays: (intent) => (intent === 'ct-cooperation' ? RATS_DAYS : CFM_MEETING_DAYS),
  pledge: 'consultation',
  ruleFor: (intent) => SCO_RULE_FOR[intent],
  refusal(intent, posture, situation) {
    if (intent === 'collective-defence' && !isAttack(situation)) return 'no-attack';
    if (intent === 'ct-cooperation' && posture.coordination) return 'already-active';
    if (intent === 'suspend-member' && !situation.clashWith) return 'no-clash';
    return null;
  },
};

/** Any event at all lets the player ask; whether the treaty answers is the machine's decision. */
function isAttack(situation: Situation): boolean {
  return situation.eventKind !== null;
}

export const RULE_SET_BY_ID: Record<RuleSetId, RuleSet> = { nato, sco };

export function ruleSet(id: RuleSetId): RuleSet {
  return RULE_SET_BY_ID[id];
}

// The machine's snapshot lives in the game state as plain { value, context }, so a game can be
// saved as JSON. Between turns the engine keeps the machine's running actor beside that saved
// form (a weak map, nothing global that outlives the game): handing an event to a running actor
// costs a fraction of rebuilding the machine's state from its saved form each time. An actor is
// taken out of the map when used, so a saved form played twice (a counterfactual branch, a
// resumed game) rebuilds its own actor and never shares one.
const running = new WeakMap<AllianceSnapshot, AnyActor>();

function saveFrom(actor: AnyActor): AllianceSnapshot {
  const snapshot = actor.getSnapshot();
  const saved = { value: snapshot.value, context: snapshot.context };
  running.set(saved, actor);
  return saved;
}

export function startAlliance(rules: RuleSet, members: StateId[]): AllianceSnapshot {
  return saveFrom(createActor(rules.machine, { input: { members } }).start());
}

export function sendToAlliance(rules: RuleSet, saved: AllianceSnapshot, event: RuleEvent): AllianceSnapshot {
  let actor = running.get(saved);
  if (actor) running.delete(saved);
  else {
    const snapshot = rules.machine.resolveState({ value: saved.value as never, context: saved.context as never });
    actor = createActor(rules.machine, { snapshot }).start();
  }
  actor.send(event);
  return saveFrom(actor);
}

export function allianceContext(saved: AllianceSnapshot): RuleContext {
  return saved.context as RuleContext;
}

export function readPosture(saved: AllianceSnapshot): AlliancePosture {
  const value = saved.value as { active?: Record<string, string> } | string;
  const regions = typeof value === 'object' && value.active ? value.active : {};
  const forces = regions.forces;
  return {
    consultation: regions.consultation === 'convened',
    commitment: regions.commitment === 'invoked' || regions.commitment === 'conditional' ? regions.commitment : 'none',
    forces: forces === 'planning' || forces === 'ready' ? forces : 'none',
    coordination: regions.coordination === 'active',
  };
}
