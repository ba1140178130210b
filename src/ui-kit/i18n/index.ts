// The translation layer: every text a player reads goes through `t`. Scenario texts come
// localized in the scenario file and go through `localize`.
import type { Language, LocalizedText } from '../../engine/index';
import { en, type MessageKey } from './en';
import { resolvePlurals } from './plural';
import { LANGUAGE_KEY } from './preference';

// Kept apart so the game's entry can read the language before it loads any dictionary.
export { initialLanguage, isLanguage } from './preference';

export type { MessageKey };
type Dictionary = Record<MessageKey, string>;
/** English is always here; Russian and Kazakh load when chosen (loadDictionary), so a page's
 * first load carries one dictionary, not three. Until one arrives it holds the English texts
 * (setLanguage switches only once it has arrived). */
export const dictionaries: Record<Language, Dictionary> = { en, ru: en, kk: en };
const LOADERS: Record<Language, () => Promise<Dictionary>> = {
  en: async () => en,
  ru: () => import('./ru').then((m) => m.ru),
  kk: () => import('./kk').then((m) => m.kk),
};
const loading = new Map<Language, Promise<void>>([['en', Promise.resolve()]]);
const loaded = new Set<Language>(['en']);

/** Loads a language's dictionary once; resolves when its texts are in `dictionaries`. */
export function loadDictionary(lang: Language): Promise<void> {
  let pending = loading.get(lang);
  if (!pending) {
    pending = LOADERS[lang]().then((d) => {
      dictionaries[lang] = d;
      loaded.add(lang);
    });
    loading.set(lang, pending);
  }
  return pending;
}
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ru: 'Русский', kk: 'Қазақша' };

let current: Language = 'en';
/** The language last asked for, which may still be loading. */
let wanted: Language = 'en';
const listeners = new Set<(lang: Language) => void>();

export function language(): Language {
  return current;
}

/** Switches the language once its texts are in: the page's language, its texts and the listeners
 * change together (never Kazakh marked on English words). A later choice wins over a slower load. */
export function setLanguage(lang: Language, remember = true): void {
  wanted = lang;
  if (remember) {
    try {
      localStorage.setItem(LANGUAGE_KEY, lang);
    } catch {
      // Private mode or storage full: the choice lasts for this page only.
    }
  }
  const apply = () => {
    if (wanted !== lang) return;
    current = lang;
    if (typeof document !== 'undefined') document.documentElement.lang = lang;
    for (const listener of listeners) listener(lang);
  };
  if (loaded.has(lang)) apply();
  // A failed load leaves the language as it was, and says so.
  else loadDictionary(lang).then(apply, (error: unknown) => console.error(`the ${lang} texts did not load`, error));
}

export function onLanguageChange(listener: (lang: Language) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export type Params = Record<string, string | number>;

/** Fills {name} placeholders and chooses the branch of each {count, plural, ...} block by the
 * language's plural rules (./plural.ts); a missing parameter stays visible as {name}, so tests
 * catch it. */
export function format(template: string, params: Params = {}): string {
  const counted = resolvePlurals(template, params, current, (n) => formatNumber(n));
  return counted.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** The text for a key in the current language; a key no dictionary has shows as itself. */
export function t(key: MessageKey, params?: Params): string {
  return format(dictionaries[current][key] ?? en[key] ?? key, params);
}

export function localize(text: LocalizedText | undefined): string {
  if (!text) return '';
  return text[current] ?? text.en;
}

// Kazakh writes numbers as Russian does: 1 234,5 (no-break space, decimal comma). Debian's
// Chromium has no Kazakh number data: it still says it supports 'kk-KZ' (supportedLocalesOf
// and resolvedOptions both answer 'kk') but writes 1,234.5. So ask it once how it writes a
// decimal, and take Russian's symbols, the same in CLDR, when the answer is not a comma.
let kazakhLocale: string | undefined;
function kazakhNumberLocale(): string {
  if (kazakhLocale === undefined) {
    const decimal = new Intl.NumberFormat('kk-KZ', { maximumFractionDigits: 1 }).formatToParts(1.5).find((p) => p.type === 'decimal');
    kazakhLocale = decimal?.value === ',' ? 'kk-KZ' : 'ru-KZ';
  }
  return kazakhLocale;
}

/** Numbers in the reader's convention (decimal comma in Russian and Kazakh). */
export function formatNumber(value: number, digits = 0): string {
  const locale = current === 'kk' ? kazakhNumberLocale() : current === 'ru' ? 'ru-RU' : 'en-GB';
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);
}

/** A number with its unit ("76 %", "5 дн.", "5 мин"): every space of the unit's template becomes
 * a no-break space, so a line never breaks between the number and its unit. */
export function withUnit(key: 'unit.percent' | 'unit.days', value: number, digits = 0): string {
  return t(key, { value: formatNumber(value, digits) }).replace(/ /g, '\u00a0');
}

export function percent(value: number): string {
  return withUnit('unit.percent', Math.round(value * 100));
}

/** Joins names with the language's list conjunction. */
export function formatList(items: string[]): string {
  const locale = current === 'kk' ? 'kk' : current;
  try {
    return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}
