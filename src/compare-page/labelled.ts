// Labelled form controls of the comparison page: a select and a one-line text field, each with
// its own label beside it.
import { el, uid } from '../ui-kit/dom';

/** A labelled select; `value` '' stands for "all". */
export function choice(label: string, testid: string, options: { value: string; text: string }[], value: string, onChange: (value: string) => void): HTMLElement {
  const id = uid(testid);
  const select = el('select', { id, 'data-testid': testid });
  for (const o of options) {
    const option = el('option', { value: o.value, text: o.text });
    if (o.value === value) option.selected = true;
    select.append(option);
  }
  select.addEventListener('change', () => onChange(select.value));
  return el('div', { class: 'lang-select' }, el('label', { for: id, text: label }), select);
}

/** A labelled text field that reports every keystroke's value (`input`, not `change`). */
export function textField(label: string, testid: string, value: string, onInput: (value: string) => void): HTMLElement {
  const id = uid(testid);
  const input = el('input', { type: 'text', id, value, 'data-testid': testid, size: 14, spellcheck: 'false', autocomplete: 'off' });
  input.addEventListener('input', () => onInput(input.value));
  return el('div', { class: 'lang-select' }, el('label', { for: id, text: label }), input);
}
