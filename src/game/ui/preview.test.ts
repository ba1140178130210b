import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setLanguage } from '../../ui-kit/i18n';
import { parseScenario, type Scenario } from '../engine';
import { objectiveRows, timelineRows } from './preview';

function scenario(file: string): Scenario {
  const path = join(import.meta.dirname, '../../..', file);
  const result = parseScenario(readFileSync(path, 'utf8'), path);
  if (!result.ok) throw new Error(`${file} does not parse`);
  return result.scenario;
}

describe('the start screen’s preview', () => {
  it('lists the events in file order, scripted by turn and day, chance with probability and window', () => {
    setLanguage('en', false);
    const base = scenario('test/fixtures/scenarios/minimal.yaml');
    const withChance: Scenario = {
      ...base,
      turnDays: 2,
      events: [
        ...base.events,
        { ...base.events[0]!, id: 'later-cyber', kind: 'cyber-attack', place: 'BRV', severity: 2, at: undefined, chance: { probability: 0.25, from: 3, to: 6 } },
      ],
    };
    const rows = timelineRows(withChance);
    expect(rows.map((r) => r.id)).toEqual(['border-shots', 'later-cyber']);
    expect(rows[0]).toMatchObject({ when: 'Turn 1, day 0', what: 'Armed attack in Alfaland, severity 3 of 5', headline: 'Shots fired across the Alfaland border.', chance: false });
    expect(rows[1]).toMatchObject({ when: '25\u00a0% chance each turn, turns 3–6 (days 4–10)', what: 'Cyber attack in Bravia, severity 2 of 5', chance: true });
  });

  it('words each weighted indicator with its direction and weight', () => {
    const base = scenario('test/fixtures/scenarios/minimal.yaml');
    setLanguage('en', false);
    expect(objectiveRows(base).map((r) => r.text)).toEqual(['Wants less escalation (weight 0.5)', 'Wants more cohesion (weight 0.5)']);
    const more: Scenario = { ...base, player: { ...base.player, objectives: { casualties: -1, deterrence: 0.25, speed: 0 } } };
    expect(objectiveRows(more).map((r) => r.text)).toEqual(['Wants fewer casualties (weight 1)', 'Wants more deterrence (weight 0.25)']);
    setLanguage('ru', false);
    expect(objectiveRows(base).map((r) => r.text)).toEqual(['Хочет меньше эскалации (вес 0,5)', 'Хочет больше сплочённости (вес 0,5)']);
    setLanguage('en', false);
  });
});
