// The start screen: pick a scenario (shipped, or a file), a rule set, a seed and a language.
import type { App } from '../app';
import type { Loaded } from '../scenarios';
import { loadFile } from '../scenarios';
import { chosenPack, randomSeed } from '../assignment';
import { language, localize, t } from '../../ui-kit/i18n';
import { DEFAULT_PACK, FEATURES, FEATURE_KEYS, PACK_IDS, PRESETS, PRESET_IDS, featureValues, isPackId, resolveRuleSet, type FeatureKey, type InstitutionalFeatures, type PackId, type PresetId, type RuleId, type Scenario } from '../engine';
import { LAB, labSpec, offeredRuleSets } from '../rule-sets';
import { basePreset } from '../../ui-kit/rule-sets';
import type { SavedNotice } from '../storage';
import { blocColor } from '../../ui-kit/theme';
import { el, uid } from '../../ui-kit/dom';
import { featureName, ruleSetAbout, ruleSetName, ruleSetShort } from '../../ui-kit/format';
import { ruleLink } from './glossary';
import { openAllSections, scenarioPreview } from './preview';
import { languageSelect } from '../../ui-kit/language-select';
import { integrationNotes } from './integration-notes';
import { packChoices } from './research';
import { modalDialog } from './modal';
import { exportDamagedSave } from './export';


export interface StartState {
  /** A shipped scenario's id, or 'extra' for the loaded file. */
  selected: string | null;
  extra: Loaded | null;
  /** The rule set to play, as a spec: an offered one, or the design lab's. */
  rules: string | null;
  /** The design lab's choices, once the student opens it. */
  lab: LabChoice | null;
  seed: string | null;
  /** The reading of the research (parameter pack) the student picked; null for the default. */
  pack: PackId | null;
  player: string;
  error: { source: string; message: string } | null;
  /** The scenario named by an assignment link. */
  assigned: Loaded | null;
  /** What became of the saved game on load: replayed, repaired or set aside. */
  notice: SavedNotice | null;
  /** A new game waiting for the player to confirm that it replaces the saved one. */
  confirm: PendingGame | null;
  /** The name of a picked or dropped file while it is read (the first also loads the validator). */
  reading: string | null;
}

/** The choices of a game to start once the player confirms. */
export interface PendingGame {
  scenario: Scenario;
  rules: string;
  seed: string;
  player: string;
  locked: boolean;
  pack: PackId;
}

/** The design lab: a base preset and a value for every feature. */
export interface LabChoice {
  /** Whether the lab, rather than an offered rule set, is chosen. */
  on: boolean;
  base: PresetId;
  features: InstitutionalFeatures;
}


function problemsView(loaded: Extract<Loaded, { ok: false }>): HTMLElement {
  const list = el('ul', { class: 'errors' });
  for (const p of loaded.problems) {
    // Worded in every language when the file was read, each starting with the field path: the
    // validator's messages load with the reader, not with this screen.
    list.append(el('li', { text: t('start.problem', { line: p.line, column: p.column, message: p.text[language()] }) }));
  }
  return el('div', { class: 'error', role: 'alert' }, el('p', { text: t('start.problems', { file: loaded.file }) }), list);
}

function facts(scenario: Scenario): HTMLElement {
  const rules = offeredRuleSets(scenario).map((r) => ruleSetShort(r, scenario)).join(', ');
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
  // The button is the control; the hidden input keeps a name for assistive technology all the same.
  const fileInput = el('input', { id: fileId, type: 'file', accept: '.yaml,.yml,.json,application/json,text/yaml', class: 'visually-hidden', 'data-testid': 'scenario-file', 'aria-label': t('start.loadFile'), tabindex: -1 });
  const onFile = async (file: File | undefined) => {
    if (!file || s.reading) return;
    s.reading = file.name;
    rerender();
    try {
      s.extra = await loadFile(file);
    } catch (error) {
      // The validator did not arrive (offline before the site was kept): said, and the file can be tried again.
      s.error = { source: file.name, message: t('start.loadError', { source: file.name, message: error instanceof Error ? error.message : String(error) }) };
      return;
    } finally {
      s.reading = null;
    }
    if (s.extra.ok) {
      s.selected = 'extra';
      // An instructor's own file: the whole preview opens, to check it before play.
      openAllSections();
    }
  };
  fileInput.addEventListener('change', () => void onFile(fileInput.files?.[0]).finally(rerender));
  const drop = el(
    'div',
    { class: 'drop', 'aria-busy': s.reading ? 'true' : 'false' },
    el('button', { type: 'button', 'data-focus': 'load-file', onclick: () => fileInput.click(), text: t('start.loadFile') }),
    fileInput,
    el('p', { class: 'small muted', text: t('start.dropHint') }),
    s.reading ? el('p', { class: 'small', role: 'status', 'data-testid': 'scenario-reading', text: `${s.reading}: ${t('app.loading')}` }) : null,
    !s.reading && s.extra && !s.extra.ok ? problemsView(s.extra) : null,
  );
  root.ondragover = (e) => {
    e.preventDefault();
    document.body.classList.add('dragging');
  };
  root.ondragleave = () => document.body.classList.remove('dragging');
  root.ondrop = (e) => {
    e.preventDefault();
    document.body.classList.remove('dragging');
    void onFile(e.dataTransfer?.files?.[0]).finally(rerender);
  };

  // Details and choices for the shown scenario.
  const details = el('div', { class: 'card' });
  if (scenario) {
    const { field: rulesField, spec: rules, playable } = rulesChooser(app, scenario, locked, rerender);
    const { field: packField, pack } = packChooser(app, scenario, locked, rerender);
    if (s.seed === null) s.seed = app.assignment.seed ?? randomSeed();
    const seedLocked = locked && app.assignment.seed !== null;
    if (seedLocked) s.seed = app.assignment.seed;

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

    const play = el('button', {
      type: 'button',
      class: 'primary',
      'data-focus': 'play',
      'data-testid': 'play',
      disabled: !playable,
      text: t('start.play'),
      onclick: () => {
        const seed = (s.seed ?? '').trim() || randomSeed();
        const pending: PendingGame = { scenario, rules, seed, player: s.player.trim(), locked, pack };
        // This browser keeps one game: one still under way is replaced only once the player agrees.
        const kept = app.session ?? app.stored;
        if (kept && !kept.game.result) {
          s.confirm = pending;
          rerender();
          return;
        }
        app.play(pending.scenario, pending.rules, pending.seed, pending.player, pending.locked, pending.pack);
      },
    });

    details.append(
      el('h2', { text: localize(scenario.title) }),
      facts(scenario),
      el('p', { class: 'summary-text', text: localize(scenario.summary) }),
      scenarioPreview(scenario, blocColor(rules, scenario.ruleSets), app.map.countries(), rerender),
      // Start stays in view at the foot of the screen, however long the preview and the choices.
      el('div', { class: 'choices' }, rulesField, packField, seedField, playerField),
      el('div', { class: 'actions play-bar' }, play),
    );
  }

  const saved = app.session;
  const resume =
    saved && !saved.game.result
      ? el(
          'div',
          { class: 'card actions', role: 'region', 'aria-label': t('start.resume') },
          el('button', { type: 'button', class: 'primary', 'data-focus': 'resume', 'data-testid': 'resume', text: t('start.resume'), onclick: () => app.resume() }),
          el('span', { text: t('start.resumeInfo', { scenario: localize(saved.game.scenario.title), rules: ruleSetName(saved.game.rules, saved.game.scenario), turn: saved.game.turn }) }),
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
        integrationNotes(app, 'start'),
        locked ? el('p', { class: 'card', role: 'note', text: t('start.locked') }) : null,
        s.notice ? noticeView(s.notice) : null,
        s.error ? el('p', { class: 'card error', role: 'alert', 'data-testid': 'load-error', text: s.error.message }) : null,
        s.assigned && !s.assigned.ok ? el('div', { class: 'card' }, problemsView(s.assigned)) : null,
        resume,
        el('div', { class: 'start-grid' }, left, details),
      ),
    ),
  );
  if (s.confirm) root.append(confirmDialog(app, s.confirm));
}

/** What became of the saved game: replayed, repaired, or set aside with its text to download. */
function noticeView(notice: SavedNotice): HTMLElement {
  if (notice.kind !== 'dropped') {
    return el('p', { class: 'card', role: 'status', 'data-testid': 'saved-notice', 'data-kind': notice.kind, text: t(notice.kind === 'replayed' ? 'start.savedReplayed' : 'start.savedRepaired') });
  }
  return el(
    'div',
    { class: 'card error', role: 'status', 'data-testid': 'saved-notice', 'data-kind': 'dropped', 'data-reason': notice.reason },
    el('p', { text: t('start.savedSetAside', { reason: t(`save.reason.${notice.reason}`) }) }),
    el('button', { type: 'button', 'data-focus': 'download-damaged', 'data-testid': 'download-damaged', text: t('start.downloadDamaged'), onclick: () => exportDamagedSave(notice.raw) }),
  );
}

/** Asks before a new game replaces the one saved in this browser; focus starts on keeping it. */
function confirmDialog(app: App, pending: PendingGame): HTMLElement {
  const kept = app.session ?? app.stored;
  const titleId = uid('confirm');
  const close = () => {
    app.start_.confirm = null;
    app.render();
    app.ui.querySelector<HTMLElement>('[data-focus="play"]')?.focus();
  };
  const keep = el('button', { type: 'button', 'data-focus': 'confirm-keep', 'data-testid': 'confirm-keep', text: t('start.confirmNo'), onclick: close });
  const dialog = modalDialog(
    { labelledBy: titleId, testId: 'confirm-new', onClose: close },
    el('h2', { id: titleId, text: t('start.confirmTitle') }),
    el('p', { text: kept ? t('start.confirmText', { scenario: localize(kept.game.scenario.title), rules: ruleSetName(kept.game.rules, kept.game.scenario), turn: kept.game.turn }) : '' }),
    el(
      'div',
      { class: 'actions' },
      keep,
      el('button', { type: 'button', class: 'primary', 'data-focus': 'confirm-new', 'data-testid': 'confirm-yes', text: t('start.confirmYes'), onclick: () => app.play(pending.scenario, pending.rules, pending.seed, pending.player, pending.locked, pending.pack) }),
    ),
  );
  queueMicrotask(() => keep.focus());
  return dialog;
}

const FIRST_PRESET: PresetId = PRESET_IDS[0] ?? 'nato';

/** The rule-set chooser: the scenario's rule sets (and an assigned one), and the design lab. */
function rulesChooser(app: App, scenario: Scenario, locked: boolean, rerender: () => void): { field: HTMLElement; spec: string; playable: boolean } {
  const s = app.start_;
  const offered = offeredRuleSets(scenario);
  const assigned = app.assignment.rules;
  const assignedCheck = assigned !== null ? resolveRuleSet(assigned, scenario.ruleSets) : null;
  const assignedOk = assigned !== null && assignedCheck?.ok === true;
  // An assigned rule set the scenario does not list (a design of the instructor's) is offered too.
  const options = assignedOk && !offered.includes(assigned) ? [assigned, ...offered] : offered;
  const rulesLocked = locked && assignedOk;
  if (rulesLocked) {
    s.rules = assigned;
    if (s.lab) s.lab.on = false;
  } else if (!s.lab?.on && (s.rules === null || !options.includes(s.rules))) {
    s.rules = (assignedOk ? assigned : offered[0]) ?? FIRST_PRESET;
  }
  const labOn = s.lab?.on === true && !rulesLocked;
  const spec = labOn && s.lab ? labSpec(s.lab.base, s.lab.features) : (s.rules ?? FIRST_PRESET);
  s.rules = spec;
  const resolved = resolveRuleSet(spec, scenario.ruleSets);

  const field = el('fieldset', { 'data-testid': 'rules' }, el('legend', { text: t('start.rules') }));
  const row = el('div', { class: 'radio-row' });
  const radio = (value: string, label: string, checked: boolean, onPick: () => void) => {
    const id = uid('rules');
    const input = el('input', { type: 'radio', name: 'rules', id, value, 'data-focus': `rules-${value}`, disabled: rulesLocked && !checked });
    input.checked = checked;
    input.addEventListener('change', onPick);
    row.append(el('label', { for: id }, input, el('span', { text: label })));
  };
  for (const option of options) {
    radio(option, ruleSetName(option, scenario), !labOn && option === spec, () => {
      s.rules = option;
      if (s.lab) s.lab.on = false;
      rerender();
    });
  }
  radio(LAB, t('rules.lab'), labOn, () => {
    // The lab starts from the rule set chosen so far: its base preset and all its features.
    const from = resolveRuleSet(s.rules ?? FIRST_PRESET, scenario.ruleSets);
    const base = basePreset(s.rules ?? '', scenario.ruleSets) ?? FIRST_PRESET;
    s.lab = s.lab ? { ...s.lab, on: true } : { on: true, base, features: from.ok ? { ...from.value.features } : { ...PRESETS[base] } };
    rerender();
  });
  field.append(row);
  const about = labOn ? t('rules.lab.about') : ruleSetAbout(spec, scenario);
  if (about) field.append(el('p', { class: 'small muted', text: about }));
  if (assigned !== null && assignedCheck && !assignedCheck.ok) {
    field.append(el('p', { class: 'error', role: 'alert', text: t('start.assignedRulesError', { spec: assigned, error: assignedCheck.error }) }));
  }
  if (labOn && s.lab) field.append(labFields(app, scenario, s.lab, spec, rerender));
  if (!resolved.ok) field.append(el('p', { class: 'error', role: 'alert', 'data-testid': 'rules-error', text: t('lab.invalid', { error: resolved.error }) }));
  return { field, spec, playable: resolved.ok };
}

/** The reading of the research: one radio per parameter pack, each with its one-line explanation. */
function packChooser(app: App, scenario: Scenario, locked: boolean, rerender: () => void): { field: HTMLElement; pack: PackId } {
  const s = app.start_;
  const linked = app.assignment.pack;
  const linkedOk = linked !== null && isPackId(linked);
  const packLocked = locked && linkedOk;
  const pack = chosenPack(s.pack, linked, scenario.pack, locked);
  const fallback = scenario.pack ?? DEFAULT_PACK;
  const list = el('div', { class: 'pack-list' });
  for (const choice of packChoices()) {
    const id = uid('pack');
    const checked = choice.id === pack;
    const input = el('input', { type: 'radio', name: 'pack', id, value: choice.id, 'data-focus': `pack-${choice.id}`, disabled: packLocked && !checked });
    input.checked = checked;
    input.addEventListener('change', () => {
      s.pack = choice.id;
      rerender();
    });
    list.append(
      el(
        'label',
        { for: id, 'data-pack': choice.id },
        input,
        el(
          'span',
          { class: 'pack-text' },
          el('span', { class: 'pack-name', text: choice.id === fallback ? `${choice.name} (${t('pack.default')})` : choice.name }),
          el('span', { class: 'small muted', text: choice.about }),
        ),
      ),
    );
  }
  const field = el('fieldset', { 'data-testid': 'pack' }, el('legend', { text: t('pack.legend') }), el('p', { class: 'small muted', text: t('pack.hint') }), list);
  if (linked !== null && !linkedOk) field.append(el('p', { class: 'error', role: 'alert', text: t('start.assignedPackError', { pack: linked, packs: PACK_IDS.join(', ') }) }));
  return { field, pack };
}

/** One select per institutional feature, values from the catalogue, each with the rule it applies. */
function labFields(app: App, scenario: Scenario, lab: LabChoice, spec: string, rerender: () => void): HTMLElement {
  const baseId = uid('lab-base');
  const base = el('select', { id: baseId, 'data-focus': 'lab-base', 'data-testid': 'lab-base' });
  for (const preset of PRESET_IDS) {
    const option = el('option', { value: preset, text: t(`rules.${preset}`) });
    option.selected = preset === lab.base;
    base.append(option);
  }
  base.addEventListener('change', () => {
    const preset = PRESET_IDS.find((p) => p === base.value) ?? FIRST_PRESET;
    lab.base = preset;
    lab.features = { ...PRESETS[preset] };
    rerender();
  });
  const grid = el('div', { class: 'lab-grid' });
  const context = { spec, features: lab.features, scenario };
  for (const key of FEATURE_KEYS) grid.append(featureField(app, key, lab, context, rerender));
  return el(
    'div',
    { class: 'lab', 'data-testid': 'lab' },
    el('div', { class: 'seed-row' }, el('label', { for: baseId, text: t('lab.base') }), base),
    el('p', { class: 'small muted', text: t('lab.hint') }),
    grid,
    el('p', { class: 'small' }, t('lab.spec', { spec: '' }), el('code', { 'data-testid': 'lab-spec', text: spec })),
  );
}

function featureField(app: App, key: FeatureKey, lab: LabChoice, context: { spec: string; features: InstitutionalFeatures; scenario: Scenario }, rerender: () => void): HTMLElement {
  const id = uid('feature');
  const aboutId = uid('feature-about');
  const values = FEATURES[key].values as Record<string, { rule: RuleId; about: string }>;
  const chosen = lab.features[key] as string;
  const changed = chosen !== (PRESETS[lab.base][key] as string);
  const select = el('select', { id, 'data-focus': `lab-${key}`, 'data-feature': key, title: FEATURES[key].about, 'aria-describedby': aboutId });
  for (const value of featureValues(key)) {
    const option = el('option', { value, text: value, title: values[value]?.about ?? '' });
    option.selected = value === chosen;
    select.append(option);
  }
  select.addEventListener('change', () => {
    lab.features = { ...lab.features, [key]: select.value } as InstitutionalFeatures;
    rerender();
  });
  const rule = values[chosen]?.rule;
  return el(
    'div',
    { class: `lab-feature${changed ? ' changed' : ''}`, 'data-feature': key },
    el('label', { for: id, text: t('lab.feature', { name: featureName(key), key }) }),
    el('div', { class: 'seed-row' }, select, rule ? ruleLink(app, rule, context, `rule-lab-${key}`) : null),
    el('p', { class: 'small muted', id: aboutId, text: values[chosen]?.about ?? FEATURES[key].about }),
  );
}
