// Counted words in the reader's language. A template may hold a plural block, written as ICU
// MessageFormat writes one, so translators who know that syntax read it at once:
//
//   '{count, plural, one {# game} other {# games}}'                               English
//   '{count, plural, one {# игра} few {# игры} many {# игр} other {# игры}}'       Russian
//
// The branch is chosen by Intl.PluralRules with CLDR's categories (Russian one/few/many/other,
// Kazakh and English one/other); `=N` picks an exact number first. `#` stands for the number,
// written in the reader's convention; write a no-break space (\u00a0) after it where a unit
// follows ("# мин"). Other {name} placeholders work inside a branch.

export type PluralParams = Record<string, string | number>;

export interface PluralBlock {
  name: string;
  /** Category or `=N` → the branch's template. */
  branches: Map<string, string>;
}

/** Index of the `}` that closes the `{` at `open`, counting nested braces; -1 when unclosed. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

const HEAD = /^\{\s*(\w+)\s*,\s*plural\s*,/;

/** The branches of `{name, plural, ...}` (the text between the outer braces); throws when the
 * block is malformed, so a broken translation fails its test instead of showing braces. */
export function parsePluralBlock(block: string): PluralBlock {
  const head = HEAD.exec(block);
  if (!head) throw new Error(`not a plural block: ${block}`);
  const branches = new Map<string, string>();
  let i = head[0].length;
  const end = block.length - 1; // the outer closing brace
  while (i < end) {
    const rest = block.slice(i, end);
    const skip = rest.length - rest.trimStart().length;
    i += skip;
    if (i >= end) break;
    const selector = /^(=\d+|zero|one|two|few|many|other)\s*\{/.exec(block.slice(i, end));
    if (!selector) throw new Error(`a plural branch needs a category (one, few, many, other or =N) and {text}: ${block}`);
    const open = i + selector[0].length - 1;
    const close = closing(block, open);
    if (close < 0 || close > end) throw new Error(`unclosed plural branch: ${block}`);
    branches.set(selector[1]!, block.slice(open + 1, close));
    i = close + 1;
  }
  if (!branches.has('other')) throw new Error(`a plural block needs an "other" branch: ${block}`);
  return { name: head[1]!, branches };
}

/** Each `{name, plural, ...}` block of a template with its position. */
export function pluralBlocks(template: string): { start: number; end: number; block: PluralBlock }[] {
  const out: { start: number; end: number; block: PluralBlock }[] = [];
  for (let i = template.indexOf('{'); i >= 0; i = template.indexOf('{', i + 1)) {
    if (!HEAD.test(template.slice(i))) continue;
    const close = closing(template, i);
    if (close < 0) throw new Error(`unclosed plural block: ${template}`);
    out.push({ start: i, end: close + 1, block: parsePluralBlock(template.slice(i, close + 1)) });
    i = close;
  }
  return out;
}

/** The number a parameter stands for: a number as it is; a string written by formatNumber in
 * either convention (1,234.5 or 1 234,5) read back, so callers may pass formatted counts. */
export function countOf(value: string | number): number {
  if (typeof value === 'number') return value;
  const compact = value.replace(/[\s\u00a0\u202f]/g, '');
  const normal = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(compact) ? compact.replace(/,/g, '') : compact.replace(',', '.');
  const n = Number(normal);
  return Number.isFinite(n) ? n : NaN;
}

// One Intl.PluralRules per language: the screens format counts on every redraw.
const rulesByLanguage = new Map<string, Intl.PluralRules>();
function pluralRules(lang: string): Intl.PluralRules {
  let rules = rulesByLanguage.get(lang);
  if (!rules) rulesByLanguage.set(lang, (rules = new Intl.PluralRules(lang)));
  return rules;
}

/** The branch for `value` in `lang`: an exact `=N`, else its CLDR category, else `other`. */
export function chooseBranch(block: PluralBlock, value: number, lang: string): string {
  const exact = block.branches.get(`=${value}`);
  if (exact !== undefined) return exact;
  const category = Number.isFinite(value) ? pluralRules(lang).select(value) : 'other';
  return block.branches.get(category) ?? block.branches.get('other')!;
}

/** Replaces each plural block with its chosen branch and `#` with the number (a number written
 * by `writeNumber`, a string as given). The other placeholders are left for the caller to fill. */
export function resolvePlurals(template: string, params: PluralParams, lang: string, writeNumber: (n: number) => string): string {
  const blocks = pluralBlocks(template);
  if (blocks.length === 0) return template;
  let out = '';
  let at = 0;
  for (const { start, end, block } of blocks) {
    out += template.slice(at, start);
    at = end;
    if (!Object.prototype.hasOwnProperty.call(params, block.name)) {
      out += `{${block.name}}`; // missing, visible as a plain placeholder would be
      continue;
    }
    const raw = params[block.name]!;
    const value = countOf(raw);
    const shown = typeof raw === 'number' ? writeNumber(raw) : raw;
    out += chooseBranch(block, value, lang).replace(/#/g, shown);
  }
  return out + template.slice(at);
}
