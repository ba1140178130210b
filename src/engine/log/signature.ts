// Signed logs. The digest detects accidental and naive changes only: anyone can recompute it, so
// it says nothing of who wrote the log. A server the instructor runs (class mode, or a department
// server) signs the digest of each log it writes with its Ed25519 key; whoever holds the public
// key can then tell a log that server wrote from one a student made. Signing is deterministic
// (RFC 8032), so the engine stays pure: the key pair is made outside it (`crisis-lab keygen`).
import * as ed from '@noble/ed25519';
import { sha512 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import type { RefusalCode, RefusalParams } from './refusal';

/** The library's synchronous calls need a SHA-512; @noble/hashes is already the engine's hash. Set
 * on first use, not on import: a module with no side effect stays out of a page that never signs. */
function ed25519(): typeof ed {
  ed.hashes.sha512 ??= sha512;
  return ed;
}

export const SIGNATURE_ALGORITHM = 'ed25519';

export interface LogSignature {
  algorithm: typeof SIGNATURE_ALGORITHM;
  /** The signer's public key, 64 hex digits. */
  key: string;
  /** The signature of the log's digest, 128 hex digits. */
  value: string;
}

/** What is signed: the digest, behind a label so that a signature made for anything else never fits. */
function message(digest: string): Uint8Array {
  return utf8ToBytes(`alliance-crisis-lab/outcome-log-signature:v1:${digest}`);
}

const HEX64 = /^[0-9a-f]{64}$/;
const HEX128 = /^[0-9a-f]{128}$/;

/** The public key of a secret key (both 64 hex digits). */
export function publicKeyOf(secretKey: string): string {
  if (!HEX64.test(secretKey)) throw new Error('a secret key is 64 hexadecimal digits');
  return bytesToHex(ed25519().getPublicKey(hexToBytes(secretKey)));
}

/** A short name for a key, as people compare them by eye: its first 16 hex digits, grouped. */
export function keyFingerprint(publicKey: string): string {
  return (publicKey.slice(0, 16).match(/.{4}/g) ?? []).join(':');
}

/** The log with a signature of its digest by this secret key; the digest itself does not change. */
export function signLog<L extends { digest: string }>(log: L, secretKey: string): L & { signature: LogSignature } {
  if (!HEX64.test(log.digest)) throw new Error('the log has no digest to sign');
  const signature = bytesToHex(ed25519().sign(message(log.digest), hexToBytes(secretKey)));
  return { ...log, signature: { algorithm: SIGNATURE_ALGORITHM, key: publicKeyOf(secretKey), value: signature } };
}

export type SignatureCheck =
  | { status: 'unsigned' }
  | { status: 'signed'; key: string; fingerprint: string }
  | { status: 'invalid'; reason: string; code: RefusalCode; params?: RefusalParams };

/** Whether a log's signature, if it has one, is a valid signature of its digest by the key it names.
 * It says nothing of whether that key is one to trust: the caller compares `key` with its own. */
export function verifySignature(log: { digest?: unknown; signature?: unknown }): SignatureCheck {
  if (log.signature === undefined) return { status: 'unsigned' };
  const s = log.signature as Partial<LogSignature> | null;
  if (s === null || typeof s !== 'object' || Array.isArray(s)) return { status: 'invalid', reason: 'the signature is not an object', code: 'signature-not-object' };
  const keys = Object.keys(s).sort().join(',');
  if (keys !== 'algorithm,key,value') return { status: 'invalid', reason: 'the signature has other fields than algorithm, key and value', code: 'signature-fields' };
  if (s.algorithm !== SIGNATURE_ALGORITHM) return { status: 'invalid', reason: `the signature's algorithm is not ${SIGNATURE_ALGORITHM}`, code: 'signature-algorithm', params: { algorithm: SIGNATURE_ALGORITHM } };
  if (typeof s.key !== 'string' || !HEX64.test(s.key)) return { status: 'invalid', reason: 'the signature\'s key is not 64 hexadecimal digits', code: 'signature-key' };
  if (typeof s.value !== 'string' || !HEX128.test(s.value)) return { status: 'invalid', reason: 'the signature is not 128 hexadecimal digits', code: 'signature-value' };
  if (typeof log.digest !== 'string') return { status: 'invalid', reason: 'the log has no digest for the signature', code: 'signature-no-digest' };
  let valid: boolean;
  try {
    // RFC 8032's strict reading: one signature per message and key, none that ZIP 215 alone admits.
    valid = ed25519().verify(hexToBytes(s.value), message(log.digest), hexToBytes(s.key), { zip215: false });
  } catch {
    valid = false;
  }
  if (!valid) return { status: 'invalid', reason: `the signature does not match: the log was not signed by key ${keyFingerprint(s.key)} as it stands`, code: 'signature-mismatch', params: { fingerprint: keyFingerprint(s.key) } };
  return { status: 'signed', key: s.key, fingerprint: keyFingerprint(s.key) };
}
