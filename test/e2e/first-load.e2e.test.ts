// The game's first load holds neither the YAML parser nor the validator (yaml and zod, issue 13
// point 4): no script the page fetches before its first frame, nor any it has fetched by the time
// its start screen answers, contains them. They load only when a scenario file is picked, dropped
// or linked. The game and the instructor's pages share chunks: this holds because the log verifier
// (which reads an embedded scenario with both) is a module the game never imports.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { browserPerBlock } from './browser';

const baseUrl = inject('baseUrl');
const siteDir = inject('siteDir');

/** Names each package leaves in its minified code (a class name and an error's name). */
const MARKS = { yaml: 'YAMLParseError', zod: '$ZodType' } as const;

const holds = (text: string) => Object.entries(MARKS).filter(([, mark]) => text.includes(mark)).map(([pkg]) => pkg);

describe('the game\'s first load', () => {
  const browser = browserPerBlock();

  it('the marks are found in the built site, in the chunks that carry the parser and the validator', () => {
    const assets = join(siteDir, 'assets');
    const found = new Set(readdirSync(assets).filter((f) => f.endsWith('.js')).flatMap((f) => holds(readFileSync(join(assets, f), 'utf8'))));
    expect([...found].sort()).toEqual(['yaml', 'zod']);
  });

  it('fetches no script holding yaml or zod before its first frame, nor until its start screen answers', async () => {
    const { page } = browser;
    await page.goto(baseUrl);
    await page.waitForFunction(() => performance.getEntriesByName('game-ready').length > 0, undefined, { timeout: 120_000 });
    const scripts = await page.evaluate(() => {
      const first = (window as unknown as { __firstFrame?: number }).__firstFrame ?? Infinity;
      return performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js')).map((e) => ({ url: e.name, early: e.startTime < first }));
    });
    expect(scripts.some((s) => s.early)).toBe(true);
    const found = scripts.flatMap((s) => {
      const file = new URL(s.url).pathname.split('/').pop()!;
      return holds(readFileSync(join(siteDir, 'assets', file), 'utf8')).map((pkg) => `${file}${s.early ? ' (before the first frame)' : ''}: ${pkg}`);
    });
    expect(found).toEqual([]);
    expect(browser.errors).toEqual([]);
  });
});
