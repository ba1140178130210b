import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capture } from '../../test/support/cli-capture';
import { migrateText } from './migrate-command';

const FIXTURES = 'test/fixtures/scenarios/';
const read = (file: string) => readFileSync(file, 'utf8');
/** A file as it was written in format 1 (the tests' fixtures and scenarios are in format 2). */
const inFormat1 = (text: string) => text.replace(/^(\s*"?formatVersion"?: )2\b/m, '$11');


describe('crisis-lab migrate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crisis-lab-migrate-'));

  it('leaves format 1 readable: validate accepts the file as it is', async () => {
    expect(await capture(['validate', `${FIXTURES}minimal-v1.yaml`])).toEqual({ code: 0, out: `${FIXTURES}minimal-v1.yaml: ok\n`, err: '' });
  });

  it('prints a format-1 file in format 2, changing nothing but the version, comments and layout kept', async () => {
    const old = read(`${FIXTURES}minimal-v1.yaml`);
    const r = await capture(['migrate', `${FIXTURES}minimal-v1.yaml`]);
    expect(r).toEqual({ code: 0, out: old.replace('formatVersion: 1\n', 'formatVersion: 2\n'), err: '' });
  });

  it('rewrites a file with --out or --in-place, and the result validates', async () => {
    const old = join(dir, 'old.yaml');
    const out = join(dir, 'new.yaml');
    writeFileSync(old, read(`${FIXTURES}minimal-v1.yaml`));
    const r = await capture(['migrate', old, '--out', out]);
    expect(r).toEqual({ code: 0, out: `${old}: migrated from format 1 to 2, written to ${out}\n`, err: '' });
    expect(read(old)).toBe(read(`${FIXTURES}minimal-v1.yaml`));
    expect((await capture(['validate', out])).out).toBe(`${out}: ok\n`);

    const inPlace = await capture(['migrate', old, '--in-place']);
    expect(inPlace).toEqual({ code: 0, out: `${old}: migrated from format 1 to 2\n`, err: '' });
    expect(read(old)).toBe(read(out));
  });

  it('says so when a file is already in format 2, and exits 0 without rewriting it', async () => {
    const file = `${FIXTURES}minimal.yaml`;
    const r = await capture(['migrate', file]);
    expect(r.code).toBe(0);
    expect(r.err).toBe(`${file}: already in format 2; nothing to migrate\n`);
    // Printed unchanged, so `migrate a.yaml > b.yaml` still gives a copy.
    expect(r.out).toBe(read(file));
    const copy = join(dir, 'current.yaml');
    writeFileSync(copy, read(file));
    expect((await capture(['migrate', copy, '--in-place'])).code).toBe(0);
    expect(read(copy)).toBe(read(file));
  });

  it('lists the problems of a broken file as validate does, exit 1, and writes nothing', async () => {
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, inFormat1(read(`${FIXTURES}bad-enum.yaml`)));
    const r = await capture(['migrate', broken, '--in-place']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe((await capture(['validate', broken])).err);
    expect(r.err).toMatch(/broken\.yaml:70:11: events\[0\]\.kind: "armed-atack" is not an allowed value/);
    expect(read(broken)).toBe(inFormat1(read(`${FIXTURES}bad-enum.yaml`)));
    expect((await capture(['migrate', join(dir, 'missing.yaml')])).err).toBe(`${join(dir, 'missing.yaml')}:1:1: cannot read the file: no such file; check the path\n`);
  });

  it('refuses bad usage with exit 2', async () => {
    expect((await capture(['migrate'])).code).toBe(2);
    expect((await capture(['migrate', 'a.yaml', 'b.yaml'])).code).toBe(2);
    expect((await capture(['migrate', 'a.yaml', '--out', 'b.yaml', '--in-place'])).err).toMatch(/give --out or --in-place, not both/);
    expect((await capture(['migrate', 'a.yaml', '--force'])).code).toBe(2);
    expect((await capture(['migrate', '--help'])).out).toMatch(/^Usage: crisis-lab migrate/);
  });

  it('keeps JSON, a byte-order mark and Windows line ends as they are', () => {
    const json = read(`${FIXTURES}minimal.json`);
    expect(migrateText(inFormat1(json), 'x.json')).toEqual({ kind: 'migrated', from: 1, text: json });
    const windows = `\uFEFF${read(`${FIXTURES}minimal.yaml`).replace(/\n/g, '\r\n')}`;
    expect(migrateText(inFormat1(windows), 'x.yaml')).toEqual({ kind: 'migrated', from: 1, text: windows });
  });

  it('gives back each shipped scenario from its format-1 form, byte for byte (csto aside, which format 1 did not know)', () => {
    for (const name of readdirSync('scenarios').filter((f) => f.endsWith('.yaml'))) {
      const shipped = read(`scenarios/${name}`);
      const old = inFormat1(shipped).replace(/^rules: \[(.*)\]$/m, (_, list: string) =>
        `rules: [${list.split(', ').filter((r) => r !== 'csto').join(', ')}]`,
      );
      const result = migrateText(old, name);
      expect(result.kind, name).toBe('migrated');
      if (result.kind === 'migrated') {
        expect(result.text.replace(/^rules: .*$/m, ''), name).toBe(shipped.replace(/^rules: .*$/m, ''));
      }
    }
  });

  it('runs from bin/crisis-lab.mjs', () => {
    const r = spawnSync(process.execPath, ['bin/crisis-lab.mjs', 'migrate', `${FIXTURES}minimal-v1.yaml`], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(read(`${FIXTURES}minimal-v1.yaml`).replace('formatVersion: 1\n', 'formatVersion: 2\n'));
  });
});
