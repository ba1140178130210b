// class.html: students join a class room by name and room code and speak for one member state;
// the instructor's link (#instructor=TOKEN&rooms=CODE,…) opens the dashboard of each room. Every
// client replays the room's command log with the engine itself; the page draws from that state.
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import './styles.css';
import { applyThemeToDocument } from '../ui-kit/theme';
import { initialLanguage, onLanguageChange, setLanguage } from '../ui-kit/i18n';
import { el, clear } from '../ui-kit/dom';
import { languageSelect } from '../ui-kit/language-select';
import { ClassClient, ClassJoinError } from '../class/client';
import { normalizeCode, type InstructorCommand } from '../class/protocol';
import { tc } from './i18n';
import { choiceOf, countdownText, draftFor, seatPicker, studentView, header, type Draft } from './student';
import { dashboardView } from './dashboard';
import { refusalText } from './words';

const root = document.getElementById('class')!;
const query = new URLSearchParams(location.search);
const hash = new URLSearchParams(location.hash.slice(1));
const endpoint = query.get('server') ?? `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;
const SESSION_KEY = 'crisis-lab.class.seat';

interface PageState {
  student: ClassClient | null;
  rooms: ClassClient[];
  active: number;
  error: string | null;
  notice: string | null;
  busy: boolean;
  draft: Draft | null;
  drafts: Map<string, string>;
  hideNames: boolean;
}

const page: PageState = { student: null, rooms: [], active: 0, error: null, notice: null, busy: false, draft: null, drafts: new Map(), hideNames: false };

function render(): void {
  // Redraws keep the focused control focused, so a live update never steals a keystroke.
  const focused = document.activeElement as HTMLElement | null;
  const key = focused?.dataset.key ?? focused?.dataset.testid ?? null;
  clear(root);
  const top = el('div', { class: 'topline' }, el('h1', { text: hash.has('instructor') ? tc('cls.dashboard') : tc('cls.title') }), languageSelect());
  root.append(top);
  if (page.error) root.append(el('p', { class: 'error', role: 'alert', 'data-testid': 'error', text: page.error }));
  if (page.notice) root.append(el('p', { class: 'error', role: 'status', 'data-testid': 'notice', text: page.notice }));
  if (hash.has('instructor')) drawDashboard();
  else drawStudent();
  if (key) root.querySelector<HTMLElement>(`[data-key="${key}"], [data-testid="${key}"]`)?.focus();
}

function drawStudent(): void {
  const client = page.student;
  if (!client) return void root.append(joinForm());
  if (!client.seat) {
    root.append(header(client), seatPicker(client, (seat) => void claim(client, seat)));
    return;
  }
  page.draft = draftFor(client, page.draft);
  root.append(...studentView(client, page.draft, () => undefined, () => void sendChoice(client)));
}

function joinForm(): HTMLElement {
  const name = el('input', { id: 'join-name', 'data-key': 'name', autocomplete: 'name', maxlength: 40, required: true }) as HTMLInputElement;
  const code = el('input', { id: 'join-code', 'data-key': 'code', autocomplete: 'off', maxlength: 12, value: query.get('room') ?? '', style: 'text-transform: uppercase' }) as HTMLInputElement;
  const form = el(
    'form',
    { class: 'card', 'data-testid': 'join' },
    el('h2', { text: tc('cls.join') }),
    el('label', { class: 'field', for: 'join-name' }, tc('cls.name'), name),
    el('label', { class: 'field', for: 'join-code' }, tc('cls.code'), code),
    el('button', { class: 'primary', type: 'submit', disabled: page.busy, text: page.busy ? tc('cls.joining') : tc('cls.joinButton') }),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void join({ code: normalizeCode(code.value), name: name.value });
  });
  return form;
}

async function join(how: { code: string; name?: string; seatToken?: string }): Promise<void> {
  page.busy = true;
  page.error = null;
  render();
  try {
    const client = await ClassClient.join({ endpoint, role: 'student', ...how });
    page.student = client;
    client.onChange(() => {
      if (client.seatToken) sessionStorage.setItem(SESSION_KEY, JSON.stringify({ code: client.state.config.code, token: client.seatToken }));
      else if (!client.seat) {
        if (sessionStorage.getItem(SESSION_KEY)) page.notice = tc('cls.freed');
        sessionStorage.removeItem(SESSION_KEY);
      }
      if (client.lastRefusal) {
        page.notice = refusalText(client.lastRefusal);
        client.lastRefusal = null;
      }
      render();
    });
  } catch (error) {
    page.error = refusalText(error instanceof ClassJoinError ? error.code : 'unreachable');
    if (how.seatToken) sessionStorage.removeItem(SESSION_KEY);
  }
  page.busy = false;
  render();
}

async function claim(client: ClassClient, seat: string): Promise<void> {
  const answer = await client.send({ type: 'claim', seat });
  page.notice = answer.ok ? null : refusalText(answer.code);
  render();
}

async function sendChoice(client: ClassClient): Promise<void> {
  if (!page.draft) return;
  const answer = await client.send({ type: 'choose', choice: choiceOf(page.draft) });
  page.notice = answer.ok ? null : refusalText(answer.code);
  render();
}

function drawDashboard(): void {
  if (page.rooms.length === 0) {
    if (!page.busy) root.append(el('p', { class: 'muted', text: tc('cls.joining') }));
    return;
  }
  if (page.rooms.length > 1) {
    root.append(
      el(
        'div',
        { class: 'tabs', role: 'group' },
        ...page.rooms.map((r, i) => el('button', { 'aria-pressed': String(i === page.active), 'data-room': r.state.config.code, onclick: () => ((page.active = i), render()), text: r.state.config.code })),
      ),
    );
  }
  const client = page.rooms[page.active]!;
  root.append(
    ...dashboardView(client, {
      drafts: page.drafts,
      hideNames: page.hideNames,
      setHideNames: (hidden) => ((page.hideNames = hidden), render()),
      send: (c, command: InstructorCommand) =>
        void c.send(command).then((answer) => {
          page.notice = answer.ok ? null : refusalText(answer.code);
          render();
        }),
    }),
  );
}

async function openDashboard(): Promise<void> {
  const token = hash.get('instructor') ?? '';
  const codes = (hash.get('rooms') ?? query.get('room') ?? '').split(',').map(normalizeCode).filter(Boolean);
  page.busy = true;
  render();
  for (const code of codes) {
    try {
      const client = await ClassClient.join({ endpoint, code, role: 'instructor', instructorToken: token });
      client.onChange(render);
      page.rooms.push(client);
    } catch (error) {
      page.error = `${code}: ${refusalText(error instanceof ClassJoinError ? error.code : 'unreachable')}`;
    }
  }
  page.busy = false;
  render();
}

applyThemeToDocument();
setLanguage(initialLanguage(), false);
onLanguageChange(() => render());
render();
// The turn's clock ticks on the page between the server's updates.
setInterval(() => {
  const client = page.student ?? page.rooms[page.active];
  if (!client) return;
  for (const node of root.querySelectorAll<HTMLElement>('[data-countdown]')) node.textContent = countdownText(client);
}, 500);
if (hash.has('instructor')) void openDashboard();
else {
  const saved = sessionStorage.getItem(SESSION_KEY);
  const seat = saved ? (JSON.parse(saved) as { code: string; token: string }) : null;
  if (seat) void join({ code: seat.code, seatToken: seat.token });
}
