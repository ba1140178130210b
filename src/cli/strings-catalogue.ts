// Every text a player, student or instructor reads, in one language beside the English, with the
// file it lives in and its key there: the game's, the comparison page's and the class page's
// dictionaries (all in src/ui-kit/i18n), the rulebook, and each shipped scenario's localized
// fields. `crisis-lab strings` prints it for reviewers, and the term-base test scans it, so both
// see the same texts.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { en } from '../ui-kit/i18n/en';
import { ru } from '../ui-kit/i18n/ru';
import { kk } from '../ui-kit/i18n/kk';
import { compareDictionaries } from '../ui-kit/i18n/compare-page';
import { classDictionaries } from '../ui-kit/i18n/class-page';
import { RULEBOOK } from '../engine/index';
import type { Language } from '../engine/index';

export const REPO_ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

export interface CatalogueRow {
  /** Where to change the text, relative to the repository's root. */
  file: string;
  /** The dictionary key, the rule's id and part, or the field's path in the scenario. */
  key: string;
  en: string;
  text: string;
}

const GAME: Record<Language, { file: string; dict: Record<string, string> }> = {
  en: { file: 'src/ui-kit/i18n/en.ts', dict: en },
  ru: { file: 'src/ui-kit/i18n/ru.ts', dict: ru },
  kk: { file: 'src/ui-kit/i18n/kk.ts', dict: kk },
};

function dictionaryRows(file: string, english: Record<string, string>, translated: Record<string, string>): CatalogueRow[] {
  return Object.keys(english).map((key) => ({ file, key, en: english[key]!, text: translated[key] ?? '' }));
}

function rulebookRows(lang: Language): CatalogueRow[] {
  const file = 'src/engine/rules/rulebook.ts';
  return Object.entries(RULEBOOK).flatMap(([id, rule]) =>
    (['title', 'summary'] as const).map((part) => ({ file, key: `${id}.${part}`, en: rule[part].en, text: rule[part][lang] })),
  );
}

function isLocalized(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { en?: unknown }).en === 'string' && Object.keys(value).every((k) => k === 'en' || k === 'ru' || k === 'kk');
}

/** Localized fields anywhere in a parsed scenario, keyed by their path; list items by their id
 * where they have one ("events.ferry-terminal-bomb.text"), else by position. */
function localizedFields(node: unknown, path: string, out: { key: string; text: Record<string, string> }[]): void {
  if (isLocalized(node)) {
    out.push({ key: path, text: node });
    return;
  }
  if (Array.isArray(node)) {
    node.forEach((item, i) => {
      const id = typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string' ? (item as { id: string }).id : String(i);
      localizedFields(item, `${path}.${id}`, out);
    });
  } else if (typeof node === 'object' && node !== null) {
    for (const [k, v] of Object.entries(node)) localizedFields(v, path ? `${path}.${k}` : k, out);
  }
}

/** The shipped scenario files: scenarios/*.yaml and scenarios/cases/*.yaml, in name order. */
export function scenarioFiles(root = REPO_ROOT): string[] {
  return ['scenarios', 'scenarios/cases'].flatMap((dir) =>
    readdirSync(join(root, dir))
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => join(root, dir, f)),
  );
}

export function scenarioRows(lang: Language, files: string[], root = REPO_ROOT): CatalogueRow[] {
  return files.flatMap((path) => {
    const fields: { key: string; text: Record<string, string> }[] = [];
    localizedFields(parse(readFileSync(path, 'utf8')), '', fields);
    const file = relative(root, path).split('\\').join('/');
    return fields.map(({ key, text }) => ({ file, key, en: text.en!, text: text[lang] ?? '' }));
  });
}

/** Every shipped string of `lang` beside the English. An empty `text` is a missing translation. */
export function catalogue(lang: Language, root = REPO_ROOT): CatalogueRow[] {
  return [
    ...dictionaryRows(GAME[lang].file, en, GAME[lang].dict),
    ...dictionaryRows('src/ui-kit/i18n/compare-page.ts', compareDictionaries.en, compareDictionaries[lang]),
    ...dictionaryRows('src/ui-kit/i18n/class-page.ts', classDictionaries.en, classDictionaries[lang]),
    ...rulebookRows(lang),
    ...scenarioRows(lang, scenarioFiles(root), root),
  ];
}
