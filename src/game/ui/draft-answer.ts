// A draft tabled this turn at a sitting of the scenario's calendar (another member's text, not a
// request of the player's): the player may answer it as its state's delegation would, or leave the
// answer to the state's profile. The answer goes to the engine as the player's seat on the text.
import { sittingsAt, type GameState, type Position, type Scenario } from '../engine';
import { localize, t } from '../../ui-kit/i18n';
import { stateName } from '../../ui-kit/scenario-names';
import { el, uid } from '../../ui-kit/dom';
import { draftWords } from './request-timeline';

type Sitting = NonNullable<Scenario['alliance']['calendar']>[number];

/** The answers a player can give; 'profile' leaves it to the state's profile, as for any member. */
const ANSWERS = ['profile', 'support', 'abstain', 'object'] as const;
type Answer = (typeof ANSWERS)[number];

/** The calendar's drafts on the table this turn that the player did not table itself. */
export function draftsThisTurn(game: GameState): Sitting[] {
  if (game.result) return [];
  return sittingsAt(game.scenario, game.turn).filter((s) => s.tabledBy !== game.scenario.player.state);
}

/** The fieldset for this turn's drafts, and a reader for the player's answer (null: its profile). */
export function draftAnswer(game: GameState): { element: HTMLElement; answer: () => Position | null } | null {
  const drafts = draftsThisTurn(game);
  if (drafts.length === 0) return null;
  const name = uid('draft-answer');
  const fieldset = el('fieldset', { 'data-testid': 'draft-answer' }, el('legend', { text: t('draft.heading') }));
  for (const sitting of drafts) {
    fieldset.append(
      el('p', { class: 'small', text: t('draft.tabled', { sitting: localize(sitting.name), who: stateName(game.scenario, sitting.tabledBy) }) }),
      draftWords(game, sitting.condemns),
    );
  }
  for (const answer of ANSWERS) {
    const id = uid(`draft-${answer}`);
    fieldset.append(
      el(
        'div',
        { class: 'intent' },
        el('input', { type: 'radio', id, name, value: answer, checked: answer === 'profile', 'data-answer': answer, 'data-focus': `draft-${answer}` }),
        el('label', { for: id, text: t(`draft.${answer}` as const) }),
      ),
    );
  }
  return {
    element: fieldset,
    answer: () => {
      const chosen = fieldset.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value as Answer | undefined;
      return !chosen || chosen === 'profile' ? null : chosen;
    },
  };
}
