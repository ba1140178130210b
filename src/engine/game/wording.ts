// Drafts with their own words: the joint texts tabled at the sittings of a scenario's calendar
// (`alliance.calendar`). What a draft names decides whether it is about a dispute between
// members (S5) and whom it slights by passing over an attack on their ground.
import type { Wording } from '../rules/types';
import type { Scenario, ScheduledSitting } from '../scenario/schema';
import { eventById } from '../scenario/scenario-index';
import type { StateId } from './types';

/** The calendar's sittings on a turn, in the order the scenario lists them. */
export function sittingsAt(scenario: Scenario, turn: number): ScheduledSitting[] {
  return (scenario.alliance.calendar ?? []).filter((s) => s.at === turn);
}

/** Whether a calendar sitting is still to come after a turn: the crisis is on its agenda. */
export function sittingAhead(scenario: Scenario, turn: number): boolean {
  return (scenario.alliance.calendar ?? []).some((s) => s.at > turn);
}

/**
 * A draft's words, read against what has happened so far (`fired`, event ids). It passes over a
 * member when it condemns a terrorist attack elsewhere and leaves out one on that member's own
 * ground: India refused the Qingdao draft of 26 Jun 2025 for naming attacks in Balochistan and
 * leaving out Pahalgam, and agreed to the Tianjin declaration of 1 Sep that named both
 * (../shared/domain/alliance-rules.md, S2). Events not yet happened are not passed over.
 */
export function wordingOf(scenario: Scenario, sitting: ScheduledSitting, fired: readonly string[]): Wording {
  const named = new Set(sitting.condemns);
  const happened = fired.map((id) => eventById(scenario, id)).filter((e) => e !== undefined);
  const terror = happened.filter((e) => e.kind === 'terrorist-attack');
  const condemnedPlaces = new Set(terror.filter((e) => named.has(e.id)).map((e) => e.place));
  const passesOver = new Set<StateId>();
  for (const e of terror) {
    if (named.has(e.id) || !scenario.alliance.members.includes(e.place)) continue;
    // Slighted only beside a condemnation of an attack somewhere else.
    if ([...condemnedPlaces].some((place) => place !== e.place)) passesOver.add(e.place);
  }
  const namesClash = sitting.condemns.some((id) => eventById(scenario, id)?.kind === 'member-clash');
  return { sitting: sitting.id, namesClash, passesOver: [...passesOver].sort() };
}
