// compare.html: an instructor drops a class's outcome logs (files or whole folders); every log
// is verified by replay in this browser and marked; the accepted games are compared by scenario
// and rule set, however many rule sets the logs were played under (presets, a scenario's own,
// design-lab specs). Nothing is uploaded: the page reads files locally and works offline.
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import './styles.css';
import { applyThemeToDocument } from '../game/theme';
import { initialLanguage, onLanguageChange, setLanguage, t, formatNumber, type MessageKey } from '../game/i18n';
import { el, clear, uid } from '../game/ui/dom';
import { INTENTS } from '../engine/index';
import { compareEntries, tableCsv, SUMMARY_INDICATORS, TURN_INDICATORS, type Comparison, type Entry, type Group, type SummaryIndicator, type TurnIndicator } from '../compare/index';
import { ct, reasonText, type CompareKey } from './i18n';
import { fromDrop, fromFileList, type InputFile } from './load';
import { verifyFiles } from './verify-pool';
import { boxChart, courseChart, legend } from './charts';
import { intentName, ruleSetLooks, ruleSetShort, ruleSetTitle, type RuleSetLook } from './rule-sets';
import { languageSelect } from '../game/ui/language-select';
import { startOffline } from '../game/offline';

interface PageState {
  entries: Entry[];
  comparison: Comparison | null;
  busy: { done: number; total: number } | null;
  hideNames: boolean;
  scenario: string | null;
}

const state: PageState = { entries: [], comparison: null, busy: null, hideNames: false, scenario: null };
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
function addFiles(inputs: InputFile[]): Promise<void> {
  queue = queue.then(() => verifyAndAdd(inputs)).catch((error: unknown) => {
    console.error(error);
    state.busy = null;
    render();
  });
  return queue;
}

async function verifyAndAdd(inputs: InputFile[]): Promise<void> {
  if (inputs.length === 0) return;
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
  state.entries.push(...entries);
  state.comparison = compareEntries(state.entries);
  sourceIndex.clear();
  state.entries.forEach((e, i) => sourceIndex.set(e.source, i));
  const scenarios = state.comparison.groups.map((g) => g.scenario);
  if (!state.scenario || !scenarios.includes(state.scenario)) state.scenario = scenarios[0] ?? null;
  state.busy = null;
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

function controls(): HTMLElement {
  const files = el('input', { type: 'file', multiple: true, accept: '.json,.jsonl,.ndjson,application/json', class: 'visually-hidden', id: 'pick-files', 'data-testid': 'files' });
  files.addEventListener('change', () => {
    void addFiles(fromFileList(files.files));
    files.value = '';
  });
  const folder = el('input', { type: 'file', multiple: true, webkitdirectory: true, class: 'visually-hidden', id: 'pick-folder', 'data-testid': 'folder' });
  folder.addEventListener('change', () => {
    void addFiles(fromFileList(folder.files));
    folder.value = '';
  });
  const hide = el('input', { type: 'checkbox', id: 'hide-names', 'data-testid': 'hide-names' });
  hide.checked = state.hideNames;
  hide.addEventListener('change', () => {
    state.hideNames = hide.checked;
    render();
  });
  const clearButton = el('button', { type: 'button', text: ct('cmp.clear'), 'data-testid': 'clear', disabled: state.entries.length === 0 || state.busy !== null });
  clearButton.addEventListener('click', () => {
    state.entries = [];
    state.comparison = null;
    state.scenario = null;
    render();
  });
  statusNode = el('p', { class: 'status', role: 'status', 'aria-live': 'polite', 'data-testid': 'status' });
  updateStatus();
  const pick = (input: HTMLInputElement, label: CompareKey) => {
    const button = el('button', { type: 'button', class: 'primary', text: ct(label), disabled: state.busy !== null });
    button.addEventListener('click', () => input.click());
    return button;
  };
  return el(
    'section',
    { class: 'card drop' },
    el('p', { text: ct('cmp.intro') }),
    el('div', { class: 'actions' }, pick(files, 'cmp.pickFiles'), pick(folder, 'cmp.pickFolder'), files, folder, clearButton, el('label', { class: 'toggle', for: 'hide-names' }, hide, ct('cmp.hideNames'))),
    el('p', { class: 'small muted', text: ct('cmp.dropHint') }),
    statusNode,
  );
}

function entriesList(c: Comparison): HTMLElement {
  const list = el('ol', { class: 'entries', 'data-testid': 'entries' });
  // What was not counted comes first: that is what an instructor has to follow up.
  const rank = (e: Comparison['entries'][number]) => (e.status === 'refused' ? 0 : e.status === 'other-version' ? 1 : 2);
  const shown = c.entries.map((e, i) => ({ e, i })).sort((a, b) => rank(a.e) - rank(b.e) || a.i - b.i);
  shown.forEach(({ e, i }) => {
    const mark = e.status === 'verified' ? '✓' : e.status === 'summary' ? '○' : e.status === 'other-version' ? '⚠' : '✗';
    const what =
      e.status === 'verified'
        ? ct('cmp.st.verified')
        : e.status === 'summary'
          ? ct('cmp.st.summary')
          : e.status === 'other-version'
            ? ct('cmp.st.other', { version: e.engineVersion ?? '?' })
            : ct('cmp.st.refused', { reason: reasonText(e.reason ?? '') });
    const who = e.player ? ` (${state.hideNames ? ct('cmp.hidden') : e.player})` : '';
    const game = e.scenario ? ` — ${e.scenario}, ${ruleSetShort(e.rules!)}, ${ct('cmp.col.seed').toLowerCase()} ${e.seed}` : '';
    list.append(
      el('li', { 'data-status': e.status, class: e.status }, el('span', { class: 'mark', 'aria-hidden': 'true', text: mark }), el('span', { text: `${sourceName(e.source, i)}${who}${game}: ${what}` })),
    );
  });
  const notOk = c.counts.refused + c.counts.otherVersion;
  return el('details', { class: 'card', open: notOk > 0 && notOk <= 50 }, el('summary', {}, el('h2', { text: `${ct('cmp.entries')} (${formatNumber(c.counts.inputs)})` })), list);
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
  if (look) cell.style.color = look.color;
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
          el('th', { scope: 'rowgroup', rowspan: SUMMARY_INDICATORS.length, text: g.scenario }),
          ruleSetCell(g.rules, looks, { rowspan: SUMMARY_INDICATORS.length }),
          el('td', { rowspan: SUMMARY_INDICATORS.length, text: groupLabel(g) }),
        );
      }
      row.append(el('th', { scope: 'row', text: indicatorName(k) }), ...[d.count, d.missing, d.min, d.q1, d.median, d.q3, d.max, d.mean].map((v) => el('td', { class: 'num', text: num(v) })));
      body.append(row);
    });
  }
  const exportButton = el('button', { type: 'button', text: ct('cmp.exportCsv'), 'data-testid': 'export-csv' });
  exportButton.addEventListener('click', () => {
    const url = URL.createObjectURL(new Blob([tableCsv(c)], { type: 'text/csv' }));
    const a = el('a', { href: url, download: 'crisis-lab-comparison.csv' });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
  return el(
    'section',
    { class: 'card' },
    el('div', { class: 'topline' }, el('h2', { text: ct('cmp.table') }), exportButton),
    el('p', { class: 'small muted', text: ct('cmp.tableNote') }),
    el('div', { class: 'scroll' }, el('table', { class: 'stats', 'data-testid': 'table' }, el('thead', {}, head), body)),
  );
}

/** The groups the charts show for one scenario: verified logs when there are any, else summaries. */
function chartGroups(c: Comparison, scenario: string): Group[] {
  const mine = c.groups.filter((g) => g.scenario === scenario);
  const logs = mine.filter((g) => g.basis === 'log');
  return logs.length ? logs : mine;
}

function scenarioSelect(c: Comparison): HTMLElement {
  const scenarios = [...new Set(c.groups.map((g) => g.scenario))];
  const id = uid('scenario');
  const select = el('select', { id, 'data-testid': 'scenario' });
  for (const s of scenarios) {
    const option = el('option', { value: s, text: s });
    if (s === state.scenario) option.selected = true;
    select.append(option);
  }
  select.addEventListener('change', () => {
    state.scenario = select.value;
    render();
  });
  return el('div', { class: 'lang-select' }, el('label', { for: id, text: ct('cmp.scenario') }), select);
}

function charts(groups: Group[], looks: Map<string, RuleSetLook>): HTMLElement {
  const hasCourse = groups.some((g) => g.course.length > 0);
  const rules = groups.map((g) => g.rules);
  return el(
    'section',
    { class: 'card' },
    el('h2', { text: ct('cmp.charts') }),
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
    el('div', { class: 'scroll' }, el('table', {}, el('thead', {}, head), el('tbody', {}, games, ...rows))),
  );
  // The heat of the cells in the rule set's colour (styles.css mixes it by each cell's share).
  const look = looks.get(g.rules);
  if (look) figure.style.setProperty('--bloc', look.color);
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
    if (look) span.style.color = look.color;
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
    el('div', { class: 'scroll' }, el('table', { class: 'pairs', 'data-testid': 'pairs' }, el('thead', {}, head), body)),
    el('p', { class: 'small muted', text: ct('cmp.unpaired', { count: formatNumber(c.unpaired) }) }),
  );
}

function render(): void {
  document.title = `${ct('cmp.title')} — ${t('app.title')}`;
  clear(root);
  const header = el('header', { class: 'topline' }, el('h1', { text: ct('cmp.title') }), el('div', { class: 'actions' }, el('a', { href: './index.html', text: ct('cmp.backToGame') }), languageSelect()));
  root.append(header, controls());
  const c = state.comparison;
  if (!c) return;
  root.append(entriesList(c));
  if (c.groups.length === 0) return;
  root.append(table(c));
  const groups = state.scenario ? chartGroups(c, state.scenario) : [];
  const looks = looksOf(c);
  root.append(el('div', { class: 'card chooser' }, scenarioSelect(c)), charts(groups, looks));
  const i = intents(groups, looks);
  if (i) root.append(i);
  const p = pairs(c);
  if (p) root.append(p);
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
  void fromDrop(e.dataTransfer).then(addFiles);
});

applyThemeToDocument();
setLanguage(initialLanguage(), false);
onLanguageChange(render);
render();
// The site's offline copy (both pages) is set up from whichever page is opened first.
startOffline(() => undefined);
