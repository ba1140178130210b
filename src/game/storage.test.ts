import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario, replayIntents, type GameState, type Scenario } from './engine';
import { rebuild } from './storage';

function tutorial(): Scenario {
  const path = join(import.meta.dirname, '../../scenarios/tutorial.yaml');
  const result = parseScenario(readFileSync(path, 'utf8'), path);
  if (!result.ok) throw new Error('the tutorial does not parse');
  return result.scenario;
}

describe('a save from another engine, replayed', () => {
  const scenario = tutorial();
  const original = replayIntents(scenario, 'nato', '1', [['consult'], []], { pack: 'sceptic' });
  // What an older engine's save keeps: the scenario, the choices and the turns' inputs.
  const old = (extra: Partial<GameState> | Record<string, unknown>): Partial<GameState> => ({ scenario, rules: 'nato', seed: '1', turns: original.turns, ...extra });

  it('keeps its parameter pack, so the replay is the game that was played', () => {
    const game = rebuild(old({ pack: 'sceptic' }));
    expect(game.pack).toBe('sceptic');
    expect(game.parameters).toEqual(original.parameters);
    expect(game.turns.map((t) => t.indicators)).toEqual(original.turns.map((t) => t.indicators));
  });

  it('plays a save from before packs under the scenario’s pack, else baseline', () => {
    expect(rebuild(old({})).pack).toBe(scenario.pack ?? 'baseline');
    expect(rebuild(old({ scenario: { ...scenario, pack: 'realist' } })).pack).toBe('realist');
  });

  it('refuses a pack this engine does not know rather than replay it under another', () => {
    expect(() => rebuild(old({ pack: 'optimist' }))).toThrow(/unknown parameter pack/);
  });
});
