// `crisis-lab verify <log...>`: replays each outcome log and accepts it only when the replay
// gives the same log; exit 0 when every log replays identically. A log of another engine
// version is not replayed and not called changed: it says which version made it. A log whose
// rule set cannot be resolved (a lab spec this engine does not know) says why, in verifyLog's words.
import { readFileSync } from 'node:fs';
import { verifyLog } from '../engine/log/outcome-log';
import { UsageError, parseArgs } from './args';
import { fail } from './command-helpers';

const USAGE = 'Usage: crisis-lab verify <log...>\nReplays each outcome log; exit 0 when every log replays identically.\n';

export async function verifyCommand(args: string[]): Promise<number> {
  return fail('verify', USAGE, () => {
    const { positional } = parseArgs(args, [], []);
    if (positional.length === 0) throw new UsageError('name at least one outcome log');
    let allVerified = true;
    for (const file of positional) {
      const verdict = verifyFile(file);
      if (verdict.ok) process.stdout.write(`${file}: verified (${verdict.detail})\n`);
      else {
        allVerified = false;
        process.stderr.write(`${file}: ${verdict.otherVersion ? 'not verified here' : 'refused'}: ${verdict.reason}\n`);
      }
    }
    return allVerified ? 0 : 1;
  });
}

export type FileVerdict = { ok: true; detail: string } | { ok: false; reason: string; otherVersion?: boolean };

export function verifyFile(file: string): FileVerdict {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { ok: false, reason: `cannot read the file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not JSON: an outcome log is a JSON file' };
  }
  let result: ReturnType<typeof verifyLog>;
  try {
    result = verifyLog(data);
  } catch (error) {
    // A log malformed in a way the checks did not foresee is refused, never a stack trace.
    return { ok: false, reason: `cannot be verified: ${(error as Error).message}` };
  }
  if (!result.ok) return { ok: false, reason: result.reason, ...(result.engineVersion !== undefined ? { otherVersion: true } : {}) };
  const { log } = result;
  return { ok: true, detail: `${log.scenario.id}, ${log.rules}, seed ${log.seed}, ${log.turns.length} turns, ${log.summary.result}` };
}
