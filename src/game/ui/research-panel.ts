// The debrief's "What research says": for each question where research disagrees with the
// comparative study, the study's reading and the other one side by side, then what it meant in
// this game and which parameter pack plays the other reading. A Sources button opens the works
// cited in a dialog. Every text goes in as textContent.
import type { App } from '../app';
import type { GameState } from '../engine';
import { t } from '../../ui-kit/i18n';
import { el, uid } from '../../ui-kit/dom';
import { modalDialog } from './modal';
import { SOURCES, debates, packAbout, packName, type DebateId, type Reading } from './research';

/** The sources dialog, when open. */
export interface SourcesState {
  /** The data-focus key of the control that opened it, to return focus there. */
  returnFocus: string | null;
  /** Focus the dialog on the next render (once). */
  focusPending: boolean;
}

const SHORT: Record<DebateId, 'research.institutions.short' | 'research.entrapment.short' | 'research.moralHazard.short'> = {
  institutions: 'research.institutions.short',
  entrapment: 'research.entrapment.short',
  'moral-hazard': 'research.moralHazard.short',
};

function reading(side: 'study' | 'other', r: Reading): HTMLElement {
  return el('div', { class: `reading ${side}`, 'data-reading': side }, el('h4', { text: r.who }), el('p', { text: r.text }));
}

export function researchPanel(app: App, game: GameState): HTMLElement {
  const headingId = uid('research');
  return el(
    'section',
    { class: 'card research', 'data-testid': 'research', 'aria-labelledby': headingId },
    el('h2', { id: headingId, 'data-testid': 'research-heading', text: t('research.heading') }),
    el('p', { class: 'small muted', text: t('research.intro') }),
    el('p', { 'data-testid': 'research-pack', 'data-pack': game.pack, text: t('research.played', { pack: packName(game.pack), about: packAbout(game.pack) }) }),
    ...debates(game).map((d) =>
      el(
        'article',
        { class: 'debate', 'data-debate': d.id, 'data-other-pack': d.otherPack },
        el('h3', { text: d.title }),
        el('div', { class: 'readings' }, reading('study', d.study), reading('other', d.other)),
        el('div', { class: 'in-game', 'data-testid': 'in-game' }, el('h4', { text: t('research.inGame') }), ...d.here.map((line) => el('p', { text: line }))),
      ),
    ),
    el('div', { class: 'actions' }, el('button', { type: 'button', 'data-focus': 'research-sources', 'data-testid': 'research-sources', 'aria-haspopup': 'dialog', text: t('research.sources'), onclick: () => app.openSources('research-sources') })),
  );
}

/** The works the panel cites, each with the questions it bears on. */
export function renderSources(app: App): HTMLElement {
  const titleId = uid('sources');
  const close = el('button', { type: 'button', class: 'primary', 'data-focus': 'sources-close', 'data-testid': 'sources-close', text: t('glossary.close'), onclick: () => app.closeSources() });
  const list = el('ul', { class: 'sources-list' });
  for (const source of SOURCES) {
    list.append(el('li', {}, el('p', { class: 'cite', text: source.cite }), el('p', { class: 'small muted', text: t('research.sourceFor', { debates: source.debates.map((d) => t(SHORT[d])).join('; ') }) })));
  }
  return modalDialog(
    { labelledBy: titleId, className: 'sources', testId: 'sources', backClass: 'sources-back', onClose: () => app.closeSources() },
    el('div', { class: 'glossary-head' }, el('h2', { id: titleId, text: t('research.sourcesTitle') }), close),
    el('p', { class: 'small muted', text: t('research.sourcesHint') }),
    list,
  );
}
