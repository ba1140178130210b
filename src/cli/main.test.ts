import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { capture } from '../../test/support/cli-capture';
import { commands, main } from './main';


describe('crisis-lab main', () => {
  it('lists every command in help', async () => {
    for (const argv of [['help'], ['--help'], ['-h']]) {
      const r = await capture(argv);
      expect(r.code).toBe(0);
      for (const name of Object.keys(commands)) expect(r.out).toContain(`crisis-lab ${name}`);
    }
    expect(Object.keys(commands)).toEqual(expect.arrayContaining(['validate', 'schema']));
  });

  it('shows help and exits 2 with no command', async () => {
    const r = await capture([]);
    expect(r.code).toBe(2);
    expect(r.out).toContain('Usage: crisis-lab <command>');
  });

  it('refuses an unknown command with exit 2, including inherited names', async () => {
    for (const name of ['frobnicate', 'toString', '__proto__']) {
      const r = await capture([name]);
      expect(r.code).toBe(2);
      expect(r.err).toBe(`crisis-lab: unknown command "${name}"; run \`crisis-lab help\` for the list.\n`);
    }
  });

  it('prints the JSON Schema with `schema`', async () => {
    const r = await capture(['schema']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(readFileSync('scenarios/schema.json', 'utf8'));
    expect((await capture(['schema', 'extra'])).code).toBe(2);
  });

  it('runs from bin/crisis-lab.mjs with the exit code of the command', () => {
    const ok = execFileSync(process.execPath, ['bin/crisis-lab.mjs', 'validate', 'test/fixtures/scenarios/minimal.yaml'], { encoding: 'utf8' });
    expect(ok).toBe('test/fixtures/scenarios/minimal.yaml: ok\n');
    const bad = spawnSync(process.execPath, ['bin/crisis-lab.mjs', 'validate', 'test/fixtures/scenarios/bad-enum.yaml'], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^test\/fixtures\/scenarios\/bad-enum\.yaml:70:11: events\[0\]\.kind: "armed-atack" is not an allowed value: did you mean "armed-attack"\?/);
  });
});
