// Rule sets by name: presets, the design lab's "+feature=value" notation, a scenario's own rule
// sets, and the errors a wrong name gives (each lists what would have been valid).
import { describe, expect, it } from 'vitest';
import { FEATURE_KEYS, PRESETS, PRESET_IDS, featureValues, incoherence } from './features';
import { resolveRuleSet, ruleSet, withFeatures } from './rule-set';

function resolved(spec: string, defined = {}) {
  const r = resolveRuleSet(spec, defined);
  if (!r.ok) throw new Error(`expected ${spec} to resolve: ${r.error}`);
  return r.value;
}

function refused(spec: string, defined = {}): string {
  const r = resolveRuleSet(spec, defined);
  if (r.ok) throw new Error(`expected ${spec} to be refused`);
  return r.error;
}

describe('resolveRuleSet', () => {
  it('resolves every preset to its features and one machine per feature set', () => {
    expect(PRESET_IDS).toEqual(['nato', 'sco', 'csto']);
    // The names stand apart from the presets (preset-ids.ts), for pages that load no rule: the same list.
    expect(Object.keys(PRESETS)).toEqual(PRESET_IDS);
    for (const id of PRESET_IDS) {
      const set = resolved(id);
      expect(set.id).toBe(id);
      expect(set.features).toEqual(PRESETS[id]);
      expect(incoherence(set.features)).toBeNull();
      // Built once: the same features give the same machine object.
      expect(set.machine).toBe(ruleSet(id).machine);
    }
    expect(resolved('nato').machine).not.toBe(resolved('sco').machine);
  });

  it('"sco+commitment=automatic" is the SCO with a binding clause and nothing else changed', () => {
    const set = resolved('sco+commitment=automatic');
    expect(set.id).toBe('sco+commitment=automatic');
    expect(set.features).toEqual({ ...PRESETS.sco, commitment: 'automatic' });
    expect(set.machine).not.toBe(ruleSet('sco').machine);
    // Swaps compose, and swapping a feature to the preset's own value gives the preset's machine.
    expect(resolved('sco+commitment=automatic+attribution=conditional').features).toEqual({
      ...PRESETS.sco,
      commitment: 'automatic',
      attribution: 'conditional',
    });
    expect(resolved('nato+command=integrated').machine).toBe(ruleSet('nato').machine);
  });

  it('an unknown feature names every feature', () => {
    const error = refused('sco+colour=red');
    expect(error).toContain('"colour"');
    for (const key of FEATURE_KEYS) expect(error).toContain(key);
  });

  it('an unknown value names the values the feature takes', () => {
    const error = refused('sco+commitment=maybe');
    expect(error).toContain('"maybe"');
    expect(error).toContain(featureValues('commitment').join(', '));
    expect(featureValues('commitment')).toEqual(['consultation-only', 'deems-necessary', 'automatic']);
  });

  it('an unknown rule set names the presets and the scenario’s own rule sets', () => {
    expect(refused('warsaw')).toContain('nato, sco, csto');
    const error = refused('warsaw', { 'nato-majority': { base: 'nato', features: { council: 'assembly', decisionRule: 'majority' } } });
    expect(error).toContain('"warsaw"');
    expect(error).toContain('nato, sco, csto, nato-majority');
  });

  it('a swap that is not feature=value is refused, naming it', () => {
    expect(refused('nato+council')).toContain('"council"');
    expect(refused('nato+=nac')).toContain('not feature=value');
  });

  it('an incoherent combination is refused with a sentence naming the features to change', () => {
    const error = refused('nato+decisionRule=majority');
    expect(error).toMatch(/decisionRule "majority" needs a body that votes/);
    expect(error).toContain('council');
    expect(error).toContain('assembly');
    // A sentence, not a code: it starts with the rule set and reads as words.
    expect(error.startsWith('rule set "nato+decisionRule=majority": ')).toBe(true);
    // The other way round too: an assembly that votes needs the majority rule.
    expect(refused('nato+council=assembly')).toContain('decisionRule');
    // And together they are coherent.
    expect(resolved('nato+council=assembly+decisionRule=majority').features).toMatchObject({ council: 'assembly', decisionRule: 'majority' });
  });

  it('a scenario’s own rule sets resolve from their base, may be swapped again, and may not refer to themselves', () => {
    const defined = {
      'sco-bound': { base: 'sco', features: { commitment: 'automatic' } },
      'sco-bound-conditional': { base: 'sco-bound', features: { attribution: 'conditional' } },
      loop: { base: 'loop' },
      broken: { base: 'nato', features: { decisionRule: 'majority' } },
    };
    expect(resolved('sco-bound', defined).features).toEqual({ ...PRESETS.sco, commitment: 'automatic' });
    expect(resolved('sco-bound-conditional', defined).features).toMatchObject({ commitment: 'automatic', attribution: 'conditional' });
    expect(resolved('sco-bound+command=rapid-reaction', defined).features).toMatchObject({ commitment: 'automatic', command: 'rapid-reaction' });
    expect(refused('loop', defined)).toContain('in terms of itself');
    expect(refused('broken', defined)).toContain('rule set "broken"');
  });
});

describe('withFeatures', () => {
  it('changes the named features and keeps the rest', () => {
    const r = withFeatures(PRESETS.csto, { memberDisputes: 'taken-up' });
    expect(r).toEqual({ ok: true, value: { ...PRESETS.csto, memberDisputes: 'taken-up' } });
    expect(withFeatures(PRESETS.nato, {})).toEqual({ ok: true, value: PRESETS.nato });
  });

  it('names the valid features and values when a change is unknown', () => {
    const key = withFeatures(PRESETS.nato, { speed: 'fast' });
    expect(key.ok).toBe(false);
    if (!key.ok) expect(key.error).toBe(`unknown feature "speed"; the features are: ${FEATURE_KEYS.join(', ')}`);
    const value = withFeatures(PRESETS.nato, { cyber: 'never' });
    expect(value.ok).toBe(false);
    if (!value.ok) expect(value.error).toBe(`feature cyber has no value "never"; it takes: ${featureValues('cyber').join(', ')}`);
  });

  it('refuses every incoherent combination incoherence() names, with its sentence', () => {
    const cases: [keyof typeof PRESETS, Record<string, string>, RegExp][] = [
      ['nato', { decisionRule: 'majority' }, /council/],
      ['sco', { attribution: 'conditional' }, /commitment/],
      ['sco', { command: 'integrated' }, /commitment/],
      ['sco', { unrest: 'foreign-trained' }, /commitment/],
    ];
    for (const [base, change, names] of cases) {
      const r = withFeatures(PRESETS[base], change);
      expect(r.ok, JSON.stringify(change)).toBe(false);
      if (!r.ok) {
        expect(r.error).toMatch(names);
        expect(r.error).toMatch(/^[a-zA-Z]+ "[^"]+" .+: set [a-zA-Z]+ to "/);
      }
    }
  });
});
