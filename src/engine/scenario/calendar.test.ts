// The scenario's calendar of regular sittings (`alliance.calendar`): read, checked, placed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem, parseScenario } from './load';

const minimal = readFileSync('test/fixtures/scenarios/minimal.yaml', 'utf8');

/** minimal.yaml with a calendar under `alliance` (its first sitting's `- id:` line is line 58, `tabledBy` 61, `condemns` 62). */
function withCalendar(sittings: string): string {
  const members = '  members: [ALF, BRV, CHR]\n';
  expect(minimal).toContain(members);
  return minimal.replace(members, `${members}  calendar:\n${sittings}`);
}
const sitting = (fields: Record<string, string>) =>
  Object.entries({ id: 'summit', at: '5', name: '{ en: Summit }', tabledBy: 'BRV', condemns: '[border-shots]', ...fields })
    .map(([k, v], i) => `    ${i === 0 ? '-' : ' '} ${k}: ${v}\n`)
    .join('');

function problems(text: string): string[] {
  const result = parseScenario(text, 'x.yaml');
  return result.ok ? [] : result.problems.map(formatProblem);
}

describe('alliance.calendar', () => {
  it('reads a sitting with its draft', () => {
    const result = parseScenario(withCalendar(sitting({})), 'x.yaml');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario.alliance.calendar).toEqual([{ id: 'summit', at: 5, name: { en: 'Summit' }, tabledBy: 'BRV', condemns: ['border-shots'] }]);
  });

  it('leaves a scenario without one as it was: no empty calendar is added', () => {
    const result = parseScenario(minimal, 'x.yaml');
    expect(result.ok && 'calendar' in result.scenario.alliance).toBe(false);
  });

  it('names an unknown event, with the nearest id, at its line and column', () => {
    expect(problems(withCalendar(sitting({ condemns: '[border-shot]' })))).toEqual([
      'x.yaml:62:18: alliance.calendar[0].condemns[0]: unknown event "border-shot": did you mean "border-shots"? Use an id from `events` (border-shots)',
    ]);
  });

  it('refuses a draft tabled by a state outside the alliance, a sitting after the horizon, a repeated id', () => {
    const text = withCalendar(sitting({ tabledBy: 'RED' }) + sitting({ at: '11' }));
    expect(problems(text)).toEqual([
      'x.yaml:61:17: alliance.calendar[0].tabledBy: "RED" is not an alliance member; a draft is tabled by a member state (ALF, BRV, CHR)',
      'x.yaml:63:11: alliance.calendar[1].id: duplicate sitting id "summit": each sitting of the calendar needs its own id; rename one',
      'x.yaml:64:11: alliance.calendar[1].at: turn 11 is after the horizon (10); use a turn from 1 to 10 or raise `horizon`',
    ]);
  });
});
