import { describe, expect, it } from 'vitest';
import { readAssignment } from './assignment';

describe('the assignment link', () => {
  it('reads a preset, a design-lab spec (its + read back from spaces) and the other choices', () => {
    expect(readAssignment('?scenario=tutorial&rules=csto&seed=42&lock=1')).toEqual({ scenario: 'tutorial', rules: 'csto', seed: '42', lock: true });
    expect(readAssignment('?rules=sco+commitment=automatic+command=rapid-reaction').rules).toBe('sco+commitment=automatic+command=rapid-reaction');
    expect(readAssignment('?rules=sco%2Bcommitment%3Dautomatic').rules).toBe('sco+commitment=automatic');
    expect(readAssignment('?rules=&seed=%20')).toEqual({ scenario: null, rules: null, seed: null, lock: false });
  });
});
