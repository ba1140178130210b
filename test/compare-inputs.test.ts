// `crisis-lab compare` walking a class folder: a sub-folder it may not read is named with the
// reason while the rest is still collected. The tests run as root, for whom no folder is
// unreadable, so readdirSync fails here on purpose for one folder, as it does for EACCES.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const readdirSync = ((path: string, ...rest: unknown[]) => {
    if (String(path).endsWith('locked')) throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
    return (fs.readdirSync as (...a: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.readdirSync;
  return { ...fs, default: { ...fs, readdirSync }, readdirSync };
});

const { collectInputs } = await import('../src/cli/compare-command');

describe('collecting a class folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crisis-lab-inputs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names an unreadable sub-folder and a file that is not a log, and keeps every other file', () => {
    for (const sub of ['a', 'locked', 'z']) mkdirSync(join(dir, sub));
    writeFileSync(join(dir, 'a', 'one.json'), '{}');
    writeFileSync(join(dir, 'locked', 'hidden.json'), '{}');
    writeFileSync(join(dir, 'z', 'two.jsonl'), '');
    writeFileSync(join(dir, 'z', 'essay.docx'), '');
    writeFileSync(join(dir, 'z', '.DS_Store'), '');
    const { files, skipped } = collectInputs([dir]);
    expect(files).toEqual([join(dir, 'a', 'one.json'), join(dir, 'z', 'two.jsonl')]);
    expect(skipped).toEqual([
      { source: join(dir, 'locked'), status: 'refused', reason: 'cannot read the folder: EACCES', why: { code: 'unreadable-folder', params: { detail: 'EACCES' } } },
      { source: join(dir, 'z', 'essay.docx'), status: 'ignored', reason: 'not a .json, .jsonl or .ndjson file', why: { code: 'not-log-file' } },
    ]);
  });
});
