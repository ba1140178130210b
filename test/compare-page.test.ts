// The comparison page's texts: every key in Russian and Kazakh, non-empty, with the same
// {placeholders} as English; and the page stays free of HTML parsing of any input text.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareDictionaries, compareEn } from '../src/ui-kit/i18n/compare-page';
import { reasonText } from '../src/compare-page/i18n';
import { setLanguage } from '../src/ui-kit/i18n';
import { refusalTexts, whyText } from '../src/compare-page/refusals';
import { JSON_FAULTS, REFUSAL_CODES } from '../src/engine/log/refusal';
import { classifyText } from '../src/compare/classify';
import { problemMessage } from '../src/engine/scenario/problem';
import { ENGINE_VERSION } from '../src/engine/version';

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

  it('words every refusal code and strict-JSON fault in English, Russian and Kazakh, with the same placeholders', () => {
    const keys = [...REFUSAL_CODES, ...JSON_FAULTS.map((f) => `json.${f}`)];
    for (const lang of ['en', 'ru', 'kk'] as const) {
      for (const key of keys) {
        const text = refusalTexts[lang][key as keyof (typeof refusalTexts)['en']];
        expect(text, `${lang} ${key}`).toBeTruthy();
        expect(placeholders(text), `${lang} ${key}`).toEqual(placeholders(refusalTexts.en[key as keyof (typeof refusalTexts)['en']]));
      }
      for (const [key, text] of Object.entries(refusalTexts.en)) expect(placeholders(refusalTexts[lang][key as keyof typeof refusalTexts.en]), `${lang} ${key}`).toEqual(placeholders(text));
    }
  });

  it('shows a refusal in the page’s language from its code, field names and values as written', () => {
    const doubled = `{"format":"alliance-crisis-lab/outcome-log","logVersion":1,"engineVersion":"${ENGINE_VERSION}","seed":"a","seed":"b"}`;
    const [entry] = classifyText(doubled, 'x.json');
    expect(entry!.why).toMatchObject({ code: 'not-strict', params: { what: 'repeated-key', key: 'seed' } });
    setLanguage('ru', false);
    expect(whyText(entry!.why!)).toMatch(/^журнал записан не в строгой форме: ключ "seed" повторяется в одном объекте в строке 1, столбце \d+$/);
    setLanguage('kk', false);
    expect(whyText({ code: 'unknown-field', params: { field: 'cheat' } })).toBe('журналда қозғалтқыш жазбайтын өріс бар: "cheat"');
    // A scenario the validator refuses is worded by the validator's own catalogue.
    const problem = { path: 'states[0].id', code: 'required', params: {} };
    expect(whyText({ code: 'scenario-invalid', params: { more: 0 }, problem })).toBe(`журнал ішіндегі сценарий жарамсыз: ${problemMessage(problem, 'kk')}`);
    setLanguage('en', false);
    expect(whyText(entry!.why!)).toBe(entry!.reason);
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
