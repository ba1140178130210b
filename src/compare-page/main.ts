// compare.html: an instructor drops a class's outcome logs (files or whole folders); every log
// is verified by replay in this browser and marked; each is checked against the assignment when
// one is given, copies and the same game under two names are flagged, and the accepted games are
// compared by scenario (by its hash) and rule set, however many rule sets the logs were played
// under (presets, a scenario's own, design-lab specs), filtered as the instructor chooses. Charts
// come first, the table and the list of inputs after them. Nothing is uploaded: the page reads
// files locally and works offline.
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import './styles.css';
import { applyThemeToDocument } from '../ui-kit/theme';
import { initialLanguage, onLanguageChange, setLanguage, t, formatNumber, type MessageKey } from '../ui-kit/i18n';
import { el, clear, uid } from '../ui-kit/dom';
import { INTENTS } from '../engine/index';
import { compareEntries, publicKeyIn, gamesCsv, shortHash, tableCsv, SUMMARY_INDICATORS, TURN_INDICATORS, type Comparison, type Entry, type Filter, type Group, type SummaryIndicator, type TurnIndicator } from '../compare/index';
import { ct, type CompareKey } from './i18n';
import { alerts, entriesList } from './entries';
import { assignmentOf } from './assignment';
import { assignmentForm, type AssignmentForm, type AssignmentValues } from './assignment-form';
import { choice } from './labelled';
import { fromDrop, fromFileList, type InputFile } from './load';
import { verifyFiles } from './verify-pool';
import { boxChart, courseChart, legend } from './charts';
import { intentName, ruleSetLooks, ruleSetShort, ruleSetTitle, type RuleSetLook } from './rule-sets';
import { languageSelect } from '../ui-kit/language-select';
import { startOffline } from '../ui-kit/offline';

/** The assignment's values come from its form (assignment-form.ts). */
interface PageState extends AssignmentValues {
  entries: Entry[];
  comparison: Comparison | null;
  busy: { done: number; total: number } | null;
  hideNames: boolean;
  /** The charts' scenario: its id and hash (chartKey). */
  scenario: string | null;
  filter: Filter;
}

const state: PageState = { entries: [], comparison: null, busy: null, hideNames: false, scenario: null, assignment: null, assignmentRules: '', assignmentSeed: '', serverKey: '', filter: {} };
const root = document.getElementById('compare')!;

export function indicatorName(k: SummaryIndicator | TurnIndicator): string {
  if (k === 'maxEscalation' || k === 'finalEscalation' || k === 'daysToFirstCollectiveMeasure' || k === 'score') return ct(`cmp.ind.${k}` as CompareKey);
  return t(`ind.${k}` as MessageKey);
}

function num(v: number | null): string {
  if (v === null) return '–';
  const abs = Math.abs(v);
  return formatNumber(v, Number.isInteger(v) ? 0 : abs >= 100 ? 1 : 3);
}

/** Names are a student's business: hidden on a projector, file names too. */
function sourceName(source: string, index: number): string {
  return state.hideNames ? `#${index + 1}` : source;
}

const sourceIndex = new Map<string, number>();


// Files given while others are being verified wait their turn.
let queue: Promise<void> = Promise.resolve();
function addFiles(inputs: InputFile[], unreadable: string[] = []): Promise<void> {
  queue = queue.then(() => verifyAndAdd(inputs, unreadable)).catch((error: unknown) => {
    console.error(error);
    state.busy = null;
    render();
  });
  return queue;
}

async function verifyAndAdd(inputs: InputFile[], unreadable: string[]): Promise<void> {
  // A dropped folder the browser could not read is named; the rest still comes in.
  const unread: Entry[] = unreadable.map((source) => ({ source, status: 'refused', reason: `${ct('cmp.readError')}` }));
  if (inputs.length === 0 && unread.length === 0) return;
  state.busy = { done: 0, total: inputs.length };
  render();
  let lastDraw = 0;
  const entries = await verifyFiles(inputs, ct('cmp.readError'), (done, total) => {
    state.busy = { done, total };
    const now = performance.now();
    if (now - lastDraw > 120 || done === total) {
      lastDraw = now;
      updateStatus();
    }
  });
  state.entries.push(...unread, ...entries);
  state.busy = null;
  recompare();
}

/** Compares again (no verification: that was done once per file) after the files, the
 * assignment or the filter changed, then draws. */
function recompare(): void {
  if (state.entries.length === 0) {
    state.comparison = null;
    render();
    return;
  }
  const { assignment } = assignmentOf(state.assignment?.read ?? null, state.assignmentRules, state.assignmentSeed);
  const serverKey = publicKeyIn(state.serverKey);
  state.comparison = compareEntries(state.entries, { ...(assignment ? { assignment } : {}), filter: state.filter, ...(serverKey ? { serverKey } : {}) });
  sourceIndex.clear();
  state.entries.forEach((e, i) => sourceIndex.set(e.source, i));
  const keys = chartChoices(state.comparison).map((x) => x.key);
  if (!state.scenario || !keys.includes(state.scenario)) state.scenario = keys[0] ?? null;
  render();
}

let statusNode: HTMLElement | null = null;

function statusText(): string {
  if (state.busy) return ct('cmp.working', { done: formatNumber(state.busy.done), total: formatNumber(state.busy.total) });
  const c = state.comparison;
  if (!c) return ct('cmp.empty');
  const n = c.counts;
  return ct('cmp.counts', { total: formatNumber(n.inputs), verified: formatNumber(n.verified), summaries: formatNumber(n.summaries), refused: formatNumber(n.refused), other: formatNumber(n.otherVersion) });
}

function updateStatus(): void {
  if (!statusNode) return;
  statusNode.textContent = '';
  statusNode.append(statusText());
  if (state.busy) statusNode.append(el('progress', { max: state.busy.total, value: state.busy.done }));
  statusNode.setAttribute('aria-busy', state.busy ? 'true' : 'false');
  if (!state.busy && state.comparison) statusNode.setAttribute('data-done', String(state.comparison.counts.inputs));
  else statusNode.removeAttribute('data-done');
}

/** The controls at the top (the files, the status, the assignment's form) are built once per
 * language and brought up to date at each redraw, never rebuilt while in use: a field the
 * instructor types in keeps its focus, caret and text. Null before the first draw and after a
 * change of language. */
let top: { node: HTMLElement; refresh: () => void } | null = null;

function controls(): { node: HTMLElement; refresh: () => void } {
  // The inputs are reached through their buttons; each still carries its own label for
  // assistive technology, and stays out of the tab order so the keyboard meets one control.
  const files = el('input', { type: 'file', multiple: true, accept: '.json,.jsonl,.ndjson,application/json', class: 'visually-hidden', id: 'pick-files', 'data-testid': 'files', 'aria-label': ct('cmp.pickFilesLabel'), tabindex: -1 });
  files.addEventListener('change', () => {
    void addFiles(fromFileList(files.files));
    files.value = '';
  });
  const folder = el('input', { type: 'file', multiple: true, webkitdirectory: true, class: 'visually-hidden', id: 'pick-folder', 'data-testid': 'folder', 'aria-label': ct('cmp.pickFolderLabel'), tabindex: -1 });
  folder.addEventListener('change', () => {
    void addFiles(fromFileList(folder.files));
    folder.value = '';
  });
  const hide = el('input', { type: 'checkbox', id: 'hide-names', 'data-testid': 'hide-names' });
  hide.addEventListener('change', () => {
    state.hideNames = hide.checked;
    render();
  });
  const clearButton = el('button', { type: 'button', text: ct('cmp.clear'), 'data-testid': 'clear' });
  clearButton.addEventListener('click', () => {
    state.entries = [];
    state.scenario = null;
    recompare();
  });
  statusNode = el('p', { class: 'status', role: 'status', 'aria-live': 'polite', 'data-testid': 'status' });
  const pick = (input: HTMLInputElement, label: CompareKey) => {
    const button = el('button', { type: 'button', class: 'primary', text: ct(label) });
    button.addEventListener('click', () => input.click());
    return button;
  };
  const pickFiles = pick(files, 'cmp.pickFiles');
  const pickFolder = pick(folder, 'cmp.pickFolder');
  const form: AssignmentForm = assignmentForm(state, recompare);
  const node = el(
    'section',
    { class: 'card drop' },
    el('p', { text: ct('cmp.intro') }),
    el('div', { class: 'actions' }, pickFiles, pickFolder, files, folder, clearButton, el('label', { class: 'toggle', for: 'hide-names' }, hide, ct('cmp.hideNames'))),
    el('p', { class: 'small muted', text: ct('cmp.dropHint') }),
    statusNode,
    form.element,
  );
  const refresh = () => {
    hide.checked = state.hideNames;
    clearButton.disabled = state.entries.length === 0 || state.busy !== null;
    pickFiles.disabled = pickFolder.disabled = state.busy !== null;
    updateStatus();
    form.refresh();
  };
  refresh();
  return { node, refresh };
}

/** A table that may scroll sideways: a named region the keyboard can reach and scroll. */
function scroller(name: string, table: HTMLElement): HTMLElement {
  return el('div', { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': name }, table);
}

function groupLabel(g: Group): string {
  return ct(g.basis === 'log' ? 'cmp.basis.log' : 'cmp.basis.summary', { count: formatNumber(g.games) });
}

/** Every rule set of the comparison with its look: the same colour and dash on every chart. */
function looksOf(c: Comparison): Map<string, RuleSetLook> {
  return ruleSetLooks(c.groups.map((g) => g.rules));
}

/** A rule set's name in its colour: a label beside the colour, never colour alone. */
function ruleSetCell(rules: string, looks: Map<string, RuleSetLook>, attrs: Record<string, string | number> = {}): HTMLElement {
  const cell = el('td', { ...attrs, class: 'bloc', 'data-rules': rules, text: ruleSetShort(rules) });
  const look = looks.get(rules);
  if (look) cell.style.color = look.ink;
  return cell;
}

function table(c: Comparison): HTMLElement {
  const looks = looksOf(c);
  const head = el('tr', {}, ...(['scenario', 'rules', 'basis', 'indicator', 'n', 'none', 'min', 'q1', 'median', 'q3', 'max', 'mean'] as const).map((k) => el('th', { scope: 'col', text: ct(`cmp.col.${k}`) })));
  const body = el('tbody');
  for (const g of c.groups) {
    SUMMARY_INDICATORS.forEach((k, i) => {
      const d = g.stats[k];
      const row = el('tr', { 'data-scenario': g.scenario, 'data-rules': g.rules, 'data-basis': g.basis, 'data-indicator': k, class: i === 0 ? 'first' : '' });
      if (i === 0) {
        row.append(
          el('th', { scope: 'rowgroup', rowspan: SUMMARY_INDICATORS.length, text: scenarioLabel(c, g.scenario, g.scenarioSha) }),
          ruleSetCell(g.rules, looks, { rowspan: SUMMARY_INDICATORS.length }),
          el('td', { rowspan: SUMMARY_INDICATORS.length, text: groupLabel(g) }),
        );
      }
      row.append(el('th', { scope: 'row', text: indicatorName(k) }), ...[d.count, d.missing, d.min, d.q1, d.median, d.q3, d.max, d.mean].map((v) => el('td', { class: 'num', text: num(v) })));
      body.append(row);
    });
  }
  const download = (name: string, text: string) => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
    const a = el('a', { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  const exportButton = el('button', { type: 'button', text: ct('cmp.exportCsv'), 'data-testid': 'export-csv' });
  exportButton.addEventListener('click', () => download('crisis-lab-comparison.csv', tableCsv(c)));
  // One row per game with the player (a placeholder when names are hidden), beside the table.
  const gamesButton = el('button', { type: 'button', text: ct('cmp.exportGames'), 'data-testid': 'export-games' });
  gamesButton.addEventListener('click', () => download('crisis-lab-games.csv', gamesCsv(c, { hideNames: state.hideNames })));
  return el(
    'section',
    { class: 'card' },
    el('div', { class: 'topline' }, el('h2', { text: ct('cmp.table') }), el('div', { class: 'actions' }, exportButton, gamesButton)),
    el('p', { class: 'small muted', text: ct('cmp.tableNote') }),
    scroller(ct('cmp.table'), el('table', { class: 'stats', 'data-testid': 'table' }, el('thead', {}, head), body)),
  );
}

/** A scenario as the charts choose it: its id and the hash of its content (summaries carry none). */
function chartKey(g: Group): string {
  return `${g.scenario}\u0000${g.basis === 'log' ? (g.scenarioSha ?? '') : ''}`;
}

/** A scenario's name, with its hash's first characters when two versions of it are present. */
function scenarioLabel(c: Comparison, scenario: string, sha: string | undefined): string {
  return sha && c.versions.some((v) => v.scenario === scenario) ? `${scenario} (${ct('cmp.version', { hash: shortHash(sha) })})` : scenario;
}

/** Each scenario (by content) the charts can show: verified logs where there are any, else summaries. */
function chartChoices(c: Comparison): { key: string; label: string }[] {
  const withLogs = new Set(c.groups.filter((g) => g.basis === 'log').map((g) => g.scenario));
  const out = new Map<string, string>();
  for (const g of c.groups) {
    if (g.basis === 'summary' && withLogs.has(g.scenario)) continue;
    out.set(chartKey(g), scenarioLabel(c, g.scenario, g.basis === 'log' ? g.scenarioSha : undefined));
  }
  return [...out.entries()].map(([key, label]) => ({ key, label }));
}

function chartGroups(c: Comparison, key: string): Group[] {
  return c.groups.filter((g) => chartKey(g) === key && (g.basis === 'log' || !c.groups.some((x) => x.basis === 'log' && x.scenario === g.scenario)));
}

function scenarioSelect(c: Comparison): HTMLElement {
  const id = uid('scenario');
  const select = el('select', { id, 'data-testid': 'scenario' });
  for (const { key, label } of chartChoices(c)) {
    const option = el('option', { value: key, text: label });
    if (key === state.scenario) option.selected = true;
    select.append(option);
  }
  select.addEventListener('change', () => {
    state.scenario = select.value;
    render();
  });
  return el('div', { class: 'lang-select' }, el('label', { for: id, text: ct('cmp.scenario') }), select);
}

/** Human or bot games, scenario, rule set, policy: the values the class's games hold. */
function filterBar(c: Comparison): HTMLElement {
  const all = { value: '', text: ct('cmp.filter.all') };
  const set = (key: keyof Filter) => (value: string) => {
    const next: Filter = { ...state.filter };
    if (value === '') delete next[key];
    else (next as Record<string, string>)[key] = value;
    state.filter = next;
    recompare();
  };
  const f = state.filter;
  return el(
    'div',
    { class: 'card chooser filters', role: 'group', 'aria-label': ct('cmp.filter'), 'data-testid': 'filters' },
    el('span', { class: 'filter-title', text: ct('cmp.filter') }),
    choice(ct('cmp.filter.origin'), 'filter-origin', [all, ...c.available.origins.map((o) => ({ value: o, text: ct(o === 'human' ? 'cmp.filter.human' : 'cmp.filter.bot') }))], f.origin ?? '', set('origin')),
    choice(ct('cmp.filter.scenario'), 'filter-scenario', [all, ...c.available.scenarios.map((x) => ({ value: x, text: x }))], f.scenario ?? '', set('scenario')),
    choice(ct('cmp.filter.rules'), 'filter-rules', [all, ...c.available.rules.map((x) => ({ value: x, text: ruleSetShort(x) }))], f.rules ?? '', set('rules')),
    choice(ct('cmp.filter.policy'), 'filter-policy', [all, ...c.available.policies.map((x) => ({ value: x, text: x }))], f.policy ?? '', set('policy')),
  );
}

function charts(groups: Group[], looks: Map<string, RuleSetLook>, chooser: HTMLElement): HTMLElement {
  const hasCourse = groups.some((g) => g.course.length > 0);
  const rules = groups.map((g) => g.rules);
  return el(
    'section',
    { class: 'card' },
    el('div', { class: 'topline' }, el('h2', { text: ct('cmp.charts') }), chooser),
    el('p', { class: 'small muted', text: ct('cmp.chartsNote') }),
    legend(rules, looks),
    el('div', { class: 'charts', 'data-testid': 'box-charts' }, ...SUMMARY_INDICATORS.map((k) => boxChart(k, indicatorName(k), groups, looks))),
    hasCourse ? el('h2', { text: ct('cmp.course') }) : null,
    hasCourse ? el('p', { class: 'small muted', text: ct('cmp.courseNote') }) : null,
    hasCourse ? legend(rules, looks) : null,
    hasCourse ? el('div', { class: 'charts', 'data-testid': 'course-charts' }, ...TURN_INDICATORS.map((k) => courseChart(k, indicatorName(k), groups, looks))) : null,
  );
}

function intentsTable(g: Group, looks: Map<string, RuleSetLook>): HTMLElement {
  const head = el('tr', {}, el('th', { scope: 'col', text: ct('cmp.turn') }), ...g.intents.map((it) => el('th', { scope: 'col', class: 'num', text: String(it.turn) })));
  const games = el('tr', { class: 'games' }, el('th', { scope: 'row', class: 'muted', text: ct('cmp.gamesRow') }), ...g.intents.map((it) => el('td', { class: 'num muted', text: formatNumber(it.games) })));
  const rows = [...INTENTS, 'none' as const].map((intent) => {
    const name = intent === 'none' ? ct('cmp.intent.none') : intentName(intent, g.features);
    return el(
      'tr',
      { 'data-intent': intent },
      el('th', { scope: 'row', text: name }),
      ...g.intents.map((it) => {
        const count = intent === 'none' ? it.none : it.counts[intent];
        const share = it.games ? count / it.games : 0;
        const cell = el('td', { class: 'num heat', text: count ? formatNumber(Math.round(share * 100)) : '·', title: `${formatNumber(count)} / ${formatNumber(it.games)}` });
        cell.style.setProperty('--share', String(share));
        return cell;
      }),
    );
  });
  const figure = el(
    'figure',
    { class: 'intents', 'data-intents': g.rules },
    el('h3', { text: `${ruleSetTitle(g.rules)} · ${groupLabel(g)} · %` }),
    scroller(ruleSetTitle(g.rules), el('table', {}, el('thead', {}, head), el('tbody', {}, games, ...rows))),
  );
  // The heat of the cells in the rule set's box colour (styles.css mixes it by each cell's share):
  // a preset's deep shade, or a lab colour kept as faint as its boxes, so the ink on it stays
  // legible (axe color-contrast) however many games chose the intent.
  const look = looks.get(g.rules);
  if (look) {
    figure.style.setProperty('--bloc', look.fill);
    figure.style.setProperty('--heat-max', `${Math.round(look.fillOpacity * 85)}%`);
  }
  return figure;
}

function intents(groups: Group[], looks: Map<string, RuleSetLook>): HTMLElement | null {
  const withTurns = groups.filter((g) => g.intents.length > 0);
  if (withTurns.length === 0) return null;
  return el('section', { class: 'card' }, el('h2', { text: ct('cmp.intents') }), el('p', { class: 'small muted', text: ct('cmp.intentsNote') }), ...withTurns.map((g) => intentsTable(g, looks)));
}

function pairs(c: Comparison): HTMLElement | null {
  if (c.pairs.length === 0 && c.unpaired === 0) return null;
  const looks = looksOf(c);
  const head = el('tr', {}, ...(['scenario', 'seed', 'player', 'ruleSets', 'logs', 'diverges', 'intentsDiffer', 'scores'] as const).map((k) => el('th', { scope: 'col', text: ct(`cmp.col.${k}`) })));
  const named = (rules: string) => {
    const span = el('span', { class: 'bloc', 'data-rules': rules, text: ruleSetShort(rules) });
    const look = looks.get(rules);
    if (look) span.style.color = look.ink;
    return span;
  };
  const at = (turn: number | null) => (turn === null ? ct('cmp.never') : ct('cmp.atTurn', { turn }));
  const body = el(
    'tbody',
    {},
    ...c.pairs.map((p) =>
      el(
        'tr',
        { 'data-diverges': p.firstDivergentTurn ?? 'never', 'data-rules': `${p.a.rules} ${p.b.rules}` },
        el('td', { text: p.scenario }),
        el('td', { text: p.seed }),
        el('td', { text: p.player ? (state.hideNames ? ct('cmp.hidden') : p.player) : p.policy }),
        el('td', {}, named(p.a.rules), ' – ', named(p.b.rules)),
        el(
          'td',
          { class: 'file' },
          el('div', { text: sourceName(p.a.source, sourceIndex.get(p.a.source) ?? 0) }),
          el('div', { text: sourceName(p.b.source, sourceIndex.get(p.b.source) ?? 0) }),
        ),
        el('td', { text: at(p.firstDivergentTurn) }),
        el('td', { text: at(p.firstDifferentIntents) }),
        el('td', { class: 'num', text: `${num(p.a.score)} – ${num(p.b.score)}` }),
      ),
    ),
  );
  return el(
    'section',
    { class: 'card' },
    el('h2', { text: ct('cmp.pairs') }),
    el('p', { class: 'small muted', text: ct('cmp.pairsNote') }),
    scroller(ct('cmp.pairs'), el('table', { class: 'pairs', 'data-testid': 'pairs' }, el('thead', {}, head), body)),
    el('p', { class: 'small muted', text: ct('cmp.unpaired', { count: formatNumber(c.unpaired) }) }),
  );
}

/** The select below the controls that has the focus (a filter, the charts' scenario), by its
 * test id: it is drawn anew with what lies below the controls, and the new one takes the focus
 * back, so that the arrow keys go on choosing. */
function focusedChoice(): string | null {
  const active = document.activeElement;
  if (!(active instanceof HTMLSelectElement) || !top || top.node.contains(active) || !root.contains(active)) return null;
  return active.getAttribute('data-testid');
}

/** Draws the page: the header and the controls once per language (then brought up to date),
 * what lies below them afresh. */
function render(): void {
  document.title = `${ct('cmp.title')} — ${t('app.title')}`;
  const refocus = focusedChoice();
  draw();
  if (refocus) root.querySelector<HTMLElement>(`select[data-testid="${refocus}"]`)?.focus();
}

function draw(): void {
  if (!top) {
    clear(root);
    const header = el('header', { class: 'topline' }, el('h1', { text: ct('cmp.title') }), el('div', { class: 'actions' }, el('a', { href: './index.html', text: ct('cmp.backToGame') }), languageSelect()));
    top = controls();
    root.append(header, top.node);
  } else {
    top.refresh();
    while (top.node.nextSibling) top.node.nextSibling.remove();
  }
  const c = state.comparison;
  if (!c) return;
  // What must be known before reading the charts, then the charts near the top; the table and the
  // list of every input after them.
  const warnings = alerts(c);
  if (warnings) root.append(warnings);
  root.append(filterBar(c));
  const looks = looksOf(c);
  if (c.groups.length > 0) {
    const groups = state.scenario ? chartGroups(c, state.scenario) : [];
    root.append(charts(groups, looks, scenarioSelect(c)));
    const i = intents(groups, looks);
    if (i) root.append(i);
    const p = pairs(c);
    if (p) root.append(p);
    root.append(table(c));
  }
  root.append(entriesList(c, (source) => sourceName(source, sourceIndex.get(source) ?? 0), state.hideNames));
}

// Drag and drop anywhere on the page, folders included.
document.addEventListener('dragover', (e) => {
  e.preventDefault();
  document.body.classList.add('dragging');
});
document.addEventListener('dragleave', (e) => {
  if (e.relatedTarget === null) document.body.classList.remove('dragging');
});
document.addEventListener('drop', (e) => {
  e.preventDefault();
  document.body.classList.remove('dragging');
  void fromDrop(e.dataTransfer).then(({ files, unreadable }) => addFiles(files, unreadable));
});

applyThemeToDocument();
setLanguage(initialLanguage(), false);
onLanguageChange(() => {
  top = null;
  render();
});
render();
// The site's offline copy (both pages) is set up from whichever page is opened first.
startOffline(() => undefined);
