// A small flag parser for the commands: positional arguments and --name value / --flag.
export interface ParsedArgs {
  positional: string[];
  options: Map<string, string>;
  /** Options that may be given more than once, every value in the order given. */
  lists: Map<string, string[]>;
  flags: Set<string>;
}

/** A mistake in how a command was called: exit 2. `withUsage` false when the message alone says
 * everything (an unknown rule set lists the valid ones; the usage text would bury that line). */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly withUsage = true,
  ) {
    super(message);
  }
}

/** `valued` lists the options that take a value; `flags` those that take none; `repeatable`
 * those that take a value and may come again (`--feature a=b --feature c=d`). */
export function parseArgs(args: string[], valued: readonly string[], flags: readonly string[], repeatable: readonly string[] = []): ParsedArgs {
  const out: ParsedArgs = { positional: [], options: new Map(), lists: new Map(), flags: new Set() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      out.positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (flags.includes(name)) {
      out.flags.add(name);
    } else if (valued.includes(name) || repeatable.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      if (repeatable.includes(name)) out.lists.set(name, [...(out.lists.get(name) ?? []), value]);
      else out.options.set(name, value);
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return out;
}
