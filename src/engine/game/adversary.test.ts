import { describe, expect, it } from 'vitest';
import type { Adversary } from '../scenario/schema';
import { PARAMETERS } from '../model/parameters';
import { adversaryOdds as oddsAt } from './adversary';

const adversary: Adversary = { kind: 'state', id: 'RUS', resolve: 0.7, capability: 0.5, aims: 'coerce' };
/** The odds at the baseline steepness. */
const adversaryOdds = (a: Adversary, v: Parameters<typeof oddsAt>[1]) => oddsAt(a, v, PARAMETERS.adversarySensitivity.value);
const view = { deterrence: 0.5, escalation: 2, intents: [], coordination: false, democracy: false };

describe('adversary odds', () => {
  it('escalates more and backs down less as credibility falls short of its pressure', () => {
    const weak = adversaryOdds(adversary, { ...view, deterrence: 0.2 });
    const strong = adversaryOdds(adversary, { ...view, deterrence: 0.9 });
    expect(weak.escalate).toBeGreaterThan(strong.escalate);
    expect(weak.backDown).toBeLessThan(strong.backDown);
  });

  it('backs down less the higher the crisis has climbed (audience costs)', () => {
    expect(adversaryOdds(adversary, { ...view, escalation: 4 }).backDown).toBeLessThan(adversaryOdds(adversary, view).backDown);
  });

  it('a democratic adversary backs down less readily', () => {
    expect(adversaryOdds(adversary, { ...view, democracy: true }).backDown).toBeLessThan(adversaryOdds(adversary, view).backDown);
  });

  it('responds more steeply to the same gap the higher its sensitivity', () => {
    const outgunned = { ...view, deterrence: 0.1 }; // pressure 0.525 well above credibility
    const credible = { ...view, deterrence: 0.9 };
    expect(oddsAt(adversary, outgunned, 9).escalate).toBeGreaterThan(oddsAt(adversary, outgunned, 3).escalate);
    expect(oddsAt(adversary, credible, 9).escalate).toBeLessThan(oddsAt(adversary, credible, 3).escalate);
  });

  it("answers the player's moves: acting alone provokes, de-escalating calms", () => {
    expect(adversaryOdds(adversary, { ...view, intents: ['act-alone'] }).escalate).toBeGreaterThan(adversaryOdds(adversary, view).escalate);
    expect(adversaryOdds(adversary, { ...view, intents: ['de-escalate'] }).escalate).toBeLessThan(adversaryOdds(adversary, view).escalate);
  });

  it('restraint calms an adversary whose aims it can meet, not one that wants ground (spiral against deterrence model)', () => {
    const seizing: Adversary = { ...adversary, aims: 'seize' };
    const calm = { ...view, intents: ['de-escalate' as const] };
    expect(adversaryOdds(seizing, calm)).toEqual(adversaryOdds(seizing, view));
    for (const aims of ['probe', 'coerce', 'destabilise'] as const) {
      expect(adversaryOdds({ ...adversary, aims }, calm).backDown).toBeGreaterThan(adversaryOdds({ ...adversary, aims }, view).backDown);
    }
  });
});
