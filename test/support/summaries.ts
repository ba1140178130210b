// A batch summary as `crisis-lab batch --json` writes one, for the comparison's tests: the
// contract's fields with plain values, any of them replaced. product.md names the fields "at
// least": the engine may add more, which the comparison reads past.
import type { GameSummary } from '../../src/engine/game/summary';

export function batchSummary(over: Partial<GameSummary> = {}): GameSummary {
  return {
    scenario: 'test-scenario',
    rules: 'nato',
    seed: '1',
    policy: 'hawk',
    result: 'horizon',
    turns: 10,
    daysToFirstCollectiveMeasure: null,
    maxEscalation: 1,
    finalEscalation: 1,
    casualties: 0,
    deterrence: 0.5,
    cohesion: 0.5,
    autonomy: 0.5,
    entrapment: 0,
    legitimacy: 0.5,
    score: 50,
    decisions: [],
    ...over,
  } as GameSummary;
}
