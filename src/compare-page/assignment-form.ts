// The assignment's form on the comparison page: a shipped scenario or the instructor's own file,
// the rule set and seed it fixes, and the class server's public key. The form is built once per
// language and kept across the page's redraws, so a field keeps its focus, caret and text while
// the instructor types: each keystroke updates the value and this form's notes, and the page
// compares again and redraws what lies below it.
import { el, clear } from '../ui-kit/dom';
import { publicKeyIn } from '../compare/index';
import { assignmentFromShipped, assignmentFromText, assignmentOf, shippedScenarioFiles, type ReadAssignment } from './assignment';
import { ct } from './i18n';
import { choice, textField } from './labelled';

/** What the form sets; the page holds it (in its state object) and compares with it. */
export interface AssignmentValues {
  /** The assignment's scenario as read (a shipped file's name, '' for the instructor's own file). */
  assignment: { from: string; read: ReadAssignment } | null;
  assignmentRules: string;
  assignmentSeed: string;
  serverKey: string;
}

export interface AssignmentForm {
  element: HTMLElement;
  /** Brings the notes, the remove button and the scenario choice up to date with the values. */
  refresh: () => void;
}

/** Whether the instructor opened the form (kept when the language changes and it is rebuilt). */
let opened = false;

/** `changed` is called after every change of a value (the form's own notes are up to date). */
export function assignmentForm(values: AssignmentValues, changed: () => void): AssignmentForm {
  const file = el('input', { type: 'file', accept: '.yaml,.yml,.json', class: 'visually-hidden', 'data-testid': 'assignment-file', 'aria-label': ct('cmp.assignment.fileLabel'), tabindex: -1 });
  const update = () => {
    refresh();
    changed();
  };
  file.addEventListener('change', () => {
    const picked = file.files?.[0];
    file.value = '';
    if (!picked) return;
    void picked.text().then((text) => {
      values.assignment = { from: '', read: assignmentFromText(text, picked.name) };
      update();
    });
  });
  const pickButton = el('button', { type: 'button', text: ct('cmp.assignment.pickFile'), 'data-testid': 'assignment-pick' });
  pickButton.addEventListener('click', () => file.click());
  const none = { value: '', text: ct('cmp.assignment.none') };
  const shipped = choice(ct('cmp.assignment.shipped'), 'assignment-shipped', [none, ...shippedScenarioFiles().map((f) => ({ value: f, text: f.replace(/\.yaml$/, '') }))], values.assignment?.from ?? '', (value) => {
    if (value === '') {
      values.assignment = null;
      update();
      return;
    }
    void assignmentFromShipped(value).then((read) => {
      values.assignment = { from: value, read };
      update();
    });
  });
  const shippedSelect = shipped.querySelector('select')!;
  const rules = textField(ct('cmp.assignment.rules'), 'assignment-rules', values.assignmentRules, (v) => {
    values.assignmentRules = v;
    update();
  });
  const seed = textField(ct('cmp.assignment.seed'), 'assignment-seed', values.assignmentSeed, (v) => {
    values.assignmentSeed = v;
    update();
  });
  const key = textField(ct('cmp.key.label'), 'server-key', values.serverKey, (v) => {
    values.serverKey = v;
    update();
  });
  const remove = el('button', { type: 'button', text: ct('cmp.assignment.remove'), 'data-testid': 'assignment-remove' });
  remove.addEventListener('click', () => {
    values.assignment = null;
    // The button goes away with the assignment: the keyboard stays in the form, on the choice.
    shippedSelect.focus();
    update();
  });
  const actions = el('div', { class: 'actions' }, shipped, pickButton, file, rules, seed, key);
  const notes = el('div', { class: 'assignment-notes' });
  /** The notes as last drawn: an alert is replaced only when what it says changes. */
  let drawn = '';

  function refresh(): void {
    shippedSelect.value = values.assignment?.from ?? '';
    if (values.assignment) actions.append(remove);
    else remove.remove();
    const read = values.assignment?.read;
    const next: HTMLElement[] = [];
    if (values.serverKey.trim() !== '' && publicKeyIn(values.serverKey) === null) next.push(el('p', { class: 'problem', role: 'alert', 'data-testid': 'server-key-problem', text: ct('cmp.key.bad') }));
    if (read && !read.ok) next.push(el('p', { class: 'problem', role: 'alert', 'data-testid': 'assignment-problem', text: `${ct('cmp.assignment.invalid')} ${read.problems.slice(0, 3).join(' · ')}` }));
    else if (read?.ok && !values.assignment?.from) next.push(el('p', { class: 'small muted', text: ct('cmp.assignment.fromFile', { file: read.file }) }));
    if (assignmentOf(read ?? null, values.assignmentRules, values.assignmentSeed).badRules) next.push(el('p', { class: 'problem', role: 'alert', 'data-testid': 'assignment-bad-rules', text: ct('cmp.assignment.badRules', { rules: values.assignmentRules }) }));
    const text = next.map((n) => `${n.getAttribute('data-testid')}:${n.textContent}`).join('\n');
    if (text === drawn) return;
    drawn = text;
    clear(notes);
    notes.append(...next);
  }

  // Closed until used, so that the charts start in the first screen; the summary names it.
  const used = values.assignment !== null || values.assignmentRules !== '' || values.assignmentSeed !== '' || values.serverKey !== '';
  const details = el(
    'details',
    { class: 'assignment', 'data-testid': 'assignment', open: used || opened },
    el('summary', { text: ct('cmp.assignment') }),
    el('p', { class: 'small muted', text: ct('cmp.assignmentNote') }),
    actions,
    notes,
  );
  details.addEventListener('toggle', () => (opened = details.open));
  refresh();
  return { element: details, refresh };
}
