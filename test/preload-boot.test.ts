// The game's page names Phaser's chunk and what it imports as modulepreload; the instructor's
// pages, whose entries do not start the game, get nothing.
import { describe, expect, it } from 'vitest';
import type { HtmlTagDescriptor, IndexHtmlTransformContext, Rolldown } from 'vite';
import { preloadBoot } from '../scripts/preload-boot';

const BOOT = '/repo/src/game/boot.ts';

function chunk(fileName: string, imports: string[], dynamicImports: string[] = [], facadeModuleId: string | null = null): Rolldown.OutputChunk {
  return { type: 'chunk', fileName, imports, dynamicImports, facadeModuleId } as unknown as Rolldown.OutputChunk;
}

const entry = chunk('assets/main.js', ['assets/helper.js'], ['assets/boot.js']);
const compare = chunk('assets/compare.js', ['assets/helper.js'], []);
const bundle = Object.fromEntries(
  [
    entry,
    compare,
    chunk('assets/helper.js', []),
    chunk('assets/boot.js', ['assets/main.js', 'assets/features.js', 'assets/helper.js'], ['assets/app.js'], BOOT),
    chunk('assets/features.js', ['assets/tiny.js']),
    chunk('assets/tiny.js', []),
    chunk('assets/app.js', ['assets/boot.js']),
  ].map((c) => [c.fileName, c]),
) as unknown as Rolldown.OutputBundle;

async function tags(page: Rolldown.OutputChunk, path: string, base = './'): Promise<HtmlTagDescriptor[]> {
  const plugin = preloadBoot(BOOT);
  (plugin.configResolved as (config: { base: string }) => void)({ base });
  const hook = plugin.transformIndexHtml as { handler: (html: string, ctx: IndexHtmlTransformContext) => Promise<HtmlTagDescriptor[] | undefined> | HtmlTagDescriptor[] | undefined };
  return (await hook.handler('<html></html>', { path, filename: `/repo${path}`, bundle, chunk: page } as IndexHtmlTransformContext)) ?? [];
}

describe('preloadBoot', () => {
  it('names the start-up chunk and the chunks it imports, not the entry or what the entry already loads', async () => {
    const found = await tags(entry, '/index.html');
    expect(found.map((t) => t.attrs?.href)).toEqual(['./assets/boot.js', './assets/features.js', './assets/tiny.js']);
    expect(found.every((t) => t.attrs?.rel === 'modulepreload' && t.attrs.crossorigin === true && t.injectTo === 'head')).toBe(true);
  });

  it('leaves a page whose entry does not start the game alone', async () => {
    expect(await tags(compare, '/compare.html')).toEqual([]);
  });

  it('writes addresses under an absolute base as the base says', async () => {
    expect((await tags(entry, '/index.html', '/game/')).map((t) => t.attrs?.href)).toEqual(['/game/assets/boot.js', '/game/assets/features.js', '/game/assets/tiny.js']);
  });
});
