// Who signed the verified logs of a comparison. A digest anyone can recompute says only that a
// log was not changed by accident or naively (integrity only); a valid signature says which key
// wrote it. With the class server's public key given, logs signed by it are told apart from
// logs signed by any other key and from unsigned ones.
import { keyFingerprint } from '../engine/index';

export interface SignerCount {
  key: string;
  fingerprint: string;
  logs: number;
}

export interface Signers {
  /** The public key the instructor named as the class's server (64 hex digits), if any. */
  serverKey?: string;
  /** Verified logs signed by that key. */
  byServer: number;
  /** Verified logs signed by other keys, by key, most logs first. */
  otherKeys: SignerCount[];
  /** Verified logs with no signature: the digest detects accidental and naive changes, not authorship. */
  integrityOnly: number;
}

export const INTEGRITY_ONLY_TEXT = 'integrity only (the digest detects accidental and naive changes, not authorship)';

/** The signature standing of each verified log (its signer's key, if any), counted. */
export function countSigners(signedBy: readonly (string | undefined)[], serverKey?: string): Signers {
  let byServer = 0;
  let integrityOnly = 0;
  const others = new Map<string, number>();
  for (const key of signedBy) {
    if (key === undefined) integrityOnly += 1;
    else if (key === serverKey) byServer += 1;
    else others.set(key, (others.get(key) ?? 0) + 1);
  }
  const otherKeys = [...others].map(([key, logs]) => ({ key, fingerprint: keyFingerprint(key), logs })).sort((a, b) => b.logs - a.logs || (a.key < b.key ? -1 : 1));
  return { ...(serverKey ? { serverKey } : {}), byServer, otherKeys, integrityOnly };
}

/** A public key as the page or the command line is given it: 64 hex digits (a keygen .pub file's
 * text is accepted too); null when it is none. */
export function publicKeyIn(text: string): string | null {
  const m = /^\s*(?:crisis-lab-ed25519-public-key\s+)?([0-9a-fA-F]{64})\s*$/.exec(text);
  return m ? m[1]!.toLowerCase() : null;
}
