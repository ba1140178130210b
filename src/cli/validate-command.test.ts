import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { validateCommand } from './validate-command';

const fixtures = 'test/fixtures/scenarios/';
const tmp = mkdtempSync(join(tmpdir(), 'crisis-lab-validate-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs the command in-process and captures what it prints. */
async function capture(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  try {
    const code = await validateCommand(args);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('crisis-lab validate', () => {
  it('prints `file: ok` and exits 0 when every file is valid', async () => {
    const r = await capture([`${fixtures}minimal.yaml`, `${fixtures}minimal.json`]);
    expect(r).toEqual({ code: 0, out: `${fixtures}minimal.yaml: ok\n${fixtures}minimal.json: ok\n`, err: '' });
  });

  it('prints one file:line:col: message line per problem on stderr and exits 1', async () => {
    const r = await capture([`${fixtures}minimal.yaml`, `${fixtures}unknown-field.yaml`, `${fixtures}wrong-type.yaml`]);
    expect(r.code).toBe(1);
    expect(r.out).toBe(`${fixtures}minimal.yaml: ok\n`);
    expect(r.err.split('\n')).toEqual([
      `${fixtures}unknown-field.yaml:3:1: horizon: missing required field "horizon"; add \`horizon:\` and write a whole number from 1 to 120 (The last turn)`,
      `${fixtures}unknown-field.yaml:15:1: horizn: unknown field "horizn": did you mean "horizon"?`,
      `${fixtures}wrong-type.yaml:26:22: states[0].profile.riskTolerance: expected a number, got the text "high"; write a number from 0 to 1 (Willingness to accept risk of escalation, 0–1)`,
      '',
    ]);
  });

  it('reports a missing file or a directory clearly, and goes on with the others', async () => {
    const missing = join(tmp, 'nope.yaml');
    const r = await capture([missing, tmp, `${fixtures}minimal.yaml`]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      `${missing}:1:1: cannot read the file: no such file; check the path\n${tmp}:1:1: cannot read the file: it is a directory; name the scenario files in it\n`,
    );
    expect(r.out).toBe(`${fixtures}minimal.yaml: ok\n`);
  });

  it('refuses a file that is not UTF-8, and one over 1 MB without reading it all', async () => {
    const latin1 = join(tmp, 'latin1.yaml');
    writeFileSync(latin1, Buffer.from([0x69, 0x64, 0x3a, 0x20, 0xe9, 0x0a]));
    const big = join(tmp, 'big.yaml');
    writeFileSync(big, `id: "${'a'.repeat(3_000_000)}"\n`);
    const r = await capture([latin1, big]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      `${latin1}:1:5: the file is not UTF-8 text; save it as UTF-8\n${big}:1:1: the file is larger than 1,000,000 bytes (1 MB); a scenario is far smaller, so split it or remove what does not belong\n`,
    );
  });

  it('reads UTF-8 with or without a byte-order mark, and names UTF-16 and UTF-32 when it refuses them', async () => {
    const text = readFileSync(`${fixtures}minimal.yaml`, 'utf8');
    const bom = join(tmp, 'bom.yaml');
    writeFileSync(bom, `\uFEFF${text}`);
    const utf16 = join(tmp, 'utf16.yaml');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const utf16be = join(tmp, 'utf16be.yaml');
    writeFileSync(utf16be, Buffer.from(text, 'utf16le').swap16());
    const utf32 = join(tmp, 'utf32.yaml');
    writeFileSync(utf32, Buffer.from([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0]));
    const r = await capture([bom, utf16, utf16be, utf32]);
    expect(r.out).toBe(`${bom}: ok\n`);
    const why = (file: string, encoding: string) =>
      `${file}:1:1: the file is ${encoding} text; save it as UTF-8 (with or without a byte-order mark), the only encoding scenario files use`;
    expect(r.err.split('\n')).toEqual([why(utf16, 'UTF-16 LE'), why(utf16be, 'UTF-16 BE'), why(utf32, 'UTF-32 LE'), '']);
  });

  it('words the problems in Russian or Kazakh with --lang, keeping field names and values as written', async () => {
    const ru = await capture(['--lang', 'ru', `${fixtures}unknown-field.yaml`, `${fixtures}wrong-type.yaml`]);
    expect(ru.code).toBe(1);
    expect(ru.err.split('\n')).toEqual([
      `${fixtures}unknown-field.yaml:3:1: horizon: нет обязательного поля "horizon"; добавьте \`horizon:\` и напишите целое число от 1 до 120`,
      `${fixtures}unknown-field.yaml:15:1: horizn: неизвестное поле "horizn": может быть, имелось в виду "horizon"?`,
      `${fixtures}wrong-type.yaml:26:22: states[0].profile.riskTolerance: ожидается число, а здесь текст "high"; напишите число от 0 до 1`,
      '',
    ]);
    const kk = await capture([`--lang=kk`, `${fixtures}wrong-type.yaml`]);
    expect(kk.err).toBe(
      `${fixtures}wrong-type.yaml:26:22: states[0].profile.riskTolerance: сан күтіледі, ал мұнда "high" мәтіні; ең кемі 0, ең көбі 1 болатын сан жазыңыз\n`,
    );
    const missing = await capture(['--lang', 'kk', join(tmp, 'nope.yaml')]);
    expect(missing.err).toBe(`${join(tmp, 'nope.yaml')}:1:1: файлды оқу мүмкін емес: мұндай файл жоқ; жолын тексеріңіз\n`);
  });

  it('needs at least one file, and refuses unknown options (exit 2)', async () => {
    expect((await capture([])).code).toBe(2);
    const r = await capture(['--fix', `${fixtures}minimal.yaml`]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown option --fix');
    expect((await capture(['--watch'])).code).toBe(2);
    expect((await capture(['--help'])).out).toContain('Usage: crisis-lab validate [--watch] [--lang en|ru|kk] <scenario...>');
    expect((await capture(['--lang', 'de', `${fixtures}minimal.yaml`])).err).toContain('--lang takes en, ru or kk, not "de"');
    expect((await capture([`${fixtures}minimal.yaml`, '--lang'])).code).toBe(2);
  });

  it('takes a file named like an option after --', async () => {
    const dashed = join(tmp, '-dashed.yaml');
    writeFileSync(dashed, 'a: 1\n');
    const r = await capture(['--', dashed]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${dashed}:1:1: formatVersion: missing required field "formatVersion"`);
  });
});

/** A running `crisis-lab validate --watch`, with what it has printed so far. */
function startWatch(files: string[]) {
  const child = spawn(process.execPath, ['bin/crisis-lab.mjs', 'validate', '--watch', ...files], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  /** Resolves with stdout once it contains `text` after `from`; fails after `ms`. */
  const waitFor = async (text: string, from = 0, ms = 20_000): Promise<string> => {
    const started = Date.now();
    while (!out.slice(from).includes(text)) {
      if (Date.now() - started > ms || child.exitCode !== null) {
        throw new Error(`waited ${Date.now() - started} ms for ${JSON.stringify(text)}; stdout so far:\n${out}\nstderr:\n${err}`);
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    return out;
  };
  return { child, exited, waitFor, output: () => out };
}

describe('crisis-lab validate --watch', () => {
  const minimal = readFileSync(`${fixtures}minimal.yaml`, 'utf8');

  it('exits 1 at once when no file can be watched', async () => {
    const nowhere = join(tmp, 'no-such-folder', 'x.yaml');
    const r = await capture(['--watch', nowhere]);
    expect(r.code).toBe(1);
    expect(r.out).toBe(
      `${nowhere}:1:1: cannot read the file: no such file; check the path\ncrisis-lab validate: cannot watch ${nowhere}: no such folder\n`,
    );
  });

  it('checks, then re-checks on every save, also when the editor saves by renaming, and exits 0 on Ctrl-C', async () => {
    const file = join(tmp, 'watched.yaml');
    writeFileSync(file, minimal);
    const w = startWatch([file]);
    try {
      await w.waitFor('watching 1 file for changes; press Ctrl-C to stop\n');
      expect(w.output()).toBe(`${file}: ok\nwatching 1 file for changes; press Ctrl-C to stop\n`);

      // A save in place.
      let mark = w.output().length;
      writeFileSync(file, minimal.replace('horizon: 10', 'horizon: 0'));
      await w.waitFor('(The last turn)\n', mark);
      // Editors may fire several events for one save: each must be followed by a verdict.
      const broken = `--- ${file} changed ---\n${file}:15:10: horizon: must be at least 1, got the number 0; write a whole number from 1 to 120 (The last turn)\n`;
      expect(w.output().slice(mark)).toMatch(new RegExp(`^(${escape(broken)})+$`));

      // A save that writes a new file and renames it over the old one, as many editors do.
      mark = w.output().length;
      const swap = join(tmp, '.watched.yaml.tmp');
      writeFileSync(swap, minimal);
      renameSync(swap, file);
      await w.waitFor(`${file}: ok\n`, mark);
      expect(w.output().slice(mark)).toMatch(new RegExp(`^(${escape(`--- ${file} changed ---\n${file}: ok\n`)})+$`));

      // And the watch goes on after the rename.
      mark = w.output().length;
      writeFileSync(file, 'formatVersion: [\n');
      await w.waitFor('YAML syntax error', mark);
      expect(w.output().slice(mark)).toContain(`--- ${file} changed ---\n${file}:`);

      w.child.kill('SIGINT');
      expect(await w.exited).toBe(0);
    } finally {
      w.child.kill('SIGKILL');
    }
  }, 60_000);

  it('says when a watched file is gone, and checks it again when it comes back', async () => {
    const file = join(tmp, 'comes-and-goes.yaml');
    const other = join(tmp, 'other.yaml');
    writeFileSync(file, minimal);
    writeFileSync(other, 'a: 1\n');
    const w = startWatch([file, other]);
    try {
      await w.waitFor('watching 2 files for changes');
      expect(w.output()).toContain(`${other}:1:1: formatVersion: missing required field "formatVersion"`);
      let mark = w.output().length;
      rmSync(file);
      await w.waitFor('no such file', mark);
      expect(w.output().slice(mark)).toContain(`--- ${file} changed ---\n${file}:1:1: cannot read the file: no such file; check the path\n`);
      expect(w.output().slice(mark)).not.toContain(other);
      mark = w.output().length;
      writeFileSync(file, minimal);
      await w.waitFor(`${file}: ok\n`, mark);
      w.child.kill('SIGINT');
      expect(await w.exited).toBe(0);
    } finally {
      w.child.kill('SIGKILL');
    }
  }, 60_000);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
