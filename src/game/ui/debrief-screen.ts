// The debrief: outcome, on whose terms it ended and score, what research says about it, the
// indicators turn by turn, the decisions with their rule ids, the scenario's questions, the
// outcome log export and the replay under the other rules (under the same parameter pack).
import type { App } from '../app';
import { counterfactual, firstDivergence, summarize, type DroppedIntent, type GameState } from '../engine';
import { formatNumber, localize, percent, t, type MessageKey } from '../../ui-kit/i18n';
import { replayRuleSets } from '../rule-sets';
import { theme } from '../../ui-kit/theme';
import { CHART_KEYS, chart, keyMarks, marksKey, seriesStyles } from './charts';
import { exportLog } from './export';
import { decisionText, procedureName, reasonText, ruleSetName } from '../../ui-kit/format';
import { gameContext, glossaryButton, ruleLink } from './glossary';
import { el, uid } from '../../ui-kit/dom';
import { languageSelect } from '../../ui-kit/language-select';
import { researchPanel } from './research-panel';
import { packName } from './research';
import { integrationNotes } from './integration-notes';
// The request timeline and who helped (crisis-screen engineer's components, mounted here).
import { requestTimelineCard } from './request-timeline';
import { helpersCard } from './helpers-panel';

/** The counterfactual game, kept while the same game's debrief is shown. */
let comparison: { key: string; rules: string; game: GameState; dropped: DroppedIntent[] } | null = null;

function gameKey(game: GameState): string {
  return `${game.scenario.id}|${game.rules}|${game.pack}|${game.seed}|${game.turns.length}`;
}

// The file name lives with the exports; re-exported for the tests that pin it.
export { logFileName } from './export';

/** The played game's log and its replay's, one download each: a pair crisis-lab compare matches
 * (same scenario, seed, player and choices, two rule sets). */
function exportPair(app: App, replay: GameState, status: HTMLElement): void {
  const session = app.session!;
  const first = exportLog(session.game, session.player);
  const second = exportLog(replay, session.player);
  status.textContent = t('debrief.exportedPair', { first, second });
}

/** `side` tells the played game (0) from the replay (1) in focus keys. */
function decisionsList(app: App, game: GameState, divergeAt: number | null, side: number): HTMLElement {
  const list = el('ol', { class: 'decision-list', 'data-rules': game.rules });
  const context = gameContext(game);
  for (const record of game.turns) {
    record.decisions.forEach((d, i) => {
      list.append(
        el(
          'li',
          { class: `${record.turn === divergeAt ? 'diverge' : ''} ${d.outcome === 'blocked' ? 'blocked' : ''}`, 'data-turn': record.turn, 'data-decision': d.kind },
          `${t('panel.news', { turn: record.turn, day: record.day })}: ${decisionText(game.scenario, game.features, d)} (`,
          ruleLink(app, d.rule, context, `rule-dec-${side}-${record.turn}-${i}`),
          ')',
        ),
      );
    });
  }
  if (list.childElementCount === 0) return el('p', { class: 'muted', text: t('debrief.noDecisions') });
  return list;
}

/** The game's figures; `explained` adds what each one measures under it (the summary card). */
function figures(game: GameState, explained = false): HTMLElement {
  const s = summarize(game, 'human');
  const help: Record<string, MessageKey> = {
    [t('debrief.firstMeasure')]: 'ind.days.help',
    [t('debrief.maxEscalation')]: 'ind.escalation.help',
    [t('ind.casualties')]: 'ind.casualties.help',
    [t('ind.deterrence')]: 'ind.deterrence.help',
    [t('ind.cohesion')]: 'ind.cohesion.help',
    [t('ind.autonomy')]: 'ind.autonomy.help',
    [t('ind.entrapment')]: 'ind.entrapment.help',
    [t('ind.legitimacy')]: 'ind.legitimacy.help',
  };
  const row = (name: string, value: string) => {
    const about = explained ? help[name] : undefined;
    return el('div', {}, el('dt', { text: name }), el('dd', { text: value }), about ? el('dd', { class: 'help', text: t(about) }) : null);
  };
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

/** How a game ended and on whose terms: "The crisis is resolved. It ended in a compromise: …". */
export function outcomeText(game: GameState): string {
  const result = t(`result.${game.result ?? 'horizon'}`);
  return game.terms ? `${result} ${t(`terms.${game.terms}`)}` : result;
}

export function renderDebrief(app: App, root: HTMLElement): void {
  const session = app.session!;
  const game = session.game;
  const scenario = game.scenario;
  // The counterfactual's rule set: any preset or rule set of the scenario but the one played.
  const others = replayRuleSets(scenario, game.rules);
  const other = app.replayRules !== null && others.includes(app.replayRules) ? app.replayRules : (others[0] ?? game.rules);
  if (comparison && comparison.key !== gameKey(game)) comparison = null;
  const compared = comparison?.game ?? null;
  const divergeAt = compared ? firstDivergence(game.turns, compared.turns) : null;
  const summary = summarize(game, 'human');
  const status = el('p', { role: 'status', 'aria-live': 'polite', class: 'small muted', 'data-testid': 'export-status' });

  const replayId = uid('replay-rules');
  const replaySelect = el('select', { id: replayId, 'data-focus': 'replay-rules', 'data-testid': 'replay-rules' });
  for (const spec of others) {
    const option = el('option', { value: spec, text: ruleSetName(spec, scenario) });
    option.selected = spec === other;
    replaySelect.append(option);
  }
  replaySelect.addEventListener('change', () => {
    app.replayRules = replaySelect.value;
    app.render();
  });
  const actions = el(
    'div',
    { class: 'actions' },
    el('button', { type: 'button', class: 'primary', 'data-focus': 'export', 'data-testid': 'export', text: t('debrief.export'), onclick: () => { status.textContent = t('debrief.exported', { file: exportLog(session.game, session.player) }); } }),
    el(
      'div',
      { class: 'replay-row' },
      el('label', { for: replayId, text: t('debrief.replayUnder') }),
      replaySelect,
      el('button', {
        type: 'button',
        'data-focus': 'replay',
        'data-testid': 'replay',
        disabled: others.length === 0 || comparison?.rules === other,
        text: t('debrief.replay', { rules: ruleSetName(other, scenario) }),
        onclick: () => {
          comparison = { key: gameKey(game), rules: other, ...counterfactual(game, other) };
          app.render();
          document.querySelector<HTMLElement>('[data-testid="comparison"]')?.focus();
        },
      }),
    ),
    glossaryButton(app, gameContext(game)),
    el('button', { type: 'button', 'data-focus': 'new-game', 'data-testid': 'new-game', text: t('debrief.newGame'), onclick: () => { comparison = null; app.discard(); } }),
    languageSelect(),
  );

  const games = compared ? [game, compared] : [game];
  const marks = keyMarks(game);
  const charts = el('div', { class: 'charts' }, ...CHART_KEYS.map((k) => chart(k, games, divergeAt, marks)));
  const styles = seriesStyles(games);
  const key = el(
    'div',
    { class: 'series-key' },
    ...games.map((g, i) => {
      const style = styles[i]!;
      const swatch = el('span', { class: 'swatch', 'aria-hidden': 'true' });
      // A dashed line in the charts shows as a hollow swatch here.
      if (style.dashed) swatch.style.border = `3px dashed ${theme.color[style.color]}`;
      else swatch.style.background = theme.color[style.color];
      return el('span', {}, swatch, ruleSetName(g.rules, scenario));
    }),
  );

  const comparisonBlock = compared
    ? el(
        'section',
        { class: 'card', tabindex: -1, 'data-testid': 'comparison', 'aria-live': 'polite' },
        el('h2', { text: t('debrief.compare', { left: ruleSetName(game.rules, scenario), right: ruleSetName(compared.rules, scenario) }) }),
        el('p', { 'data-testid': 'divergence', 'data-turn': divergeAt ?? '', text: divergeAt === null ? t('debrief.noDiverge') : t('debrief.diverge', { turn: divergeAt }) }),
        el(
          'div',
          { class: 'actions' },
          el('button', { type: 'button', 'data-focus': 'export-pair', 'data-testid': 'export-pair', text: t('debrief.exportPair'), onclick: () => exportPair(app, compared, status) }),
          el('p', { class: 'small muted', text: t('debrief.exportPairHint', { rules: ruleSetName(compared.rules, scenario) }) }),
        ),
        comparison && comparison.dropped.length > 0
          ? el(
              'div',
              { 'data-testid': 'dropped' },
              el('p', { class: 'small', text: t('debrief.dropped') }),
              el('ul', { class: 'small' }, ...comparison.dropped.map((d) => el('li', { text: t('debrief.droppedItem', { turn: d.turn, intent: procedureName(compared.features, d.intent), reason: reasonText(d.reason) }) }))),
            )
          : null,
        el(
          'div',
          { class: 'compare' },
          el('div', {}, el('h3', { text: `${ruleSetName(game.rules, scenario)}: ${outcomeText(game)} ${t('debrief.score', { score: formatNumber(summary.score) })}` }), figures(game), el('h3', { text: t('debrief.decisions') }), decisionsList(app, game, divergeAt, 0)),
          el('div', {}, el('h3', { text: `${ruleSetName(compared.rules, scenario)}: ${compared.result ? outcomeText(compared) : t('debrief.unfinished', { turns: compared.turns.length })} ${t('debrief.score', { score: formatNumber(summarize(compared, 'human').score) })}` }), figures(compared), el('h3', { text: t('debrief.decisions') }), decisionsList(app, compared, divergeAt, 1)),
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
          el('p', { class: 'muted', 'data-testid': 'rule-set', text: t('debrief.rules', { rules: ruleSetName(game.rules, scenario), seed: game.seed }) }),
          el('p', { class: 'muted', 'data-testid': 'played-pack', 'data-pack': game.pack, text: t('debrief.pack', { pack: packName(game.pack) }) }),
          el('h2', { 'data-testid': 'result', 'data-terms': game.terms ?? '', text: `${outcomeText(game)} ${t('debrief.score', { score: formatNumber(summary.score) })}` }),
          el('p', { class: 'small muted', 'data-testid': 'score-help', text: t('debrief.scoreHelp') }),
          actions,
          status,
          integrationNotes(app, 'debrief'),
        ),
        researchPanel(app, game),
        el('section', { class: 'card' }, el('h2', { text: t('debrief.summary') }), figures(game, true)),
        el(
          'section',
          { class: 'card', 'data-testid': 'charts' },
          el('h2', { text: t('debrief.charts') }),
          el('p', { class: 'small muted', text: t('debrief.chartsHelp') }),
          key,
          marksKey(marks),
          compared ? el('p', { class: 'small', text: divergeAt === null ? t('debrief.noDiverge') : t('debrief.diverge', { turn: divergeAt }) }) : null,
          charts,
        ),
        comparisonBlock,
        compared ? null : el('section', { class: 'card' }, el('h2', { text: t('debrief.decisions') }), decisionsList(app, game, null, 0)),
        requestTimelineCard(app, game),
        helpersCard(game),
        questions,
        objectives,
      ),
    ),
  );
}
