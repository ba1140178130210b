import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/load';
import { PRESETS } from '../rules/features';
import { resolveRuleSet } from '../rules/rule-set';
import { deterrenceOf, scoreOf } from './indicators';
import type { Indicators } from './types';

const parsed = parseScenario(readFileSync(join(__dirname, '../../../scenarios/frontier-armed-attack.yaml'), 'utf8'), 'f');
if (!parsed.ok) throw new Error('frontier-armed-attack is invalid');
const scenario = parsed.scenario;
const posture = { consultation: false, commitment: 'none', forces: 'none', coordination: false } as const;
const base = { scenario, features: PRESETS.nato, posture, contributions: {}, collectiveTexts: 0, cohesion: 0.75 };

describe('deterrence credibility', () => {
  it('rises with a public invocation, with forces ready and with cohesion', () => {
    const d = deterrenceOf(base);
    expect(deterrenceOf({ ...base, posture: { ...posture, commitment: 'invoked' } })).toBeGreaterThan(d);
    expect(deterrenceOf({ ...base, posture: { ...posture, forces: 'ready' } })).toBeGreaterThan(d);
    expect(deterrenceOf({ ...base, cohesion: 0.3 })).toBeLessThan(d);
  });

  it('is higher under a defence pledge than under a consultation pledge, all else equal (only the commitment feature differs)', () => {
    const lab = resolveRuleSet('sco+commitment=automatic');
    if (!lab.ok) throw new Error(lab.error);
    expect(deterrenceOf({ ...base, features: lab.value.features })).toBeGreaterThan(deterrenceOf({ ...base, features: PRESETS.sco }));
  });

  // docs/model.md: institutionalisation itself adds nothing (Leeds & Anac 2005); an integrated
  // command counts only through forces actually ready.
  it('an integrated command adds nothing by itself: without it deterrence is the same, and forces ready add the same', () => {
    const bare = resolveRuleSet('nato+command=none');
    if (!bare.ok) throw new Error(bare.error);
    const without = { ...base, features: bare.value.features };
    expect(deterrenceOf(without)).toBe(deterrenceOf(base));
    const ready = { ...posture, forces: 'ready' } as const;
    expect(deterrenceOf({ ...without, posture: ready })).toBe(deterrenceOf({ ...base, posture: ready }));
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
