// The tutorial's guide on the crisis screen: what to do on each of its five days, and, once the
// scripted objection has been answered, what that one objection did under the rules in play.
import type { App } from '../app';
import type { DecisionRecord, GameState } from '../engine';
import { localize, t, type MessageKey } from '../../ui-kit/i18n';
import { el } from '../../ui-kit/dom';
import { gameContext, ruleLink } from './glossary';

/** The step for the turn about to be played: day 1, day 2, the middle days, the last day. */
function stepKey(game: GameState): MessageKey {
  if (game.turn <= 1) return 'tutorial.step1';
  if (game.turn === 2) return 'tutorial.step2';
  return game.turn >= game.scenario.horizon ? 'tutorial.step5' : 'tutorial.step3';
}

/** The first decision an objection shaped: blocked for everyone, or carried on without the objector. */
function firstObjection(game: GameState): DecisionRecord | null {
  for (const record of game.turns) for (const d of record.decisions) if (d.blockedBy.length > 0) return d;
  return null;
}

export function isTutorial(game: GameState): boolean {
  return game.scenario.crisisType === 'tutorial';
}

export function tutorialGuide(app: App, game: GameState): HTMLElement {
  const objection = firstObjection(game);
  let outcome: HTMLElement | null = null;
  if (objection) {
    const objector = objection.blockedBy[0]!;
    const state = game.scenario.states.find((s) => s.id === objector);
    const key: MessageKey = objection.outcome === 'blocked' ? 'tutorial.blocked' : objection.outcome === 'subset' ? 'tutorial.subset' : 'tutorial.objected';
    // The rule id is a button that opens the rulebook at that rule: split the sentence around it.
    const [before, after] = t(key, { state: state ? localize(state.name) : objector, rule: '\u0000' }).split('\u0000');
    outcome = el('p', { 'data-testid': 'tutorial-objection', 'data-outcome': objection.outcome, 'data-rule': objection.rule }, before ?? '', ruleLink(app, objection.rule, gameContext(game), 'rule-tutorial'), after ?? '');
  }
  return el(
    'aside',
    { class: 'tutorial-guide card', 'aria-label': t('tutorial.label'), 'data-testid': 'tutorial-guide', 'data-turn': game.turn },
    el('h2', { class: 'small', text: t('tutorial.label') }),
    el('p', { 'data-testid': 'tutorial-step', text: t(stepKey(game)) }),
    outcome,
  );
}
