// What the command line gives the engine and the terminal from Node: its native SHA-256 (the
// engine's own is pure JavaScript, for the browser; Node's is several times faster on a log and
// gives the same bytes), and a quiet end when the reader of our output goes away
// (`crisis-lab batch ... | head`): a closed pipe is not an error the user made.
import { createHash } from 'node:crypto';
import { useSha256, type HashPieces, type Sha256 } from '../engine/index';

/** Pieces (a log's text around its scenario's bytes) go to one hash as they are, not joined. */
export const nodeSha256: Sha256 = Object.assign((text: string) => createHash('sha256').update(text).digest('hex'), {
  pieces: (pieces: HashPieces) => {
    const hash = createHash('sha256');
    for (const piece of pieces) hash.update(piece);
    return hash.digest('hex');
  },
});

let installed = false;

export function installNodeHost(): void {
  if (installed) return;
  installed = true;
  useSha256(nodeSha256);
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
}
