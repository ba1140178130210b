import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from '../engine';

// Russian and Kazakh readers write 0,75 and 1 234,5. Node has full ICU data, but Debian's
// Chromium has no Kazakh number data: it answers 'kk' yet writes 1,234.5. The second ICU below
// stands in for that browser: Kazakh locales get the root locale's symbols.
const RealNumberFormat = Intl.NumberFormat;
function browserWithoutKazakhNumbers(): void {
  vi.spyOn(Intl, 'NumberFormat').mockImplementation(function (locales?: string | string[], options?: Intl.NumberFormatOptions) {
    const kazakh = [locales ?? []].flat().some((l) => l.toLowerCase().startsWith('kk'));
    return new RealNumberFormat(kazakh ? 'und' : locales, options);
  } as unknown as typeof Intl.NumberFormat);
}

const icus = { node: () => {}, 'Chromium without Kazakh number data': browserWithoutKazakhNumbers };

// A fresh module each time, so nothing the formatter learnt under one ICU carries over.
async function load() {
  vi.resetModules();
  const i18n = await import('../../ui-kit/i18n');
  // A fresh translation layer has only English; the others load on demand.
  await Promise.all([i18n.loadDictionary('ru'), i18n.loadDictionary('kk')]);
  const preview = await import('./preview');
  const { parseScenario } = await import('../engine');
  return { ...i18n, ...preview, parseScenario };
}

const DECIMAL_POINT = /\d\.\d/;

describe('numbers in the reader’s convention', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('the stand-in ICU writes Kazakh numbers as Debian’s Chromium does', () => {
    browserWithoutKazakhNumbers();
    expect(new Intl.NumberFormat('kk-KZ', { maximumFractionDigits: 1 }).format(1234.5)).toBe('1,234.5');
    expect(new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1 }).format(1234.5)).toBe('1\u00a0234,5');
  });

  for (const [icu, setUp] of Object.entries(icus)) {
    it(`writes a decimal comma in Russian and Kazakh, a point in English (${icu})`, async () => {
      setUp();
      const { setLanguage, formatNumber, percent } = await load();
      for (const lang of ['ru', 'kk'] as const) {
        setLanguage(lang, false);
        expect(formatNumber(0.75, 2), lang).toBe('0,75');
        expect(formatNumber(1234.5, 1), lang).toBe('1\u00a0234,5');
        expect(formatNumber(-12345.678, 3), lang).toBe('-12\u00a0345,678');
        expect(formatNumber(2.5), lang).toBe('3');
        for (const value of [0.11, 0.5, 1.25, 99.9, 1000.5, -3.125]) {
          for (const digits of [1, 2, 3]) {
            const text = formatNumber(value, digits);
            expect(text, `${lang} ${value} ${digits}`).not.toMatch(DECIMAL_POINT);
            expect(text, `${lang} ${value} ${digits}`).toContain(',');
          }
        }
        expect(percent(0.755), lang).toBe('76\u00a0%');
      }
      setLanguage('en', false);
      expect(formatNumber(1234.5, 1)).toBe('1,234.5');
      expect(formatNumber(0.75, 2)).toBe('0.75');
    });

    it(`shows the start screen’s weights and chances with a decimal comma in Russian and Kazakh (${icu})`, async () => {
      setUp();
      const { setLanguage, objectiveRows, timelineRows, parseScenario } = await load();
      const path = join(import.meta.dirname, '../../../test/fixtures/scenarios/minimal.yaml');
      const parsed = parseScenario(readFileSync(path, 'utf8'), path);
      if (!parsed.ok) throw new Error('the fixture does not parse');
      const base: Scenario = parsed.scenario;
      const scenario: Scenario = {
        ...base,
        player: { ...base.player, objectives: { escalation: -0.5, deterrence: 0.25 } },
        events: [...base.events, { ...base.events[0]!, id: 'maybe', at: undefined, chance: { probability: 0.125, from: 2, to: 4 } }],
      };
      for (const lang of ['ru', 'kk'] as const) {
        setLanguage(lang, false);
        const texts = [...objectiveRows(scenario).map((r) => r.text), ...timelineRows(scenario).map((r) => `${r.when} ${r.what}`)];
        for (const text of texts) expect(text, lang).not.toMatch(DECIMAL_POINT);
        expect(objectiveRows(scenario).map((r) => r.text).join(' '), lang).toContain('0,25');
        expect(timelineRows(scenario)[1]!.when, lang).toContain('12,5');
      }
      setLanguage('en', false);
      expect(timelineRows(scenario)[1]!.when).toContain('12.5');
    });
  }
});
