// `crisis-lab validate <scenario...>`: one line per problem on stderr (file:line:col: message),
// `file: ok` on stdout for each valid file; exit 0 only when every file is valid.
// `--watch` then re-checks a file each time it is saved, until Ctrl-C (exit 0).
import { closeSync, openSync, readSync, statSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import {
  MAX_SCENARIO_BYTES,
  decodeScenarioBytes,
  formatProblemIn,
  makeProblem,
  parseScenario,
  type Language,
  type ProblemParams as Params,
  type ScenarioProblem,
} from '../engine/index';

const USAGE = `Usage: crisis-lab validate [--watch] [--lang en|ru|kk] <scenario...>
Checks scenario files (YAML or JSON, UTF-8); exit 0 when all are valid, 1 otherwise.
  --watch   after the first check, check a file again each time it is saved, printing
            \`--- <file> changed ---\` and then its problems or \`<file>: ok\` (all on stdout);
            Ctrl-C stops watching (exit 0).
  --lang L  word the problems in English (en, the default), Russian (ru) or Kazakh (kk);
            field names and values stay as written in the file.
`;

const LANGS: readonly Language[] = ['en', 'ru', 'kk'];
const isLang = (value: string | undefined): value is Language => LANGS.includes(value as Language);

export async function validateCommand(args: string[]): Promise<number> {
  const files: string[] = [];
  let options = true;
  let watching = false;
  let lang: Language = 'en';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (options && arg === '--') options = false;
    else if (options && (arg === '--lang' || arg.startsWith('--lang='))) {
      const value = arg === '--lang' ? args[++i] : arg.slice('--lang='.length);
      if (!isLang(value)) {
        process.stderr.write(`crisis-lab validate: --lang takes en, ru or kk${value === undefined ? '' : `, not "${value}"`}\n${USAGE}`);
        return 2;
      }
      lang = value;
    }
    else if (options && (arg === '--help' || arg === '-h')) {
      process.stdout.write(USAGE);
      return 0;
    } else if (options && arg === '--watch') watching = true;
    else if (options && arg.startsWith('-') && arg !== '-') {
      process.stderr.write(`crisis-lab validate: unknown option ${arg}\n${USAGE}`);
      return 2;
    } else files.push(arg);
  }
  if (files.length === 0) {
    process.stderr.write(`crisis-lab validate: name at least one scenario file\n${USAGE}`);
    return 2;
  }
  if (watching) return watchCommand(files, lang);

  let allValid = true;
  for (const file of files) {
    const problems = validateFile(file);
    if (problems.length === 0) {
      process.stdout.write(`${file}: ok\n`);
    } else {
      allValid = false;
      process.stderr.write(problems.map((p) => `${formatProblemIn(p, lang)}\n`).join(''));
    }
  }
  return allValid ? 0 : 1;
}

/** The verdict on one file as printed: its problems, one a line, or `file: ok`. */
export function verdict(file: string, lang: Language = 'en'): string {
  const problems = validateFile(file);
  return problems.length === 0 ? `${file}: ok\n` : problems.map((p) => `${formatProblemIn(p, lang)}\n`).join('');
}

/** Checks every file once, then again on each save, until Ctrl-C; everything goes to stdout. */
async function watchCommand(files: string[], lang: Language): Promise<number> {
  const write = (text: string) => void process.stdout.write(text);
  for (const file of files) write(verdict(file, lang));
  const watcher = watchScenarioFiles(files, write, WATCH_DEBOUNCE_MS, lang);
  // Nothing to wait for: say so rather than sit silent until Ctrl-C.
  if (watcher.folders === 0) return 1;
  return new Promise<number>((done) => {
    const stop = () => {
      watcher.close();
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    const count = files.length === 1 ? '1 file' : `${files.length} files`;
    write(`watching ${count} for changes; press Ctrl-C to stop\n`);
  });
}

export interface ScenarioWatcher {
  /** How many folders are watched (0 when none could be). */
  folders: number;
  close(): void;
}

/** How long a burst of file-system events must be quiet before the file is read again. */
export const WATCH_DEBOUNCE_MS = 100;

/**
 * Re-checks each file after it changes, printing `--- <file> changed ---` and then its verdict.
 * Watches the folders rather than the files: an editor that saves by writing a new file and
 * renaming it over the old one replaces the file a file watcher follows, but not its folder.
 * Several events for one save (truncate, write, rename) are merged by a short debounce.
 */
export function watchScenarioFiles(files: string[], write: (text: string) => void, debounceMs = WATCH_DEBOUNCE_MS, lang: Language = 'en'): ScenarioWatcher {
  // Folder -> the name of each watched file in it -> the files as the user wrote them.
  const folders = new Map<string, Map<string, string[]>>();
  for (const file of new Set(files)) {
    const dir = dirname(resolve(file));
    const names = folders.get(dir) ?? new Map<string, string[]>();
    names.set(basename(file), [...(names.get(basename(file)) ?? []), file]);
    folders.set(dir, names);
  }
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const watchers: FSWatcher[] = [];
  let closed = false;

  const recheck = (file: string) => {
    const pending = timers.get(file);
    if (pending) clearTimeout(pending);
    timers.set(
      file,
      setTimeout(() => {
        timers.delete(file);
        if (!closed) write(`--- ${file} changed ---\n${verdict(file, lang)}`);
      }, debounceMs),
    );
  };

  for (const [dir, names] of folders) {
    try {
      const watcher = watch(dir, { persistent: true }, (_event, name) => {
        // Some platforms do not say which file changed: check every file watched there.
        const changed = name === null || name === undefined ? [...names.values()].flat() : (names.get(String(name)) ?? []);
        for (const file of changed) recheck(file);
      });
      watcher.on('error', (error) => {
        write(`crisis-lab validate: stopped watching ${dir}: ${error.message}\n`);
        watcher.close();
      });
      watchers.push(watcher);
    } catch (error) {
      const why = (error as { code?: string }).code === 'ENOENT' ? 'no such folder' : error instanceof Error ? error.message : String(error);
      write(`crisis-lab validate: cannot watch ${[...names.values()].flat().join(', ')}: ${why}\n`);
    }
  }

  return {
    folders: watchers.length,
    close() {
      closed = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      for (const watcher of watchers) watcher.close();
    },
  };
}

export function validateFile(file: string): ScenarioProblem[] {
  const read = readScenarioText(file);
  if (!read.ok) return [read.problem];
  const result = parseScenario(read.text, file);
  return result.ok ? [] : result.problems;
}

/** A scenario file's text, or the English reason it cannot be read (for commands that play it). */
export function readText(file: string): string | { error: string } {
  const read = readScenarioText(file);
  return read.ok ? read.text : { error: read.problem.message };
}

/**
 * Reads a scenario file as the browser does (decodeScenarioBytes): UTF-8 with or without a
 * byte-order mark; anything else is a problem that says what the file is and where.
 */
export function readScenarioText(file: string): { ok: true; text: string } | { ok: false; problem: ScenarioProblem } {
  const refuse = (code: Parameters<typeof makeProblem>[4], params: Params = {}, line = 1, column = 1) => ({
    ok: false as const,
    problem: makeProblem(file, line, column, '', code, params),
  });
  let fd: number | undefined;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return refuse('read.directory');
    // A huge file is never loaded whole: its size is the problem.
    if (stat.size > MAX_SCENARIO_BYTES) return refuse('file.tooLarge', { max: MAX_SCENARIO_BYTES });
    const buffer = Buffer.alloc(stat.size);
    fd = openSync(file, 'r');
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, buffer, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    const decoded = decodeScenarioBytes(buffer.subarray(0, read));
    return decoded.ok ? { ok: true, text: decoded.text } : refuse(decoded.code, decoded.params, decoded.line, decoded.column);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') return refuse('read.missing');
    if (code === 'EACCES' || code === 'EPERM') return refuse('read.permission');
    return refuse('read.other', { detail: error instanceof Error ? error.message : String(error) });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
