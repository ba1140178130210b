// `crisis-lab verify [--key PUB ...] <log...>`: replays each outcome log and accepts it only when
// the replay gives the same log; exit 0 when every log replays identically. A log of another
// engine version is not replayed and not called changed: it says which version made it. Each log
// also says what its verification is worth: signed by a key the instructor named, or integrity
// only. One bad file is named and the others are still reported; logs that are the same file
// twice, or the same game under two names, are flagged.
import { canonicalJson, inputOf, sha256Hex, verifyLogBytes, verifyLogText, type OutcomeLog } from '../engine/index';
import { UsageError, parseArgs } from './args';
import { readBoundedBytes, utf8Text } from './bounded-read';
import { fail } from './command-helpers';
import { readKeyFile } from './key-file';

/** A log is about 30 kB; a game of the longest horizon with every request stays far below this. */
export const MAX_LOG_BYTES = 8_000_000;

export const INTEGRITY_ONLY = 'integrity only: the digest detects accidental and naive changes, not authorship';

const USAGE =
  'Usage: crisis-lab verify [--key PUB ...] <log...>\n' +
  'Replays each outcome log; exit 0 when every log replays identically.\n' +
  'With --key (a public key from `crisis-lab keygen`; may be repeated), a log must also be signed by one of those keys.\n';

export async function verifyCommand(args: string[]): Promise<number> {
  return fail('verify', USAGE, () => {
    const { positional, lists } = parseArgs(args, [], [], ['key']);
    if (positional.length === 0) throw new UsageError('name at least one outcome log');
    const trusted = new Set((lists.get('key') ?? []).map((file) => readKeyFile(file, 'public')));
    const seen = new Duplicates();
    let allVerified = true;
    const early = warmUp(positional, trusted);
    for (const [i, file] of positional.entries()) {
      const verdict = early.get(i) ?? verifyFile(file, trusted);
      early.delete(i);
      if (verdict.ok) {
        process.stdout.write(`${file}: verified (${verdict.detail}); ${verdict.trust}\n`);
        const twin = seen.check(file, verdict.log);
        if (twin) process.stderr.write(`${file}: duplicate: ${twin}\n`);
      } else {
        allVerified = false;
        process.stderr.write(`${file}: ${verdict.otherVersion ? 'not verified here' : 'refused'}: ${verdict.reason}\n`);
      }
    }
    return allVerified ? 0 : 1;
  });
}

/** Files verified first, out of turn: a folder lists a batch's logs by name, one scenario and
 * rule set after another, and V8 compiled the verifier for the first group's shapes and compiled
 * it again at each new one; a few logs taken across the list first show it every shape while it
 * still learns them (1,000 logs of three scenarios: about a tenth less CPU). Their verdicts wait
 * for their turn, so the output and the duplicates are as in the list's order. */
const WARM_UP_SAMPLE = 12;

function warmUp(files: string[], trusted: ReadonlySet<string>): Map<number, FileVerdict> {
  const early = new Map<number, FileVerdict>();
  if (files.length < 4 * WARM_UP_SAMPLE) return early;
  const step = files.length / WARM_UP_SAMPLE;
  for (let k = 0; k < WARM_UP_SAMPLE; k++) {
    const i = Math.floor(k * step + step / 2);
    early.set(i, verifyFile(files[i]!, trusted));
  }
  return early;
}

export type FileVerdict =
  | { ok: true; detail: string; trust: string; log: OutcomeLog }
  | { ok: false; reason: string; otherVersion?: boolean };

/** One file's verdict; never throws, so one bad file cannot stop the others being reported. */
export function verifyFile(file: string, trusted: ReadonlySet<string> = new Set()): FileVerdict {
  try {
    let bytes: Uint8Array;
    try {
      bytes = readBoundedBytes(file, MAX_LOG_BYTES, 'an outcome log');
    } catch (error) {
      return { ok: false, reason: (error as Error).message };
    }
    // A log as the engine wrote it, of a scenario already validated, is verified from its bytes;
    // any other is decoded and read as text (the same verdict, found by a longer way).
    let result = verifyLogBytes(bytes);
    if (result === null) {
      let text: string;
      try {
        text = utf8Text(file, bytes);
      } catch (error) {
        return { ok: false, reason: (error as Error).message };
      }
      result = verifyLogText(text);
    }
    if (!result.ok) return { ok: false, reason: result.reason, ...(result.engineVersion !== undefined ? { otherVersion: true } : {}) };
    const { log, signature } = result;
    const detail = `${log.scenario.id}, ${log.rules}, seed ${log.seed}, ${log.turns.length} turns, ${log.summary.result}`;
    if (signature.status === 'signed' && trusted.has(signature.key)) return { ok: true, detail, trust: `signed by key ${signature.fingerprint}`, log };
    if (trusted.size > 0) {
      const why = signature.status === 'signed' ? `it is signed by key ${signature.fingerprint}, not by a key you named` : 'it is not signed';
      return { ok: false, reason: `replays, but ${why}` };
    }
    if (signature.status === 'signed') return { ok: true, detail, trust: `signed by key ${signature.fingerprint}, which you did not name with --key: ${INTEGRITY_ONLY}`, log };
    return { ok: true, detail, trust: INTEGRITY_ONLY, log };
  } catch (error) {
    // A log malformed in a way the checks did not foresee is refused, never a stack trace.
    return { ok: false, reason: `cannot be verified: ${(error as Error).message}` };
  }
}

/** Remembers the logs seen: the same log twice (one digest), or the same game under another
 * player name or policy label (everything the replay depends on is equal). Only hashes are kept,
 * so a long run holds a few hundred bytes a log, not the logs. */
export class Duplicates {
  private readonly byDigest = new Map<string, string>();
  private readonly byGame = new Map<string, { file: string; name: string }>();

  check(file: string, log: OutcomeLog): string | null {
    const same = this.byDigest.get(log.digest);
    if (same !== undefined) return `the same log as ${same}`;
    this.byDigest.set(log.digest, file);
    // A verified log is its inputs replayed: equal inputs are the same game (the turns need not be hashed).
    const game = sha256Hex(canonicalJson([log.scenario.sha256, log.rules, log.pack, log.parameters, log.seed, log.turns.map(inputOf)]));
    const name = log.player ? `"${log.player}"` : `no name (${log.policy})`;
    const twin = this.byGame.get(game);
    if (twin === undefined) {
      this.byGame.set(game, { file, name });
      return null;
    }
    return `the same game as ${twin.file} (there ${twin.name}, here ${name})`;
  }
}
