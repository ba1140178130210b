// Look-ups by id into a scenario, built once per scenario object: the engine asks for a member's
// profile or an event's definition many times a turn.
import type { Scenario, ScenarioEvent, ScenarioState, StateId } from './schema';

interface ScenarioIndex {
  states: Map<StateId, ScenarioState>;
  events: Map<string, ScenarioEvent>;
}

const indexes = new WeakMap<Scenario, ScenarioIndex>();

function indexOf(scenario: Scenario): ScenarioIndex {
  let index = indexes.get(scenario);
  if (!index) {
    index = {
      states: new Map(scenario.states.map((s) => [s.id, s])),
      events: new Map(scenario.events.map((e) => [e.id, e])),
    };
    indexes.set(scenario, index);
  }
  return index;
}

export function stateById(scenario: Scenario, id: StateId): ScenarioState | undefined {
  return indexOf(scenario).states.get(id);
}

export function eventById(scenario: Scenario, id: string): ScenarioEvent | undefined {
  return indexOf(scenario).events.get(id);
}
