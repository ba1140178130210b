// The project's import graph, read from the source text: which file imports which file or package,
// on which line. test/walls.test.ts checks the house's walls against it.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';

export interface ImportRef {
  /** The importing file, relative to the root, with forward slashes. */
  from: string;
  line: number;
  specifier: string;
  /** The file a relative import resolves to (relative to the root), or null for a package. */
  target: string | null;
  /** A package's name (`zod`, `@noble/hashes`, `node:fs`), or null for a relative import. */
  pkg: string | null;
}

const IMPORT_PATTERNS = [
  /\bimport\s+(?:type\s+)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
  /\bimport\s*['"]([^'"]+)['"]/g,
  /\bexport\s+[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
  /\bimport\s*\(\s*['"]([^'"]+)['"]/g,
  /\brequire\s*\(\s*['"]([^'"]+)['"]/g,
  // Vite's new URL('./worker.ts', import.meta.url) starts a worker from a file: an import too.
  /\bnew\s+URL\s*\(\s*['"](\.[^'"]+\.[cm]?[jt]s)['"]\s*,\s*import\.meta\.url/g,
];

/** Blanks out comments, keeping line breaks so line numbers stay right; strings are kept. */
export function stripComments(source: string): string {
  let out = '';
  let i = 0;
  let quote: string | undefined;
  while (i < source.length) {
    const c = source[i]!;
    const next = source[i + 1];
    if (quote) {
      out += c;
      if (c === '\\') {
        out += next ?? '';
        i += 2;
        continue;
      }
      if (c === quote || (c === '\n' && quote !== '`')) quote = undefined;
      i++;
    } else if (c === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') {
        out += ' ';
        i++;
      }
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      out += source.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else {
      if (c === '"' || c === "'" || c === '`') quote = c;
      out += c;
      i++;
    }
  }
  return out;
}

/** Every module specifier a source text imports, with its line. */
export function specifiersOf(source: string): { specifier: string; line: number }[] {
  const text = stripComments(source);
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  const found: { specifier: string; line: number }[] = [];
  for (const pattern of IMPORT_PATTERNS) {
    for (const match of text.matchAll(pattern)) found.push({ specifier: match[1]!, line: lineOf(match.index!) });
  }
  return found.sort((a, b) => a.line - b.line);
}

const EXTENSIONS = ['', '.ts', '.tsx', '.mts', '.mjs', '.js', '/index.ts'];

/** The file a relative specifier names, as Vite and tsx find it; null when none exists. */
export function resolveRelative(root: string, from: string, specifier: string): string | null {
  const bare = specifier.replace(/\?.*$/, '');
  const base = posix.normalize(posix.join(posix.dirname(from), bare));
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    const full = join(root, candidate);
    if (existsSync(full) && statSync(full).isFile()) return candidate;
  }
  return null;
}

/** A package's name from a bare specifier: `zod/v4` → `zod`, `@noble/hashes/sha2` → `@noble/hashes`. */
export function packageOf(specifier: string): string {
  const parts = specifier.replace(/\?.*$/, '').split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** A file's imports; `resolve` finds the file a relative specifier names (on disk by default). */
export function importsOf(
  root: string,
  file: string,
  source: string,
  resolve: (from: string, specifier: string) => string | null = (from, specifier) => resolveRelative(root, from, specifier),
): ImportRef[] {
  return specifiersOf(source).map(({ specifier, line }) =>
    specifier.startsWith('.')
      ? { from: file, line, specifier, target: resolve(file, specifier) ?? `${posix.join(posix.dirname(file), specifier)} (missing)`, pkg: null }
      : { from: file, line, specifier, target: null, pkg: packageOf(specifier) },
  );
}

export const isTest = (f: string) => /\.(test|spec)\.[cm]?tsx?$/.test(f);

/** Every source file under the folders, relative to the root, sorted. */
export function sourceFiles(root: string, folders: string[]): string[] {
  return folders
    .flatMap((folder) =>
      existsSync(join(root, folder))
        ? (readdirSync(join(root, folder), { recursive: true }) as string[]).map((f) => posix.join(folder, f.split('\\').join('/')))
        : [],
    )
    .filter((f) => /\.(ts|tsx|mts|mjs)$/.test(f) && !f.endsWith('.d.ts'))
    .sort();
}

/** The import graph, each file read once when first asked for. */
export class ImportGraph {
  private readonly edges = new Map<string, ImportRef[]>();
  constructor(private readonly load: (file: string) => ImportRef[]) {}

  /** The graph of the files on disk under `root`. */
  static onDisk(root: string): ImportGraph {
    return new ImportGraph((file) => {
      const full = join(root, file);
      return existsSync(full) ? importsOf(root, file, readFileSync(full, 'utf8')) : [];
    });
  }

  importsOf(file: string): ImportRef[] {
    let refs = this.edges.get(file);
    if (!refs) {
      refs = this.load(file);
      this.edges.set(file, refs);
    }
    return refs;
  }

  /** Every file reachable from `start` by relative imports, each with the chain that reaches it. */
  reach(start: string): Map<string, string[]> {
    const chains = new Map<string, string[]>([[start, [start]]]);
    const queue = [start];
    while (queue.length > 0) {
      const file = queue.shift()!;
      for (const ref of this.importsOf(file)) {
        if (ref.target === null || chains.has(ref.target)) continue;
        chains.set(ref.target, [...chains.get(file)!, ref.target]);
        queue.push(ref.target);
      }
    }
    return chains;
  }
}
