// The requests on a timeline, for the crisis screen and the debrief: each request with the body
// that sits on it, the day it is due, and what happened to it, including meetings that never sat
// and why. Rows come from request-records.ts; every body and rule opens the glossary.
import type { App } from '../app';
import { dayOfTurn, type DecisionKind, type GameState, type IntentId } from '../engine';
import { formatNumber, localize, t } from '../../ui-kit/i18n';
import { stateName } from '../../ui-kit/scenario-names';
import { bodyLink, decisionBody, requestBody } from './bodies';
import { el } from '../../ui-kit/dom';
import { decisionName, decisionText, procedureName } from '../../ui-kit/format';
import { gameContext, ruleLink } from './glossary';
import { requestRows, sittingsAhead, type RequestRow } from './request-records';

/** The decision a request asks for, to name it shortly (most names carry the body). */
const KIND_OF: Record<IntentId, DecisionKind> = {
  consult: 'consultation',
  'joint-statement': 'statement',
  'collective-defence': 'collective-defence',
  'ct-cooperation': 'ct-coordination',
  'suspend-member': 'suspension',
  'act-alone': 'posture',
  'de-escalate': 'posture',
};

function who(game: GameState, row: RequestRow): string {
  if (row.proposer === 'chair') return t('requests.chair');
  return row.proposer === game.scenario.player.state ? t('requests.you') : stateName(game.scenario, row.proposer);
}

/** One row: asked when and by whom, the body, and what became of it. */
function rowItem(app: App, game: GameState, row: RequestRow, key: string): HTMLElement {
  const context = gameContext(game);
  const features = game.features;
  const sitting = row.sitting === undefined ? undefined : game.scenario.alliance.calendar?.find((s) => s.id === row.sitting);
  const head =
    row.proposal === 0
      ? t('requests.standing', { turn: row.turn, day: formatNumber(row.day) })
      : sitting
        ? t('requests.tabled', { turn: row.turn, day: formatNumber(row.day), who: who(game, row), sitting: localize(sitting.name) })
        : t('requests.asked', { turn: row.turn, day: formatNumber(row.day), who: who(game, row), procedure: procedureName(features, row.intent) });
  const body = row.proposal === 0 && row.decisions[0] ? decisionBody(features, row.decisions[0]) : requestBody(features, row.intent);
  const item = el(
    'li',
    { class: `request ${row.state}`, 'data-request': row.proposal, 'data-intent': row.intent, 'data-state': row.state, 'data-body': body },
    el('div', { class: 'request-head', text: head }),
    el('div', { class: 'request-body small' }, `${t('decided.by')} `, bodyLink(app, body, context, `${key}-body`)),
  );
  if (sitting) item.append(draftWords(game, sitting.condemns));
  if (row.state === 'pending' && row.meetingDay !== null) {
    item.append(el('div', { class: 'request-what small', 'data-testid': 'request-due', text: t('requests.pending', { day: formatNumber(row.meetingDay) }) }));
  }
  row.decisions.forEach((d, i) => {
    const what =
      d.outcome === 'declined'
        ? t('requests.declined')
        : d.outcome === 'lapsed'
          ? t('requests.lapsed', { end: formatNumber(d.day), day: formatNumber(row.meetingDay ?? d.day) })
          : `${t('requests.sat', { day: formatNumber(d.day) })} ${decisionText(game.scenario, features, d)}`;
    item.append(
      el(
        'div',
        { class: `request-what small${d.outcome === 'blocked' ? ' blocked' : ''}`, 'data-outcome': d.outcome },
        what,
        ' (',
        ruleLink(app, d.rule, context, `${key}-rule-${i}`),
        ')',
      ),
    );
  });
  return item;
}

/** What a calendar draft condemns by name, as the events' headlines: members answer its words. */
export function draftWords(game: GameState, condemns: readonly string[]): HTMLElement {
  const named = condemns.map((id) => game.scenario.events.find((e) => e.id === id)).filter((e) => e !== undefined);
  if (named.length === 0) return el('div', { class: 'request-what small', 'data-testid': 'draft-words', text: t('requests.condemnsNothing') });
  return el('div', { class: 'request-what small', 'data-testid': 'draft-words' }, t('requests.condemns'), el('ul', {}, ...named.map((e) => el('li', { text: localize(e.text) }))));
}

/** The list of requests up to turn `upTo`; `prefix` keeps focus keys apart between screens. */
export function requestTimeline(app: App, game: GameState, prefix: string, upTo = game.turns.length): HTMLElement {
  const rows = requestRows(game, upTo);
  if (rows.length === 0) return el('p', { class: 'muted small', 'data-testid': 'requests-empty', text: t('requests.none') });
  return el('ol', { class: 'request-timeline', 'data-testid': 'request-timeline' }, ...rows.map((row, i) => rowItem(app, game, row, `${prefix}-req-${i}`)));
}

/** What is still waiting for a sitting, in a line each: shown at the top of the panel at all times. */
export function underWay(app: App, game: GameState, upTo = game.turns.length): HTMLElement | null {
  const pending = requestRows(game, upTo).filter((r) => r.state === 'pending');
  const coming = sittingsAhead(game, upTo);
  if (pending.length === 0 && coming.length === 0) return null;
  return el(
    'section',
    { class: 'under-way', 'data-testid': 'under-way', 'aria-label': t('requests.underWay') },
    el('h3', { text: t('requests.underWay') }),
    el(
      'ul',
      {},
      ...pending.map((row) =>
        el(
          'li',
          { 'data-intent': row.intent, 'data-request': row.proposal },
          t('requests.dueShort', { procedure: decisionName(KIND_OF[row.intent], game.features), day: formatNumber(row.meetingDay ?? row.day) }),
        ),
      ),
      ...coming.map((s) =>
        el(
          'li',
          { 'data-sitting': s.id },
          t('requests.scheduled', { sitting: localize(s.name), turn: s.at, day: formatNumber(dayOfTurn(game.scenario, s.at)), who: stateName(game.scenario, s.tabledBy) }),
        ),
      ),
    ),
  );
}

/** The debrief's card: every request and meeting of the game. */
export function requestTimelineCard(app: App, game: GameState): HTMLElement {
  return el('section', { class: 'card', 'data-testid': 'debrief-requests' }, el('h2', { text: t('requests.heading') }), requestTimeline(app, game, 'debrief'));
}
