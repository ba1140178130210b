// `crisis-lab verify` of many logs verifies a few, taken across the list, before the others (so the
// compiler sees every scenario's shapes early), but reports every log in the list's order, and a
// duplicate verified early is still named after the log it repeats, which comes first in the list.
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { devNull, tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { capture } from './support/cli-capture';

it('reports 54 logs in the order given, a tampered one and a duplicate verified out of turn included', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crisis-lab-verify-order-'));
  const logs = join(dir, 'logs');
  const played = await capture(['batch', 'scenarios/terror-attack-member.yaml', 'scenarios/frontier-armed-attack.yaml', '--rules', 'nato,sco', '--runs', '13', '--policy', 'consult-first', '--workers', '1', '--logs', logs, '--csv', devNull]);
  expect(played.code, played.err).toBe(0);
  const files = readdirSync(logs).sort().map((name) => join(logs, name));
  expect(files).toHaveLength(52);
  const tampered = join(dir, 'tampered.json');
  writeFileSync(tampered, readFileSync(files[3]!, 'utf8').replace(/"seed":"(\d+)"/, '"seed":"9$1"'));
  const copy = join(dir, 'copy.json');
  copyFileSync(files[0]!, copy);
  // 54 files: 12 are verified first, at indexes 2, 6, 11, ... (the copy sits at 6, its original at 1).
  const list = [tampered, ...files.slice(0, 5), copy, ...files.slice(5)];
  const r = await capture(['verify', ...list]);
  expect(r.code).toBe(1);
  const verified = r.out.trim().split('\n').map((line) => line.slice(0, line.indexOf(': verified')));
  expect(verified).toEqual(list.slice(1));
  expect(r.err.trim().split('\n')).toEqual([
    `${tampered}: refused: the digest does not match: the log was changed after it was written`,
    `${copy}: duplicate: the same log as ${files[0]}`,
  ]);
});
