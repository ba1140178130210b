// Every shipped scenario, under both rule sets and every built-in policy, on fixed seeds: the
// game ends, every indicator stays in its range, every decision cites a rule of its rule set.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../src/engine/scenario/load';
import { createLog, verifyLog } from '../src/engine/log/outcome-log';
import { playGame } from '../src/sim/play';
import { POLICY_NAMES, policyByName } from '../src/sim/policies';

const DIR = join(__dirname, '..', 'scenarios');
const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml'));
const SEEDS = ['1', '2', '3'];

describe.each(files)('%s', (file) => {
  const text = readFileSync(join(DIR, file), 'utf8');
  const parsed = parseScenario(text, file);

  it('is valid, names its schema for editors and offers both rule sets', () => {
    expect(parsed.ok && parsed.scenario.id).toBe(file.replace(/\.yaml$/, ''));
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./schema.json');
    if (parsed.ok) expect([...parsed.scenario.rules].sort()).toEqual(['nato', 'sco']);
  });

  if (!parsed.ok) return;
  const scenario = parsed.scenario;

  it.each(['nato', 'sco'] as const)('plays to an end under %s with every policy, indicators in range', (rules) => {
    const ruleIds = rules === 'nato' ? /^N[1-7]$/ : /^S[1-7]$/;
    for (const policyName of POLICY_NAMES) {
      for (const seed of SEEDS) {
        const game = playGame(scenario, rules, seed, policyByName(policyName, scenario, seed));
        const where = `${policyName} seed ${seed}`;
        expect(game.result, where).not.toBeNull();
        expect(game.turns.length, where).toBeLessThanOrEqual(scenario.horizon);
        for (const t of game.turns) {
          const i = t.indicators;
          expect(i.escalation, where).toBeGreaterThanOrEqual(1);
          expect(i.escalation, where).toBeLessThanOrEqual(5);
          for (const share of [i.deterrence, i.cohesion, i.autonomy, i.entrapment, i.legitimacy]) {
            expect(share, where).toBeGreaterThanOrEqual(0);
            expect(share, where).toBeLessThanOrEqual(1);
          }
          expect(Number.isInteger(i.casualties) && i.casualties >= 0, where).toBe(true);
          for (const d of t.decisions) expect(d.rule, `${where} turn ${t.turn}`).toMatch(ruleIds);
        }
      }
    }
  });

  it('a game under each rule set gives a log that verifies', () => {
    for (const rules of ['nato', 'sco'] as const) {
      const game = playGame(scenario, rules, '7', policyByName('random', scenario, '7'));
      expect(verifyLog(JSON.parse(JSON.stringify(createLog(game, { policy: 'random' })))).ok).toBe(true);
    }
  });
});
