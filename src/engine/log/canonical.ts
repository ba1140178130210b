// The canonical JSON form: keys sorted at every level, no white space, undefined dropped. Hashes
// and byte-for-byte comparisons of logs are taken over it. It is refused, rather than written
// loosely, for what would make two readings of one text differ: a `__proto__` key (a property on
// one reader, a prototype on another), a number JSON cannot carry (NaN, Infinity), and nesting
// deeper than any log needs (which would exhaust the stack of a recursive reader).
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { JsonFault, RefusalParams } from './refusal';

/** Deeper than any log or scenario (a log is about 8 levels deep); deep enough to be no limit for them. */
export const MAX_JSON_DEPTH = 64;

/** A value with no canonical form, or a text that is not a strict reading of one. */
export class CanonicalError extends Error {
  /** What was refused, and where, for a reader who words it in another language. */
  constructor(message: string, readonly fault: JsonFault = 'unknown', readonly params: RefusalParams = {}) {
    super(message);
  }
}

/** `known` gives texts already written for some objects (a log's embedded scenario), so they are
 * not written twice. */
export function canonicalJson(value: unknown, known?: ReadonlyMap<object, string>): string {
  const text = write(value, 0, known);
  if (text === undefined) throw new CanonicalError('nothing to write: the value is undefined', 'undefined-value');
  return text;
}

function write(value: unknown, depth: number, known: ReadonlyMap<object, string> | undefined): string | undefined {
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalError(`the number ${value} has no JSON form`, 'not-finite', { written: String(value) });
      return String(value); // JSON.stringify's form for a finite number (-0 is written 0 by both)
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      const written = known?.get(value);
      if (written !== undefined) return written;
      if (depth >= MAX_JSON_DEPTH) throw new CanonicalError(`nested deeper than ${MAX_JSON_DEPTH} levels`, 'too-deep', { max: MAX_JSON_DEPTH });
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + (write(value[i], depth + 1, known) ?? 'null');
        return out + ']';
      }
      const record = value as Record<string, unknown>;
      let out = '{';
      let first = true;
      for (const key of Object.keys(record).sort()) {
        if (key === '__proto__') throw new CanonicalError('a "__proto__" key', 'proto-key');
        const item = write(record[key], depth + 1, known);
        if (item === undefined) continue;
        out += (first ? '' : ',') + quote(key) + ':' + item;
        first = false;
      }
      return out + '}';
    }
    default:
      return undefined; // undefined and functions are left out, as JSON.stringify leaves them
  }
}

/** Characters JSON.stringify escapes: quote, backslash, controls and lone surrogates. */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** JSON.stringify's string form, without its cost for the plain strings a log is made of. */
function quote(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

/** Pieces hashed as one text, each UTF-8 text or bytes already encoded (a scenario's canonical
 * text, encoded once for all the logs that embed it). */
export type HashPieces = readonly (string | Uint8Array)[];

/** A SHA-256 implementation: text in, lower-case hex out. `pieces`, where the platform has it,
 * hashes pieces as one text without joining them; without it they are joined first. */
export type Sha256 = ((text: string) => string) & { pieces?: (pieces: HashPieces) => string };

/** SHA-256 in pure JavaScript: Node and the browser hash alike, with no platform module. */
export const pureSha256: Sha256 = Object.assign((text: string) => bytesToHex(sha256(utf8ToBytes(text))), {
  pieces: (pieces: HashPieces) => {
    const hash = sha256.create();
    for (const piece of pieces) hash.update(typeof piece === 'string' ? utf8ToBytes(piece) : piece);
    return bytesToHex(hash.digest());
  },
});

let platformSha256: Sha256 = pureSha256;

/**
 * Lets a host hand the engine its platform's SHA-256 (the command line passes Node's crypto,
 * about eight times as fast on a log). The engine imports no platform module itself, and the
 * result is the same bytes either way: only the speed changes.
 */
export function useSha256(implementation: Sha256): void {
  platformSha256 = implementation;
}

export function sha256Hex(text: string): string {
  return platformSha256(text);
}

const utf8 = new TextDecoder();

/** The SHA-256 of the pieces joined: the same hex as sha256Hex of their text. */
export function sha256Pieces(pieces: HashPieces): string {
  const hash = platformSha256;
  if (hash.pieces) return hash.pieces(pieces);
  return hash(pieces.map((piece) => (typeof piece === 'string' ? piece : utf8.decode(piece))).join(''));
}
