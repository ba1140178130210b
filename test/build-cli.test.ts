// The prebuilt command line's rebuild (scripts/build-cli.mjs): a build goes into a folder of its
// own and becomes current in one step, so a command that started from the old build still finds
// every file it imports later; old builds go only an hour after they were first seen superseded.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain JavaScript, with no declarations: it runs before anything is compiled.
import { KEEP_RETIRED_MS, buildCli, buildDir, currentBuild, prune, stale } from '../scripts/build-cli.mjs';

const root = mkdtempSync(join(tmpdir(), 'crisis-lab-build-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every file of a build with the hash of its bytes. */
const contents = (dir: string): Record<string, string> =>
  Object.fromEntries(readdirSync(dir).map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));

describe('buildCli', () => {
  it('builds into a new folder and switches to it in one step; the build a command started from stays whole and loadable', async () => {
    const first: string = await buildCli({ root });
    expect(currentBuild(root)).toBe(first);
    const old = buildDir(first, root);
    // A command starts: it reads the entry and imports the commands' table, nothing else yet.
    const { commands } = (await import(pathToFileURL(join(old, 'main.mjs')).href)) as { commands: Record<string, unknown> };
    expect(Object.keys(commands)).toContain('batch');
    const before = contents(old);
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['main.mjs', 'batch-entry.mjs', 'scenario-from-text.mjs', 'policy-file.mjs', 'batch-worker-main.cjs', 'inputs.json']));

    // A source changes and another command rebuilds meanwhile.
    const second: string = await buildCli({ root });
    expect(second).not.toBe(first);
    expect(currentBuild(root)).toBe(second);
    expect(readFileSync(join(root, 'cli', 'current'), 'utf8').trim()).toBe(second);

    // The first build is untouched (only marked superseded), and its lazily imported files load.
    const after = contents(old);
    expect(after.retired).toBeDefined();
    delete after.retired;
    expect(after).toEqual(before);
    for (const file of ['batch-entry.mjs', 'scenario-from-text.mjs', 'policy-file.mjs']) await import(pathToFileURL(join(old, file)).href);
    // And the command goes on to play from it: the batch command, its reader (a scenario it has not
    // validated) and a worker thread, all from the old folder.
    const played = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { main } = await import(${JSON.stringify(pathToFileURL(join(old, 'main.mjs')).href)}); process.exitCode = await main(process.argv.slice(1));`,
        'batch', 'scenarios/tutorial.yaml', '--rules', 'nato', '--runs', '2', '--workers', '2', '--json',
      ],
      { encoding: 'utf8' },
    );
    expect(played.stderr).toBe('');
    expect(played.status).toBe(0);
    expect(played.stdout.trim().split('\n')).toHaveLength(2);
    // Each build keeps its validated scenarios apart.
    expect(existsSync(join(root, 'cli', 'scenario-cache', first))).toBe(true);
    expect(existsSync(join(root, 'cli', 'scenario-cache', second))).toBe(false);
  });

  it('is stale without a current build, or when the current one is unfinished', () => {
    const empty = mkdtempSync(join(root, 'empty-'));
    expect(currentBuild(empty)).toBeNull();
    mkdirSync(join(empty, 'cli'));
    writeFileSync(join(empty, 'cli', 'current'), '../../etc\n');
    expect(currentBuild(empty)).toBeNull();
    expect(stale(null)).toBe(true);
    expect(stale('zz-unfinished')).toBe(true);
  });
});

describe('prune', () => {
  it('marks a superseded build first, removes it with its scenarios an hour later, and never touches the current one', () => {
    const base = mkdtempSync(join(root, 'prune-'));
    const make = (id: string) => {
      mkdirSync(join(base, `cli-${id}`), { recursive: true });
      writeFileSync(join(base, `cli-${id}`, 'main.mjs'), '');
      mkdirSync(join(base, 'cli', 'scenario-cache', id), { recursive: true });
    };
    make('aa-1');
    make('bb-2');
    writeFileSync(join(base, 'cli', 'current'), 'bb-2\n');
    // Files of the layout before builds had folders, and a file of something else.
    writeFileSync(join(base, 'cli', 'main.mjs'), '');
    writeFileSync(join(base, 'cli', 'chunk-OLD.mjs'), '');
    writeFileSync(join(base, 'notes.txt'), '');
    const later = Date.now() + KEEP_RETIRED_MS + 60_000;

    prune(base);
    expect(existsSync(join(base, 'cli-aa-1', 'retired'))).toBe(true);
    expect(existsSync(join(base, 'cli-bb-2', 'retired'))).toBe(false);
    expect(existsSync(join(base, 'cli', 'main.mjs'))).toBe(true);

    // Within the hour: still there, however old the build itself.
    const longAgo = new Date(Date.now() - 10 * KEEP_RETIRED_MS);
    utimesSync(join(base, 'cli-aa-1', 'main.mjs'), longAgo, longAgo);
    prune(base);
    expect(existsSync(join(base, 'cli-aa-1'))).toBe(true);

    prune(base, later);
    expect(existsSync(join(base, 'cli-aa-1'))).toBe(false);
    expect(existsSync(join(base, 'cli', 'scenario-cache', 'aa-1'))).toBe(false);
    expect(readdirSync(join(base, 'cli-bb-2'))).toEqual(['main.mjs']);
    expect(existsSync(join(base, 'cli', 'scenario-cache', 'bb-2'))).toBe(true);
    expect(existsSync(join(base, 'cli', 'main.mjs'))).toBe(false);
    expect(existsSync(join(base, 'cli', 'chunk-OLD.mjs'))).toBe(false);
    expect(existsSync(join(base, 'notes.txt'))).toBe(true);
    expect(readFileSync(join(base, 'cli', 'current'), 'utf8')).toBe('bb-2\n');
  });
});
