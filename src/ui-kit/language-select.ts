// The language chooser, the same on every screen of the game and on the comparison page.
import { LANGUAGE_NAMES, isLanguage, language, setLanguage, t } from './i18n';
import { LANGUAGES } from '../engine/index';
import { el, uid } from './dom';

export function languageSelect(): HTMLElement {
  const id = uid('lang');
  const select = el('select', { id, 'data-focus': 'lang', 'data-testid': 'language' });
  for (const lang of LANGUAGES) {
    const option = el('option', { value: lang, text: LANGUAGE_NAMES[lang], lang });
    if (lang === language()) option.selected = true;
    select.append(option);
  }
  select.addEventListener('change', () => {
    if (isLanguage(select.value)) setLanguage(select.value);
  });
  return el('div', { class: 'lang-select' }, el('label', { for: id, text: t('lang.label') }), select);
}
