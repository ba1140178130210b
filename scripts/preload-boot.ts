// A Vite plugin (vite.config.ts): the game's page names its start-up chunk (src/game/boot.ts:
// Phaser and the map scene) and the chunks that chunk imports as <link rel="modulepreload">, next
// to the entry script. The entry imports boot dynamically (so a chunk that fails to load is said
// on the page); without these links the browser hears of Phaser only once the entry has arrived
// and run, and the first frame waits for that round trip.
import { posix } from 'node:path';
import type { HtmlTagDescriptor, Plugin, Rolldown } from 'vite';

/** `module`: the absolute path of the start-up module the page's entry imports dynamically. */
export function preloadBoot(module: string): Plugin {
  let base = './';
  return {
    name: 'crisis-lab-preload-boot',
    apply: 'build',
    configResolved: (config) => {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk: entry, path }) {
        if (!bundle || !entry) return;
        const chunks = Object.values(bundle).filter((c): c is Rolldown.OutputChunk => c.type === 'chunk');
        const boot = chunks.find((c) => c.facadeModuleId === module);
        // Only the page whose entry starts the game (index.html; the instructor's pages do not).
        if (!boot || !entry.dynamicImports.includes(boot.fileName)) return;
        const have = new Set([entry.fileName, ...entry.imports]);
        const wanted: string[] = [];
        const visit = (fileName: string) => {
          if (have.has(fileName)) return;
          have.add(fileName);
          wanted.push(fileName);
          for (const next of chunks.find((c) => c.fileName === fileName)?.imports ?? []) visit(next);
        };
        visit(boot.fileName);
        // The same form as Vite's own tags: relative to the page when the base is relative.
        const href = (fileName: string) => (base === './' || base === '' ? posix.relative(posix.dirname(path), `/${fileName}`).replace(/^(?!\.)/, './') : `${base}${fileName}`);
        return wanted.map((fileName): HtmlTagDescriptor => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: href(fileName) }, injectTo: 'head' }));
      },
    },
  };
}
