// Builds the command line once, so that a command does not compile TypeScript on every start
// and `batch` does not bundle its workers at run time: src/cli/main.ts becomes main.mjs and each
// worker's entry <name>.cjs, in a folder of its own per build, build/cli-<build id>/.
// build/cli/current names the build in use. `npm ci` runs this (the `prepare` script) and
// bin/crisis-lab.mjs runs it again whenever a source file the build read has changed since.
//
//   node scripts/build-cli.mjs          build when stale (prints nothing when fresh)
//   node scripts/build-cli.mjs --force  build in any case
//
// A rebuild never touches a build a command may still be running from: the new one is written
// whole into its own folder, then build/cli/current is switched to it by one rename, and an old
// folder is removed only an hour after it was first seen superseded (a running command imports
// its chunks and starts its workers from the folder it started in, as late as it needs them).
//
// Plain JavaScript on purpose: it runs before anything is compiled.
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The folder that outlives builds: the name of the current build, and the validated scenarios by
 * build (src/cli/scenario-cache.ts). */
export const OUT_DIR = join(ROOT, 'build', 'cli');
/** Each build's folder is build/cli-<id>: two levels below the root, as src/cli is, because the
 * commands find scenarios/ and docs/ by paths relative to their own file. */
const BUILD_PREFIX = 'cli-';
/** In OUT_DIR: the current build's id, replaced by a rename so a reader sees the old or the new. */
const CURRENT = 'current';
const MAIN = 'main.mjs';
const WORKERS = ['batch-worker-main', 'compare-worker-main', 'sweep-worker-main'];
/** Commands bundled alone, not as chunks shared with the others (src/cli/batch-entry.ts says why):
 * main.ts imports each as ./<name>.mjs. */
const LONE_COMMANDS = ['batch-entry'];
/** What a lone command imports only when it needs it (the YAML reader and the validator): entries
 * of the shared build, imported as ./<name>.mjs. */
const LAZY_SHARED = ['scenario-from-text', 'policy-file'];
/** Validated scenarios by build and by their text's hash (src/cli/scenario-cache.ts). */
const SCENARIO_CACHE = 'scenario-cache';
/** Every file the build read, with its size and modification time; written last, so a build
 * without it is unfinished (and stale). */
const INPUTS = 'inputs.json';
/** In a build's folder: when it was first seen superseded. */
const RETIRED = 'retired';
/** How long a superseded build stays for the commands still running from it. */
export const KEEP_RETIRED_MS = 60 * 60 * 1000;
/** A build id as buildCli makes it (base-36 time and process id). */
const ID = /^[0-9a-z]+-[0-9a-z]+$/;

/** Where the builds go; tests build into a temporary folder. */
const buildRoot = (root) => root ?? join(ROOT, 'build');
export const buildDir = (id, root) => join(buildRoot(root), `${BUILD_PREFIX}${id}`);

/** The id build/cli/current names, or null when there is none (never built, or damaged). */
export function currentBuild(root) {
  try {
    const id = readFileSync(join(buildRoot(root), 'cli', CURRENT), 'utf8').trim();
    return ID.test(id) ? id : null;
  } catch {
    return null;
  }
}

/** The built entry's URL, building first when there is no build or a source changed since. The
 * URL names the build's own folder, so everything the command imports later comes from it. */
export async function ensureCli() {
  const current = currentBuild();
  const id = current !== null && !stale(current) ? current : await buildCli();
  return pathToFileURL(join(buildDir(id), MAIN)).href;
}

/** Fresh only when every file the build read still has the size and time it had then: a few
 * hundred stat calls, about a millisecond, against a build's second. */
export function stale(id = currentBuild()) {
  if (id === null) return true;
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(join(buildDir(id), INPUTS), 'utf8'));
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

/** Resolves `./<name>` imported by import() to the built ./<name>.mjs, left for Node to load:
 * how the lone commands and the shared build reach each other. */
const builtBeside = (names) => ({
  name: 'built-beside',
  setup(build) {
    const filter = new RegExp(`^\\./(${names.join('|')})$`);
    build.onResolve({ filter }, (args) => (args.kind === 'dynamic-import' ? { path: `${args.path}.mjs`, external: true } : undefined));
  },
});

/** Builds into a new folder and makes it the current build; returns its id. Several processes may
 * find the build stale at once (parallel tests): each builds its own, the last to finish is
 * current, and each runs from the one it built. */
export async function buildCli({ root } = {}) {
  // Imported here, not at the top: a fresh build never loads esbuild at all.
  const { build } = await import('esbuild');
  // Names the build's folder and its cache of validated scenarios: what an older validator
  // accepted is never read by a newer one.
  const id = `${Date.now().toString(36)}-${process.pid.toString(36)}`;
  const dir = buildDir(id, root);
  mkdirSync(dir, { recursive: true });
  try {
    const common = { bundle: true, platform: 'node', target: 'node20', write: true, logLevel: 'warning', metafile: true, absWorkingDir: ROOT, outdir: dir, minify: true };
    const esm = {
      ...common,
      define: { __CRISIS_LAB_BUILD__: JSON.stringify(id) },
      outExtension: { '.js': '.mjs' },
      format: 'esm',
      // The bundled CommonJS packages (seedrandom) call require for Node's built-ins.
      banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
      // Run-time bundling of workers is only for tests that run the commands from source.
      external: ['esbuild'],
    };
    const builds = await Promise.all([
      build({
        ...esm,
        entryPoints: { main: 'src/cli/main.ts', ...Object.fromEntries(LAZY_SHARED.map((n) => [n, `src/cli/${n}.ts`])) },
        // One file per command (main.ts imports each when it runs) and chunks of what they share:
        // a command loads only its own code and what it shares, which for every command that
        // touches the engine is all of it (esbuild gives every file reached through one index
        // the same chunk); hence the lone commands.
        splitting: true,
        chunkNames: 'chunk-[hash]',
        plugins: [builtBeside(LONE_COMMANDS)],
      }),
      // Alone, without splitting: tree-shaking drops what the command never calls.
      ...LONE_COMMANDS.map((n) => build({ ...esm, entryPoints: { [n]: `src/cli/${n}.ts` }, plugins: [builtBeside(LAZY_SHARED)] })),
      build({
        ...common,
        entryPoints: Object.fromEntries(WORKERS.map((w) => [w, `src/cli/${w}.ts`])),
        outExtension: { '.js': '.cjs' },
        format: 'cjs',
      }),
    ]);
    const files = new Set([relative(ROOT, fileURLToPath(import.meta.url)), 'package-lock.json', ...builds.flatMap((b) => Object.keys(b.metafile.inputs))]);
    const inputs = [...files].sort().map((file) => {
      const s = statSync(join(ROOT, file));
      return [file, s.size, s.mtimeMs];
    });
    writeFileSync(join(dir, INPUTS), JSON.stringify(inputs));
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  switchTo(id, root);
  prune(root);
  return id;
}

/** Makes `id` the current build in one step: a new pointer written aside and renamed over the old. */
function switchTo(id, root) {
  const out = join(buildRoot(root), 'cli');
  mkdirSync(out, { recursive: true });
  // A build another process marked superseded while this one was still writing it is current now.
  rmSync(join(buildDir(id, root), RETIRED), { force: true });
  const tmp = join(out, `${CURRENT}.${process.pid}.tmp`);
  writeFileSync(tmp, `${id}\n`);
  renameSync(tmp, join(out, CURRENT));
}

/** Marks each build other than the current one superseded the first time it is seen so, and removes
 * it (with its validated scenarios) KEEP_RETIRED_MS after that; the same for the files of the
 * layout before builds had folders of their own (everything in build/cli). */
export function prune(root, now = Date.now()) {
  const base = buildRoot(root);
  const out = join(base, 'cli');
  const current = currentBuild(root);
  const old = (file) => {
    try {
      return now - statSync(file).mtimeMs > KEEP_RETIRED_MS;
    } catch {
      return false;
    }
  };
  for (const name of readdirSync(base)) {
    const id = name.slice(BUILD_PREFIX.length);
    if (!name.startsWith(BUILD_PREFIX) || !ID.test(id) || id === current) continue;
    const retired = join(base, name, RETIRED);
    try {
      statSync(retired);
    } catch {
      try {
        writeFileSync(retired, '');
      } catch {
        // Removed meanwhile by another process, or read-only: nothing to do.
      }
      continue;
    }
    if (!old(retired)) continue;
    rmSync(join(out, SCENARIO_CACHE, id), { recursive: true, force: true });
    rmSync(join(base, name), { recursive: true, force: true });
  }
  let legacy = [];
  try {
    legacy = readdirSync(out).filter((f) => f === MAIN || f === INPUTS || /^chunk-.*\.mjs$/.test(f) || f.endsWith('.cjs'));
  } catch {
    // No build/cli yet.
  }
  for (const file of legacy) if (old(join(out, file))) rmSync(join(out, file), { force: true });
  // Validated scenarios of builds no longer on disk (of the old layout, or removed above).
  let caches = [];
  try {
    caches = readdirSync(join(out, SCENARIO_CACHE));
  } catch {
    // None kept yet.
  }
  for (const id of caches) {
    const path = join(out, SCENARIO_CACHE, id);
    let present = true;
    try {
      statSync(buildDir(id, root));
    } catch {
      present = false;
    }
    if (!present && old(path)) rmSync(path, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--force') || stale()) {
    const start = performance.now();
    const id = await buildCli();
    process.stdout.write(`crisis-lab: built ${relative(ROOT, buildDir(id))}/ in ${Math.round(performance.now() - start)} ms\n`);
  }
}

/** Vitest's globalSetup (vite.config.ts): the tests that run the command line as a process find
 * the build current, instead of each rebuilding it at once. */
export async function setup() {
  if (stale()) await buildCli();
}
