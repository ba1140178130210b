import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setLanguage } from '../../ui-kit/i18n';
import { PRESETS, parseScenario, resolveRuleSet, type GameState, type InstitutionalFeatures, type Scenario } from '../engine';
import { decisionName, procedureName, ruleSetName, stepText } from '../../ui-kit/format';
import { logFileName } from './debrief-screen';
import { labSpec, replayRuleSets } from '../rule-sets';
import { basePreset } from '../../ui-kit/rule-sets';
import { blocColor } from '../../ui-kit/theme';

function minimal(): Scenario {
  const path = join(import.meta.dirname, '../../../test/fixtures/scenarios/minimal.yaml');
  const result = parseScenario(readFileSync(path, 'utf8'), path);
  if (!result.ok) throw new Error('minimal.yaml does not parse');
  return result.scenario;
}

const step = (kind: Parameters<typeof stepText>[0]['kind'], outcome: Parameters<typeof stepText>[0]['outcome']) => ({ kind, outcome, rule: 'N2' as const, turn: 1, day: 0 });

describe('words for engine records', () => {
  it('names decisions from the rule set’s features, not its name', () => {
    setLanguage('en', false);
    expect(stepText(step('consultation', 'adopted'), PRESETS.nato)).toBe('Article 4 consultations in the North Atlantic Council: adopted');
    expect(stepText(step('ct-coordination', 'adopted'), PRESETS.sco)).toBe('RATS coordination: adopted');
    expect(stepText(step('collective-defence', 'declined'), PRESETS.sco)).toBe('Request for assistance: declined, as these rules do not provide for it here');
    expect(decisionName('collective-defence', PRESETS.csto)).toBe('Collective defence under Article 4 of the Collective Security Treaty');
    // The SCO with a mutual-defence clause: its Council of Foreign Ministers decides on it.
    const lab: InstitutionalFeatures = { ...PRESETS.sco, commitment: 'automatic' };
    expect(decisionName('collective-defence', lab)).toBe('Collective defence under Article 4 of the Collective Security Treaty');
    expect(decisionName('statement', lab)).toBe('Joint statement of the SCO Council of Foreign Ministers');
    setLanguage('kk', false);
    expect(stepText(step('statement', 'blocked'), PRESETS.sco)).toBe('ШЫҰ Сыртқы істер министрлері кеңесінің бірлескен мәлімдемесі: бұғатталды');
    setLanguage('en', false);
  });

  it('names each intent’s procedure', () => {
    setLanguage('en', false);
    expect(procedureName(PRESETS.nato, 'consult')).toBe('Request consultations under Article 4');
    expect(procedureName(PRESETS.sco, 'consult')).toBe('Ask for an extraordinary meeting of the SCO Council of Foreign Ministers');
    expect(procedureName(PRESETS.csto, 'consult')).toBe('Request consultations under Article 2 of the Collective Security Treaty');
    expect(procedureName(PRESETS.nato, 'collective-defence')).toBe('Seek collective defence under Article 5');
    expect(procedureName(PRESETS.csto, 'collective-defence')).toBe('Seek collective defence under Article 4 of the Collective Security Treaty');
  });

  it('names presets, the scenario’s own rule sets and design-lab specs', () => {
    setLanguage('en', false);
    const scenario: Scenario = { ...minimal(), ruleSets: { 'sco-defence': { base: 'sco', name: { en: 'SCO with a defence clause' }, features: { commitment: 'automatic' } } } } as Scenario;
    expect(ruleSetName('csto', scenario)).toBe('CSTO rules');
    expect(ruleSetName('sco-defence', scenario)).toBe('SCO with a defence clause');
    expect(ruleSetName('sco+commitment=automatic', scenario)).toBe('SCO rules, changed: Defence commitment = automatic');
    expect(basePreset('sco-defence+command=rapid-reaction', scenario.ruleSets)).toBe('sco');
    expect(blocColor('sco-defence', scenario.ruleSets)).toBe('sco');
    expect(blocColor('csto+council=nac', scenario.ruleSets)).toBe('csto');
    expect(replayRuleSets(scenario, 'nato')).toEqual(['sco', 'csto', 'sco-defence']);
  });

  it('writes only the changed features into a lab spec, which the engine resolves', () => {
    expect(labSpec('sco', { ...PRESETS.sco })).toBe('sco');
    const spec = labSpec('sco', { ...PRESETS.sco, command: 'rapid-reaction', commitment: 'automatic' });
    expect(spec).toBe('sco+commitment=automatic+command=rapid-reaction');
    expect(resolveRuleSet(spec).ok).toBe(true);
    expect(resolveRuleSet(labSpec('nato', { ...PRESETS.nato, decisionRule: 'majority' })).ok).toBe(false);
  });

  it('puts scenario, rules, seed and date in the log file name, safely', () => {
    const game = { scenario: { id: 'frontier-armed-attack' }, rules: 'sco', seed: 'a b/../c' } as unknown as GameState;
    expect(logFileName(game, new Date('2026-11-29T01:00:00Z'))).toBe('crisis-lab_frontier-armed-attack_sco_seed-a_b_c_2026-11-29.json');
    const lab = { ...game, rules: 'sco+commitment=automatic' } as GameState;
    expect(logFileName(lab, new Date('2026-11-29T01:00:00Z'))).toBe('crisis-lab_frontier-armed-attack_sco_commitment_automatic_seed-a_b_c_2026-11-29.json');
    // The player's name first, in any script, with nothing a file system could read as a path.
    expect(logFileName(game, new Date('2026-11-29T01:00:00Z'), ' Айгерим Нұрланқызы/../x ')).toBe('crisis-lab_Айгерим_Нұрланқызы_x_frontier-armed-attack_sco_seed-a_b_c_2026-11-29.json');
    expect(logFileName(game, new Date('2026-11-29T01:00:00Z'), '')).toBe('crisis-lab_frontier-armed-attack_sco_seed-a_b_c_2026-11-29.json');
  });
});
