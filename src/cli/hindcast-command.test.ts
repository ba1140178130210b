import { describe, expect, it } from 'vitest';
import { capture } from '../../test/support/cli-capture';
import { loadHindcastCases, pickCases } from './hindcast-command';
import { UsageError } from './args';

describe('crisis-lab hindcast', () => {
  const known = loadHindcastCases().map((c) => c.id);

  it('refuses an unknown case with exit 2, naming it and listing the known ones', async () => {
    const r = await capture(['hindcast', '--case', 'kazakhstan-2022,atlantis-1999', '--seeds', '1']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(`crisis-lab hindcast: unknown case "atlantis-1999"; known cases: ${known.join(', ')}\n`);
  });

  it('refuses seeds that are not a whole number of at least one, an unknown option and a bare argument, with exit 2', async () => {
    for (const argv of [['--seeds', '0'], ['--seeds', 'many'], ['--seeds', '2.5'], ['--runs', '3'], ['kazakhstan-2022']]) {
      const r = await capture(['hindcast', ...argv]);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err, argv.join(' ')).toMatch(/^crisis-lab hindcast: /);
      expect(r.out, argv.join(' ')).toBe('');
    }
  });

  it('plays the cases named, in the file’s order, and prints the table or JSON', async () => {
    const table = await capture(['hindcast', '--seeds', '3', '--case', 'armenia-2022', '--case', 'kazakhstan-2022']);
    expect(table.code, table.err).toBe(0);
    const lines = table.out.split('\n');
    expect(lines[0]).toMatch(/^case +rules +games +reproduced +record$/);
    expect(lines.filter((l) => /^\S/.test(l)).map((l) => l.split(/\s+/)[0])).toEqual(['case', 'kazakhstan-2022', 'armenia-2022']);
    const json = await capture(['hindcast', '--seeds', '3', '--case', 'armenia-2022', '--json']);
    expect(json.code, json.err).toBe(0);
    const [result] = JSON.parse(json.out);
    expect(result).toMatchObject({ id: 'armenia-2022', rules: 'csto', games: 3, gap: null });
    expect(result.criteria.map((c: { entry: string | null }) => c.entry)).toContain('armenia-2022-csc');
  });

  it('pickCases keeps every case when none is named and throws a usage error without the usage text', () => {
    const cases = loadHindcastCases();
    expect(pickCases(cases, [])).toBe(cases);
    try {
      pickCases(cases, ['x']);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).withUsage).toBe(false);
    }
  });
});
