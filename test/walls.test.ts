// The house's walls (design/stack.md), checked on the import graph, transitively:
// - the engine runs in the browser and in Node and must replay byte for byte: nothing it reaches,
//   through however many files, imports Phaser, a Node module or a package not known to run in
//   both, reads a clock, draws Math.random, sets a timer or touches the DOM, or leaves src/engine;
// - other folders reach the engine only through its public surface, src/engine/index.ts;
// - folders depend one way (MAY_IMPORT in test/support/walls.ts): engine ← sim ← class ← cli,
//   engine ← compare ← cli, engine ← ui-kit ← game, the comparison page and the class page (and the
//   command line, for the dictionaries); no page imports another, and the kit imports no page.
// A breach meant to stay for now is listed by name in test/support/walls-known.ts (today none):
// the test fails on any other, and on a listed one that is gone, so the list only shrinks.
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportGraph, importsOf, isTest, sourceFiles, type ImportRef } from './support/import-graph';
import { ENGINE, edgeOf, engineBreaches, wallBreach, wallBreaches } from './support/walls';
import { KNOWN_BREACHES } from './support/walls-known';

const ROOT = '.';
const graph = ImportGraph.onDisk(ROOT);
const read = (f: string) => readFileSync(f, 'utf8');
const engineFiles = sourceFiles(ROOT, ['src/engine']).filter((f) => !isTest(f));
const checkedFiles = sourceFiles(ROOT, ['src', 'bench', 'scripts']).filter((f) => !isTest(f) && !f.startsWith(ENGINE));

describe('walls', () => {
  it('finds the files it checks', () => {
    expect(engineFiles).toContain('src/engine/scenario/load.ts');
    expect(engineFiles).toContain('src/engine/rules/rulebook-machine.ts');
    expect(engineFiles).toContain('src/engine/random/rng.ts');
    expect(checkedFiles).toContain('src/game/app.ts');
    expect(checkedFiles).toContain('src/cli/main.ts');
    expect([...engineFiles, ...checkedFiles].some(isTest)).toBe(false);
    // Every relative import resolves to a file, or the graph would have holes.
    const missing = [...engineFiles, ...checkedFiles].flatMap((f) => graph.importsOf(f)).filter((r) => r.target?.endsWith('(missing)'));
    expect(missing.map((r) => `${r.from}:${r.line} ${r.specifier}`)).toEqual([]);
  });

  it('nothing the engine reaches, through any file, imports Phaser, Node or an unknown package, leaves src/engine, reads a clock, draws Math.random or touches the DOM', () => {
    const problems = [...new Set(engineFiles.flatMap((f) => engineBreaches(graph, f, read)))];
    expect(problems, `the engine must stay pure:\n${problems.join('\n')}\n`).toEqual([]);
  });

  it('other folders import the engine only through its index, and each folder only the folders below it', () => {
    const breaches = wallBreaches(graph, checkedFiles);
    const edge = edgeOf;
    const known = new Set(KNOWN_BREACHES);
    const added = breaches.filter((b) => !known.has(edge(b)));
    const mended = KNOWN_BREACHES.filter((k) => !breaches.some((b) => edge(b) === k));
    expect(added, `new imports through the walls (once a breach is meant to stay for now, list it as '${edge(added[0] ?? '')}'):\n${added.join('\n')}\n`).toEqual([]);
    expect(mended, `mended: take these off KNOWN_BREACHES in test/support/walls-known.ts:\n${mended.join('\n')}\n`).toEqual([]);
  });

  it('the checks catch each kind, by line, through another file, and ignore comments', () => {
    const files: Record<string, string> = {
      'src/engine/a.ts': ["import { b } from './b';", "import { z } from 'zod';", '// Math.random() in a comment is fine'].join('\n'),
      'src/engine/b.ts': ["import { t } from '../ui-kit/i18n/index';", 'const d = new Date(0);'].join('\n'),
      'src/ui-kit/i18n/index.ts': ["import { readFileSync } from 'node:fs';", "import Phaser from 'phaser';", 'document.title = window.name;'].join('\n'),
    };
    const fake = new ImportGraph((f) => (files[f] === undefined ? [] : importsOf(ROOT, f, files[f], (from, spec) => posix.join(posix.dirname(from), `${spec}.ts`))));
    expect(engineBreaches(fake, 'src/engine/a.ts', (f) => files[f]!)).toEqual([
      'src/engine/b.ts:2: uses new Date(: the engine has no clock; time advances by events (reached by src/engine/a.ts → src/engine/b.ts)',
      'src/engine/b.ts imports src/ui-kit/i18n/index.ts: the engine imports nothing outside src/engine (reached by src/engine/a.ts → src/engine/b.ts → src/ui-kit/i18n/index.ts)',
      'src/ui-kit/i18n/index.ts:1: imports "node:fs": a Node module is not in the browser; the engine runs in both (reached by src/engine/a.ts → src/engine/b.ts → src/ui-kit/i18n/index.ts)',
      'src/ui-kit/i18n/index.ts:2: imports "phaser": Phaser belongs in src/game; the engine knows no UI (reached by src/engine/a.ts → src/engine/b.ts → src/ui-kit/i18n/index.ts)',
      'src/ui-kit/i18n/index.ts:3: uses document.: the DOM belongs to the pages, never the engine (reached by src/engine/a.ts → src/engine/b.ts → src/ui-kit/i18n/index.ts)',
      'src/ui-kit/i18n/index.ts:3: uses window.: the DOM belongs to the pages, never the engine (reached by src/engine/a.ts → src/engine/b.ts → src/ui-kit/i18n/index.ts)',
    ]);
    const ref = (from: string, target: string): ImportRef => ({ from, line: 1, specifier: '', target, pkg: null });
    expect(wallBreach(ref('src/game/app.ts', 'src/engine/index.ts'))).toBeNull();
    expect(wallBreach(ref('src/game/app.ts', 'src/engine/game/types.ts'))).toBe(
      'src/game/app.ts → src/engine/game/types.ts: other folders reach the engine only through src/engine/index.ts',
    );
    expect(wallBreach(ref('src/compare-page/main.ts', 'src/game/theme.ts'))).toBe(
      'src/compare-page/main.ts → src/game/theme.ts: src/compare-page may import only src/engine, src/compare, src/ui-kit',
    );
    expect(wallBreach(ref('src/sim/play.ts', 'src/cli/args.ts'))).toBe('src/sim/play.ts → src/cli/args.ts: src/sim may import only src/engine');
    expect(wallBreach(ref('src/game/app.ts', 'src/ui-kit/i18n.ts'))).toBeNull();
    expect(wallBreach(ref('src/ui-kit/format.ts', 'src/game/view-model.ts'))).toBe('src/ui-kit/format.ts → src/game/view-model.ts: src/ui-kit may import only src/engine');
    expect(wallBreach(ref('src/class-page/main.ts', 'src/compare-page/i18n.ts'))).toBe(
      'src/class-page/main.ts → src/compare-page/i18n.ts: src/class-page may import only src/engine, src/class, src/ui-kit',
    );
    expect(wallBreach(ref('src/class/turn.ts', 'src/sim/policies.ts'))).toBeNull();
  });
});
