// Russian and Kazakh texts load on demand (keeping them out of a page's first load): the language
// switches only once its texts are in, so the page never marks English words as Kazakh.
import { describe, expect, it, vi } from 'vitest';
import { kk } from './kk';

describe('dictionaries loaded on demand', () => {
  it('switches only once the texts have loaded, and a later choice wins over a slower load', async () => {
    vi.resetModules();
    const i18n = await import('./index');
    const seen: string[] = [];
    i18n.onLanguageChange((lang) => seen.push(lang));
    i18n.setLanguage('kk', false);
    expect(i18n.language()).toBe('en');
    expect(i18n.t('start.loadFile')).toBe('Load a scenario file…');
    await i18n.loadDictionary('kk');
    expect(i18n.language()).toBe('kk');
    expect(i18n.t('start.loadFile')).toBe(kk['start.loadFile']);
    i18n.setLanguage('ru', false);
    i18n.setLanguage('en', false);
    await i18n.loadDictionary('ru');
    expect(i18n.language()).toBe('en');
    expect(seen).toEqual(['kk', 'en']);
  });
});
