// A Vite build plugin (vite.config.ts): the instructor's pages (compare.html, class.html) get their
// own copy of every source module they reach, so no chunk is shared between them and the game.
//
// Why: a chunk shared by several pages holds the union of what each page uses from its modules.
// The comparison page verifies logs (verifyLog reads the embedded scenario with the YAML parser
// and the validator), so a chunk the game shared with it would bring yaml and zod into the
// game's first load, although the game itself reads a scenario only when a file is dropped or
// linked (src/game/scenario-reader.ts, loaded on demand). Packages from node_modules stay shared.
// A page's modules are never shared at run time anyway (each page is its own document); only the
// site's precache grows, by the engine's size once.
import { isAbsolute, relative, sep } from 'node:path';
import type { Plugin } from 'vite';

/** Appended to a module id on the instructor's side. It ends in `.ts`, so the TypeScript
 * transform still takes the module (Vite's SFC sub-modules use the same `&lang.` form). */
export const TOOL_MARK = '?tool-page&lang.ts';

/** A chunk's name without the mark's trace (`entries.ts_tool-page_lang` → `entries`). */
export function toolChunkName(name: string): string {
  return name.replace(/\.ts_tool-page_lang$/, '');
}

/** The folders whose modules are the instructor's pages' own roots (src/<folder>/...). */
const TOOL_ROOTS = ['compare-page', 'class-page'];

export function toolPages(srcDir: string): Plugin {
  const inside = (id: string, folder = ''): boolean => {
    const rel = relative(folder ? `${srcDir}${sep}${folder}` : srcDir, id);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  };
  const isTool = (importer: string) => importer.endsWith(TOOL_MARK) || TOOL_ROOTS.some((folder) => inside(importer, folder));
  return {
    name: 'crisis-lab-tool-pages',
    // Only the build splits chunks; the dev server serves each module once, as written.
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !isTool(importer)) return null;
      const from = importer.endsWith(TOOL_MARK) ? importer.slice(0, -TOOL_MARK.length) : importer;
      const resolved = await this.resolve(source, from, { ...options, skipSelf: true });
      if (!resolved || resolved.external || resolved.id.includes('?') || !resolved.id.endsWith('.ts') || !inside(resolved.id)) return resolved;
      return { ...resolved, id: resolved.id + TOOL_MARK };
    },
  };
}
