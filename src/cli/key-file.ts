// Key files for signed logs: one line each, labelled, so that a secret key given where a public
// key is wanted (or the other way round) is named as such instead of failing obscurely.
import { readBounded } from './bounded-read';

export const SECRET_LABEL = 'crisis-lab-ed25519-secret-key';
export const PUBLIC_LABEL = 'crisis-lab-ed25519-public-key';

export function keyFileText(label: string, hex: string): string {
  return `${label} ${hex}\n`;
}

/** The 64 hex digits of a key file of the given kind; an Error saying what is wrong otherwise. */
export function readKeyFile(file: string, kind: 'secret' | 'public'): string {
  const text = readBounded(file, 4096, 'a key file').trim();
  const match = /^(crisis-lab-ed25519-(?:secret|public)-key) ([0-9a-f]{64})$/.exec(text);
  if (!match) throw new Error(`${file} is not a key file made by \`crisis-lab keygen\``);
  const wanted = kind === 'secret' ? SECRET_LABEL : PUBLIC_LABEL;
  if (match[1] !== wanted) {
    throw new Error(kind === 'public' ? `${file} is a secret key; give the public key (the .pub file), and keep the secret one on the server` : `${file} is a public key; signing needs the secret key`);
  }
  return match[2]!;
}
