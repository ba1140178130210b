// The start screen: pick a scenario (shipped, or a file), a rule set, a seed and a language.
import type { App } from '../app';
import type { Loaded } from '../scenarios';
import { loadFile } from '../scenarios';
import { randomSeed } from '../assignment';
import { localize, t } from '../i18n';
import { RULE_SETS, type RuleSetId, type Scenario } from '../engine';
import { el, uid } from './dom';
import { openAllSections, scenarioPreview } from './preview';
import { languageSelect } from './language-select';


export interface StartState {
  /** A shipped scenario's id, or 'extra' for the loaded file. */
  selected: string | null;
  extra: Loaded | null;
  rules: RuleSetId | null;
  seed: string | null;
  player: string;
  error: { source: string; message: string } | null;
  /** The scenario named by an assignment link. */
  assigned: Loaded | null;
}


function problemsView(loaded: Extract<Loaded, { ok: false }>): HTMLElement {
  const list = el('ul', { class: 'errors' });
  for (const p of loaded.problems) {
    list.append(el('li', { text: t('start.problem', { line: p.line, column: p.column, message: p.path ? `${p.path}: ${p.message}` : p.message }) }));
  }
  return el('div', { class: 'error', role: 'alert' }, el('p', { text: t('start.problems', { file: loaded.file }) }), list);
}

function facts(scenario: Scenario): HTMLElement {
  const rules = scenario.rules.map((r) => t(`rules.${r}.short`)).join(', ');
  return el(
    'ul',
    { class: 'facts' },
    el('li', { text: `${t('start.crisisType')}: ${t(`crisis.${scenario.crisisType}`)}` }),
    el('li', { text: `${t('start.rulesAvailable')}: ${rules}` }),
    el('li', { text: t('start.length', { turns: scenario.horizon, days: scenario.turnDays }) }),
    el('li', { text: t('start.expected', { minutes: scenario.expectedMinutes }) }),
    scenario.fictional ? el('li', { text: t('start.fictional') }) : null,
  );
}

export function renderStart(app: App, root: HTMLElement): void {
  const s = app.start_;
  const locked = app.assignment.lock && s.assigned?.ok === true;
  const scenario = app.startScenario();
  const rerender = () => app.render();

  // Scenario list: shipped ones and a loaded file, as toggle buttons.
  const list = el('ul', { class: 'scenario-list', 'aria-label': t('start.shipped') });
  const items: Loaded[] = locked && s.assigned ? [s.assigned] : [...app.shipped, ...(s.extra ? [s.extra] : [])];
  for (const loaded of items) {
    if (!loaded.ok) continue;
    const sc = loaded.scenario;
    const isExtra = loaded === s.extra;
    const pressed = scenario === sc;
    const button = el(
      'button',
      {
        class: 'scenario-item',
        type: 'button',
        'aria-pressed': pressed ? 'true' : 'false',
        'data-focus': `scenario-${isExtra ? 'extra' : sc.id}`,
        'data-scenario': sc.id,
        onclick: () => {
          s.selected = isExtra ? 'extra' : sc.id;
          if (s.rules && !sc.rules.includes(s.rules)) s.rules = null;
          rerender();
        },
      },
      el('span', { class: 'title', text: localize(sc.title) }),
      el('span', { class: 'small muted', text: isExtra ? t('start.loadedFrom', { file: loaded.file }) : `${t(`crisis.${sc.crisisType}`)} · ${t('start.expected', { minutes: sc.expectedMinutes })}` }),
    );
    list.append(el('li', {}, button));
  }
  if (items.length === 0) list.append(el('li', { class: 'muted', text: t('start.noScenarios') }));

  // Loading a file: a picker, plus drag and drop anywhere on the page.
  const fileId = uid('file');
  const fileInput = el('input', { id: fileId, type: 'file', accept: '.yaml,.yml,.json,application/json,text/yaml', class: 'visually-hidden', 'data-testid': 'scenario-file' });
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    s.extra = await loadFile(file);
    if (s.extra.ok) {
      s.selected = 'extra';
      // An instructor's own file: the whole preview opens, to check it before play.
      openAllSections();
    }
    rerender();
  };
  fileInput.addEventListener('change', () => void onFile(fileInput.files?.[0]));
  const drop = el(
    'div',
    { class: 'drop' },
    el('button', { type: 'button', 'data-focus': 'load-file', onclick: () => fileInput.click(), text: t('start.loadFile') }),
    fileInput,
    el('p', { class: 'small muted', text: t('start.dropHint') }),
    s.extra && !s.extra.ok ? problemsView(s.extra) : null,
  );
  root.ondragover = (e) => {
    e.preventDefault();
    document.body.classList.add('dragging');
  };
  root.ondragleave = () => document.body.classList.remove('dragging');
  root.ondrop = (e) => {
    e.preventDefault();
    document.body.classList.remove('dragging');
    void onFile(e.dataTransfer?.files?.[0]);
  };

  // Details and choices for the shown scenario.
  const details = el('div', { class: 'card' });
  if (scenario) {
    const rules: RuleSetId = locked && app.assignment.rules ? app.assignment.rules : s.rules ?? app.assignment.rules ?? scenario.rules[0] ?? 'nato';
    s.rules = rules;
    if (s.seed === null) s.seed = app.assignment.seed ?? randomSeed();
    const seedLocked = locked && app.assignment.seed !== null;
    if (seedLocked) s.seed = app.assignment.seed;

    const rulesField = el('fieldset', {}, el('legend', { text: t('start.rules') }));
    const row = el('div', { class: 'radio-row' });
    for (const r of RULE_SETS) {
      const id = uid('rules');
      const allowed = scenario.rules.includes(r);
      const input = el('input', { type: 'radio', name: 'rules', id, value: r, 'data-focus': `rules-${r}`, disabled: !allowed || (locked && app.assignment.rules !== null) });
      input.checked = r === rules;
      input.addEventListener('change', () => {
        s.rules = r;
        rerender();
      });
      row.append(el('label', { for: id }, input, el('span', { text: t(`rules.${r}`) })));
    }
    rulesField.append(row, el('p', { class: 'small muted', text: t(`rules.${rules}.about`) }));
    if (!scenario.rules.includes(rules)) {
      rulesField.append(el('p', { class: 'error', text: t('start.rulesNotAllowed', { rules: scenario.rules.map((r) => t(`rules.${r}.short`)).join(', ') }) }));
    }

    const seedId = uid('seed');
    const seedInput = el('input', { type: 'text', id: seedId, value: s.seed ?? '', 'data-focus': 'seed', maxlength: 64, disabled: seedLocked, autocomplete: 'off', spellcheck: 'false' });
    seedInput.addEventListener('input', () => {
      s.seed = seedInput.value;
    });
    const seedField = el(
      'fieldset',
      {},
      el('legend', {}, el('label', { for: seedId, text: t('start.seed') })),
      el(
        'div',
        { class: 'seed-row' },
        seedInput,
        seedLocked
          ? null
          : el('button', {
              type: 'button',
              'data-focus': 'random-seed',
              text: t('start.randomSeed'),
              onclick: () => {
                s.seed = randomSeed();
                rerender();
              },
            }),
      ),
      el('p', { class: 'small muted', text: t('start.seedHint') }),
    );

    const playerId = uid('player');
    const playerInput = el('input', { type: 'text', id: playerId, value: s.player, 'data-focus': 'player', maxlength: 80, autocomplete: 'name' });
    playerInput.addEventListener('input', () => {
      s.player = playerInput.value;
    });
    const playerField = el('div', { class: 'seed-row' }, el('label', { for: playerId, text: t('start.player') }), playerInput);

    const playable = scenario.rules.includes(rules);
    const play = el('button', {
      type: 'button',
      class: 'primary',
      'data-focus': 'play',
      'data-testid': 'play',
      disabled: !playable,
      text: t('start.play'),
      onclick: () => {
        const seed = (s.seed ?? '').trim() || randomSeed();
        app.play(scenario, rules, seed, s.player.trim(), locked);
      },
    });

    details.append(
      el('h2', { text: localize(scenario.title) }),
      facts(scenario),
      el('p', { class: 'summary-text', text: localize(scenario.summary) }),
      scenarioPreview(scenario, rules, app.map.countries(), rerender),
      el('div', { class: 'choices' }, rulesField, seedField, playerField, el('div', { class: 'actions' }, play)),
    );
  }

  const saved = app.session;
  const resume =
    saved && !saved.game.result
      ? el(
          'div',
          { class: 'card actions', role: 'region', 'aria-label': t('start.resume') },
          el('button', { type: 'button', class: 'primary', 'data-focus': 'resume', 'data-testid': 'resume', text: t('start.resume'), onclick: () => app.resume() }),
          el('span', { text: t('start.resumeInfo', { scenario: localize(saved.game.scenario.title), rules: t(`rules.${saved.game.rules}`), turn: saved.game.turn }) }),
        )
      : null;

  const left = el('div', { class: 'card' }, el('h2', { text: t('start.shipped') }), list, locked ? null : drop);
  root.append(
    el(
      'main',
      { class: 'start', 'data-screen': 'start', 'data-scroll': 'start' },
      el(
        'div',
        { class: 'start-inner' },
        el(
          'header',
          { class: 'start-head' },
          el('div', {}, el('h1', { text: t('app.title') }), el('p', { class: 'muted', text: t('app.tagline') })),
          el(
            'div',
            { class: 'start-tools' },
            // The instructor's page for a class's outcome logs: a second page of the same site.
            el('a', { href: 'compare.html', class: 'compare-link', text: t('start.compareLink') }),
            languageSelect(),
          ),
        ),
        locked ? el('p', { class: 'card', role: 'note', text: t('start.locked') }) : null,
        s.error ? el('p', { class: 'card error', role: 'alert', text: t('start.loadError', s.error) }) : null,
        s.assigned && !s.assigned.ok ? el('div', { class: 'card' }, problemsView(s.assigned)) : null,
        resume,
        el('div', { class: 'start-grid' }, left, details),
      ),
    ),
  );
}
