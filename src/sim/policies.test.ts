// The bots play every rule set alike: they read what they may ask for from intentOptions, never
// from a rule set's name, so a preset, a scenario's own rule set and a design-lab spec all work.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { intentOptions } from '../engine/game/intents';
import { newGame, playTurn } from '../engine/game/game';
import { loadScenarioFile } from '../cli/scenario-file';
import { POLICY_NAMES, policyByName } from './policies';

const RULES = ['nato', 'sco', 'csto', 'sco+commitment=automatic', 'nato+council=assembly+decisionRule=majority'];

describe('built-in policies', () => {
  it('name no rule set and read no features: what is available comes from intentOptions', () => {
    const source = readFileSync(new URL('./policies.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/\b(nato|sco|csto)\b|\.rules\b|\.features\b|procedureOf|resolveRuleSet/);
    expect(source).toMatch(/intentOptions\(game\)/);
  });

  it('ask only for what intentOptions offers, under presets and design-lab rule sets', () => {
    const scenario = loadScenarioFile('scenarios/terror-attack-member.yaml');
    for (const rules of RULES) {
      for (const name of POLICY_NAMES) {
        const policy = policyByName(name, scenario, '3');
        let game = newGame(scenario, rules, '3');
        while (!game.result) {
          const available = new Set(intentOptions(game).filter((o) => o.available).map((o) => o.intent));
          const choice = policy.choose(game);
          const chosen = Array.isArray(choice) ? choice : [...choice.intents, ...(choice.motions ?? []).map((m) => m.intent)];
          for (const intent of chosen) expect(available.has(intent), `${name} under ${rules}, turn ${game.turn}: ${intent}`).toBe(true);
          game = playTurn(game, choice);
        }
        expect(game.rules).toBe(rules);
      }
    }
  });
});
