// A log verified from its bytes as read from a file, when it is as the engine wrote it and its
// scenario is one already validated: the scenario (about half of a log, and the part in Cyrillic
// and Kazakh, which makes a decoded text twice as large and its hashing slower) is found by
// comparing bytes, and is neither decoded, read, parsed nor hashed apart from the digest, whose
// pieces are the text around it and its bytes as they stand. Any other log answers null, and the
// caller decodes the text and takes verifyLogText: the verdict is the same either way
// (test/log-bytes.test.ts holds the two to each other), only found sooner.
import { sha256Pieces } from './canonical';
import { canonicalLayout } from './canonical-text';
import { knownScenarioBytesAt } from './embedded-scenario';
import type { OutcomeLog } from './outcome-log';
import { finish, headerVerdict, type VerifyResult } from './verify-log';

/** Where the root's scenario content starts in a canonical log: no string can hold these bytes
 * (a bare quote ends a string), and the recogniser below checks that it is the root's member. */
const CONTENT_AT = new TextEncoder().encode(',"scenario":{"content":');

/** Fatal, as a file is refused when it is not UTF-8; a byte-order mark is not dropped silently. */
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function verifyLogBytes(bytes: Uint8Array): VerifyResult | null {
  // One byte-order mark, as a text decoder drops it; a final newline, as the engine writes it.
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const end = bytes.length > start && bytes[bytes.length - 1] === 10 ? bytes.length - 1 : bytes.length;
  if (bytes[start] !== 123 /* { */) return null;
  const at = indexOf(bytes, CONTENT_AT, start, end);
  if (at < 0) return null;
  const contentStart = at + CONTENT_AT.length;
  const known = knownScenarioBytesAt(bytes, contentStart, end);
  if (known === undefined) return null;
  let head: string;
  let tail: string;
  try {
    head = decoder.decode(bytes.subarray(start, contentStart));
    tail = decoder.decode(bytes.subarray(contentStart + known.bytes.length, end));
  } catch {
    return null; // not UTF-8: the caller's reading says so
  }
  // The rest is read with `null` in the scenario's place: canonical, and that null the root's
  // scenario content, only when the whole log is canonical (the scenario's text is).
  const text = `${head}null${tail}`;
  const layout = canonicalLayout(text, 0, text.length);
  const content = layout?.scenarioContent;
  if (!layout || !content || content.start !== head.length || content.end !== head.length + 4) return null;

  const log = JSON.parse(text) as Partial<OutcomeLog>;
  (log.scenario as { content: unknown }).content = known.content;
  const verdict = headerVerdict(log);
  if (verdict !== null) return verdict;
  // The digest's text is every member but the digest and the signature, the scenario's bytes
  // where its content is.
  const pieces: (string | Uint8Array)[] = [];
  let piece = '{';
  let first = true;
  for (const member of layout.members) {
    if (member.key === 'digest' || member.key === 'signature') continue;
    if (!first) piece += ',';
    first = false;
    if (member.start < content.start && content.end <= member.end) {
      pieces.push(piece + text.slice(member.start, content.start), known.bytes);
      piece = text.slice(content.end, member.end);
    } else {
      piece += text.slice(member.start, member.end);
    }
  }
  pieces.push(piece + '}');
  return finish({ log, texts: { body: '', scenario: known.text }, embedded: known }, sha256Pieces(pieces));
}

/** The first place in [from, end) where `part` starts, or -1. */
function indexOf(bytes: Uint8Array, part: Uint8Array, from: number, end: number): number {
  const first = part[0];
  const last = end - part.length;
  outer: for (let i = from; i <= last; i++) {
    if (bytes[i] !== first) continue;
    for (let k = 1; k < part.length; k++) if (bytes[i + k] !== part[k]) continue outer;
    return i;
  }
  return -1;
}
