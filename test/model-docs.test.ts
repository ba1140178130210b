// docs/model.md's rulebook tables are generated from the rule metadata (scripts/model-docs.ts);
// this test fails when the page is stale, and checks the metadata the tables are made from.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MODEL_TABLES_END,
  MODEL_TABLES_SECTION,
  MODEL_TABLES_START,
  cell,
  generatedBlock,
  renderModelTables,
  withModelTables,
} from '../scripts/model-docs';
import { FEATURES, PRESETS, incoherence, type InstitutionalFeatures } from '../src/engine/rules/features';
import { RULEBOOK } from '../src/engine/rules/rulebook';

const PAGE = 'docs/model.md';
const REGENERATE = `${PAGE} is stale: run \`npm run docs:model\` and commit ${PAGE}`;
const page = readFileSync(PAGE, 'utf8');
/** The page as it should be: the mechanism tests below start from it, so only the first fails when the page is stale. */
const fresh = withModelTables(page);

type Catalogue = Record<string, { about: string; values: Record<string, { rule: string; about: string }> }>;
type Book = Record<string, { alliance: string; title: Record<string, string>; summary: Record<string, string>; source: string }>;

const LANGUAGES = ['en', 'ru', 'kk'] as const;
const PREFIX: Record<string, string> = { N: 'nato', S: 'sco', C: 'csto', L: 'lab' };

/** Rule ids a feature value names, as its rule or in its text, that the rulebook lacks. */
function unknownRules(features: Catalogue, book: Book): string[] {
  const problems: string[] = [];
  for (const [key, feature] of Object.entries(features)) {
    for (const [name, value] of Object.entries(feature.values)) {
      const cited = [value.rule, ...(value.about.match(/\b[NSCL]\d+\b/g) ?? [])];
      for (const id of cited) if (!Object.hasOwn(book, id)) problems.push(`${key}.${name} names ${id}`);
    }
  }
  return problems;
}

/** Rulebook entries with a missing text or source, or an id that does not match its alliance. */
function incompleteEntries(book: Book): string[] {
  const problems: string[] = [];
  for (const [id, entry] of Object.entries(book)) {
    for (const lang of LANGUAGES) {
      if (!entry.title[lang]?.trim()) problems.push(`${id}: no ${lang} title`);
      if (!entry.summary[lang]?.trim()) problems.push(`${id}: no ${lang} summary`);
    }
    if (!entry.source?.trim()) problems.push(`${id}: no source`);
    if (PREFIX[id[0] ?? ''] !== entry.alliance || !/^[NSCL]\d+$/.test(id)) problems.push(`${id}: id does not fit alliance ${entry.alliance}`);
  }
  return problems;
}

/** A preset's features that are missing, unknown or set to a value the catalogue lacks; or its incoherence. */
function presetProblems(preset: Record<string, unknown>, features: Catalogue): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(features)) {
    const value = preset[key];
    if (typeof value !== 'string') problems.push(`no value for ${key}`);
    else if (!Object.hasOwn(features[key]!.values, value)) problems.push(`${key} has no value "${value}"`);
  }
  for (const key of Object.keys(preset)) if (!Object.hasOwn(features, key)) problems.push(`unknown feature ${key}`);
  if (problems.length === 0) {
    const wrong = incoherence(preset as InstitutionalFeatures);
    if (wrong !== null) problems.push(wrong);
  }
  return problems;
}

const catalogue = FEATURES as unknown as Catalogue;
const book = RULEBOOK as unknown as Book;

describe('docs/model.md rulebook tables', () => {
  it('match the rule metadata', () => {
    const block = generatedBlock(page);
    expect(block, `${PAGE} has no ${MODEL_TABLES_START} … ${MODEL_TABLES_END} block; run \`npm run docs:model\``).not.toBeNull();
    expect(block, REGENERATE).toBe(`\n${renderModelTables()}`);
    expect(withModelTables(page), REGENERATE).toBe(page);
  });

  it('list every rule, every feature value and every preset', () => {
    const tables = renderModelTables();
    for (const id of Object.keys(RULEBOOK)) expect(tables).toContain(`| ${id} |`);
    for (const [key, feature] of Object.entries(catalogue)) {
      for (const [name, value] of Object.entries(feature.values)) expect(tables).toContain(`| \`${name}\` | ${value.rule} |`);
      expect(tables).toContain(`| \`${key}\` |`);
    }
    for (const id of Object.keys(PRESETS)) expect(tables).toContain(`\`${id}\``);
  });

  it('keep every row to its table’s columns, with | escaped', () => {
    expect(cell('a | b\nc')).toBe('a \\| b c');
    const columns = (line: string) => line.replace(/\\\|/g, '').split('|').length;
    let width = 0;
    for (const line of renderModelTables().split('\n')) {
      if (!line.startsWith('|')) {
        width = 0;
        continue;
      }
      if (width === 0) width = columns(line);
      expect(columns(line), line).toBe(width);
    }
  });

  it('notice a stale block, and insert a missing one after the introduction', () => {
    const stale = fresh.replace('| N1 | NATO |', '| N1 | SCO |');
    expect(stale).not.toBe(fresh);
    expect(withModelTables(stale)).toBe(fresh);

    const start = fresh.indexOf(`${MODEL_TABLES_SECTION}\n`);
    const after = fresh.indexOf(MODEL_TABLES_END) + MODEL_TABLES_END.length;
    const bare = fresh.slice(0, start) + fresh.slice(fresh.indexOf('\n## ', after) + 1);
    expect(generatedBlock(bare)).toBeNull();
    const inserted = withModelTables(bare);
    expect(generatedBlock(inserted)).toBe(`\n${renderModelTables()}`);
    expect(inserted.indexOf(MODEL_TABLES_SECTION)).toBe(start);
    expect(() => withModelTables(`${fresh}\n${MODEL_TABLES_START}\n`)).toThrow(MODEL_TABLES_START);
  });

  it('the script checks: exit 0 when current, exit 1 naming the stale file', () => {
    const script = ['--import', 'tsx', 'scripts/model-docs.ts', '--check'];
    const copy = join(mkdtempSync(join(tmpdir(), 'model-docs-')), 'model.md');
    writeFileSync(copy, fresh);
    expect(execFileSync(process.execPath, [...script, copy], { encoding: 'utf8' })).toBe(`${copy}: the rulebook tables are up to date\n`);
    writeFileSync(copy, fresh.replace('| N1 | NATO |', '| N1 | SCO |'));
    let status = 0;
    let stderr = '';
    try {
      execFileSync(process.execPath, [...script, copy], { encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      ({ status, stderr } = error as { status: number; stderr: string });
    }
    expect(status).toBe(1);
    expect(stderr).toContain(`${copy}: the rulebook tables are stale; run \`npm run docs:model\``);
    expect(readFileSync(copy, 'utf8')).toContain('| N1 | SCO |');
  });
});

describe('rule metadata', () => {
  it('every rule a feature value names is in the rulebook', () => {
    expect(unknownRules(catalogue, book)).toEqual([]);
  });

  it('every rulebook entry has its title and summary in en, ru and kk, and a source', () => {
    expect(incompleteEntries(book)).toEqual([]);
  });

  it('every preset has exactly one known value for every feature and is coherent', () => {
    for (const [id, preset] of Object.entries(PRESETS)) expect(presetProblems(preset, catalogue), id).toEqual([]);
  });

  it('the checks above catch what they look for', () => {
    const broken: Catalogue = { ...catalogue, council: { about: '', values: { nac: { rule: 'N9', about: 'see (X1) and (C9)' } } } };
    expect(unknownRules(broken, book)).toEqual(['council.nac names N9', 'council.nac names C9']);

    const n1 = book.N1!;
    const gaps: Book = { N1: { ...n1, title: { ...n1.title, kk: ' ' }, summary: { en: 'x', ru: 'x' }, source: '' }, S9: { ...n1 } };
    expect(incompleteEntries(gaps)).toEqual(['N1: no kk title', 'N1: no kk summary', 'N1: no source', 'S9: id does not fit alliance nato']);

    const { command: _dropped, ...missing } = PRESETS.nato;
    expect(presetProblems(missing, catalogue)).toEqual(['no value for command']);
    expect(presetProblems({ ...PRESETS.sco, unrest: 'riot', extra: 'x' }, catalogue)).toEqual(['unrest has no value "riot"', 'unknown feature extra']);
    expect(presetProblems({ ...PRESETS.sco, decisionRule: 'majority' }, catalogue)).toEqual([
      'decisionRule "majority" needs a body that votes: set council to "assembly" (the cfm decides without a vote)',
    ]);
  });
});
