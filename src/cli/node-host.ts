// What the command line gives the engine and the terminal from Node: its native SHA-256 (the
// engine's own is pure JavaScript, for the browser; Node's is several times faster on a log and
// gives the same bytes), and a quiet end when the reader of our output goes away
// (`crisis-lab batch ... | head`): a closed pipe is not an error the user made.
import { createHash } from 'node:crypto';
import { useSha256 } from '../engine/index';

export function nodeSha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

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
