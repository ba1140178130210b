// Noto Sans for the canvas and the DOM. Phaser draws a Text once, and one drawn before its
// font arrives stays in the fallback: so the game waits for the faces the language needs
// (latin; basic Cyrillic; the Kazakh letters of cyrillic-ext) before it draws any text.
import type { Language } from '../engine/index';

const SAMPLES: Record<Language, string> = {
  en: 'Aa',
  ru: 'Aa Жж',
  kk: 'Aa Жж Әә Ғғ Ққ Ңң Өө Ұұ Үү Һһ Іі',
};

const loaded = new Map<Language, Promise<void>>();

export function ensureFonts(lang: Language): Promise<void> {
  let promise = loaded.get(lang);
  if (!promise) {
    promise = Promise.all([
      document.fonts.load(`400 24px "Noto Sans"`, SAMPLES[lang]),
      document.fonts.load(`700 24px "Noto Sans"`, SAMPLES[lang]),
    ]).then(
      () => undefined,
      () => undefined, // the game still works in a fallback font
    );
    loaded.set(lang, promise);
  }
  return promise;
}
