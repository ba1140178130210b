// The cross-reference checks on a scenario object, without its text: what `verifyLog` runs on
// the scenario a log embeds, worded as `validate` words it.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crossCheckScenario, scenarioIssueText } from './cross-check';
import { parseScenario } from './load';
import type { Scenario } from './schema';

function load(path: string): Scenario {
  const result = parseScenario(readFileSync(path, 'utf8'), path);
  if (!result.ok) throw new Error(`${path} does not validate`);
  return result.scenario;
}

const minimal = load('test/fixtures/scenarios/minimal.yaml');

describe('crossCheckScenario', () => {
  it('finds nothing in any shipped scenario', () => {
    const files = readdirSync('scenarios').filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) expect(crossCheckScenario(load(`scenarios/${file}`)), file).toEqual([]);
  });

  it('names the field and words the issue as validate does, in each language', () => {
    const edited: Scenario = structuredClone(minimal);
    edited.player.state = 'RED';
    edited.events[0]!.at = 12;
    const issues = crossCheckScenario(edited);
    expect(issues.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['player.state', 'playerNotMember'],
      ['events.0.at', 'eventAfterHorizon'],
    ]);
    expect(scenarioIssueText(issues[0]!)).toBe(
      'player.state: the player\'s state "RED" is not an alliance member; add it to alliance.members or pick one of ALF, BRV, CHR',
    );
    expect(scenarioIssueText(issues[1]!, 'ru')).toBe(
      'events[0].at: ход 12 позже горизонта (10); укажите ход от 1 до 10 или увеличьте `horizon`',
    );
    expect(scenarioIssueText(issues[1]!, 'kk')).toBe(
      'events[0].at: 12-жүріс горизонттан (10) кейін; 1 мен 10 аралығындағы жүрісті көрсетіңіз немесе `horizon` мәнін арттырыңыз',
    );
  });

  it('gives every incoherent design of the lab its own code, never the fallback', () => {
    const cases: Array<[string, Record<string, string>, string]> = [
      ['nato', { decisionRule: 'majority' }, 'lab.majorityNeedsVote'],
      ['nato', { council: 'assembly' }, 'lab.assemblyVotes'],
      ['sco', { attribution: 'conditional' }, 'lab.conditionalNeedsCommitment'],
      ['sco', { command: 'integrated' }, 'lab.integratedNeedsCommitment'],
      ['sco', { unrest: 'foreign-trained' }, 'lab.foreignTrainedNeedsCommitment'],
    ];
    for (const [base, features, code] of cases) {
      const edited = structuredClone(minimal) as Scenario;
      edited.ruleSets = { lab: { base, name: { en: 'Lab' }, features } } as unknown as Scenario['ruleSets'];
      const issues = crossCheckScenario(edited);
      expect(issues.map((i) => i.code), JSON.stringify(features)).toEqual([code]);
      expect(scenarioIssueText(issues[0]!, 'ru')).toMatch(/^ruleSets\.lab: свод правил "lab": /);
    }
  });
});
