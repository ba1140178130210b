// The walls' rules (design/stack.md), over the import graph; test/walls.test.ts applies them.
import { builtinModules } from 'node:module';
import { ImportGraph, stripComments, type ImportRef } from './import-graph';

export const ENGINE = 'src/engine/';
const ENGINE_DOOR = 'src/engine/index.ts';
/** Packages the engine may use: each runs in the browser and in Node alike. */
const ENGINE_PACKAGES = new Set(['xstate', 'seedrandom', 'zod', 'yaml', '@noble/hashes', '@noble/ed25519']);
/** Whom each folder may import, besides itself (src/<folder>, or a top-level folder). The engine
 * is reached through its door; tooling (bench, scripts) may use any folder. */
const MAY_IMPORT: Record<string, string[]> = {
  'src/engine': [],
  'src/sim': ['src/engine'],
  'src/compare': ['src/engine'],
  // The class server plays the requester's bot turn with the simulator's player policy (`dove`).
  'src/class': ['src/engine', 'src/sim'],
  // The command line starts the class server, and `crisis-lab strings` reads every dictionary
  // (src/ui-kit/i18n) for translators.
  'src/cli': ['src/engine', 'src/sim', 'src/compare', 'src/class', 'src/ui-kit'],
  // What the pages share: the translation layer, theme, widgets, words for engine records.
  'src/ui-kit': ['src/engine'],
  'src/game': ['src/engine', 'src/ui-kit'],
  'src/compare-page': ['src/engine', 'src/compare', 'src/ui-kit'],
  // The instructor's class page, like the comparison page: its own room, the kit, the class client.
  'src/class-page': ['src/engine', 'src/class', 'src/ui-kit'],
  'src/main.ts': ['src/game', 'src/ui-kit'],
  bench: ['src', 'scripts', 'test'],
  scripts: ['src'],
};

const NODE_BUILTINS = new Set(builtinModules.filter((m) => !m.startsWith('_')));

const FORBIDDEN_CALLS: Array<[RegExp, string]> = [
  [/\bMath\.random\b/, 'Math.random: draw from the seeded generator in the game state'],
  [/\bDate\.now\b/, 'Date.now: the engine has no clock; time advances by events'],
  [/\bnew\s+Date\s*\(/, 'new Date(: the engine has no clock; time advances by events'],
  [/\bperformance\.now\b/, 'performance.now: the engine has no clock'],
  [/(?<![.\w$])setTimeout\b/, 'setTimeout: timers break replay'],
  [/(?<![.\w$])setInterval\b/, 'setInterval: timers break replay'],
  [/(?<![.\w$])document\./, 'document.: the DOM belongs to the pages, never the engine'],
  [/(?<![.\w$])window\./, 'window.: the DOM belongs to the pages, never the engine'],
];

/** Why an engine file may not import a package, or undefined when it may. */
function forbiddenPackage(ref: ImportRef): string | undefined {
  const pkg = ref.pkg!;
  if (pkg === 'phaser') return 'Phaser belongs in src/game; the engine knows no UI';
  if (pkg.startsWith('node:') || NODE_BUILTINS.has(pkg)) return 'a Node module is not in the browser; the engine runs in both';
  if (!ENGINE_PACKAGES.has(pkg)) return 'a package not known to run in the browser and Node alike (add it to ENGINE_PACKAGES once it is)';
  return undefined;
}

/** What an engine file may not do in its own text (imports aside), as `file:line: uses ...`. */
export function impureCalls(file: string, source: string): string[] {
  const found: string[] = [];
  stripComments(source)
    .split('\n')
    .forEach((line, i) => {
      for (const [pattern, why] of FORBIDDEN_CALLS) if (pattern.test(line)) found.push(`${file}:${i + 1}: uses ${why}`);
    });
  return found;
}

/** Every way the engine file `start` breaks purity, through any chain of imports. */
export function engineBreaches(graph: ImportGraph, start: string, read: (f: string) => string): string[] {
  const out: string[] = [];
  for (const [file, chain] of graph.reach(start)) {
    const via = chain.length > 1 ? ` (reached by ${chain.join(' → ')})` : '';
    if (!file.startsWith(ENGINE)) out.push(`${chain.at(-2)} imports ${file}: the engine imports nothing outside src/engine${via}`);
    for (const ref of graph.importsOf(file)) {
      const why = ref.pkg === null ? undefined : forbiddenPackage(ref);
      if (why) out.push(`${file}:${ref.line}: imports "${ref.specifier}": ${why}${via}`);
    }
    if (!file.includes('(missing)')) out.push(...impureCalls(file, read(file)).map((p) => p + via));
  }
  return out;
}

const folderOf = (f: string): string => {
  const parts = f.split('/');
  if (parts[0] !== 'src') return parts[0]!;
  return parts.length > 2 ? `src/${parts[1]}` : f;
};

/** A cross-folder import that breaks the walls, as `from → to: why`, or null. */
export function wallBreach(ref: ImportRef): string | null {
  if (ref.target === null) return null;
  const from = folderOf(ref.from);
  const to = folderOf(ref.target);
  if (from === to) return null;
  const edge = `${ref.from} → ${ref.target}`;
  if (to === 'src/engine' && ref.target !== ENGINE_DOOR) return `${edge}: other folders reach the engine only through ${ENGINE_DOOR}`;
  const allowed = MAY_IMPORT[from];
  if (allowed === undefined) return `${edge}: ${from} is not on the walls' map (MAY_IMPORT)`;
  if (!allowed.some((a) => to === a || to.startsWith(`${a}/`))) return `${edge}: ${from} may import only ${allowed.join(', ') || 'itself'}`;
  return null;
}

/** Every breach of the walls by the files given, each once. */
export function wallBreaches(graph: ImportGraph, files: string[]): string[] {
  return [...new Set(files.flatMap((f) => graph.importsOf(f)).map(wallBreach).filter((b): b is string => b !== null))];
}

/** A breach's edge, `from → to`, as KNOWN_BREACHES names it. */
export const edgeOf = (breach: string): string => breach.slice(0, breach.indexOf(':'));
