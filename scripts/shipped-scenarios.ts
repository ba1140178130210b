// A Vite plugin (vite.config.ts) that compiles the shipped scenarios (scenarios/*.yaml) at build
// time: each file is parsed and validated by the engine once, here, and reaches the browser as the
// validated scenario in JSON, with a small manifest. The page then starts without parsing YAML or
// running the validator on its own files; a scenario that does not validate fails the build (and
// the dev server) with the validator's messages.
//
//   import { manifest, loadScenario } from 'virtual:shipped-scenarios';
//   manifest: [{ file, id, crisisType, hash }], tutorials first, then in file-name order; `hash`
//     is the engine's scenarioHash, so a saved game's embedded scenario is known as shipped
//   loadScenario(file): Promise<Scenario> (each scenario is its own small chunk)
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'vite';
import { tsImport } from 'tsx/esm/api';
import type { Scenario } from '../src/engine/index';

/** The engine's reader, as compileShipped uses it. */
export type Reader = Pick<typeof import('../src/engine/index'), 'parseScenario' | 'formatProblem'>;
/** What the plugin takes from the engine: the reader, and the hash a save's scenario is known by. */
type Engine = Reader & Pick<typeof import('../src/engine/index'), 'scenarioHash'>;

const MANIFEST_ID = 'virtual:shipped-scenarios';
const SCENARIO_PREFIX = 'virtual:shipped-scenario/';

export interface ShippedEntry {
  file: string;
  id: string;
  crisisType: string;
}

/** Every shipped scenario, validated; throws with every problem of every file that fails. */
export function compileShipped(dir: string, { parseScenario, formatProblem }: Reader): { entry: ShippedEntry; scenario: Scenario }[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort((a, b) => a.localeCompare(b));
  const problems: string[] = [];
  const compiled: { entry: ShippedEntry; scenario: Scenario }[] = [];
  for (const file of files) {
    const result = parseScenario(readFileSync(join(dir, file), 'utf8'), file);
    if (!result.ok) {
      problems.push(...result.problems.map((p) => formatProblem(p)));
      continue;
    }
    compiled.push({ entry: { file, id: result.scenario.id, crisisType: result.scenario.crisisType }, scenario: result.scenario });
  }
  if (problems.length > 0) throw new Error(`shipped scenarios that do not validate:\n${problems.join('\n')}`);
  // The tutorial first: it teaches the controls.
  const rank = (c: { entry: ShippedEntry }) => (c.entry.crisisType === 'tutorial' ? 0 : 1);
  return compiled.sort((a, b) => rank(a) - rank(b));
}

export function shippedScenarios(dir: string): Plugin {
  let compiled: ReturnType<typeof compileShipped> | null = null;
  let reader: Engine | null = null;
  let root = process.cwd();
  const get = () => (compiled ??= compileShipped(dir, reader!));
  return {
    name: 'crisis-lab-shipped-scenarios',
    configResolved(config) {
      root = config.root;
    },

    resolveId(id) {
      return id === MANIFEST_ID || id.startsWith(SCENARIO_PREFIX) ? `\0${id}` : null;
    },
    async load(id) {
      if (!id.startsWith('\0virtual:shipped-scenario')) return null;
      // The engine is loaded here, at run time, rather than bundled into the Vite config.
      reader ??= (await tsImport(pathToFileURL(join(root, 'src/engine/index.ts')).href, import.meta.url)) as Engine;
      for (const f of readdirSync(dir)) if (f.endsWith('.yaml')) this.addWatchFile(join(dir, f));
      const all = get();
      if (id === `\0${MANIFEST_ID}`) {
        const loaders = all.map((c) => `  ${JSON.stringify(c.entry.file)}: () => import(${JSON.stringify(SCENARIO_PREFIX + c.entry.file)}),`);
        return [
          `export const manifest = ${JSON.stringify(all.map((c) => ({ ...c.entry, hash: reader!.scenarioHash(c.scenario) })))};`,
          `const loaders = {\n${loaders.join('\n')}\n};`,
          'export function loadScenario(file) {',
          '  const load = Object.prototype.hasOwnProperty.call(loaders, file) ? loaders[file] : undefined;',
          '  if (!load) return Promise.reject(new Error(`no shipped scenario ${file}`));',
          '  return load().then((m) => m.default);',
          '}',
        ].join('\n');
      }
      const file = id.slice(`\0${SCENARIO_PREFIX}`.length);
      const found = all.find((c) => c.entry.file === file);
      if (!found) throw new Error(`no shipped scenario ${file}`);
      // JSON.parse of a string literal: engines parse it faster than the same object literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(found.scenario))});`;
    },
    handleHotUpdate({ file, server }) {
      // A shipped file changed: compile again on the next request.
      if (file.startsWith(dir) && file.endsWith('.yaml')) {
        compiled = null;
        server.moduleGraph.invalidateAll();
      }
    },
  };
}
