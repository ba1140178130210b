// `crisis-lab class [scenario] [--rules R1,R2] [--seed S] [--port P] [--host H] [--out DIR]`:
// starts the class server on the local network and prints how students join, as text and as a
// QR code. One room per rule set named, side by side on the same port.
import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { fileURLToPath } from 'node:url';
import qrcode from 'qrcode-terminal';
import { startClassServer } from '../class/server';
import { parseArgs, UsageError } from './args';
import { checkRuleSet, fail, ruleSpecs } from './command-helpers';
import { loadScenarioFile } from './scenario-file';
import { readKeyFile } from './key-file';

export const CLASS_USAGE =
  'Usage: crisis-lab class [scenario] [--rules R1,R2,...] [--seed S] [--port P] [--host H] [--out DIR] [--key SECRET] [--site DIR]\n' +
  'Starts a class server on the local network: one room per rule set (default: the scenario\'s first two),\n' +
  'each with a room code students type on the class page. Logs go to DIR (default class-logs/) after every turn.\n' +
  'Defaults: scenarios/frontier-armed-attack.yaml, seed 1, port 2567, host 0.0.0.0 (every interface),\n' +
  'the built site in dist/ (`npm run class` builds it first). --key signs every outcome log with the secret key\n' +
  'made by `crisis-lab keygen`. Ctrl+C stops the server.\n';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** `stop` resolves when the server should close (tests); otherwise Ctrl+C or SIGTERM. */
export async function classCommand(args: string[], stop?: Promise<void>): Promise<number> {
  return fail('class', CLASS_USAGE, async () => {
    const a = parseArgs(args, ['rules', 'seed', 'port', 'host', 'out', 'site', 'key'], []);
    if (a.positional.length > 1) throw new UsageError('name at most one scenario file');
    const file = a.positional[0] ?? `${ROOT}scenarios/frontier-armed-attack.yaml`;
    const scenario = loadScenarioFile(file);
    const offered = scenario.rules ?? ['nato', 'sco', 'csto'];
    const rules = ruleSpecs(a.options.get('rules') ?? offered.slice(0, 2).join(','), [], true);
    for (const r of rules) checkRuleSet(r, scenario);
    const port = Number(a.options.get('port') ?? 2567);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port takes a port number, not "${a.options.get('port')}"`);
    const host = a.options.get('host') ?? '0.0.0.0';
    const site = a.options.get('site') ?? `${ROOT}dist`;
    if (!existsSync(`${site}/class.html`)) {
      throw new UsageError(`the class page is not built (no ${site}/class.html): run \`npm run build\` first, or start with \`npm run class\`, which builds it`, false);
    }
    const seed = a.options.get('seed') ?? '1';
    const out = a.options.get('out') ?? 'class-logs';
    const keyFile = a.options.get('key');
    const signingKey = keyFile === undefined ? undefined : readKeyFile(keyFile, 'secret');
    const server = await startClassServer({
      host,
      port,
      rooms: rules.map((r) => ({ scenario, rules: r, seed })),
      staticDir: site,
      logDir: out,
      ...(signingKey ? { signingKey } : {}),
    });
    const address = host === '0.0.0.0' || host === '::' ? lanAddress() : host;
    const base = `http://${address}:${server.port}/class.html`;
    const lines = [
      `Alliance Crisis Lab class server: ${scenario.id}, seed ${seed}`,
      '',
      `Students: open ${base} and type their name and a room code:`,
      ...server.rooms.map((r) => `  room code ${r.code}   ${r.rules} rules`),
      '',
    ];
    process.stdout.write(lines.join('\n') + '\n');
    const qrTarget = server.rooms.length === 1 ? `${base}?room=${server.rooms[0]!.code}` : base;
    process.stdout.write(await qr(qrTarget));
    process.stdout.write(
      [
        `(the QR code opens ${qrTarget})`,
        '',
        'Instructor dashboard (keep this link to yourself: it controls the rooms):',
        `  ${base}#instructor=${server.instructorToken}&rooms=${server.rooms.map((r) => r.code).join(',')}`,
        '',
        `Outcome logs${signingKey ? ' (signed)' : ''} and class records are written to ${out}/ after every turn.`,
        'Ctrl+C stops the server.',
        '',
      ].join('\n'),
    );
    await (stop ?? untilSignal());
    await server.close();
    return 0;
  });
}

/** The machine's first non-internal IPv4 address: what other machines on the network reach. */
export function lanAddress(): string {
  for (const list of Object.values(networkInterfaces())) {
    for (const net of list ?? []) if (net.family === 'IPv4' && !net.internal) return net.address;
  }
  return '127.0.0.1';
}

function qr(text: string): Promise<string> {
  return new Promise((resolve) => qrcode.generate(text, { small: true }, (code: string) => resolve(code + '\n')));
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}
