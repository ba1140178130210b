// The engine runs in the browser and in Node and must replay byte for byte (product.md):
// no Phaser, no Node modules, no DOM, no clock, no unseeded randomness, no timers.
import { readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ENGINE = 'src/engine';

const NODE_BUILTINS = new Set(builtinModules.filter((m) => !m.startsWith('_')));

/** Why each module may not be imported, or undefined when it may. */
function forbiddenImport(specifier: string): string | undefined {
  if (specifier === 'phaser' || specifier.startsWith('phaser/')) return 'Phaser belongs in src/game; the engine knows no UI';
  if (specifier.startsWith('node:')) return 'Node modules are not in the browser; the engine runs in both';
  const root = specifier.split('/')[0]!;
  if (NODE_BUILTINS.has(specifier) || NODE_BUILTINS.has(root)) return 'a Node built-in is not in the browser; the engine runs in both';
  return undefined;
}

const FORBIDDEN_CALLS: Array<[RegExp, string]> = [
  [/\bMath\.random\b/, 'Math.random: draw from the seeded generator in the game state'],
  [/\bDate\.now\b/, 'Date.now: the engine has no clock; time advances by events'],
  [/\bnew\s+Date\s*\(/, 'new Date(: the engine has no clock; time advances by events'],
  [/\bperformance\.now\b/, 'performance.now: the engine has no clock'],
  [/(?<![.\w$])setTimeout\b/, 'setTimeout: timers break replay'],
  [/(?<![.\w$])setInterval\b/, 'setInterval: timers break replay'],
  [/(?<![.\w$])document\./, 'document.: the DOM belongs in src/game'],
  [/(?<![.\w$])window\./, 'window.: the DOM belongs in src/game'],
];

const IMPORT_PATTERNS = [
  /\bimport\s+(?:type\s+)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
  /\bimport\s*['"]([^'"]+)['"]/g,
  /\bexport\s+[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
  /\bimport\s*\(\s*['"]([^'"]+)['"]/g,
  /\brequire\s*\(\s*['"]([^'"]+)['"]/g,
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

/** Every impurity in a source text, as `file:line: what`. */
export function impurities(file: string, source: string): string[] {
  const text = stripComments(source);
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  const found: Array<[number, string]> = [];
  for (const pattern of IMPORT_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const why = forbiddenImport(match[1]!);
      if (why) found.push([lineOf(match.index!), `imports "${match[1]}": ${why}`]);
    }
  }
  text.split('\n').forEach((line, i) => {
    for (const [pattern, why] of FORBIDDEN_CALLS) if (pattern.test(line)) found.push([i + 1, `uses ${why}`]);
  });
  return found.sort((a, b) => a[0] - b[0]).map(([line, what]) => `${file}:${line}: ${what}`);
}

function engineFiles(): string[] {
  return (readdirSync(ENGINE, { recursive: true }) as string[])
    .map((f) => join(ENGINE, f).split('\\').join('/'))
    .filter((f) => /\.(ts|tsx|mts|cts)$/.test(f) && !/\.(test|spec)\.[cm]?tsx?$/.test(f) && !f.endsWith('.d.ts'))
    .sort();
}

describe('engine purity', () => {
  it('finds the engine files', () => {
    const files = engineFiles();
    expect(files).toContain('src/engine/scenario/load.ts');
    // The rule machines and the random generator are where an impurity would break replay first.
    expect(files).toContain('src/engine/rules/rulebook-machine.ts');
    expect(files).toContain('src/engine/rules/guards.ts');
    expect(files).toContain('src/engine/random/rng.ts');
    expect(files.some((f) => f.endsWith('.test.ts'))).toBe(false);
  });

  it('no engine file imports Phaser or Node, reads a clock, draws Math.random or touches the DOM', () => {
    const problems = engineFiles().flatMap((f) => impurities(f, readFileSync(f, 'utf8')));
    expect(problems, `the engine must stay pure:\n${problems.join('\n')}\n`).toEqual([]);
  });

  it('the check itself catches each kind, by line, and ignores comments', () => {
    const source = [
      "import Phaser from 'phaser';", // 1
      "import { readFileSync } from 'fs';", // 2
      "import type { Worker } from 'node:worker_threads';", // 3
      "export { createHash } from 'crypto';", // 4
      "const p = await import('path');", // 5
      'const r = Math.random();', // 6
      'const t = Date.now() + performance.now();', // 7
      'const d = new Date(0);', // 8
      'setTimeout(f, 1); setInterval(f, 1);', // 9
      'document.title = window.name;', // 10
      '// Math.random() in a comment is fine', // 11
      "/* import x from 'fs' */ const ok = 'https://x.org';", // 12
      "import { z } from 'zod'; import { a } from './fs';", // 13
      'o.document.x = this.window.y; o.setTimeout(1);', // 14
    ].join('\n');
    expect(impurities('x.ts', source)).toEqual([
      'x.ts:1: imports "phaser": Phaser belongs in src/game; the engine knows no UI',
      'x.ts:2: imports "fs": a Node built-in is not in the browser; the engine runs in both',
      'x.ts:3: imports "node:worker_threads": Node modules are not in the browser; the engine runs in both',
      'x.ts:4: imports "crypto": a Node built-in is not in the browser; the engine runs in both',
      'x.ts:5: imports "path": a Node built-in is not in the browser; the engine runs in both',
      'x.ts:6: uses Math.random: draw from the seeded generator in the game state',
      'x.ts:7: uses Date.now: the engine has no clock; time advances by events',
      'x.ts:7: uses performance.now: the engine has no clock',
      'x.ts:8: uses new Date(: the engine has no clock; time advances by events',
      'x.ts:9: uses setTimeout: timers break replay',
      'x.ts:9: uses setInterval: timers break replay',
      'x.ts:10: uses document.: the DOM belongs in src/game',
      'x.ts:10: uses window.: the DOM belongs in src/game',
    ]);
  });
});
