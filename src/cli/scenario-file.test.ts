import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error -- plain JavaScript, with no declarations: it runs before anything is compiled.
import { buildDir, currentBuild } from '../../scripts/build-cli.mjs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenarioFile, loadScenarioFileAsync } from './scenario-file';

const dir = mkdtempSync(join(tmpdir(), 'crisis-lab-scenario-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TEXT = readFileSync('scenarios/tutorial.yaml', 'utf8');
const write = (name: string, text: string | Uint8Array) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

describe('loadScenarioFile and loadScenarioFileAsync', () => {
  it('give the same scenario, and the same refusals with line and column', async () => {
    const file = write('tutorial.yaml', TEXT);
    expect(await loadScenarioFileAsync(file)).toStrictEqual(loadScenarioFile(file));
    const cases = [
      write('broken.yaml', TEXT.replace(/^id: .*$/m, 'id: 42 42')),
      write('utf16.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')])),
      write('too-large.yaml', `# ${'x'.repeat(1_000_001)}\n`),
      join(dir, 'missing.yaml'),
      dir,
    ];
    for (const file of cases) {
      const sync = (() => {
        try {
          loadScenarioFile(file);
        } catch (error) {
          return (error as Error).message;
        }
        return 'accepted';
      })();
      await expect(loadScenarioFileAsync(file)).rejects.toThrow(sync);
      expect(sync).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: `));
    }
  });
});

describe('the built batch command', () => {
  const BIN = fileURLToPath(new URL('../../bin/crisis-lab.mjs', import.meta.url));
  // Prints every module Node loads from the built command line, one `LOADED <file>` a line.
  const hook = write(
    'log-loads.mjs',
    `import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(\`export async function load(url, context, next) {
  const m = /\\\\/build\\\\/cli-[^/]+\\\\/(.*)$/.exec(url);
  if (m) process._rawDebug('LOADED ' + m[1]);
  return next(url, context);
}\`));
`,
  );
  const batch = (...args: string[]) => {
    const r = spawnSync(process.execPath, ['--import', hook, BIN, 'batch', ...args, '--runs', '1', '--json'], { encoding: 'utf8' });
    const loaded = [...r.stderr.matchAll(/^LOADED (.*)$/gm)].map((m) => m[1]!);
    return { status: r.status, stderr: r.stderr.replace(/^LOADED .*\n/gm, ''), loaded };
  };
  const holdsReaderOrValidator = (file: string, build: string): boolean => /YAMLParseError|ZodError/.test(readFileSync(join(build, file), 'utf8'));

  it('loads the YAML library and the validator only for a scenario it has not validated before', () => {
    const file = write('mine.yaml', `${TEXT}\n# ${process.pid}-${Date.now()}\n`);
    const first = batch(file, '--rules', 'nato');
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.loaded).toContain('scenario-from-text.mjs');
    const again = batch(file, '--rules', 'nato');
    expect(again.status).toBe(0);
    expect(again.loaded).toContain('batch-entry.mjs');
    expect(again.loaded).not.toContain('scenario-from-text.mjs');
    expect(again.loaded).not.toContain('policy-file.mjs');
    // What it did load holds neither (the names survive minifying: yaml's error class names
    // itself in a string, zod's likewise).
    const build: string = buildDir(currentBuild());
    expect(again.loaded.filter((f) => holdsReaderOrValidator(f, build))).toEqual([]);
    expect(first.loaded.some((f) => holdsReaderOrValidator(f, build))).toBe(true);
  });

  it('reads a policy file, and still refuses a changed file with its line and column', () => {
    const file = write('mine2.yaml', `${TEXT}\n# ${process.pid}-${Date.now()}\n`);
    expect(batch(file, '--rules', 'nato').status).toBe(0);
    const policy = write('policy.yaml', 'turns:\n  - { turn: 1, intents: [consult] }\n');
    const played = batch(file, '--rules', 'nato', '--policy', policy);
    expect(played.status).toBe(0);
    expect(played.loaded).toContain('policy-file.mjs');
    writeFileSync(file, TEXT.replace(/^id: .*$/m, 'id: 42 42'));
    const broken = batch(file, '--rules', 'nato');
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/mine2\.yaml:\d+:\d+: id: /);
  });
});
