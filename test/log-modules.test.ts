// Writing a log and verifying one live in two modules: verifying validates the scenario a log
// embeds, with the scenario reader (yaml and zod), and the game, which writes logs and verifies
// none, must not reach the reader through the module that writes them. Checked on the import
// graph with type-only imports left out, as the compiler erases them.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportGraph, importsOf } from './support/import-graph';

const ROOT = '.';

/** A file's source with its type-only imports and exports (and `type` names inside braces) blanked. */
function valuesOnly(source: string): string {
  return source
    .replace(/\b(import|export)\s+type\s[^;]*;/g, '')
    .replace(/\b(import|export)\s*\{[^}]*\}/g, (clause) => clause.replace(/\btype\s+\w+(\s+as\s+\w+)?\s*,?/g, ''));
}

const graph = new ImportGraph((file) => {
  const full = join(ROOT, file);
  return existsSync(full) ? importsOf(ROOT, file, valuesOnly(readFileSync(full, 'utf8'))) : [];
});

/** The packages among `names` that `start` reaches at run time, each with the chain that reaches it. */
function reached(start: string, names: string[]): string[] {
  return [...graph.reach(start)].flatMap(([file, chain]) =>
    graph.importsOf(file).filter((r) => r.pkg !== null && names.includes(r.pkg)).map((r) => `${r.pkg} via ${chain.join(' → ')}`),
  );
}

describe('the outcome log modules', () => {
  it('writing a log (outcome-log.ts) reaches neither yaml nor zod', () => {
    expect(reached('src/engine/log/outcome-log.ts', ['yaml', 'zod'])).toEqual([]);
  });

  it('verifying one (verify-log.ts) does, through the validator of the embedded scenario (the check above can fail)', () => {
    const found = reached('src/engine/log/verify-log.ts', ['yaml', 'zod']);
    expect(found.some((f) => f.startsWith('yaml via src/engine/log/verify-log.ts → src/engine/log/embedded-scenario.ts → src/engine/scenario/load.ts'))).toBe(true);
  });

  it('type-only imports are left out, value imports kept', () => {
    expect(valuesOnly("import type { A } from './a';\nimport { b, type C } from './b';\nexport type { D } from './d';")).toBe("\nimport { b, } from './b';\n");
  });
});
