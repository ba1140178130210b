// The command line's entry: a small table of commands. bin/crisis-lab.mjs calls `main`.
// Each command's module is imported when it runs, not before: the built command line is split
// into one file per command (scripts/build-cli.mjs), so `--help` loads none of them; `batch` is
// bundled alone and loads neither the YAML parser nor the validator when its scenarios were read
// before.
type Run = (args: string[]) => Promise<number>;

/** A command whose module is imported on its first run, after the engine is given Node's hash
 * (imported here, not at the top: it brings the engine, which the help text does not need). */
const later =
  (load: () => Promise<Run>): Run =>
  async (args) => {
    (await import('./node-host')).installNodeHost();
    return (await load())(args);
  };

/** A command that the built command line bundles on its own, with its own copy of the engine
 * (scripts/build-cli.mjs, LONE_COMMANDS): its entry gives that copy Node's hash itself. */
const alone =
  (load: () => Promise<Run>): Run =>
  async (args) =>
    (await load())(args);

export interface Command {
  run: Run;
  /** One usage line, as in product.md, then a short description. */
  help: string;
}

export const commands: Record<string, Command> = {
  validate: {
    run: later(async () => (await import('./validate-command')).validateCommand),
    help: 'validate [--watch] <scenario...>   check scenario files (--watch: again on every save); exit 0, or one line per problem: file:line:col: message',
  },
  run: {
    run: later(async () => (await import('./run-command')).runCommand),
    help: 'run <scenario> --rules R --seed S [--feature K=V ...] [--policy NAME|FILE] [--out LOG] [--json]   play one game headless (R: nato, sco, csto, the scenario\'s own, or a spec like sco+commitment=automatic)',
  },
  batch: {
    run: alone(async () => (await import('./batch-entry')).batchCommand),
    help: 'batch <scenario...> --rules R1,R2,... --runs N [--feature K=V ...] [--policy P] [--workers K] [--csv F|--json]   play many seeded games',
  },
  verify: {
    run: later(async () => (await import('./verify-command')).verifyCommand),
    help: 'verify [--key PUB ...] <log...>   replay outcome logs; exit 0 when every log replays identically (with --key: and is signed by one of those keys)',
  },
  keygen: {
    run: later(async () => (await import('./keygen-command')).keygenCommand),
    help: 'keygen --out NAME          make a key pair for a server that signs logs: NAME (secret) and NAME.pub (public)',
  },
  sign: {
    run: later(async () => (await import('./sign-command')).signCommand),
    help: 'sign --key SECRET <log...>   sign outcome logs in place, each after it verifies',
  },
  compare: {
    run: later(async () => (await import('./compare-command')).compareCommand),
    help: 'compare <log...|dir> [--csv F|--json]   verify outcome logs (and read batch summaries) and compare a class',
  },
  migrate: {
    run: later(async () => (await import('./migrate-command')).migrateCommand),
    help: 'migrate <scenario> [--out NEW] [--in-place]   rewrite a scenario in an older format as the current one, keeping comments and layout (prints it without --out or --in-place)',
  },
  sweep: {
    run: later(async () => (await import('./sweep-command')).sweepCommand),
    help: 'sweep [scenario...] [--settings N] [--seeds M] [--features F,...] [--json] [--out FILE] [--yes]   switch each institutional feature between its NATO and SCO value across settings; per study claim: supported, not, or on one constant',
  },
  hindcast: {
    run: later(async () => (await import('./hindcast-command')).hindcastCommand),
    help: 'hindcast [--seeds N] [--case ID ...] [--json]   play real cases (docs/hindcasts.yaml) with what governments did over N seeds (default 200); share of games that reproduce the record',
  },
  strings: {
    run: later(async () => (await import('./strings-command')).stringsCommand),
    help: 'strings --lang ru|kk|en [--out FILE]   every string of one language beside the English, with its key and file, as CSV (for translation reviewers)',
  },
  class: {
    run: later(async () => (await import('./class-command')).classCommand),
    help: 'class [scenario] [--rules R1,R2,...] [--seed S] [--port P] [--out DIR] [--key SECRET]   start a class server on the local network: a room per rule set, students join by name and room code',
  },
  schema: {
    run: later(async () => (await import('./schema-command')).schemaCommand),
    help: 'schema                     print the scenario JSON Schema',
  },
};

export function usage(): string {
  const lines = Object.values(commands).map((c) => `  crisis-lab ${c.help}`);
  return ['Usage: crisis-lab <command> [options]', '', 'Commands:', ...lines, '', 'crisis-lab help  shows this text.', ''].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(usage());
    // No command at all is a usage error; asking for help is not.
    return name === undefined ? 2 : 0;
  }
  // Own-property lookup only, so `crisis-lab toString` is an unknown command, not a crash.
  const command = Object.prototype.hasOwnProperty.call(commands, name) ? commands[name] : undefined;
  if (!command) {
    process.stderr.write(`crisis-lab: unknown command "${name}"; run \`crisis-lab help\` for the list.\n`);
    return 2;
  }
  return command.run(rest);
}
