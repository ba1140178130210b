import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
      `${latin1}:1:1: the file is not UTF-8 text; save it as UTF-8\n${big}:1:1: the file is larger than 1,000,000 bytes (1 MB); a scenario is far smaller, so split it or remove what does not belong\n`,
    );
  });

  it('needs at least one file, and refuses unknown options (exit 2)', async () => {
    expect((await capture([])).code).toBe(2);
    const r = await capture(['--watch', `${fixtures}minimal.yaml`]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown option --watch');
    expect((await capture(['--help'])).out).toContain('Usage: crisis-lab validate <scenario...>');
  });

  it('takes a file named like an option after --', async () => {
    const dashed = join(tmp, '-dashed.yaml');
    writeFileSync(dashed, 'a: 1\n');
    const r = await capture(['--', dashed]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${dashed}:1:1: formatVersion: missing required field "formatVersion"`);
  });
});
