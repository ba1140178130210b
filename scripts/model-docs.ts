// Renders the rulebook, the institutional features and the presets into docs/model.md, between
// its marker comments, from the one place the rule metadata lives (src/engine/rules). Tooling,
// not engine: the engine never imports this file.
//   npm run docs:model                          rewrite the page
//   npx tsx scripts/model-docs.ts --check       exit 1 when the page is stale, change nothing
// An optional path after the flags names another page (tests use it on a copy).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FEATURES, PRESETS, type FeatureValue } from '../src/engine/index';
import { RULEBOOK, type RuleEntry } from '../src/engine/index';
import { PACKS, PARAMETERS, packValues, type PackId, type ParameterEntry } from '../src/engine/index';

export const MODEL_TABLES_START = '<!-- generated:rulebook:start -->';
export const MODEL_TABLES_END = '<!-- generated:rulebook:end -->';
/** The section a page gets when it has no markers yet. */
export const MODEL_TABLES_SECTION = '## The rulebook and the institutional features';
export const DEFAULT_PAGE = 'docs/model.md';

const ALLIANCE_NAME: Record<RuleEntry['alliance'], string> = {
  nato: 'NATO',
  sco: 'SCO',
  csto: 'CSTO',
  lab: 'design lab',
};

/** A table cell: one line, with `|` escaped so it cannot open a new column. */
export function cell(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim();
}

const code = (text: string) => `\`${text}\``;
const row = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
const header = (names: string[]) => [row(names), `|${names.map(() => '---').join('|')}|`];

function rulebookTable(): string[] {
  const entries = Object.entries(RULEBOOK) as [string, RuleEntry][];
  return [
    ...header(['id', 'alliance', 'title', 'summary', 'source']),
    ...entries.map(([id, r]) => row([id, ALLIANCE_NAME[r.alliance], r.title.en, r.summary.en, r.source])),
  ];
}

function featuresTable(): string[] {
  const lines = header(['feature', 'value', 'rule', 'what it means']);
  for (const [key, feature] of Object.entries(FEATURES)) {
    lines.push(row([`**${code(key)}**`, '', '', feature.about]));
    for (const [name, value] of Object.entries(feature.values) as [string, FeatureValue][]) {
      lines.push(row(['', code(name), value.rule, value.about]));
    }
  }
  return lines;
}

function presetsTable(): string[] {
  const presets = Object.entries(PRESETS) as [string, Record<string, string>][];
  return [
    ...header(['feature', ...presets.map(([id]) => code(id))]),
    ...Object.keys(FEATURES).map((key) => row([code(key), ...presets.map(([, p]) => (p[key] === undefined ? '' : code(p[key])))])),
  ];
}

function parametersTable(): string[] {
  const packs = Object.keys(PACKS) as PackId[];
  const values = packs.map((p) => packValues(p));
  return [
    ...header(['constant', 'range swept', ...packs.map(code), 'source']),
    ...(Object.entries(PARAMETERS) as [string, ParameterEntry][]).map(([key, p]) =>
      row([code(key), `${p.range[0]}–${p.range[1]}`, ...values.map((v) => String(v[key as keyof typeof v])), p.source]),
    ),
  ];
}

function packsTable(): string[] {
  return [...header(['pack', 'reading']), ...Object.entries(PACKS).map(([id, p]) => row([code(id), p.about]))];
}

/** The generated Markdown that sits between the markers (without them), ending in a newline. */
export function renderModelTables(): string {
  const lines = [
    '<!-- Generated from src/engine/rules/rulebook.ts, src/engine/rules/features.ts and',
    '     src/engine/model/parameters.ts by',
    '     scripts/model-docs.ts; do not edit by hand: run `npm run docs:model`. -->',
    '',
    '### The rulebook',
    '',
    ...rulebookTable(),
    '',
    '### Institutional features',
    '',
    'A rule set takes one value of every feature. Each value names the rule it applies.',
    '',
    ...featuresTable(),
    '',
    '### Presets',
    '',
    ...presetsTable(),
    '',
    '### Constants and parameter packs',
    '',
    'The constants a reading of the research can change, with their values in each parameter pack',
    '(src/engine/model/parameters.ts). A game records its pack and every value; `crisis-lab sweep`',
    'draws each from its range.',
    '',
    ...parametersTable(),
    '',
    ...packsTable(),
  ];
  return `${lines.join('\n')}\n`;
}

/** The text between the markers, or null when the page has neither; throws on a half pair. */
export function generatedBlock(page: string): string | null {
  const start = page.indexOf(MODEL_TABLES_START);
  const end = page.indexOf(MODEL_TABLES_END);
  if (start < 0 && end < 0) return null;
  if (start < 0 || end < start || page.indexOf(MODEL_TABLES_START, start + 1) >= 0) {
    throw new Error(`the page needs exactly one ${MODEL_TABLES_START} followed by ${MODEL_TABLES_END}`);
  }
  return page.slice(start + MODEL_TABLES_START.length, end);
}

/**
 * The page with its generated block rewritten. A page without markers gets them in a new section
 * placed after its introduction (before the first `## ` heading, or at the end).
 */
export function withModelTables(page: string): string {
  const block = `${MODEL_TABLES_START}\n${renderModelTables()}${MODEL_TABLES_END}`;
  if (generatedBlock(page) === null) {
    const section = `${MODEL_TABLES_SECTION}\n\n${block}\n`;
    const firstSection = page.search(/^## /m);
    if (firstSection < 0) return `${page.trimEnd()}\n\n${section}`;
    return `${page.slice(0, firstSection)}${section}\n${page.slice(firstSection)}`;
  }
  const start = page.indexOf(MODEL_TABLES_START);
  const end = page.indexOf(MODEL_TABLES_END) + MODEL_TABLES_END.length;
  return `${page.slice(0, start)}${block}${page.slice(end)}`;
}

function main(args: string[]): number {
  const check = args.includes('--check');
  const page = args.find((a) => !a.startsWith('--')) ?? fileURLToPath(new URL(`../${DEFAULT_PAGE}`, import.meta.url));
  const name = args.find((a) => !a.startsWith('--')) ?? DEFAULT_PAGE;
  const before = readFileSync(page, 'utf8');
  const after = withModelTables(before);
  if (after === before) {
    process.stdout.write(`${name}: the rulebook tables are up to date\n`);
    return 0;
  }
  if (check) {
    process.stderr.write(`${name}: the rulebook tables are stale; run \`npm run docs:model\`\n`);
    return 1;
  }
  writeFileSync(page, after);
  process.stdout.write(`${name}: rulebook tables rewritten\n`);
  return 0;
}

// Run as a script, not when a test imports renderModelTables.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
