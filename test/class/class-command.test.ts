// `crisis-lab class`: starts on loopback, prints the rooms, the join address and a QR code,
// serves the class page and nothing outside the site, and refuses bad input with a reason.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { classCommand } from '../../src/cli/class-command';
import { capture } from '../support/cli-capture';
import { ClassClient } from '../../src/class/client';
import { verifyLog } from '../../src/engine/log/verify-log';
import { verifySignature } from '../../src/engine/log/signature';

afterEach(() => vi.restoreAllMocks());

function site(): string {
  const dir = mkdtempSync(join(tmpdir(), 'class-site-'));
  writeFileSync(join(dir, 'class.html'), '<!doctype html><title>class</title>');
  return dir;
}

describe('crisis-lab class', () => {
  it('prints a room per rule set, the address and a QR code, serves the page, and signs the logs it writes', async () => {
    const dir = site();
    const out = mkdtempSync(join(tmpdir(), 'class-out-'));
    const keys = mkdtempSync(join(tmpdir(), 'class-keys-'));
    expect((await capture(['keygen', '--out', join(keys, 'teacher')])).code).toBe(0);
    const secret = readdirSync(keys).find((f) => !f.endsWith('.pub'))!;
    let text = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((text += String(chunk)), true));
    let stop!: () => void;
    const running = classCommand(
      ['scenarios/kazakhstan-2022.yaml', '--rules', 'csto,sco', '--host', '127.0.0.1', '--port', '0', '--site', dir, '--out', out, '--key', join(keys, secret)],
      new Promise<void>((resolve) => (stop = resolve)),
    );
    await vi.waitFor(() => expect(text).toContain('Ctrl+C'), { timeout: 20_000 });
    const codes = [...text.matchAll(/room code (\w{5})\s+(\S+) rules/g)].map((m) => [m[1], m[2]]);
    expect(codes.map((c) => c[1])).toEqual(['csto', 'sco']);
    const base = /Students: open (http:\/\/127\.0\.0\.1:(\d+)\/class\.html)/.exec(text)!;
    expect(text).toMatch(/[▀▄█]/);
    const token = /#instructor=([\w-]+)/.exec(text)![1]!;
    expect(await (await fetch(base[1]!)).text()).toContain('<title>class</title>');
    expect((await fetch(`http://127.0.0.1:${base[2]}/..%2f..%2fetc%2fpasswd`)).status).toBeGreaterThanOrEqual(400);
    // The instructor's link works; one turn writes logs that verify (and carry a signature).
    const teacher = await ClassClient.join({ endpoint: `ws://127.0.0.1:${base[2]}`, code: codes[0]![0]!, role: 'instructor', instructorToken: token });
    await teacher.send({ type: 'start' });
    expect((await teacher.send({ type: 'play' })).ok).toBe(true);
    await teacher.leave();
    stop();
    expect(await running).toBe(0);
    const log = JSON.parse(readFileSync(join(out, `${codes[0]![0]}-1-csto.json`), 'utf8'));
    expect(verifyLog(log).ok).toBe(true);
    expect(verifySignature(log)).toMatchObject({ status: 'signed' });
  });

  it('refuses an unknown rule set, a missing page and a bad port with the reason', async () => {
    const bad = await capture(['class', 'scenarios/kazakhstan-2022.yaml', '--rules', 'warsaw-pact', '--site', site()]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('warsaw-pact');
    const unbuilt = await capture(['class', 'scenarios/kazakhstan-2022.yaml', '--rules', 'csto', '--site', mkdtempSync(join(tmpdir(), 'empty-'))]);
    expect(unbuilt.code).toBe(2);
    expect(unbuilt.err).toContain('npm run class');
    const port = await capture(['class', '--port', 'eighty', '--site', site()]);
    expect(port.err).toContain('--port');
  });
});
