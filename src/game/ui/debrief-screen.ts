// The debrief: outcome and score, the indicators turn by turn, the decisions with their rule ids,
// the scenario's questions, the outcome log export and the replay under the other rules.
import type { App } from '../app';
import { counterfactual, createLog, firstDivergence, logText, summarize, type DroppedIntent, type GameState, type RuleSetId } from '../engine';
import { formatNumber, localize, percent, t, tCode, type MessageKey } from '../i18n';
import { theme } from '../theme';
import { CHART_KEYS, chart } from './charts';
import { decisionLine } from './format';
import { el } from './dom';
import { languageSelect } from './language-select';

/** The counterfactual game, kept while the same game's debrief is shown. */
let comparison: { key: string; game: GameState; dropped: DroppedIntent[] } | null = null;

function gameKey(game: GameState): string {
  return `${game.scenario.id}|${game.rules}|${game.seed}|${game.turns.length}`;
}

export function logFileName(game: GameState, date = new Date()): string {
  const day = date.toISOString().slice(0, 10);
  const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 40);
  return `crisis-lab_${safe(game.scenario.id)}_${game.rules}_seed-${safe(game.seed)}_${day}.json`;
}

function exportLog(app: App, status: HTMLElement): void {
  const session = app.session!;
  const log = createLog(session.game, session.player ? { player: session.player } : {});
  const blob = new Blob([logText(log)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const name = logFileName(session.game);
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  status.textContent = t('debrief.exported', { file: name });
}

function decisionsList(game: GameState, divergeAt: number | null): HTMLElement {
  const list = el('ol', { class: 'decision-list', 'data-rules': game.rules });
  for (const record of game.turns) {
    for (const d of record.decisions) {
      list.append(
        el('li', { class: `${record.turn === divergeAt ? 'diverge' : ''} ${d.outcome === 'blocked' ? 'blocked' : ''}`, 'data-turn': record.turn, text: `${t('panel.news', { turn: record.turn, day: record.day })}: ${decisionLine(game.scenario, game.rules, d)}` }),
      );
    }
  }
  if (list.childElementCount === 0) return el('p', { class: 'muted', text: t('debrief.noDecisions') });
  return list;
}

function figures(game: GameState): HTMLElement {
  const s = summarize(game, 'human');
  const row = (name: string, value: string) => el('div', {}, el('dt', { text: name }), el('dd', { text: value }));
  return el(
    'dl',
    { class: 'figures', 'data-rules': game.rules },
    row(t('debrief.turns'), formatNumber(s.turns)),
    row(t('debrief.firstMeasure'), s.daysToFirstCollectiveMeasure === null ? t('debrief.none') : t('debrief.dayN', { day: formatNumber(s.daysToFirstCollectiveMeasure) })),
    row(t('debrief.maxEscalation'), `${formatNumber(s.maxEscalation)} · ${t(`esc.${Math.max(1, Math.min(5, Math.round(s.maxEscalation)))}` as MessageKey)}`),
    row(t('ind.casualties'), formatNumber(s.casualties)),
    row(t('ind.deterrence'), percent(s.deterrence)),
    row(t('ind.cohesion'), percent(s.cohesion)),
    row(t('ind.autonomy'), percent(s.autonomy)),
    row(t('ind.entrapment'), percent(s.entrapment)),
    row(t('ind.legitimacy'), percent(s.legitimacy)),
  );
}

export function renderDebrief(app: App, root: HTMLElement): void {
  const session = app.session!;
  const game = session.game;
  const scenario = game.scenario;
  const other: RuleSetId = game.rules === 'nato' ? 'sco' : 'nato';
  if (comparison && comparison.key !== gameKey(game)) comparison = null;
  const compared = comparison?.game ?? null;
  const divergeAt = compared ? firstDivergence(game.turns, compared.turns) : null;
  const summary = summarize(game, 'human');
  const status = el('p', { role: 'status', 'aria-live': 'polite', class: 'small muted', 'data-testid': 'export-status' });

  const canReplay = scenario.rules.includes(other);
  const actions = el(
    'div',
    { class: 'actions' },
    el('button', { type: 'button', class: 'primary', 'data-focus': 'export', 'data-testid': 'export', text: t('debrief.export'), onclick: () => exportLog(app, status) }),
    el('button', {
      type: 'button',
      'data-focus': 'replay',
      'data-testid': 'replay',
      disabled: !canReplay || compared !== null,
      text: t('debrief.replay', { rules: t(`rules.${other}`) }),
      onclick: () => {
        comparison = { key: gameKey(game), ...counterfactual(game, other) };
        app.render();
        document.querySelector<HTMLElement>('[data-testid="comparison"]')?.focus();
      },
    }),
    el('button', { type: 'button', 'data-focus': 'new-game', 'data-testid': 'new-game', text: t('debrief.newGame'), onclick: () => { comparison = null; app.discard(); } }),
    languageSelect(),
  );
  if (!canReplay) actions.append(el('p', { class: 'small muted', text: t('start.rulesNotAllowed', { rules: scenario.rules.map((r) => t(`rules.${r}.short`)).join(', ') }) }));

  const games = compared ? [game, compared] : [game];
  const charts = el('div', { class: 'charts' }, ...CHART_KEYS.map((k) => chart(k, games, divergeAt)));
  const key = el(
    'div',
    { class: 'series-key' },
    ...games.map((g) => {
      const swatch = el('span', { class: 'swatch', 'aria-hidden': 'true' });
      swatch.style.background = theme.color[g.rules];
      return el('span', {}, swatch, t(`rules.${g.rules}`));
    }),
  );

  const comparisonBlock = compared
    ? el(
        'section',
        { class: 'card', tabindex: -1, 'data-testid': 'comparison', 'aria-live': 'polite' },
        el('h2', { text: t('debrief.compare', { left: t(`rules.${game.rules}`), right: t(`rules.${compared.rules}`) }) }),
        el('p', { 'data-testid': 'divergence', text: divergeAt === null ? t('debrief.noDiverge') : t('debrief.diverge', { turn: divergeAt }) }),
        comparison && comparison.dropped.length > 0
          ? el(
              'div',
              { 'data-testid': 'dropped' },
              el('p', { class: 'small', text: t('debrief.dropped') }),
              el('ul', { class: 'small' }, ...comparison.dropped.map((d) => el('li', { text: t('debrief.droppedItem', { turn: d.turn, intent: t(`intent.${d.intent}.${compared.rules}` as MessageKey), reason: tCode('reason', d.reason, 'reason.unknown') }) }))),
            )
          : null,
        el(
          'div',
          { class: 'compare' },
          el('div', {}, el('h3', { text: `${t(`rules.${game.rules}`)}: ${game.result ? t(`result.${game.result}`) : ''} ${t('debrief.score', { score: formatNumber(summary.score) })}` }), figures(game), el('h3', { text: t('debrief.decisions') }), decisionsList(game, divergeAt)),
          el('div', {}, el('h3', { text: `${t(`rules.${compared.rules}`)}: ${compared.result ? t(`result.${compared.result}`) : t('debrief.unfinished', { turns: compared.turns.length })} ${t('debrief.score', { score: formatNumber(summarize(compared, 'human').score) })}` }), figures(compared), el('h3', { text: t('debrief.decisions') }), decisionsList(compared, divergeAt)),
        ),
      )
    : null;

  const questions = scenario.debriefQuestions.length > 0 ? el('section', { class: 'card' }, el('h2', { text: t('debrief.questions') }), el('ol', {}, ...scenario.debriefQuestions.map((q) => el('li', { text: localize(q) })))) : null;
  const objectives = scenario.learningObjectives.length > 0 ? el('section', { class: 'card' }, el('h2', { text: t('debrief.objectives') }), el('ul', {}, ...scenario.learningObjectives.map((q) => el('li', { text: localize(q) })))) : null;

  root.append(
    el(
      'main',
      { class: 'debrief', 'data-screen': 'debrief', 'data-scroll': 'debrief' },
      el(
        'div',
        { class: 'debrief-inner' },
        el(
          'header',
          { class: 'card' },
          el('h1', { text: `${t('debrief.heading')}: ${localize(scenario.title)}` }),
          el('p', { class: 'muted', text: t('debrief.rules', { rules: t(`rules.${game.rules}`), seed: game.seed }) }),
          el('h2', { 'data-testid': 'result', text: `${t(`result.${game.result ?? 'horizon'}`)} ${t('debrief.score', { score: formatNumber(summary.score) })}` }),
          actions,
          status,
        ),
        el('section', { class: 'card' }, el('h2', { text: t('debrief.summary') }), figures(game)),
        el('section', { class: 'card' }, el('h2', { text: t('debrief.charts') }), key, compared ? el('p', { class: 'small', text: divergeAt === null ? t('debrief.noDiverge') : t('debrief.diverge', { turn: divergeAt }) }) : null, charts),
        comparisonBlock,
        compared ? null : el('section', { class: 'card' }, el('h2', { text: t('debrief.decisions') }), decisionsList(game, null)),
        questions,
        objectives,
      ),
    ),
  );
}
