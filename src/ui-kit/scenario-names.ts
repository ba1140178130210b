// A scenario's states and adversary by name, in the reader's language: every page names them
// the same way (the game's screens, the class page, the words for engine records).
import type { Scenario } from '../engine/index';
import { localize } from './i18n';

export function stateName(scenario: Scenario, stateId: string): string {
  const state = scenario.states.find((s) => s.id === stateId);
  return state ? localize(state.name) : stateId;
}

export function adversaryName(scenario: Scenario): string {
  return scenario.adversary.name ? localize(scenario.adversary.name) : stateName(scenario, scenario.adversary.id);
}
