// The term base applied: no shipped Russian or Kazakh text (the game's and the comparison page's
// dictionaries, the rulebook, every scenario's localized fields) uses a form docs/terms.yaml
// rules out, and numbers keep their units on the same line.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { catalogue, REPO_ROOT } from '../src/cli/strings-catalogue';

interface Ruling {
  lang: 'ru' | 'kk';
  pattern: string;
  why: string;
}
interface TermBase {
  terms: { concept: string; en: string; ru: string; kk: string; check?: boolean; ruledOut?: Ruling[] }[];
  mistranslations: Ruling[];
}

const base = parse(readFileSync(join(REPO_ROOT, 'docs/terms.yaml'), 'utf8')) as TermBase;
const rulings: (Ruling & { concept: string; re: RegExp })[] = [
  ...base.terms.flatMap((t) => (t.ruledOut ?? []).map((r) => ({ ...r, concept: t.concept, re: new RegExp(r.pattern, 'iu') }))),
  ...base.mistranslations.map((r) => ({ ...r, concept: 'mistranslation', re: new RegExp(r.pattern, 'iu') })),
];

function offences(lang: 'ru' | 'kk', text: string): string[] {
  return rulings.filter((r) => r.lang === lang && r.re.test(text)).map((r) => `${r.concept}: ${r.why}`);
}

/** Every Cyrillic string literal in the source outside tests ('…', "…" or `…` on one line),
 * with its language told by the letters only Kazakh has: the validator's messages and anything
 * else that builds text in code, beside the dictionaries the catalogue lists. */
function sourceLiterals(): { where: string; lang: 'ru' | 'kk'; text: string }[] {
  const out: { where: string; lang: 'ru' | 'kk'; text: string }[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
        readFileSync(path, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            for (const m of line.matchAll(/(['"`])((?:\\.|(?!\1).)*?)\1/g)) {
              const text = m[2]!;
              if (!/[\u0400-\u04ff]/.test(text)) continue;
              out.push({ where: `${relative(REPO_ROOT, path)}:${i + 1}`, lang: /[әіңғүұқөһӘІҢҒҮҰҚӨҺ]/.test(text) ? 'kk' : 'ru', text });
            }
          });
      }
    }
  };
  walk(join(REPO_ROOT, 'src'));
  return out;
}

describe('the term base', () => {
  it('holds every concept of terms.md with a form in each language', () => {
    expect(base.terms.length).toBeGreaterThanOrEqual(25);
    for (const t of base.terms) for (const lang of ['en', 'ru', 'kk'] as const) expect(t[lang], `${t.concept} ${lang}`).toBeTruthy();
  });

  it('rules out the forms issue 16 names, and lets the right ones through', () => {
    const caught: [lang: 'ru' | 'kk', text: string][] = [
      ['ru', 'Член НАТО'],
      ['ru', 'Позиции членов по вопросу'],
      ['ru', 'Воздерж.'],
      ['ru', 'ставленники Пакистана'],
      ['ru', 'Внеочередной Совет министров иностранных дел'],
      ['ru', 'Совет вводит её'],
      ['ru', 'отрицаемый ущерб'],
      ['ru', 'обязывающее обязательство'],
      ['ru', 'Средний ход показателей'],
      ['ru', 'Х{turn}'],
      ['ru', 'заблокировано: Индия'],
      ['kk', 'авторлық шкаласы'],
      ['kk', 'делдалдарына'],
      ['kk', 'ұжымдық қорғанысты талап етеді'],
      ['kk', 'барлау кемесі'],
      ['kk', 'ӨЛҚҚ-дан сұрау'],
      ['kk', 'РАТС-қа'],
      ['kk', 'Тұқым'],
      ['kk', 'сол дәнмен'],
      ['kk', 'Сіздің мемлекет: Норвегия'],
      ['kk', 'жоққа шығарылатын зиян'],
      ['kk', 'Пахалгамды айыптайтын'],
    ];
    for (const [lang, text] of caught) expect(offences(lang, text), `${lang}: ${text}`).not.toEqual([]);
    const allowed: [lang: 'ru' | 'kk', text: string][] = [
      ['ru', 'государство-член'],
      ['ru', 'Государства-члены НАТО'],
      ['ru', 'Совет глав государств — членов ШОС'],
      ['ru', 'Приостановление членства'],
      ['ru', 'Региональная антитеррористическая структура (РАТС) ШОС'],
      ['ru', 'за счёт союзников'],
      ['ru', 'внеочередное заседание Совета министров иностранных дел (СМИД) ШОС'],
      ['kk', 'ШЫҰ Өңірлік терроризмге қарсы құрылымы (ШЫҰ ӨТҚҚ)'],
      ['kk', 'Бастапқы сан'],
      ['kk', 'ұжымдық қорғанысты сұрау'],
      ['kk', 'Сіздің мемлекетіңіз: Норвегия'],
    ];
    for (const [lang, text] of allowed) expect(offences(lang, text), `${lang}: ${text}`).toEqual([]);
  });

  for (const lang of ['ru', 'kk'] as const) {
    it(`no shipped ${lang} text uses a form it rules out`, () => {
      const rows = catalogue(lang);
      expect(rows.length).toBeGreaterThan(900);
      const found = rows.flatMap((r) => offences(lang, r.text).map((o) => `${r.file} ${r.key}: ${o}\n    «${r.text}»`));
      expect(found, found.join('\n')).toEqual([]);
    });
  }

  it('no Cyrillic text built in code (the validator’s messages included) uses a ruled-out form', () => {
    const literals = sourceLiterals();
    expect(literals.length).toBeGreaterThan(900);
    const found = literals.flatMap((l) => offences(l.lang, l.text).map((o) => `${l.where}: ${o}\n    «${l.text}»`));
    expect(found, found.join('\n')).toEqual([]);
  });
});

describe('numbers and their units', () => {
  // An ordinary space lets a line break between "76" and "%"; the templates use a no-break space.
  const LOOSE_UNIT = /(?:\d|\}|#) (?:%|дн\.|мин(?!\p{L})|min(?!\p{L})|d(?!\p{L})|күн(?!\p{L}))/u;
  for (const lang of ['en', 'ru', 'kk'] as const) {
    it(`keeps units with their numbers in every ${lang} text`, () => {
      const loose = catalogue(lang).filter((r) => LOOSE_UNIT.test(r.text)).map((r) => `${r.file} ${r.key}: «${r.text}»`);
      expect(loose, loose.join('\n')).toEqual([]);
    });
  }
});
