// Every shipped scenario, under each rule set it offers and every built-in policy, on fixed seeds: the
// game ends, every indicator stays in its range, every decision cites a rule of its rule set.
// And each reads the same from its format-1 form, migrated.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatProblem, parseScenario } from '../src/engine/scenario/load';
import { migrateScenario } from '../src/engine/scenario/migrate';
import { Scenario } from '../src/engine/scenario/schema';
import { createLog } from '../src/engine/log/outcome-log';
import { verifyLog } from '../src/engine/log/verify-log';
import { playGame } from '../src/sim/play';
import { POLICY_NAMES, policyByName } from '../src/sim/policies';

const DIR = join(__dirname, '..', 'scenarios');
const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml'));
const SEEDS = ['1', '2', '3'];
/** The cases set in Eurasia, which also play under the CSTO's rules. */
const EURASIAN = ['unrest-request', 'rats-central-asia', 'intra-bloc-clash'];
/** The rules each preset's decisions cite (docs/model.md): N1–N7, S1–S7, C1–C6. */
const RULE_IDS: Record<string, RegExp> = { nato: /^N[1-7]$/, sco: /^S[1-7]$/, csto: /^C[1-6]$/ };

/**
 * A scenario as format 1 wrote it: `formatVersion: 1`, and `rules` without csto, which format 1
 * did not know. Undefined for a scenario that uses what only format 2 has.
 */
function inFormat1(text: string): string | undefined {
  if (/^ruleSets:|^ {2}scripted:/m.test(text)) return undefined;
  return text
    .replace(/^formatVersion: 2$/m, 'formatVersion: 1')
    .replace(/^rules: \[(.*)\]$/m, (_, list: string) => `rules: [${list.split(', ').filter((r) => r !== 'csto').join(', ')}]`);
}

describe.each(files)('%s', (file) => {
  const text = readFileSync(join(DIR, file), 'utf8');
  const parsed = parseScenario(text, file);

  it('is valid, in format 2, names its schema for editors and offers NATO and SCO rules (and the CSTO where it is set in Eurasia)', () => {
    expect(parsed.ok ? [] : parsed.problems.map(formatProblem)).toEqual([]);
    expect(parsed.ok && parsed.scenario.id).toBe(file.replace(/\.yaml$/, ''));
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./schema.json');
    expect(parse(text).formatVersion).toBe(2);
    if (!parsed.ok) return;
    expect(parsed.scenario.rules).toEqual(expect.arrayContaining(['nato', 'sco']));
    if (EURASIAN.includes(parsed.scenario.id)) expect([...parsed.scenario.rules].sort()).toEqual(['csto', 'nato', 'sco']);
  });

  it('reads the same from its format-1 form, migrated', () => {
    const old = inFormat1(text);
    if (old === undefined || !parsed.ok) return;
    const raw = parse(old) as Record<string, unknown>;
    expect(raw.formatVersion).toBe(1);
    const { value, from } = migrateScenario(raw);
    expect(from).toBe(1);
    const migrated = Scenario.safeParse(value);
    expect(migrated.success).toBe(true);
    // The loader migrates in memory, and cross-checks what it read.
    const loaded = parseScenario(old, file);
    expect(loaded.ok ? [] : loaded.problems.map(formatProblem)).toEqual([]);
    if (loaded.ok) {
      expect(loaded.scenario).toEqual(migrated.data);
      expect({ ...loaded.scenario, rules: [] }).toEqual({ ...parsed.scenario, rules: [] });
      expect(loaded.scenario.rules).toEqual(parsed.scenario.rules.filter((r) => r !== 'csto'));
    }
  });

  if (!parsed.ok) return;
  const scenario = parsed.scenario;

  it.each(scenario.rules)('plays to an end under %s with every policy, indicators in range', (rules) => {
    const ruleIds = RULE_IDS[rules] ?? /^[NSCL]\d$/;
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
    for (const rules of scenario.rules) {
      const game = playGame(scenario, rules, '7', policyByName('random', scenario, '7'));
      expect(verifyLog(JSON.parse(JSON.stringify(createLog(game, { policy: 'random' })))).ok).toBe(true);
    }
  });
});
