// Builds the command line once, so that a command does not compile TypeScript on every start
// and `batch` does not bundle its workers at run time: src/cli/main.ts becomes build/cli/main.mjs
// and each worker's entry build/cli/<name>.cjs. `npm ci` runs this (the `prepare` script) and
// bin/crisis-lab.mjs runs it again whenever a source file the build read has changed since.
//
//   node scripts/build-cli.mjs          build when stale (prints nothing when fresh)
//   node scripts/build-cli.mjs --force  build in any case
//
// Plain JavaScript on purpose: it runs before anything is compiled.
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Two levels below the root, as src/cli is: the commands find scenarios/ and docs/ by paths
 * relative to their own file, and those stay right in the bundle. */
export const OUT_DIR = join(ROOT, 'build', 'cli');
const MAIN = 'main.mjs';
const WORKERS = ['batch-worker-main', 'compare-worker-main', 'sweep-worker-main'];
/** The files main.mjs imports, one per command and shared code (esbuild's code splitting). */
const CHUNK_PREFIX = 'chunk-';
/** Validated scenarios by build and by their text's hash (src/cli/scenario-cache.ts). */
const SCENARIO_CACHE = 'scenario-cache';
/** Every file the last build read, with its size and modification time. */
const INPUTS = 'inputs.json';

/** The built entry's URL, building first when there is no build or a source changed since. */
export async function ensureCli() {
  if (stale()) await buildCli();
  return pathToFileURL(join(OUT_DIR, MAIN)).href;
}

/** Fresh only when every file the build read still has the size and time it had then: a few
 * hundred stat calls, about a millisecond, against a build's second. */
export function stale() {
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(join(OUT_DIR, INPUTS), 'utf8'));
  } catch {
    return true;
  }
  for (const [file, size, mtime] of inputs) {
    try {
      const s = statSync(join(ROOT, file));
      if (s.size !== size || s.mtimeMs !== mtime) return true;
    } catch {
      return true;
    }
  }
  return false;
}

export async function buildCli() {
  // Imported here, not at the top: a fresh build never loads esbuild at all.
  const { build } = await import('esbuild');
  // Several processes may find the build stale at once (parallel tests): each builds into its own
  // folder and renames the files into place, so none ever reads a half-written file.
  const tmp = join(ROOT, 'build', `.cli-${process.pid}-${Date.now()}`);
  mkdirSync(tmp, { recursive: true });
  try {
    const common = { bundle: true, platform: 'node', target: 'node20', write: true, logLevel: 'warning', metafile: true, absWorkingDir: ROOT };
    // Names this build for the cache of validated scenarios (src/cli/scenario-cache.ts): what an
    // older validator accepted is never read by a newer one.
    const buildId = `${Date.now().toString(36)}-${process.pid.toString(36)}`;
    const main = await build({
      ...common,
      define: { __CRISIS_LAB_BUILD__: JSON.stringify(buildId) },
      entryPoints: { main: 'src/cli/main.ts' },
      outExtension: { '.js': '.mjs' },
      outdir: tmp,
      format: 'esm',
      // The bundled CommonJS packages (seedrandom) call require for Node's built-ins.
      banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
      // Run-time bundling of workers is only for tests that run the commands from source.
      external: ['esbuild'],
      // One file per command (main.ts imports each when it runs) and chunks of what they share,
      // all beside main.mjs: a command loads only its own code.
      splitting: true,
      chunkNames: `${CHUNK_PREFIX}[hash]`,
      // Less text to parse on every start (about 40 % of the start-up time was compiling the bundle).
      minify: true,
    });
    const workers = await build({
      ...common,
      entryPoints: Object.fromEntries(WORKERS.map((w) => [w, `src/cli/${w}.ts`])),
      outExtension: { '.js': '.cjs' },
      outdir: tmp,
      format: 'cjs',
      minify: true,
    });
    const files = new Set([
      relative(ROOT, fileURLToPath(import.meta.url)),
      'package-lock.json',
      ...Object.keys(main.metafile.inputs),
      ...Object.keys(workers.metafile.inputs),
    ]);
    const inputs = [...files].sort().map((file) => {
      const s = statSync(join(ROOT, file));
      return [file, s.size, s.mtimeMs];
    });
    writeFileSync(join(tmp, INPUTS), JSON.stringify(inputs));
    mkdirSync(OUT_DIR, { recursive: true });
    // Chunks are named by their content, so the new ones go in beside the old ones first; then
    // the entries that import them; the list of inputs last: a build interrupted half-way stays stale.
    const chunks = readdirSync(tmp).filter((f) => f.startsWith(CHUNK_PREFIX));
    for (const file of [...chunks, MAIN, ...WORKERS.map((w) => `${w}.cjs`), INPUTS]) renameSync(join(tmp, file), join(OUT_DIR, file));
    // The old builds' chunks: a command of an old build still running has imported its own
    // already (main.ts imports the command first thing).
    for (const file of readdirSync(OUT_DIR)) if (file.startsWith(CHUNK_PREFIX) && !chunks.includes(file)) rmSync(join(OUT_DIR, file), { force: true });
    // The old builds' validated scenarios are never read again.
    rmSync(join(OUT_DIR, SCENARIO_CACHE), { recursive: true, force: true });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--force') || stale()) {
    const start = performance.now();
    await buildCli();
    process.stdout.write(`crisis-lab: built ${relative(ROOT, OUT_DIR)}/ in ${Math.round(performance.now() - start)} ms\n`);
  }
}

/** Vitest's globalSetup (vite.config.ts): the tests that run the command line as a process find
 * the build current, instead of each rebuilding it at once. */
export async function setup() {
  if (stale()) await buildCli();
}
