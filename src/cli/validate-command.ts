// `crisis-lab validate <scenario...>`: one line per problem on stderr (file:line:col: message),
// `file: ok` on stdout for each valid file; exit 0 only when every file is valid.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { MAX_SCENARIO_BYTES, formatProblem, parseScenario, type ScenarioProblem } from '../engine/scenario/load';

const USAGE = 'Usage: crisis-lab validate <scenario...>\nChecks scenario files (YAML or JSON); exit 0 when all are valid, 1 otherwise.\n';

export async function validateCommand(args: string[]): Promise<number> {
  const files: string[] = [];
  let options = true;
  for (const arg of args) {
    if (options && arg === '--') options = false;
    else if (options && (arg === '--help' || arg === '-h')) {
      process.stdout.write(USAGE);
      return 0;
    } else if (options && arg.startsWith('-') && arg !== '-') {
      process.stderr.write(`crisis-lab validate: unknown option ${arg}\n${USAGE}`);
      return 2;
    } else files.push(arg);
  }
  if (files.length === 0) {
    process.stderr.write(`crisis-lab validate: name at least one scenario file\n${USAGE}`);
    return 2;
  }

  let allValid = true;
  for (const file of files) {
    const problems = validateFile(file);
    if (problems.length === 0) {
      process.stdout.write(`${file}: ok\n`);
    } else {
      allValid = false;
      process.stderr.write(problems.map((p) => `${formatProblem(p)}\n`).join(''));
    }
  }
  return allValid ? 0 : 1;
}

export function validateFile(file: string): ScenarioProblem[] {
  const read = readText(file);
  if (typeof read !== 'string') return [{ file, line: 1, column: 1, path: '', message: read.error }];
  const result = parseScenario(read, file);
  return result.ok ? [] : result.problems;
}

export function readText(file: string): string | { error: string } {
  let fd: number | undefined;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return { error: 'cannot read the file: it is a directory; name the scenario files in it' };
    // Read at most a little past the limit: the parser refuses the size itself, and a huge
    // file is never loaded whole.
    const size = Math.min(stat.size, MAX_SCENARIO_BYTES + 4);
    const buffer = Buffer.alloc(size);
    fd = openSync(file, 'r');
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buffer, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    const bytes = buffer.subarray(0, read);
    if (stat.size > MAX_SCENARIO_BYTES) return new TextDecoder('utf-8').decode(bytes);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return { error: 'the file is not UTF-8 text; save it as UTF-8' };
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') return { error: 'cannot read the file: no such file; check the path' };
    if (code === 'EACCES' || code === 'EPERM') return { error: 'cannot read the file: permission denied' };
    return { error: `cannot read the file: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
