// The crisis screen: indicators band on top, decision panel at the side, turn timeline at the
// bottom, the map in the free space. It shows engine records and forwards the player's intents.
import type { App, Layout } from '../app';
import { allianceSteps, dayOfTurn, intentOptions, type GameState, type IntentId, type Indicators, type Position } from '../engine';
import { formatNumber, language, localize, percent, t, type MessageKey } from '../../ui-kit/i18n';
import { RULEBOOK } from '../engine';
import { blocColor, positionStyle, theme } from '../../ui-kit/theme';
import { answeredIntents, gameMapView, lastAnsweredTurn, lastTurn } from '../view-model';
import { adversaryName, stateName } from '../../ui-kit/scenario-names';
import { blocName, decisionText, procedureName, reasonText, ruleSetName, stepText } from '../../ui-kit/format';
import { gameContext, glossaryButton, ruleLink } from './glossary';
import { el, uid } from '../../ui-kit/dom';
import { languageSelect } from '../../ui-kit/language-select';
import { integrationNotes } from './integration-notes';
import { attributionGauge } from './attribution-gauge';
import { bodyLink, decisionBody } from './bodies';
import { helpersSection } from './helpers-panel';
import { pendingRequests } from './request-records';
import { requestTimeline, underWay } from './request-timeline';
import { draftAnswer } from './draft-answer';

/** Which intent's positions the map shows; kept across re-renders. */
let positionsIntent: IntentId | null = null;

/** Requests ticked but not yet sent, per game state: they survive a re-render (a resize, a change
 * of language, a review of a past turn) and go with the turn that sends them, since the next
 * turn is a new state. */
const ticked = new WeakMap<GameState, Set<IntentId>>();

function indicator(key: string, name: string, help: string, value: string, extra: HTMLElement | null, cls = ''): HTMLElement {
  const tipId = uid('tip');
  return el(
    'div',
    { class: `ind ${cls}`, tabindex: 0, 'aria-describedby': tipId, 'data-indicator': key, 'data-focus': `ind-${key}` },
    el('div', { class: 'name', text: name }),
    el('div', { class: 'value', text: value }),
    extra,
    el('div', { class: 'tip', role: 'tooltip', id: tipId, text: help }),
  );
}

function bar(fraction: number): HTMLElement {
  const fill = el('span');
  fill.style.width = `${Math.round(Math.max(0, Math.min(1, fraction)) * 100)}%`;
  return el('div', { class: 'bar', 'aria-hidden': 'true' }, fill);
}

/** The indicators after the latest turn, or after `reviewed` when a played turn is reviewed. */
export function indicatorBand(game: GameState, reviewed: number | null = null): HTMLElement {
  const record = reviewed !== null ? game.turns[reviewed - 1] : undefined;
  const ind: Indicators = record?.indicators ?? game.indicators;
  const ladder = el('div', { class: 'ladder', 'aria-hidden': 'true' });
  for (let level = 1; level <= 5; level += 1) ladder.append(el('span', { class: level <= ind.escalation ? 'on' : '' }));
  const level = Math.max(1, Math.min(5, Math.round(ind.escalation)));
  // Days elapsed: the turns played times the scenario's days per turn.
  const day = dayOfTurn(game.scenario, record ? record.turn + 1 : game.turn);
  const first = ind.daysToFirstCollectiveMeasure;
  const ratio = (key: 'deterrence' | 'cohesion' | 'autonomy' | 'entrapment' | 'legitimacy') =>
    indicator(key, t(`ind.${key}`), t(`ind.${key}.help`), percent(ind[key]), bar(ind[key]));
  return el(
    'header',
    { class: `band${record ? ' reviewing' : ''}`, 'aria-label': record ? t('band.reviewLabel', { turn: record.turn }) : t('band.label'), 'data-turn': record?.turn ?? game.turns.length },
    indicator('escalation', t('ind.escalation'), t('ind.escalation.help'), `${formatNumber(level)} · ${t(`esc.${level}` as MessageKey)}`, ladder, 'escalation'),
    ratio('deterrence'),
    ratio('cohesion'),
    ratio('autonomy'),
    ratio('entrapment'),
    ratio('legitimacy'),
    indicator('casualties', t('ind.casualties'), t('ind.casualties.help'), formatNumber(ind.casualties), null),
    indicator(
      'days',
      t('ind.days'),
      t('ind.days.help'),
      t('ind.daysValue', { day: formatNumber(day) }),
      el('div', { class: 'sub', text: first === null ? t('ind.noMeasure') : t('ind.firstMeasure', { day: formatNumber(first) }) }),
      'days',
    ),
  );
}

function positionIcon(position: Position): HTMLElement {
  const style = positionStyle[position];
  const icon = el('span', { class: 'pos-icon', 'aria-hidden': 'true', text: style.icon });
  icon.style.background = theme.color[style.color];
  return icon;
}

export function renderCrisis(app: App, root: HTMLElement, layout: Layout): void {
  const session = app.session!;
  const game = session.game;
  const scenario = game.scenario;
  const features = game.features;
  const bloc = blocColor(game.rules, scenario.ruleSets);
  const context = gameContext(game);
  // A past turn picked on the timeline is shown in place of the latest one, until the next turn.
  const reviewing = app.reviewTurn !== null ? game.turns[app.reviewTurn - 1] : undefined;
  const turn = reviewing ?? lastTurn(game);
  const positionsTurn = reviewing ? (answeredIntents(reviewing).length > 0 ? reviewing : undefined) : lastAnsweredTurn(game);
  const answered = answeredIntents(positionsTurn);
  if (!positionsIntent || !answered.includes(positionsIntent)) positionsIntent = answered[0] ?? null;

  app.map.show(
    gameMapView(game, layout.mapExtent, positionsIntent, (member, position) => `${stateName(scenario, member)}: ${t(`pos.${position as Position}`)}`, positionsTurn, turn),
  );

  // --- Side panel ---------------------------------------------------------------------------
  const body = el('div', { class: 'panel-body', 'data-scroll': 'panel' });
  const panel = el('aside', { class: 'panel', 'aria-label': t('panel.heading'), 'data-screen': 'crisis' }, body);
  const shownTurn = game.result ? game.turns.length : game.turn;
  body.append(
    el(
      'div',
      { class: 'topline' },
      el('h1', { class: 'visually-hidden', text: t('app.title') }),
      el('h2', { text: localize(scenario.title) }),
    ),
    el(
      'p',
      {},
      el('strong', { 'data-testid': 'rule-set', text: ruleSetName(game.rules, scenario) }),
      ' · ',
      t('crisis.turn', { turn: shownTurn, horizon: scenario.horizon }),
      el('br'),
      t('crisis.you', { state: stateName(scenario, scenario.player.state) }),
      ' ',
      t('crisis.adversary', { name: adversaryName(scenario) }),
    ),
    underWay(app, game, reviewing ? reviewing.turn : game.turns.length) ?? '',
    attributionGauge(game, reviewing ? reviewing.turn : null),
    integrationNotes(app, 'crisis') ?? '',
    el(
      'div',
      { class: 'actions' },
      el('button', { type: 'button', 'data-focus': 'briefing', text: t('crisis.briefing'), onclick: () => { app.showBriefing = true; app.render(); } }),
      el('button', { type: 'button', 'data-focus': 'menu', text: t('crisis.menu'), onclick: () => app.toMenu() }),
      glossaryButton(app, context),
      languageSelect(),
    ),
  );

  // What happened in the last turn: read out by screen readers as it changes.
  const news = el('section', { 'aria-live': 'polite', 'aria-atomic': 'true', 'data-testid': 'news' });
  if (turn) {
    news.append(el('h3', { tabindex: -1, 'data-testid': 'news-heading', text: t('panel.news', { turn: turn.turn, day: turn.day }) }));
    if (reviewing) {
      news.append(
        el('button', {
          type: 'button',
          'data-focus': 'back-to-latest',
          text: t('timeline.back'),
          onclick: () => {
            app.reviewTurn = null;
            app.render();
          },
        }),
      );
    }
    const lines = el('ul', { class: 'decisions' });
    if (turn.events.length === 0) lines.append(el('li', { class: 'muted', text: t('panel.quiet') }));
    for (const e of turn.events) {
      const source = scenario.events.find((s) => s.id === e.id);
      lines.append(el('li', {}, el('strong', { text: source ? localize(source.text) : e.id }), el('br'), el('span', { class: 'small muted', text: t('event.line', { kind: t(`event.${e.kind}`), place: stateName(scenario, e.place), severity: e.severity, casualties: formatNumber(e.casualties), attribution: formatNumber(Math.round(e.attribution * 100)) }) })));
    }
    turn.decisions.forEach((d, i) => {
      // Which body decided, under which rule: each opens the glossary.
      const decided = el('span', { class: 'decided small' }, `${t('decided.by')} `, bodyLink(app, decisionBody(features, d), context, `body-news-${i}`));
      lines.append(el('li', { class: d.outcome === 'blocked' ? 'blocked' : '', 'data-decision': d.kind, 'data-outcome': d.outcome }, `${decisionText(scenario, features, d)} (`, ruleLink(app, d.rule, context, `rule-news-${i}`), ')', el('br'), decided));
    });
    if (turn.decisions.length === 0) lines.append(el('li', { class: 'muted', text: t('panel.noDecision') }));
    lines.append(el('li', { text: t(`adv.${turn.adversary}`) }));
    news.append(lines);
  }
  body.append(news);

  if (game.result) {
    body.append(
      el(
        'section',
        { class: 'card result', role: 'status' },
        el('h3', { text: t(`result.${game.result}`) }),
        el('button', { type: 'button', class: 'primary', 'data-focus': 'to-debrief', 'data-testid': 'to-debrief', text: t('crisis.debrief'), onclick: () => app.toDebrief() }),
      ),
    );
  } else {
    // The requests: each intent under its procedure's name, with the rule behind it.
    const formId = uid('requests');
    const form = el('form', { id: formId, 'data-testid': 'intents' });
    const fieldset = el('fieldset', {}, el('legend', { text: t('panel.heading') }), el('p', { class: 'small muted', text: t('panel.hint') }));
    const draft = ticked.get(game) ?? new Set<IntentId>();
    ticked.set(game, draft);
    for (const option of intentOptions(game)) {
      const id = uid('intent');
      const ruleId = uid('rule');
      const whyId = uid('why');
      const input = el('input', {
        type: 'checkbox',
        id,
        name: 'intent',
        value: option.intent,
        disabled: !option.available,
        'aria-describedby': option.available ? ruleId : `${ruleId} ${whyId}`,
        'data-focus': `intent-${option.intent}`,
        'data-intent': option.intent,
        checked: option.available && draft.has(option.intent),
        onchange: (event: Event) => {
          if ((event.target as HTMLInputElement).checked) draft.add(option.intent);
          else draft.delete(option.intent);
        },
      });
      fieldset.append(
        el(
          'div',
          { class: `intent${option.available ? '' : ' disabled'}` },
          input,
          el('label', { for: id, class: 'proc', 'data-procedure': option.procedure.id, text: t(`procedure.${option.procedure.id}`) }),
          el(
            'span',
            { class: 'rule', id: ruleId },
            ruleLink(app, option.procedure.rule, context, `rule-intent-${option.intent}`),
            ' ',
            el('span', { text: RULEBOOK[option.procedure.rule].title[language()] }),
          ),
          option.available || !option.reason ? null : el('span', { class: 'why', id: whyId, text: t('panel.unavailable', { reason: reasonText(option.reason) }) }),
        ),
      );
    }
    const end = el('button', { type: 'submit', form: formId, class: 'primary', 'data-focus': 'end-turn', 'data-testid': 'end-turn', 'data-turn': game.turn, text: t('panel.endTurn', { turn: game.turn }) });
    form.append(fieldset);
    const onTable = draftAnswer(game);
    if (onTable) form.append(onTable.element);
    // End turn stays in view at the foot of the panel, outside the scrolling part.
    panel.append(el('div', { class: 'end-bar' }, end));
    const formTurn = game.turn;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      // A form left from a turn already ended sends nothing.
      if (app.session?.game !== game || game.turn !== formTurn) return;
      const intents = [...form.querySelectorAll<HTMLInputElement>('input[name=intent]:checked')].map((i) => i.value as IntentId);
      // The player's answer to a draft on the table is its seat on the text (null: its profile answers).
      const answer = onTable?.answer() ?? null;
      app.endTurn(answer ? { intents, seats: { 'joint-statement': { [game.scenario.player.state]: answer } } } : intents);
      // Focus goes to the news of the turn just played, not back to End turn: a second Enter
      // must not end the next turn unread.
      document.querySelector<HTMLElement>('[data-testid="news-heading"]')?.focus({ preventScroll: true });
    });
    body.append(form);
  }

  // The rule machine's chain so far.
  const steps = allianceSteps(game);
  const chain = el('ol', { class: 'chain', 'aria-label': t('panel.chain') });
  steps.forEach((s, i) => chain.append(el('li', { 'data-step': `${s.kind}-${s.outcome}` }, `${stepText(s, features)} (`, ruleLink(app, s.rule, context, `rule-step-${i}`), ')')));
  // A request still waiting for its body is a procedure under way too (SCO meetings can take days).
  const shownUpTo = reviewing ? reviewing.turn : game.turns.length;
  const busy = steps.length > 0 || pendingRequests(game, shownUpTo).length > 0;
  body.append(
    el('section', { 'data-testid': 'procedure' }, el('h3', { text: t('panel.chain') }), steps.length > 0 ? chain : null, busy ? null : el('p', { class: 'muted', text: t('panel.chainEmpty') })),
    el('section', { 'data-testid': 'requests' }, el('h3', { text: t('requests.heading') }), requestTimeline(app, game, 'crisis', shownUpTo)),
  );

  // Members' positions this turn, also drawn on the map.
  if (positionsTurn && positionsIntent) {
    const section = el('section', { 'data-testid': 'positions' });
    const selectId = uid('posfor');
    const select = el('select', { id: selectId, 'data-focus': 'positions-for' });
    for (const intent of answered) {
      const option = el('option', { value: intent, text: procedureName(features, intent) });
      option.selected = intent === positionsIntent;
      select.append(option);
    }
    select.addEventListener('change', () => {
      positionsIntent = select.value as IntentId;
      app.render();
    });
    const list = el('ul', { class: 'positions' });
    const positions = positionsTurn.positions[positionsIntent] ?? {};
    for (const [member, position] of Object.entries(positions)) {
      list.append(el('li', { 'data-member': member, 'data-position': position }, positionIcon(position), `${stateName(scenario, member)}: ${t(`pos.${position}`)}`));
    }
    section.append(el('h3', {}, el('label', { for: selectId, text: `${t('panel.positionsLabel')} (${t('timeline.turn', { turn: positionsTurn.turn, day: positionsTurn.day })})` })), select, list);
    body.append(section);
  }

  // Who helped so far (as of the reviewed turn), also drawn on the map.
  body.append(helpersSection(game, shownUpTo));

  // --- Legend ---------------------------------------------------------------------------------
  const swatch = (color: string, border = false) => {
    const s = el('span', { class: 'swatch', 'aria-hidden': 'true' });
    s.style.background = border ? 'transparent' : color;
    if (border) s.style.border = `3px solid ${color}`;
    return s;
  };
  const hatchSwatch = () => {
    const s = swatch(theme.color.adversary, true);
    s.style.background = `repeating-linear-gradient(45deg, ${theme.color.adversary} 0 2px, transparent 2px 5px)`;
    s.style.borderWidth = '2px';
    return s;
  };
  const legend = el(
    'div',
    { class: 'legend', 'aria-hidden': 'true' },
    el('div', {}, swatch(theme.color[bloc]), t('legend.member', { bloc: blocName(bloc) })),
    el('div', {}, swatch(theme.color.accent, true), t('legend.player')),
    el('div', {}, hatchSwatch(), t('legend.adversary')),
    el('div', {}, ...(['support', 'object', 'abstain', 'stay-out'] as const).flatMap((p) => [positionIcon(p), `${t(`pos.${p}`)} `])),
  );

  // --- Timeline -------------------------------------------------------------------------------
  const chips = el('ol', { 'aria-label': t('timeline.label') });
  // The turns in which a meeting asked for is due to sit.
  const dueTurns = new Set(pendingRequests(game).map((r) => dueTurn(game, r.meetingDay ?? r.day)));
  for (let n = 1; n <= scenario.horizon; n += 1) {
    const record = game.turns[n - 1];
    const classes = [record ? 'past' : '', !game.result && n === game.turn ? 'current' : '', record && record.events.length > 0 ? 'event' : '', record?.decisions.some((d) => d.collective && d.outcome !== 'blocked' && d.outcome !== 'declined') ? 'measure' : '', dueTurns.has(n) ? 'due' : ''];
    const label = t(dueTurns.has(n) ? 'timeline.due' : 'timeline.turn', { turn: n, day: dayOfTurn(scenario, n) });
    const chip = record
      ? el('button', {
          type: 'button',
          title: label,
          'aria-label': label,
          'aria-pressed': app.reviewTurn === n ? 'true' : 'false',
          'data-focus': `chip-${n}`,
          text: String(n),
          onclick: () => {
            // Review a played turn: its news, its positions, its events on the map.
            app.reviewTurn = app.reviewTurn === n ? null : n;
            app.render();
          },
        })
      : el('span', { text: String(n), title: label, 'aria-label': label });
    chips.append(el('li', { class: classes.filter(Boolean).join(' '), 'aria-current': !game.result && n === game.turn ? 'step' : null }, chip));
  }
  const timeline = el('nav', { class: 'timeline', 'aria-label': t('timeline.label') }, el('span', { class: 'small muted', text: t('timeline.label') }), chips);

  // Invented states have no place on the world map: the scene draws a schematic, and says so.
  const playerKey = scenario.states.find((st) => st.id === scenario.player.state)?.iso3 ?? scenario.player.state;
  const countries = app.map.countries();
  if (countries.length > 0 && !countries.some((c) => c.iso3 === playerKey)) legend.append(el('div', { 'data-testid': 'schematic-note', text: t('map.schematic') }));

  // The legend sits in the panel, under the news: over the map it would hide part of the crisis.
  body.insertBefore(legend, news.nextSibling);
  root.append(indicatorBand(game, app.reviewTurn), panel, timeline, mapTooltip(app));

  if (app.showBriefing) root.append(briefing(app));
}

/** The turn whose days include `day` (the last turn for a day beyond the horizon). */
function dueTurn(game: GameState, day: number): number {
  const { scenario } = game;
  for (let n = 1; n <= scenario.horizon; n += 1) if (dayOfTurn(scenario, n + 1) > day) return n;
  return scenario.horizon;
}

function mapTooltip(app: App): HTMLElement {
  const tip = el('div', { class: 'map-tip', 'aria-hidden': 'true' });
  tip.style.display = 'none';
  app.map.onHover = (iso3, x, y) => {
    const game = app.session?.game;
    if (!iso3 || !game) {
      tip.style.display = 'none';
      return;
    }
    const state = game.scenario.states.find((s) => (s.iso3 ?? s.id) === iso3);
    const position = state && positionsIntent ? lastAnsweredTurn(game)?.positions[positionsIntent]?.[state.id] : undefined;
    tip.textContent = `${state ? localize(state.name) : iso3}${position ? `: ${t(`pos.${position}`)}` : ''}`;
    tip.style.display = 'block';
    tip.style.left = `${x + 14}px`;
    tip.style.top = `${y + 14}px`;
  };
  return tip;
}

function briefing(app: App): HTMLElement {
  const scenario = app.session!.game.scenario;
  const titleId = uid('brief');
  const begin = el('button', {
    type: 'button',
    class: 'primary',
    'data-testid': 'begin',
    'data-focus': 'begin',
    text: t('crisis.begin'),
    onclick: () => {
      app.showBriefing = false;
      app.render();
      document.querySelector<HTMLElement>('[data-focus="intent-consult"], [data-focus="end-turn"]')?.focus();
    },
  });
  const objectives = scenario.learningObjectives.length > 0 ? el('ul', {}, ...scenario.learningObjectives.map((o) => el('li', { text: localize(o) }))) : null;
  const modal = el(
    'div',
    { class: 'modal card', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': titleId },
    el('h2', { id: titleId, text: `${t('crisis.briefing')}: ${localize(scenario.title)}` }),
    el('p', { class: 'summary-text', text: localize(scenario.briefing) }),
    objectives ? el('h3', { text: t('debrief.objectives') }) : null,
    objectives,
    el('div', { class: 'actions' }, begin),
  );
  modal.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' || e.key === 'Tab') {
      // The only control is Begin: keep focus inside the dialog.
      e.preventDefault();
      if (e.key === 'Escape') begin.click();
      else begin.focus();
    }
  });
  queueMicrotask(() => begin.focus());
  return el('div', { class: 'modal-back' }, modal);
}
