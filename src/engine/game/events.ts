// Which of the scenario's events happen this turn, and the situation they leave.
import type { Scenario } from '../scenario/schema';
import type { FiredEvent, GameMemory, Situation, StateId } from './types';
import { drawAt } from '../random/rng';
import { round } from './numbers';
import { eventRung } from './indicators';
import { eventById } from '../scenario/scenario-index';

/** Scripted events of this turn, then chance events in their window, each with its own draw for
 * this seed and turn (drawAt), so every rule set and every line of play meets the same events. */
export function fireEvents(scenario: Scenario, turn: number, memory: GameMemory, seed: string): FiredEvent[] {
  const fired: FiredEvent[] = [];
  for (const event of scenario.events) {
    if (memory.firedEvents.includes(event.id)) continue;
    let happens = false;
    if (event.at !== undefined) happens = event.at === turn;
    else if (event.chance && turn >= event.chance.from && turn <= event.chance.to) {
      happens = drawAt(seed, 'event', event.id, turn) < event.chance.probability;
    }
    if (!happens) continue;
    fired.push({
      id: event.id,
      kind: event.kind,
      place: event.place,
      severity: event.severity,
      casualties: event.casualties,
      attribution: round(Math.min(event.attribution.initial, event.attribution.max)),
    });
  }
  return fired;
}

/** Investigators learn more each turn: attribution of past events rises toward its maximum. */
export function advanceAttribution(scenario: Scenario, memory: GameMemory): Record<string, number> {
  const next: Record<string, number> = {};
  for (const id of memory.firedEvents) {
    const event = eventById(scenario, id);
    const current = memory.attribution[id] ?? 0;
    next[id] = event ? round(Math.min(event.attribution.max, current + event.attribution.perTurn)) : current;
  }
  return next;
}

/** The facts the alliance looks at for the requester: the most serious event against it so far,
 * by its rung on the escalation ladder (an armed attack outranks any cyber campaign), the latest
 * among equals. Only what hit the requester's own territory or forces counts as an attack on it
 * (North Atlantic Treaty Art. 6; UN Charter Art. 51): events on other states' ground do not. */
export function situationOf(scenario: Scenario, memory: GameMemory, player: StateId): Situation {
  let worst: { kind: Situation['eventKind']; severity: number; attribution: number; rung: number; on: 'territory' | 'forces' } | null = null;
  let clashWith: StateId | null = null;
  let threat: { kind: Situation['eventKind']; severity: number; rung: number } = { kind: null, severity: 0, rung: 0 };
  for (const id of memory.firedEvents) {
    const event = eventById(scenario, id);
    if (!event) continue;
    const anywhere = eventRung(event.kind, event.severity);
    if (anywhere >= threat.rung) threat = { kind: event.kind, severity: event.severity, rung: anywhere };
    const party = event.kind === 'member-clash' && event.parties?.includes(player);
    if (event.kind === 'member-clash' && event.parties) {
      const [a, b] = event.parties;
      clashWith = a === player ? b : b === player ? a : b;
    }
    if (event.place !== player && !party) continue;
    const rung = eventRung(event.kind, event.severity);
    if (!worst || rung >= worst.rung) {
      worst = { kind: event.kind, severity: event.severity, attribution: memory.attribution[id] ?? 0, rung, on: event.on };
    }
  }
  return {
    eventKind: worst?.kind ?? null,
    severity: worst?.severity ?? 0,
    attribution: worst?.attribution ?? 0,
    cumulativeCyber: memory.cumulativeCyber,
    clashWith,
    attackedOn: worst?.on ?? null,
    threat: { kind: threat.kind, severity: threat.severity },
  };
}
