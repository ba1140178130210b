// `crisis-lab sign --key SECRET <log...>`: signs outcome logs in place, on a server the instructor
// runs. A log is signed only when it verifies: a signature vouches for a game this engine replays.
import { writeFileSync } from 'node:fs';
import { logText, verifyLogBytes, verifyLogText } from '../engine/index';
import { keyFingerprint, publicKeyOf, signLog } from '../engine/index';
import { UsageError, parseArgs } from './args';
import { readBoundedBytes, utf8Text } from './bounded-read';
import { fail } from './command-helpers';
import { readKeyFile } from './key-file';
import { MAX_LOG_BYTES } from './verify-command';

const USAGE =
  'Usage: crisis-lab sign --key SECRET <log...>\n' +
  'Signs each outcome log in place with the secret key made by `crisis-lab keygen`, after verifying it.\n';

export async function signCommand(args: string[]): Promise<number> {
  return fail('sign', USAGE, () => {
    const a = parseArgs(args, ['key'], []);
    const keyFile = a.options.get('key');
    if (keyFile === undefined) throw new UsageError('name the secret key with --key');
    if (a.positional.length === 0) throw new UsageError('name at least one outcome log');
    const secret = readKeyFile(keyFile, 'secret');
    const fingerprint = keyFingerprint(publicKeyOf(secret));
    let allSigned = true;
    for (const file of a.positional) {
      try {
        // From its bytes when it is as the engine wrote it and of a scenario already validated (as
        // `crisis-lab verify` does); otherwise decoded and read as text (the same verdict).
        const bytes = readBoundedBytes(file, MAX_LOG_BYTES, 'an outcome log');
        const result = verifyLogBytes(bytes) ?? verifyLogText(utf8Text(file, bytes));
        if (!result.ok) throw new Error(`not signed: ${result.reason}`);
        const { signature: _old, ...log } = result.log;
        writeFileSync(file, logText(signLog(log, secret)));
        process.stdout.write(`${file}: signed by key ${fingerprint}\n`);
      } catch (error) {
        allSigned = false;
        process.stderr.write(`${file}: ${(error as Error).message}\n`);
      }
    }
    return allSigned ? 0 : 1;
  });
}
