// The escalation ladder's part of a turn: the adversary's move, then where the ladder, the
// casualties and the world's view of the player end up.
import { profileOf } from '../members/member-policy';
import { stateById } from '../scenario/scenario-index';
import { RESTRAINT_CALMS, adversaryMove } from './adversary';
import { WAR_RUNG, legitimacyAfterDecisions, rungAfterEvents } from './indicators';
import { clamp, round } from './numbers';
import { drawAt } from '../random/rng';
import type { TurnContext } from './turn-context';
import { writable } from './memory';
import type { AdversaryMove, CreditedStep, DecisionRecord, Indicators, StateId } from './types';

export interface LadderOutcome {
  move: AdversaryMove;
  escalation: number;
  casualties: number;
  war: boolean;
}

export function climbLadder(
  t: TurnContext,
  prev: Indicators,
  deterrence: number,
  coordination: boolean,
  decisions: DecisionRecord[],
): LadderOutcome {
  const { scenario, intents, events } = t;
  let escalation = rungAfterEvents(prev.escalation, events);
  const adversaryState = scenario.adversary.kind === 'state' ? stateById(scenario, scenario.adversary.id) : undefined;
  const democracy = adversaryState?.profile.democracy ?? false;
  // The adversary's luck and the toll of fighting are the world's chance: the same for this seed and
  // turn under every rule set (drawAt), so a replay under other rules differs by what they change.
  const move = adversaryMove(scenario.adversary, { deterrence, escalation, intents, coordination, democracy }, t.params.adversarySensitivity, drawAt(t.seed, 'adversary', t.turn));
  const harm = drawAt(t.seed, 'harm', t.turn);
  let casualties = prev.casualties + events.reduce((s, e) => s + e.casualties, 0);
  const group = scenario.adversary.kind === 'group';
  if (move === 'escalate') {
    escalation += group ? 0.3 : 0.5;
    if (group || escalation >= 4) casualties += Math.round((group ? 5 : 20) + harm * (group ? 45 : 180));
  } else if (move === 'back-down') escalation -= 0.5;
  if (intents.includes('act-alone')) {
    // Self-defence against an armed attack on one's own territory or forces (UN Charter Art. 51)
    // answers a rung already reached; only force used without such an attack climbs the ladder.
    if (!isSelfDefence(t)) escalation += 0.5;
    casualties += Math.round(harm * 30);
  }
  // Calling for calm lowers the ladder only while the other side does not climb it (it takes two),
  // and only where restraint can meet the adversary's aims: ground taken stays taken (Jervis 1976).
  if (intents.includes('de-escalate') && move !== 'escalate' && RESTRAINT_CALMS[scenario.adversary.aims]) escalation -= 0.4;
  if (decisions.some((d) => d.kind === 'posture' && d.outcome === 'adopted')) escalation += 0.15; // the security dilemma
  if (events.length === 0 && move !== 'escalate') escalation -= 0.1;
  escalation = round(clamp(escalation, 1, WAR_RUNG));
  const war = !group && escalation >= WAR_RUNG;
  if (war) casualties += 1000;
  return { move, escalation, casualties, war };
}

/** Attacks that open the right of self-defence (UN Charter Art. 51): an armed attack, hostile use
 * of force in the air or a terrorist attack, on the player's own territory or forces, by someone
 * it can name (attribution at least even). Design choice: the threshold of 0.5. */
export function isSelfDefence(t: TurnContext): boolean {
  const s = t.situation;
  const armed = s.eventKind === 'armed-attack' || s.eventKind === 'airspace-incident' || s.eventKind === 'terrorist-attack';
  return armed && s.attackedOn !== null && s.attribution >= 0.5;
}

/** Members that have put in support or forces, by the alliance or bilaterally, or that a binding
 * decision commits, are dragged up the ladder with the requester (Snyder 1984: entrapment; it can
 * happen outside any alliance too). Those with little at stake are dragged hardest. */
export function strainInvolvedMembers(t: TurnContext, bound: StateId[], rise: number): void {
  if (rise <= 0) return;
  const isBound = new Set(bound);
  for (const m of t.members) {
    if (m === t.player) continue;
    const given = t.memory.contributions[m];
    if (!isBound.has(m) && given !== 'support' && given !== 'forces') continue;
    const strain = writable(t.memory, 'strain');
    strain[m] = round((strain[m] ?? 0) + t.params.strainPerRung * rise * (1 - profileOf(t.scenario, m).interests));
  }
}

export function legitimacyAfterTurn(t: TurnContext, prev: number, decisions: DecisionRecord[], ladder: LadderOutcome): number {
  const { credited } = t.memory;
  let legitimacy = legitimacyAfterDecisions(prev, decisions, credited);
  if (t.intents.includes('act-alone')) {
    if (isSelfDefence(t)) {
      if (creditOnce(credited, 'self-defence')) legitimacy += 0.02;
    } else legitimacy += 0.03 - 0.15 * (1 - t.situation.attribution); // force without an attack costs every time
  }
  if (t.intents.includes('de-escalate') && creditOnce(credited, 'restraint')) legitimacy += 0.04;
  if (ladder.move === 'escalate') legitimacy += 0.02; // the world sides with the one attacked
  if (ladder.escalation > 3.5) legitimacy -= 0.02;
  return legitimacy;
}

/** Whether `step` is credited now for the first time (and note it so): a module function rather
 * than a closure made every turn. */
function creditOnce(credited: CreditedStep[], step: CreditedStep): boolean {
  if (credited.includes(step)) return false;
  credited.push(step);
  return true;
}
