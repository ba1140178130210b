// What the app says outside the three screens: a game open in another tab, an assignment's
// scenario still on its way (with a way back to the menu), and a save that did not reach the
// browser's storage (with the outcome log to export instead).
import type { App } from '../app';
import { t } from '../../ui-kit/i18n';
import { el } from '../../ui-kit/dom';
import { exportLog } from './export';
import { languageSelect } from '../../ui-kit/language-select';

/** A screen with the app's title, the language chooser and one card. */
function noticeScreen(screen: string, card: HTMLElement): HTMLElement {
  return el(
    'main',
    { class: 'start', 'data-screen': screen },
    el('div', { class: 'start-inner notice-screen' }, el('header', { class: 'start-head' }, el('h1', { text: t('app.title') }), languageSelect()), card),
  );
}

/** The second tab on one game: it does not play or save until it takes the game over. */
export function elsewhereScreen(app: App): HTMLElement {
  return noticeScreen(
    'elsewhere',
    el(
      'section',
      { class: 'card', role: 'alert' },
      el('h2', { text: t('tab.elsewhere.title') }),
      el('p', { text: t('tab.elsewhere.text') }),
      el('button', { type: 'button', class: 'primary', 'data-focus': 'take-over', 'data-testid': 'take-over', text: t('tab.takeOver'), onclick: () => void app.takeOver() }),
    ),
  );
}

/** An assignment link's scenario file on its way: the address, and the menu at once. */
export function loadingScreen(app: App, url: string): HTMLElement {
  return noticeScreen(
    'loading',
    el(
      'section',
      { class: 'card', role: 'status', 'aria-live': 'polite' },
      el('p', { 'data-testid': 'assignment-loading', text: t('start.assignedLoading', { url }) }),
      el('button', { type: 'button', 'data-focus': 'back-to-menu', 'data-testid': 'back-to-menu', text: t('start.backToMenu'), onclick: () => app.leaveAssignment() }),
    ),
  );
}

/** A save the browser refused (storage full or unavailable): say so, and offer the log. */
export function saveProblemBanner(app: App): HTMLElement | null {
  const problem = app.saveProblem;
  const session = app.session;
  if (!problem || !session) return null;
  const status = el('p', { class: 'small', role: 'status', 'aria-live': 'polite' });
  return el(
    'div',
    { class: 'app-alert card error', role: 'alert', 'data-testid': 'save-problem', 'data-problem': problem },
    el('p', { text: t(problem === 'quota' ? 'save.quota' : 'save.unavailable') }),
    el('button', {
      type: 'button',
      class: 'primary',
      'data-focus': 'save-problem-export',
      'data-testid': 'save-problem-export',
      text: t('debrief.export'),
      onclick: () => {
        status.textContent = t('debrief.exported', { file: exportLog(session.game, session.player) });
      },
    }),
    status,
  );
}
