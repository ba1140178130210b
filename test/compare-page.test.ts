// The comparison page's texts: every key in Russian and Kazakh, non-empty, with the same
// {placeholders} as English; and the page stays free of HTML parsing of any input text.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareDictionaries, compareEn, reasonText } from '../src/compare-page/i18n';
import { setLanguage } from '../src/game/i18n';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('comparison page texts', () => {
  for (const [lang, dict] of Object.entries(compareDictionaries)) {
    it(`${lang} has every key with the same placeholders as English`, () => {
      for (const [key, text] of Object.entries(compareEn)) {
        const translated = dict[key as keyof typeof compareEn];
        expect(translated, `${lang} ${key}`).toBeTruthy();
        expect(placeholders(translated), `${lang} ${key}`).toEqual(placeholders(text));
      }
    });
  }

  it('translates the reasons a log is refused, and leaves unknown ones in English', () => {
    setLanguage('ru', false);
    expect(reasonText('the digest does not match: the log was changed after it was written')).toBe('контрольная сумма не совпадает: журнал изменён после записи');
    expect(reasonText('the replay differs from the log at turn 3')).toBe('повтор расходится с журналом на ходу 3');
    expect(reasonText('replay failed: boom')).toBe('replay failed: boom');
    setLanguage('en', false);
    expect(reasonText('the replay differs from the log at turn 3')).toBe('the replay differs from the log at turn 3');
  });

  it('sets text as text: no innerHTML, outerHTML, insertAdjacentHTML or document.write', () => {
    for (const file of readdirSync('src/compare-page')) {
      const source = readFileSync(`src/compare-page/${file}`, 'utf8');
      expect(source, file).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    }
  });

  it('keeps the comparison code free of Node modules and the DOM', () => {
    for (const file of readdirSync('src/compare')) {
      const source = readFileSync(`src/compare/${file}`, 'utf8');
      expect(source, file).not.toMatch(/from ['"]node:|\bdocument\.|\bwindow\./);
    }
  });
});
