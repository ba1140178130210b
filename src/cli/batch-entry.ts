// `batch` as the built command line runs it: bundled on its own, not as a chunk of the other
// commands (scripts/build-cli.mjs, LONE_COMMANDS). esbuild puts every file reached through the
// engine's index in one chunk shared by all the commands, YAML reader and validator included;
// alone, the bundle keeps only what batch calls (like the worker's), and the reader is imported
// from the shared chunks only for a scenario the cache lacks. Its copy of the engine gets Node's
// hash here, since main.ts installs it only in the shared one.
import { batchCommand as run } from './batch-command';
import { installNodeHost } from './node-host';

export async function batchCommand(args: string[]): Promise<number> {
  installNodeHost();
  return run(args);
}
