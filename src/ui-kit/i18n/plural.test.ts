import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Language } from '../../engine/index';
import { compareDictionaries } from './compare-page';
import { format, percent, setLanguage, withUnit } from './index';
import { en } from './en';
import { ru } from './ru';
import { kk } from './kk';
import { countOf, parsePluralBlock, pluralBlocks } from './plural';

const COUNTS = [1, 2, 5, 11, 21, 101] as const;
// The dictionaries themselves: the translation layer may load Russian and Kazakh on demand.
const dictionaries: Record<Language, Record<string, string>> = { en, ru, kk };
const LANGS: Language[] = ['en', 'ru', 'kk'];

/** What a reader sees for `template` with `count` in `lang`. */
function say(lang: Language, template: string, count: number | string): string {
  setLanguage(lang, false);
  return format(template, { count, turns: count, casualties: count, delta: count, seconds: count });
}

describe('plural rules', () => {
  afterEach(() => setLanguage('en', false));

  it('chooses CLDR’s category for 1, 2, 5, 11, 21 and 101 in each language', () => {
    const games = {
      en: '{count, plural, one {# game} other {# games}}',
      ru: '{count, plural, one {# игра} few {# игры} many {# игр} other {# игры}}',
      kk: '{count, plural, one {# ойын} other {# ойын}}',
    };
    const expected: Record<Language, string[]> = {
      en: ['1 game', '2 games', '5 games', '11 games', '21 games', '101 games'],
      ru: ['1 игра', '2 игры', '5 игр', '11 игр', '21 игра', '101 игра'],
      kk: ['1 ойын', '2 ойын', '5 ойын', '11 ойын', '21 ойын', '101 ойын'],
    };
    for (const lang of LANGS) expect(COUNTS.map((n) => say(lang, games[lang], n)), lang).toEqual(expected[lang]);
  });

  it('says the shipped count strings right in each language', () => {
    const turns = (lang: Language) => COUNTS.map((n) => say(lang, dictionaries[lang]['debrief.unfinished']!, n));
    expect(turns('en')).toEqual(COUNTS.map((n) => `Not over after the same ${n} ${n === 1 ? 'turn' : 'turns'} of choices.`));
    expect(turns('ru')).toEqual([
      'Не окончена после тех же 1 хода решений.',
      'Не окончена после тех же 2 ходов решений.',
      'Не окончена после тех же 5 ходов решений.',
      'Не окончена после тех же 11 ходов решений.',
      'Не окончена после тех же 21 хода решений.',
      'Не окончена после тех же 101 хода решений.',
    ]);
    expect(turns('kk')).toEqual(COUNTS.map((n) => `Сол ${n} жүрістік шешімдерден кейін аяқталған жоқ.`));

    const games = (lang: Language) => COUNTS.map((n) => say(lang, compareDictionaries[lang]['cmp.games'], n));
    expect(games('en')).toEqual(['1 game', '2 games', '5 games', '11 games', '21 games', '101 games']);
    expect(games('ru')).toEqual(['1 игра', '2 игры', '5 игр', '11 игр', '21 игра', '101 игра']);
    expect(games('kk')).toEqual(COUNTS.map((n) => `${n} ойын`));

    const logs = (lang: Language) => COUNTS.map((n) => say(lang, compareDictionaries[lang]['cmp.basis.log'], n));
    expect(logs('en')).toEqual(['1 verified log', '2 verified logs', '5 verified logs', '11 verified logs', '21 verified logs', '101 verified logs']);
    expect(logs('ru')).toEqual(['1 проверенный журнал', '2 проверенных журнала', '5 проверенных журналов', '11 проверенных журналов', '21 проверенный журнал', '101 проверенный журнал']);
    expect(logs('kk')).toEqual(COUNTS.map((n) => `${n} тексерілген журнал`));

    const points = (lang: Language) => COUNTS.map((n) => say(lang, dictionaries[lang]['attr.up']!, n).replace(/ \{turn\}|\{turn\}-/g, ''));
    expect(points('en')).toEqual(COUNTS.map((n) => `Rising: ${n} ${n === 1 ? 'point' : 'points'} more than in turn.`));
    expect(points('ru').map((s) => s.match(/на (.*) больше/)![1])).toEqual(['1 процентный пункт', '2 процентных пункта', '5 процентных пунктов', '11 процентных пунктов', '21 процентный пункт', '101 процентный пункт']);

    const dead = (lang: Language) => COUNTS.map((n) => say(lang, '{casualties, plural, one {# погибший} few {# погибших} many {# погибших} other {# погибшего}}', n));
    expect(dead('ru')).toEqual(['1 погибший', '2 погибших', '5 погибших', '11 погибших', '21 погибший', '101 погибший']);
  });

  it('reads counts already written in the reader’s convention', () => {
    setLanguage('ru', false);
    expect(format(compareDictionaries.ru['cmp.games'], { count: '1\u00a0021' })).toBe('1\u00a0021 игра');
    expect(format(compareDictionaries.ru['cmp.games'], { count: 1021 })).toBe('1\u00a0021 игра');
    setLanguage('en', false);
    expect(format(compareDictionaries.en['cmp.games'], { count: '1,001' })).toBe('1,001 games');
    expect(countOf('1,234.5')).toBe(1234.5);
    expect(countOf('1\u00a0234,5')).toBe(1234.5);
    expect(countOf('21')).toBe(21);
  });

  it('prefers an exact =N branch, falls back to other, and keeps a missing count visible', () => {
    setLanguage('ru', false);
    expect(format('{count, plural, =0 {ни одной игры} one {# игра} few {# игры} many {# игр} other {# игры}}', { count: 0 })).toBe('ни одной игры');
    expect(format('{count, plural, one {# игра} other {# игры}}', { count: 5 })).toBe('5 игры');
    expect(format('{count, plural, one {# игра} other {# игры}} из {total}', { total: 3 })).toBe('{count} из 3');
    expect(format('{count, plural, one {# игра ({name})} few {# игры ({name})} many {# игр ({name})} other {# игры}}', { count: 2, name: 'НАТО' })).toBe('2 игры (НАТО)');
  });

  it('reads Kazakh right in a browser without Kazakh plural data', async () => {
    // As Debian's Chromium lacks Kazakh number data, a browser may lack its plural rules: CLDR's
    // root locale says "other" for every number, and Kazakh's two branches read the same.
    const Real = Intl.PluralRules;
    vi.spyOn(Intl, 'PluralRules').mockImplementation(function (locales?: string | string[], options?: Intl.PluralRulesOptions) {
      const kazakh = [locales ?? []].flat().some((l) => l.toLowerCase().startsWith('kk'));
      return kazakh ? { select: () => 'other', resolvedOptions: () => ({ locale: 'und', pluralCategories: ['other'] }) } : new Real(locales, options);
    } as unknown as typeof Intl.PluralRules);
    try {
      // A fresh translation layer, so no plural rules made before the stand-in carry over.
      vi.resetModules();
      const fresh = await import('./index');
      const page = await import('./compare-page');
      await fresh.loadDictionary('kk');
      fresh.setLanguage('kk', false);
      expect(COUNTS.map((n) => fresh.format(page.compareDictionaries.kk['cmp.games'], { count: n }))).toEqual(COUNTS.map((n) => `${n} ойын`));
      expect(fresh.format(kk['debrief.unfinished'], { turns: 1 })).toBe('Сол 1 жүрістік шешімдерден кейін аяқталған жоқ.');
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('refuses a malformed block rather than show its braces', () => {
    expect(() => parsePluralBlock('{count, plural, one {# game}}')).toThrow(/other/);
    expect(() => parsePluralBlock('{count, plural, lots {# game} other {# games}}')).toThrow(/category/);
    expect(() => pluralBlocks('{count, plural, one {# game} other {# games}')).toThrow(/unclosed/);
  });

  // Every plural block of every shipped dictionary names exactly its language's categories, and a
  // language translates each English plural block with one of its own.
  const shipped: [string, Record<Language, Record<string, string>>][] = [
    ['game', dictionaries],
    ['comparison page', compareDictionaries],
  ];
  for (const [where, dicts] of shipped) {
    for (const lang of LANGS) {
      it(`gives every ${where} plural in ${lang} the language’s categories`, () => {
        const categories = [...new Intl.PluralRules(lang).resolvedOptions().pluralCategories].sort();
        for (const [key, text] of Object.entries(dicts[lang])) {
          for (const { block } of pluralBlocks(text)) {
            const named = [...block.branches.keys()].filter((k) => !k.startsWith('=')).sort();
            expect(named, `${lang} ${key} {${block.name}}`).toEqual(categories);
          }
          const english = pluralBlocks(dicts.en[key]!).map((b) => b.block.name);
          const own = pluralBlocks(text).map((b) => b.block.name);
          for (const name of english) expect(own, `${lang} ${key} counts {${name}}`).toContain(name);
        }
      });
    }
  }
});

describe('units stay with their numbers', () => {
  afterEach(() => setLanguage('en', false));

  it('joins percent and days to the number with a no-break space', () => {
    const expected: Record<Language, [string, string]> = { en: ['76\u00a0%', '5\u00a0d'], ru: ['76\u00a0%', '5\u00a0дн.'], kk: ['76\u00a0%', '5\u00a0күн'] };
    for (const lang of LANGS) {
      setLanguage(lang, false);
      expect([percent(0.755), withUnit('unit.days', 5)], lang).toEqual(expected[lang]);
      expect(format(dictionaries[lang]['start.expected']!, { minutes: 5 }), lang).toMatch(/5\u00a0(min|мин)$/);
    }
  });
});
