import { describe, expect, it } from 'vitest';
import { setLanguage } from '../i18n';
import { stepLabel } from './format';
import { logFileName } from './debrief-screen';
import type { GameState } from '../engine';

describe('words for engine records', () => {
  it('names a step code in the rule set’s own terms', () => {
    setLanguage('en', false);
    expect(stepLabel('consultation-adopted', 'nato')).toBe('Article 4 consultations in the North Atlantic Council: adopted');
    expect(stepLabel('ct-coordination-adopted', 'sco')).toBe('RATS coordination: adopted');
    expect(stepLabel('collective-defence-declined', 'sco')).toBe('Request for assistance: not provided for by these rules');
    expect(stepLabel('something-new', 'sco')).toBe('something-new');
    setLanguage('kk', false);
    expect(stepLabel('statement-blocked', 'sco')).toBe('ШЫҰ-ның бірлескен мәлімдемесі: бұғатталды');
    setLanguage('en', false);
  });

  it('puts scenario, rules, seed and date in the log file name, safely', () => {
    const game = { scenario: { id: 'frontier-armed-attack' }, rules: 'sco', seed: 'a b/../c' } as unknown as GameState;
    expect(logFileName(game, new Date('2026-11-29T01:00:00Z'))).toBe('crisis-lab_frontier-armed-attack_sco_seed-a_b_c_2026-11-29.json');
  });
});
