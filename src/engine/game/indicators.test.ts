import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/load';
import { PRESETS } from '../rules/features';
import { resolveRuleSet } from '../rules/rule-set';
import { packValues } from '../model/parameters';
import { deterrenceOf, helpEstimate, legitimacyAfterDecisions, scoreOf, signalWeight, type DeterrenceInputs } from './indicators';
import type { CreditedStep, DecisionRecord } from './types';
import { stateById } from '../scenario/scenario-index';
import type { Indicators, Position, Situation } from './types';

const parsed = parseScenario(readFileSync(join(__dirname, '../../../scenarios/frontier-armed-attack.yaml'), 'utf8'), 'f');
if (!parsed.ok) throw new Error('frontier-armed-attack is invalid');
const scenario = parsed.scenario;
const posture = { consultation: false, commitment: 'none', forces: 'none', coordination: false } as const;
const situation: Situation = { eventKind: 'armed-attack', severity: 4, attribution: 0.9, cumulativeCyber: 0, attackedOn: 'territory', clashWith: null, threat: { kind: 'armed-attack', severity: 4 } };
const memory: DeterrenceInputs['memory'] = { contributions: {}, collectiveTexts: 0, stances: {}, perception: {} };
const base: DeterrenceInputs = { scenario, features: PRESETS.nato, params: packValues('baseline'), posture, memory, cohesion: 0.75, situation };

function featuresOf(spec: string) {
  const r = resolveRuleSet(spec);
  if (!r.ok) throw new Error(r.error);
  return r.value.features;
}

/** Every member but the player answered `position` on collective defence. */
function everyoneSaid(position: Position): DeterrenceInputs['memory'] {
  const said = Object.fromEntries(
    scenario.alliance.members.map((m) => [m, { position, basis: { event: 'armed-attack' as const, severity: 4, attribution: 9, clash: null } }]),
  );
  return { ...memory, stances: { 'collective-defence': said } } as DeterrenceInputs['memory'];
}

describe('deterrence credibility', () => {
  it('rises with a public invocation, with forces ready and with cohesion', () => {
    const d = deterrenceOf(base);
    expect(deterrenceOf({ ...base, posture: { ...posture, commitment: 'conditional' } })).toBeGreaterThan(d);
    expect(deterrenceOf({ ...base, posture: { ...posture, commitment: 'invoked' } })).toBeGreaterThan(deterrenceOf({ ...base, posture: { ...posture, commitment: 'conditional' } }));
    expect(deterrenceOf({ ...base, posture: { ...posture, forces: 'ready' } })).toBeGreaterThan(d);
    expect(deterrenceOf({ ...base, cohesion: 0.3 })).toBeLessThan(d);
  });

  it('a defence pledge deters more than a consultation pledge through its prior, and alike when a pack sets the two priors equal', () => {
    const pledge = { ...base, features: featuresOf('sco+commitment=automatic') };
    const consult = { ...base, features: PRESETS.sco };
    expect(deterrenceOf(pledge)).toBeGreaterThan(deterrenceOf(consult));
    const realist = packValues('realist');
    expect(realist.priorDefence).toBe(realist.priorConsultation);
    expect(deterrenceOf({ ...pledge, params: realist })).toBe(deterrenceOf({ ...consult, params: realist }));
  });

  it('an integrated command adds nothing by itself under the baseline reading (Leeds & Anac 2005), and adds under the study\'s', () => {
    const without = { ...base, features: featuresOf('nato+command=none') };
    expect(deterrenceOf(without)).toBe(deterrenceOf(base));
    const study = packValues('study');
    expect(study.institutionalisation).toBeGreaterThan(0);
    expect(deterrenceOf({ ...base, params: study })).toBeGreaterThan(deterrenceOf({ ...without, params: study }));
  });

  it('reads what allies said: members that objected to collective defence deter less than members that supported it', () => {
    const objected = deterrenceOf({ ...base, memory: everyoneSaid('object') });
    const abstained = deterrenceOf({ ...base, memory: everyoneSaid('abstain') });
    const supported = deterrenceOf({ ...base, memory: everyoneSaid('support') });
    expect(objected).toBeLessThan(abstained);
    expect(abstained).toBeLessThan(supported);
  });

  it('counts help already given above what was expected', () => {
    const given = Object.fromEntries(scenario.alliance.members.map((m) => [m, 'forces' as const]));
    expect(deterrenceOf({ ...base, memory: { ...memory, contributions: given } })).toBeGreaterThan(deterrenceOf(base));
  });

  it('counts a nuclear ally: without nuclear weapons among the allies it is lower', () => {
    const denuclearised = {
      ...scenario,
      states: scenario.states.map((s) => ({ ...s, profile: { ...s.profile, nuclear: false } })),
    };
    expect(deterrenceOf({ ...base, scenario: denuclearised })).toBeLessThan(deterrenceOf(base));
  });
});

describe('score', () => {
  const ind: Indicators = {
    escalation: 1,
    casualties: 0,
    deterrence: 1,
    cohesion: 1,
    autonomy: 1,
    entrapment: 0,
    legitimacy: 1,
    daysToFirstCollectiveMeasure: 0,
  };
  it('is 100 when every objective is met in full and falls as they are missed', () => {
    const s = { ...scenario, player: { ...scenario.player, objectives: { deterrence: 1, escalation: -1 } } };
    expect(scoreOf(s, ind)).toBe(100);
    expect(scoreOf(s, { ...ind, escalation: 5 })).toBe(50);
    expect(scoreOf(s, { ...ind, escalation: 5, deterrence: 0 })).toBe(0);
  });
});

describe('what a stance tells the adversary', () => {
  const said = (intent: 'joint-statement' | 'collective-defence', position: Position): DeterrenceInputs['memory'] => {
    const basis = { event: 'armed-attack' as const, severity: 4, attribution: 9, clash: null };
    return { ...memory, stances: { [intent]: { USA: { position, basis } } } } as DeterrenceInputs['memory'];
  };
  const usa = stateById(scenario, 'USA')!.profile;

  it('weighs each request by what it asks: consultation and statements are cheap, collective defence is not', () => {
    expect(signalWeight('consult')).toBeLessThan(signalWeight('joint-statement'));
    expect(signalWeight('joint-statement')).toBeLessThan(signalWeight('collective-defence'));
    expect(signalWeight('collective-defence')).toBe(1);
  });

  it('moves the estimate of an ally less for backing a statement than for backing collective defence, either way', () => {
    const silent = helpEstimate(base, 'USA', usa);
    const move = (intent: 'joint-statement' | 'collective-defence', position: Position) =>
      Math.abs(helpEstimate({ ...base, memory: said(intent, position) }, 'USA', usa) - silent);
    expect(move('joint-statement', 'object')).toBeLessThan(move('collective-defence', 'object'));
    expect(move('joint-statement', 'object')).toBeGreaterThan(0);
  });

  it('reads the costliest request an ally answered, whatever order the memory holds them in', () => {
    const basis = { event: 'armed-attack' as const, severity: 4, attribution: 9, clash: null };
    const a = { ...memory, stances: { 'joint-statement': { USA: { position: 'support', basis } }, 'collective-defence': { USA: { position: 'object', basis } } } };
    const b = { ...memory, stances: { 'collective-defence': { USA: { position: 'object', basis } }, 'joint-statement': { USA: { position: 'support', basis } } } };
    const estimate = (m: typeof a) => helpEstimate({ ...base, memory: m as DeterrenceInputs['memory'] }, 'USA', usa);
    expect(estimate(a)).toBe(estimate(b));
    expect(estimate(a)).toBe(helpEstimate({ ...base, memory: said('collective-defence', 'object') }, 'USA', usa));
  });
});

describe('legitimacy', () => {
  const decision = (proposal: number, kind: DecisionRecord['kind'], outcome: DecisionRecord['outcome']): DecisionRecord =>
    ({ turn: 1, day: 1, kind, intent: 'joint-statement', proposal, proposer: 'EST', outcome, rule: 'N2', blockedBy: [], endorsedBy: [], collective: true }) as unknown as DecisionRecord;

  it('credits each kind of success once: the same statement adopted again adds nothing', () => {
    const credited: CreditedStep[] = [];
    const first = legitimacyAfterDecisions(0.5, [decision(1, 'statement', 'adopted')], credited);
    expect(first).toBeGreaterThan(0.5);
    expect(credited).toEqual(['statement']);
    expect(legitimacyAfterDecisions(first, [decision(2, 'statement', 'adopted')], credited)).toBe(first);
    expect(legitimacyAfterDecisions(first, [decision(3, 'posture', 'adopted')], credited)).toBeGreaterThan(first);
  });

  it('charges every block: repeated failure shows disunity', () => {
    const credited: CreditedStep[] = [];
    const once = legitimacyAfterDecisions(0.5, [decision(1, 'statement', 'blocked')], credited);
    expect(once).toBeLessThan(0.5);
    expect(legitimacyAfterDecisions(once, [decision(2, 'statement', 'blocked')], credited)).toBeLessThan(once);
  });
});
