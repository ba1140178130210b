// The validator's messages in English, Russian and Kazakh: every code worded in each language,
// the problems of broken files shown in each with field names and values as written, and the
// term base's forms (../shared/design/terms.md) kept.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblemIn, parseScenario } from './load';
import { VALIDATOR_MESSAGES, problemText } from './messages/index';
import type { Params } from './problem';
import { LANGUAGES } from './schema';

/** Parameters for any template: a few need a shape (a comparison, a count), the rest a value. */
const anyParams = new Proxy({} as Params, {
  get: (_, key) => ({ cmp: 'min', bound: 2, count: 5, chain: ['a', 'b'], none: false, int: true })[String(key)] ?? 'VALUE',
});

/** Codes whose wording is only a value as written, the same in every language. */
const VALUE_ONLY = new Set(['value.quoted', 'value.boolean', 'value.other']);

const CYRILLIC = /[а-яёәғқңөұүһі]/i;

describe('the message catalogue', () => {
  const codes = Object.keys(VALIDATOR_MESSAGES.en);

  it('words every code in every language, with no hole where a parameter goes', () => {
    expect(codes.length).toBeGreaterThan(100);
    for (const lang of LANGUAGES) {
      expect(Object.keys(VALIDATOR_MESSAGES[lang]).sort()).toEqual([...codes].sort());
      for (const code of codes) {
        const text = problemText(code, anyParams, lang);
        expect(text, `${lang} ${code}`).not.toBe('');
        expect(text, `${lang} ${code}`).not.toMatch(/undefined|\[object|NaN|\$\{/);
        if (lang !== 'en' && !VALUE_ONLY.has(code)) expect(text, `${lang} ${code}`).toMatch(CYRILLIC);
      }
    }
  });

  it('keeps the forms of the term base: no bare «член», no «авторлық», «делдал», «талап ету», «барлау кемесі», «Тұқым»', () => {
    const all = (lang: 'ru' | 'kk') => codes.map((code) => problemText(code, anyParams, lang)).join('\n');
    expect(all('ru')).not.toMatch(/(^|[^-а-яё])член/im);
    expect(all('ru')).not.toMatch(/ставленник|Воздерж\./i);
    expect(all('kk')).not.toMatch(/авторлық|делдал|талап ету|барлау кемесі|тұқым/i);
    expect(problemText('unknownRuleSet', anyParams, 'ru')).toContain('свод правил');
    expect(problemText('unknownRuleSet', anyParams, 'kk')).toContain('ережелер жиынтығы');
  });

  it('keeps a percentage with its number across a line break', () => {
    expect(problemText('hint.percent', { n: 35, share: 0.35 }, 'ru')).toBe('; для 35\u00a0% напишите 0.35');
    expect(problemText('hint.percent', { n: 35, share: 0.35 }, 'kk')).toBe('; 35\u00a0% үшін 0.35 деп жазыңыз');
  });

  it('reads an unknown code as itself rather than failing', () => {
    expect(problemText('from-a-newer-version', {}, 'kk')).toBe('from-a-newer-version');
  });
});

describe('problems of broken files in each language', () => {
  const dir = 'test/fixtures/scenarios/';
  const broken = readdirSync(dir)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .flatMap((file) => {
      const result = parseScenario(readFileSync(dir + file, 'utf8'), file);
      return result.ok ? [] : result.problems;
    });

  it('covers many kinds of problem', () => {
    expect(new Set(broken.map((p) => p.code)).size).toBeGreaterThan(12);
  });

  it('keeps the place and the field path as written, and words the rest in the language', () => {
    for (const p of broken) {
      const en = formatProblemIn(p, 'en');
      expect(en).toBe(`${p.file}:${p.line}:${p.column}: ${p.message}`);
      for (const lang of ['ru', 'kk'] as const) {
        const text = formatProblemIn(p, lang);
        const where = `${p.file}:${p.line}:${p.column}: ${p.path === '' ? '' : `${p.path}: `}`;
        expect(text.startsWith(where), text).toBe(true);
        expect(text.slice(where.length), text).toMatch(CYRILLIC);
        expect(text, text).not.toMatch(/undefined|\[object/);
      }
    }
  });

  it('words a problem in Russian and Kazakh as a reader of each would', () => {
    const wrong = broken.find((p) => p.file === 'wrong-type.yaml')!;
    expect(formatProblemIn(wrong, 'ru')).toBe(
      'wrong-type.yaml:26:22: states[0].profile.riskTolerance: ожидается число, а здесь текст "high"; напишите число от 0 до 1',
    );
    expect(formatProblemIn(wrong, 'kk')).toBe(
      'wrong-type.yaml:26:22: states[0].profile.riskTolerance: сан күтіледі, ал мұнда "high" мәтіні; ең кемі 0, ең көбі 1 болатын сан жазыңыз',
    );
  });
});
