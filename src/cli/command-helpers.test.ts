import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from './args';
import { ruleSpecs } from './command-helpers';

describe('rule-set options', () => {
  it('keeps every --feature, in order', () => {
    const a = parseArgs(['x.yaml', '--feature', 'a=b', '--rules=sco', '--feature=c=d'], ['rules'], [], ['feature']);
    expect(a.lists.get('feature')).toEqual(['a=b', 'c=d']);
    expect(a.options.get('rules')).toBe('sco');
  });

  it('appends the features to every rule set named, in the design lab notation', () => {
    expect(ruleSpecs('nato, sco,csto', [], true)).toEqual(['nato', 'sco', 'csto']);
    expect(ruleSpecs('sco', ['commitment=automatic'], false)).toEqual(['sco+commitment=automatic']);
    expect(ruleSpecs('nato,sco+fallback=none', ['decisionRule=majority', 'council=assembly'], true)).toEqual([
      'nato+decisionRule=majority+council=assembly',
      'sco+fallback=none+decisionRule=majority+council=assembly',
    ]);
  });

  it('refuses a missing --rules, several where one is played, and a feature not written key=value', () => {
    expect(() => ruleSpecs(undefined, [], false)).toThrow(UsageError);
    expect(() => ruleSpecs('nato,sco', [], false)).toThrow(/names one rule set/);
    expect(() => ruleSpecs('nato,,sco', [], true)).toThrow(/empty name/);
    for (const bad of ['commitment', '=automatic', 'a=b=c', 'a=b+c=d']) expect(() => ruleSpecs('sco', [bad], false)).toThrow(/--feature takes key=value/);
  });
});
