// The instructor's dashboard for one room: every delegation's status live, the turn's controls
// (start, pause, next turn, deadline, undo, branch), seats to free, private briefings, a
// names-hidden view for the projector and the logs to download.
import { el } from '../ui-kit/dom';
import { logText } from '../engine/index';
import { RULE_SETS } from '../engine/index';
import type { ClassClient } from '../class/client';
import { currentBranch, delegationsOf } from '../class/session';
import { branchLog, classLog } from '../class/class-log';
import type { InstructorCommand } from '../class/protocol';
import { tc } from './i18n';
import { debriefView } from './debrief-view';
import { header, lastTurn } from './student';
import { ruleSetLabel, stateName, studentLabel } from './words';

export interface DashboardInputs {
  /** What the instructor has typed and not sent, kept across redraws. */
  drafts: Map<string, string>;
  hideNames: boolean;
  setHideNames: (hidden: boolean) => void;
  send: (client: ClassClient, command: InstructorCommand) => void;
}

export function dashboardView(client: ClassClient, inputs: DashboardInputs): HTMLElement[] {
  const { state } = client;
  const scenario = state.config.scenario;
  const branch = currentBranch(state);
  const game = branch.game;
  const send = (command: InstructorCommand) => inputs.send(client, command);
  const hidden = inputs.hideNames;
  const draft = (key: string, fallback = '') => inputs.drafts.get(`${state.config.code}:${key}`) ?? fallback;
  const keep = (key: string) => (e: Event) => inputs.drafts.set(`${state.config.code}:${key}`, (e.target as HTMLInputElement).value);

  const controls = el(
    'div',
    { class: 'actions' },
    state.phase === 'lobby' ? el('button', { class: 'primary', 'data-testid': 'start', onclick: () => send({ type: 'start' }), text: tc('cls.start') }) : null,
    state.phase === 'running' ? el('button', { 'data-testid': 'pause', onclick: () => send({ type: 'pause' }), text: tc('cls.pause') }) : null,
    state.phase === 'paused' ? el('button', { 'data-testid': 'resume', onclick: () => send({ type: 'resume' }), text: tc('cls.resume') }) : null,
    state.phase === 'running' || state.phase === 'paused'
      ? el('button', { class: 'primary', 'data-testid': 'next-turn', onclick: () => send({ type: 'play' }), text: tc('cls.next', { turn: game.turn }) })
      : null,
    game.turns.length > 0 ? el('button', { 'data-testid': 'undo', onclick: () => send({ type: 'undo' }), text: tc('cls.undo') }) : null,
  );
  const deadlineInput = el('input', { type: 'number', min: 1, max: 3600, 'data-key': 'deadline', 'data-testid': 'deadline', value: draft('deadline', state.deadline === null ? '' : String(state.deadline)), oninput: keep('deadline') }) as HTMLInputElement;
  const deadline = el(
    'div',
    { class: 'actions' },
    el('label', { class: 'field' }, tc('cls.deadlineLabel'), deadlineInput),
    el('button', {
      onclick: () => {
        const seconds = deadlineInput.value.trim() === '' ? null : Math.round(Number(deadlineInput.value));
        send({ type: 'deadline', seconds });
      },
      text: tc('cls.setDeadline'),
    }),
  );
  const others = [...new Set([...(scenario.rules ?? RULE_SETS), ...Object.keys(scenario.ruleSets)])].filter((r) => r !== branch.rules);
  const branchSelect = el('select', { 'data-testid': 'branch-rules' }, ...others.map((r) => el('option', { value: r, text: ruleSetLabel(r) }))) as HTMLSelectElement;
  const branching = el('div', { class: 'actions' }, el('label', { class: 'field' }, tc('cls.branch'), branchSelect), el('button', { 'data-testid': 'branch', onclick: () => send({ type: 'branch', rules: branchSelect.value }), text: tc('cls.branchButton') }));
  const hideToggle = el('input', { type: 'checkbox', 'data-testid': 'hide-names', onchange: (e: Event) => inputs.setHideNames((e.target as HTMLInputElement).checked) }) as HTMLInputElement;
  hideToggle.checked = hidden;

  const rows = delegationsOf(scenario).map((seat) => {
    const student = state.seats[seat];
    const online = client.presence.connected.includes(seat);
    const status = !student ? tc('cls.st.free') : online ? tc('cls.st.online') : tc('cls.st.offline');
    const briefingText = el('textarea', { 'data-key': `brief-${seat}`, 'aria-label': tc('cls.brief'), oninput: keep(`brief-${seat}`) }) as HTMLTextAreaElement;
    briefingText.value = draft(`brief-${seat}`);
    return el(
      'tr',
      { 'data-row': seat },
      el('td', { text: `${stateName(scenario, seat)}${seat === scenario.player.state ? ' ★' : ''}` }),
      el('td', { 'data-testid': 'student', text: student ? studentLabel(student, hidden, state.seats) : '—' }),
      el('td', {}, el('span', { class: online ? 'dot-on' : 'dot-off', 'aria-hidden': 'true', text: online ? '● ' : '○ ' }), status),
      el('td', { 'data-testid': 'turn-status', text: state.ready.includes(seat) ? tc('cls.st.chosen') : student ? tc('cls.st.waiting') : '' }),
      hidden
        ? el('td')
        : el(
            'td',
            {},
            student ? el('button', { 'data-testid': 'free', onclick: () => send({ type: 'free', seat }), text: tc('cls.free') }) : null,
            el(
              'details',
              {},
              el('summary', { text: tc('cls.brief') }),
              briefingText,
              el('button', {
                onclick: () => {
                  send({ type: 'brief', seat, text: briefingText.value });
                  inputs.drafts.delete(`${state.config.code}:brief-${seat}`);
                },
                text: tc('cls.sendBrief'),
              }),
            ),
          ),
    );
  });
  const seated = Object.keys(state.seats).length;
  const connected = client.presence.connected.filter((s) => state.seats[s]).length;
  const table = el(
    'table',
    { 'data-testid': 'delegations' },
    el('thead', {}, el('tr', {}, el('th', { text: tc('cls.col.state') }), el('th', { text: tc('cls.col.student') }), el('th', { text: tc('cls.col.status') }), el('th', { text: tc('cls.col.turn') }), el('th'))),
    el('tbody', {}, ...rows),
  );
  return [
    header(client),
    el(
      'section',
      { class: 'card' },
      hidden ? null : controls,
      hidden ? null : deadline,
      hidden ? null : branching,
      el('div', { class: 'actions' }, el('label', { class: 'choice' }, hideToggle, tc('cls.hideNames')), hidden ? null : el('button', { 'data-testid': 'download', onclick: () => download(client), text: tc('cls.download') })),
      el('p', { 'data-testid': 'presence', class: 'muted', text: tc('cls.presence', { connected, seated, guests: client.presence.guests }) }),
      table,
    ),
    lastTurn(client, null),
    debriefView(state, hidden),
  ].filter((x): x is HTMLElement => x !== null);
}

/** Each rule set's outcome log and the class record, from this page's own replay of the log. */
function download(client: ClassClient): void {
  const { state } = client;
  const files: [string, string][] = state.branches.map((b, i) => [`${state.config.code}-${i + 1}-${b.rules.replace(/[^A-Za-z0-9_-]+/g, '_')}.json`, logText(branchLog(b))]);
  files.push([`${state.config.code}.class.json`, JSON.stringify(classLog(state, client.log)) + '\n']);
  for (const [name, text] of files) {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = el('a', { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
