// Whether the opponent escalates, holds or backs down, from what it sees of the alliance's
// credibility, its own resolve and aims, the player's moves and seeded chance.
import type { Adversary, IntentId } from '../scenario/schema';
import type { AdversaryMove } from './types';

/** How far each aim pushes: taking ground is pursued hardest, a probe least (design choice). */
const AIM_PUSH: Record<Adversary['aims'], number> = { probe: 0.55, coerce: 0.75, destabilise: 0.7, seize: 0.95 };

export interface AdversaryView {
  deterrence: number;
  escalation: number;
  intents: IntentId[];
  /** Counter-terrorism coordination under way wears a group down. */
  coordination: boolean;
  /** The adversary is a democratic state. */
  democracy: boolean;
}

/** Aims that restraint can satisfy: a probe, coercion or disorder can be met halfway; a seizure of
 * ground is only encouraged by it (design choice after Jervis 1976, ch. 3). */
export const RESTRAINT_CALMS: Record<Adversary['aims'], boolean> = { probe: true, coerce: true, destabilise: true, seize: false };

const logistic = (x: number) => 1 / (1 + Math.exp(-x));

/** How much a democracy's audience costs cut its readiness to back down (Fearon 1994: the side
 * with the stronger audience is less likely to back down; the size is a design choice). */
export const DEMOCRATIC_AUDIENCE = 0.8;

/** How hard the adversary pushes for its aims, 0–1: its resolve times how far its aim pushes. */
export function pressureOf(adversary: Adversary, view: Pick<AdversaryView, 'coordination'>): number {
  const pressure = adversary.resolve * AIM_PUSH[adversary.aims];
  return adversary.kind === 'group' && view.coordination ? pressure * 0.8 : pressure;
}

/** `sensitivity`: steepness of the response to the gap between pressure and credibility (parameters.ts). */
export function adversaryOdds(adversary: Adversary, view: AdversaryView, sensitivity: number): { escalate: number; backDown: number } {
  const gap = pressureOf(adversary, view) - view.deterrence;
  let escalate = logistic(sensitivity * gap - 0.8);
  // Audience costs rise with the rung reached (Fearon 1994; Tomz 2007): backing down gets harder.
  let backDown = logistic(-sensitivity * gap - 1) * (1 - 0.12 * (view.escalation - 1));
  if (view.intents.includes('act-alone')) escalate = Math.min(1, escalate * 1.3);
  if (view.democracy) backDown *= DEMOCRATIC_AUDIENCE;
  // Restraint calms an adversary that fears a spiral, not one that wants ground (Jervis 1976: the
  // spiral model against the deterrence model; which one holds depends on the other side's aims).
  if (view.intents.includes('de-escalate') && RESTRAINT_CALMS[adversary.aims]) {
    escalate *= 0.8;
    backDown = Math.min(1, backDown * 1.4);
  }
  return { escalate, backDown: Math.max(0, backDown) };
}

/** `u`: a uniform draw in [0, 1) that decides among the odds. */
export function adversaryMove(adversary: Adversary, view: AdversaryView, sensitivity: number, u: number): AdversaryMove {
  const odds = adversaryOdds(adversary, view, sensitivity);
  if (u < odds.escalate) return 'escalate';
  if (u < odds.escalate + (1 - odds.escalate) * odds.backDown) return 'back-down';
  return 'hold';
}
