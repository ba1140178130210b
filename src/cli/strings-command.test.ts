import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capture } from '../../test/support/cli-capture';
import { parseCsv } from '../compare/csv';
import { compareDictionaries } from '../ui-kit/i18n/compare-page';
import { classDictionaries } from '../ui-kit/i18n/class-page';
import { en } from '../ui-kit/i18n/en';
import { RULE_IDS } from '../engine/index';

describe('crisis-lab strings', () => {
  it('lists every string of a language beside the English, with its file and key', async () => {
    const r = await capture(['strings', '--lang', 'kk']);
    expect(r.code).toBe(0);
    const [header, ...rows] = parseCsv(r.out);
    expect(header).toEqual(['file', 'key', 'en', 'kk']);
    for (const row of rows) expect(row).toHaveLength(4);
    const find = (file: string, key: string) => rows.find((row) => row[0] === file && row[1] === key);

    expect(find('src/ui-kit/i18n/kk.ts', 'start.seed')).toEqual(['src/ui-kit/i18n/kk.ts', 'start.seed', 'Seed', 'Бастапқы сан (seed)']);
    expect(find('src/ui-kit/i18n/compare-page.ts', 'cmp.title')?.[3]).toBe('Топты салыстыру');
    expect(find('src/ui-kit/i18n/class-page.ts', 'cls.join')?.slice(2)).toEqual(['Join a class', 'Сыныпқа кіру']);
    expect(find('src/engine/rules/rulebook.ts', 'S6.title')?.slice(2)).toEqual(['RATS coordinates, commands nothing', 'ШЫҰ ӨТҚҚ үйлестіреді, бірақ басқармайды']);
    // Scenario fields by their path, list items by id; a text with commas and quotes survives.
    const bomb = find('scenarios/tutorial.yaml', 'events.ferry-terminal-bomb.text');
    expect(bomb?.[2]).toBe('A bomb explodes at the Bergen ferry terminal; six people are killed.');
    expect(bomb?.[3]).toMatch(/^Берген/);
    expect(find('scenarios/cases/nine-eleven-2001.yaml', 'title')).toBeDefined();

    // Every key of every source is there once, and every one has its Kazakh text.
    const count = (file: string) => rows.filter((row) => row[0] === file).length;
    expect(count('src/ui-kit/i18n/kk.ts')).toBe(Object.keys(en).length);
    expect(count('src/ui-kit/i18n/compare-page.ts')).toBe(Object.keys(compareDictionaries.en).length);
    expect(count('src/ui-kit/i18n/class-page.ts')).toBe(Object.keys(classDictionaries.en).length);
    expect(count('src/engine/rules/rulebook.ts')).toBe(RULE_IDS.length * 2);
    expect(rows.filter((row) => row[3] === '').map((row) => `${row[0]} ${row[1]}`)).toEqual([]);
    expect(new Set(rows.map((row) => `${row[0]} ${row[1]}`)).size).toBe(rows.length);
  });

  it('writes a spreadsheet-ready file with --out', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'strings-')), 'ru.csv');
    const r = await capture(['strings', '--lang', 'ru', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^\d+ strings written to /);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\uFEFF"file","key","en","ru"\r\n')).toBe(true);
    expect(text).toContain('"src/ui-kit/i18n/ru.ts","debrief.unfinished","Not over after the same {turns, plural, one {# turn} other {# turns}} of choices."');
  });

  it('refuses a missing or unknown language with the list of valid ones', async () => {
    const none = await capture(['strings']);
    expect(none.code).toBe(2);
    expect(none.err).toContain('--lang');
    const bad = await capture(['strings', '--lang', 'de']);
    expect(bad.code).toBe(2);
    expect(bad.err).toBe('crisis-lab strings: unknown language "de"; use one of en, ru, kk\n');
    const extra = await capture(['strings', '--lang', 'kk', 'scenarios/tutorial.yaml']);
    expect(extra.code).toBe(2);
  });
});
