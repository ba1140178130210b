// The player's language as remembered, else as the browser says, with no dictionary: the game's
// entry reads it before its first frame (to fetch the right fonts), when no text is shown yet.
import type { Language } from '../../engine/index';

/** Where the chosen language is remembered (localStorage). */
export const LANGUAGE_KEY = 'crisis-lab.language';

export function isLanguage(value: unknown): value is Language {
  return value === 'en' || value === 'ru' || value === 'kk';
}

/** The remembered language, else the browser's if we have it, else English. */
export function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(LANGUAGE_KEY);
    if (isLanguage(saved)) return saved;
  } catch {
    // no storage
  }
  const browser = typeof navigator !== 'undefined' ? navigator.language.slice(0, 2) : 'en';
  return isLanguage(browser) ? browser : 'en';
}
