// `crisis-lab keygen --out NAME`: a key pair for a server the instructor runs to sign the logs it
// writes. NAME holds the secret key (readable by its owner only); NAME.pub the public key, which
// is what `crisis-lab verify --key` and the comparison take.
import { existsSync, writeFileSync } from 'node:fs';
import * as ed from '@noble/ed25519';
import { bytesToHex } from '@noble/hashes/utils.js';
import { keyFingerprint, publicKeyOf } from '../engine/index';
import { UsageError, parseArgs } from './args';
import { fail } from './command-helpers';
import { PUBLIC_LABEL, SECRET_LABEL, keyFileText } from './key-file';

const USAGE =
  'Usage: crisis-lab keygen --out NAME\n' +
  'Makes an Ed25519 key pair for signing outcome logs: NAME (the secret key; keep it on the server)\n' +
  'and NAME.pub (the public key; give it to `crisis-lab verify --key`). Existing files are not overwritten.\n';

export async function keygenCommand(args: string[]): Promise<number> {
  return fail('keygen', USAGE, () => {
    const a = parseArgs(args, ['out'], []);
    const out = a.options.get('out');
    if (out === undefined || a.positional.length > 0) throw new UsageError('name the key file with --out NAME');
    for (const file of [out, `${out}.pub`]) if (existsSync(file)) throw new Error(`${file} exists; choose another name or remove it first`);
    // The one random draw, from the platform's secure generator: outside the engine, which stays deterministic.
    const secret = bytesToHex(ed.utils.randomSecretKey());
    const pub = publicKeyOf(secret);
    writeFileSync(out, keyFileText(SECRET_LABEL, secret), { mode: 0o600, flag: 'wx' });
    writeFileSync(`${out}.pub`, keyFileText(PUBLIC_LABEL, pub), { flag: 'wx' });
    process.stdout.write(`secret key written to ${out} (keep it on the server)\npublic key written to ${out}.pub\nkey ${keyFingerprint(pub)}\n`);
    return 0;
  });
}
