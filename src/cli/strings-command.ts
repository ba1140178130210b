// `crisis-lab strings --lang kk [--out FILE]`: every shipped string of one language beside the
// English, as CSV, for a native speaker who reviews the translation in a spreadsheet rather
// than in the code. docs/translating.md explains how to read it and where to make a change.
import { writeFileSync } from 'node:fs';
import { LANGUAGES, type Language } from '../engine/index';
import { parseArgs, UsageError } from './args';
import { fail } from './command-helpers';
import { catalogue, type CatalogueRow } from './strings-catalogue';

export const STRINGS_USAGE =
  'Usage: crisis-lab strings --lang ru|kk|en [--out FILE]\n' +
  'Prints every string of the game, the comparison page, the rulebook and the shipped scenarios in one\n' +
  'language beside the English, as CSV (columns: file, key, en, and the language). --out writes the\n' +
  'CSV to FILE with a byte-order mark, so spreadsheet programs open the Cyrillic text correctly.\n';

/** RFC 4180, every cell quoted: texts hold commas, quotes and line breaks. */
function cell(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

export function stringsCsv(lang: Language, rows: CatalogueRow[]): string {
  const lines = [['file', 'key', 'en', lang].map(cell).join(',')];
  for (const r of rows) lines.push([r.file, r.key, r.en, r.text].map(cell).join(','));
  return lines.join('\r\n') + '\r\n';
}

function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

export async function stringsCommand(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(STRINGS_USAGE);
    return 0;
  }
  return fail('strings', STRINGS_USAGE, () => {
    const a = parseArgs(args, ['lang', 'out'], []);
    if (a.positional.length > 0) throw new UsageError(`takes no file names, got ${a.positional.join(' ')}`);
    const lang = a.options.get('lang');
    if (lang === undefined) throw new UsageError('name the language with --lang (ru, kk or en)');
    if (!isLanguage(lang)) throw new UsageError(`unknown language "${lang}"; use one of ${LANGUAGES.join(', ')}`, false);
    const rows = catalogue(lang);
    const csv = stringsCsv(lang, rows);
    const out = a.options.get('out');
    if (out === undefined) {
      process.stdout.write(csv);
      return 0;
    }
    writeFileSync(out, `\uFEFF${csv}`);
    const missing = rows.filter((r) => r.text === '').length;
    process.stdout.write(`${rows.length} strings written to ${out}${missing > 0 ? `; ${missing} have no ${lang} text yet` : ''}\n`);
    return 0;
  });
}
