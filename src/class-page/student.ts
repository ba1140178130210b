// A student's view: their delegation's private briefing, what happened, their choice for the
// turn, and what the alliance decided. It draws from the client's replayed state and sends
// only the student's own choice; the seat is the connection's, never named here.
import { el } from '../ui-kit/dom';
import { localize, percent, formatList, t } from '../ui-kit/i18n';
import { decisionText, procedureName } from '../ui-kit/format';
import { intentOptions } from '../engine/index';
import { NATIONAL } from '../engine/index';
import { POSITIONS, INTENTS } from '../engine/index';
import type { IntentId, Position } from '../engine/index';
import type { ClassClient } from '../class/client';
import type { Choice } from '../class/protocol';
import { currentBranch, delegationsOf } from '../class/session';
import { tc } from './i18n';
import { clockText, resultText, ruleSetLabel, stateName } from './words';
import { adversaryName } from '../ui-kit/scenario-names';

export interface Draft {
  turn: number;
  intents: Set<IntentId>;
  motions: Set<IntentId>;
  positions: Partial<Record<IntentId, Position>>;
}

export function draftFor(client: ClassClient, previous: Draft | null): Draft {
  const game = currentBranch(client.state).game;
  if (previous && previous.turn === game.turn) return previous;
  const c = client.choice;
  if (c && c.turn === game.turn) return { turn: c.turn, intents: new Set(c.intents), motions: new Set(c.motions), positions: { ...c.positions } };
  // A new turn starts from the positions of the last one: a stance is kept until changed.
  return { turn: game.turn, intents: new Set(), motions: new Set(), positions: { ...(previous?.positions ?? {}) } };
}

export function choiceOf(draft: Draft): Choice {
  return { turn: draft.turn, intents: [...draft.intents], motions: [...draft.motions], positions: { ...draft.positions } };
}

export function header(client: ClassClient): HTMLElement {
  const { config, phase } = client.state;
  const branch = currentBranch(client.state);
  const game = branch.game;
  const status =
    phase === 'lobby'
      ? tc('cls.phase.lobby')
      : phase === 'over'
        ? tc('cls.phase.over', { result: resultText(game.result) })
        : phase === 'paused'
          ? tc('cls.phase.paused', { turn: game.turn })
          : tc('cls.phase.running', { turn: game.turn, horizon: config.scenario.horizon, day: (game.turn - 1) * config.scenario.turnDays });
  return el(
    'section',
    { class: 'card', 'data-testid': 'class-header' },
    el('p', { class: 'muted', text: tc('cls.room', { code: config.code, scenario: localize(config.scenario.title), rules: ruleSetLabel(branch.rules) }) }),
    el('p', { 'data-testid': 'phase', text: status }),
    client.connected ? null : el('p', { class: 'error', role: 'status', text: tc('cls.reconnecting') }),
    el('p', { 'data-countdown': '', 'aria-live': 'off', text: countdownText(client) }),
  );
}

export function countdownText(client: ClassClient): string {
  const { remainingMs, running } = client.deadline;
  if (remainingMs === null) return '';
  const left = running ? remainingMs - (Date.now() - client.deadlineAt) : remainingMs;
  return tc('cls.deadline', { time: clockText(left) });
}

export function seatPicker(client: ClassClient, claim: (seat: string) => void): HTMLElement {
  const scenario = client.state.config.scenario;
  const seats = delegationsOf(scenario).map((id) => {
    const taken = client.state.seats[id] !== undefined;
    return el('button', {
      'data-seat': id,
      disabled: taken,
      onclick: () => claim(id),
      text: taken ? `${stateName(scenario, id)} (${tc('cls.taken')})` : tc('cls.take', { state: stateName(scenario, id) }),
    });
  });
  return el('section', { class: 'card' }, el('h2', { text: tc('cls.pickSeat') }), el('div', { class: 'seats' }, ...seats));
}

/** What the student's own government weighs, from its profile in the scenario. */
function briefing(client: ClassClient, seat: string): HTMLElement {
  const scenario = client.state.config.scenario;
  const profile = scenario.states.find((s) => s.id === seat)?.profile;
  const named = (rec: Record<string, number>) =>
    formatList(
      Object.entries(rec)
        .filter(([, v]) => v >= 0.5)
        .sort((a, b) => b[1] - a[1])
        .map(([id]) => (id === scenario.adversary.id ? adversaryName(scenario) : stateName(scenario, id))),
    );
  const lines: string[] = [];
  if (seat === scenario.player.state) lines.push(tc('cls.profile.requester'), localize(scenario.briefing));
  if (profile) {
    lines.push(tc('cls.profile.interests', { value: percent(profile.interests) }));
    lines.push(tc('cls.profile.risk', { value: percent(profile.riskTolerance) }));
    lines.push(tc('cls.profile.domestic', { value: percent(profile.domesticConstraint) }));
    const threats = named(profile.threat);
    if (threats) lines.push(tc('cls.profile.threat', { list: threats }));
    const ties = named(profile.ties);
    if (ties) lines.push(tc('cls.profile.ties', { list: ties }));
  }
  return el(
    'section',
    { class: 'card', 'data-testid': 'briefing' },
    el('h2', { text: tc('cls.briefing') }),
    ...lines.map((line) => el('p', { text: line })),
    client.briefing ? el('div', { 'data-testid': 'instructor-note' }, el('h3', { text: tc('cls.instructorNote') }), el('p', { text: client.briefing })) : null,
  );
}

function events(client: ClassClient): HTMLElement {
  const game = currentBranch(client.state).game;
  const fired = game.events.map((e) => localize(game.scenario.events.find((s) => s.id === e.id)?.text));
  return el('section', { class: 'card' }, el('h2', { text: tc('cls.events') }), ...(fired.length ? fired.map((f) => el('p', { text: f })) : [el('p', { class: 'muted', text: tc('cls.noEvents') })]));
}

function choiceForm(client: ClassClient, seat: string, draft: Draft, changed: () => void, send: () => void): HTMLElement {
  const game = currentBranch(client.state).game;
  const requester = seat === game.scenario.player.state;
  const options = intentOptions(game);
  const boxes = (set: Set<IntentId>, intents: readonly IntentId[], testid: string) =>
    intents.map((intent) => {
      const option = options.find((o) => o.intent === intent)!;
      const box = el('input', { type: 'checkbox', 'data-intent': intent, disabled: !option.available }) as HTMLInputElement;
      box.checked = set.has(intent);
      box.addEventListener('change', () => {
        if (box.checked) set.add(intent);
        else set.delete(intent);
        changed();
      });
      return el('label', { class: 'choice', 'data-testid': testid }, box, procedureName(game.features, intent), option.available ? null : el('span', { class: 'muted', text: ` (${tc('cls.unavailable')})` }));
    });
  const allianceIntents = INTENTS.filter((i) => !NATIONAL.includes(i));
  const positions = allianceIntents.map((intent) => {
    const select = el('select', { 'data-position': intent }) as HTMLSelectElement;
    select.append(el('option', { value: '', text: tc('cls.pos.profile') }), ...POSITIONS.map((p) => el('option', { value: p, text: t(`pos.${p}`) })));
    select.value = draft.positions[intent] ?? '';
    select.addEventListener('change', () => {
      if (select.value) draft.positions[intent] = select.value as Position;
      else delete draft.positions[intent];
      changed();
    });
    return el('label', { class: 'position' }, procedureName(game.features, intent), select);
  });
  const sent = client.choice?.turn === game.turn;
  return el(
    'section',
    { class: 'card', 'data-testid': 'choice' },
    requester
      ? el('fieldset', {}, el('legend', { text: tc('cls.yourRequests') }), ...boxes(draft.intents, INTENTS, 'request'))
      : el('fieldset', {}, el('legend', { text: tc('cls.yourMotions') }), ...boxes(draft.motions, allianceIntents, 'motion')),
    requester ? null : el('fieldset', {}, el('legend', { text: tc('cls.yourPositions') }), ...positions),
    el('div', { class: 'actions' }, el('button', { class: 'primary', 'data-testid': 'send-choice', onclick: send, text: tc('cls.send', { turn: game.turn }) })),
    el('p', { 'data-testid': 'choice-status', role: 'status', text: sent ? tc('cls.sent', { turn: game.turn }) : tc('cls.notSent') }),
  );
}

export function lastTurn(client: ClassClient, seat: string | null): HTMLElement | null {
  const branch = currentBranch(client.state);
  const record = branch.game.turns.at(-1);
  if (!record) return null;
  const who = seat ? branch.attribution.at(-1)?.delegations[seat] : undefined;
  return el(
    'section',
    { class: 'card', 'data-testid': 'last-turn' },
    el('h2', { text: tc('cls.lastTurn', { turn: record.turn }) }),
    ...(record.decisions.length ? record.decisions.map((d) => el('p', { text: decisionText(branch.game.scenario, branch.game.features, d) })) : [el('p', { class: 'muted', text: tc('cls.noDecision') })]),
    who?.by === 'bot' ? el('p', { class: 'muted', text: tc('cls.byBot', { turn: record.turn }) }) : null,
  );
}

export function studentView(client: ClassClient, draft: Draft, changed: () => void, send: () => void): HTMLElement[] {
  const seat = client.seat!;
  const scenario = client.state.config.scenario;
  const playing = client.state.phase === 'running' || client.state.phase === 'paused';
  return [
    el('h1', { 'data-testid': 'you-are', text: tc('cls.youAre', { name: client.student ?? '', state: stateName(scenario, seat) }) }),
    header(client),
    briefing(client, seat),
    events(client),
    playing ? choiceForm(client, seat, draft, changed, send) : null,
    lastTurn(client, seat),
  ].filter((x): x is HTMLElement => x !== null);
}
