import { describe, expect, it } from 'vitest';
import { chosenPack, readAssignment } from './assignment';

describe('the assignment link', () => {
  it('reads a preset, a design-lab spec (its + read back from spaces) and the other choices', () => {
    expect(readAssignment('?scenario=tutorial&rules=csto&seed=42&lock=1')).toEqual({ scenario: 'tutorial', rules: 'csto', seed: '42', pack: null, lock: true });
    expect(readAssignment('?rules=sco+commitment=automatic+command=rapid-reaction').rules).toBe('sco+commitment=automatic+command=rapid-reaction');
    expect(readAssignment('?rules=sco%2Bcommitment%3Dautomatic').rules).toBe('sco+commitment=automatic');
    expect(readAssignment('?rules=&seed=%20')).toEqual({ scenario: null, rules: null, seed: null, pack: null, lock: false });
  });

  it('reads the reading of the research (parameter pack), known or not, for the start screen to check', () => {
    expect(readAssignment('?scenario=tutorial&rules=nato&seed=1&pack=sceptic&lock=1')).toEqual({ scenario: 'tutorial', rules: 'nato', seed: '1', pack: 'sceptic', lock: true });
    expect(readAssignment('?pack=%20Realist%20').pack).toBe('realist');
    expect(readAssignment('?pack=nonsense').pack).toBe('nonsense');
    expect(readAssignment('?pack=').pack).toBeNull();
  });

  it('plays a locked link’s pack, else the student’s pick, the link’s, the scenario’s, baseline', () => {
    expect(chosenPack('realist', 'sceptic', 'study', true)).toBe('sceptic');
    expect(chosenPack('realist', 'sceptic', 'study', false)).toBe('realist');
    expect(chosenPack(null, 'sceptic', 'study', false)).toBe('sceptic');
    expect(chosenPack(null, null, 'study', false)).toBe('study');
    expect(chosenPack(null, null, undefined, false)).toBe('baseline');
    // A pack the engine does not know is passed over, locked or not.
    expect(chosenPack(null, 'nonsense', 'study', true)).toBe('study');
    expect(chosenPack('realist', 'nonsense', undefined, true)).toBe('realist');
  });
});
