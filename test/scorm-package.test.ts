// The SCORM package's build: what an instructor fixes is checked before anything is built (a
// scenario that does not validate is refused with the validator's messages), the manifest
// names every file, the page learns it is in a package, and no service worker goes in.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { manifestXml, planPackage, PackageError, withPackageMeta, writePackage } from '../src/cli/scorm-package';
import { assignmentSearch, readPackageConfig } from '../src/game/lms/package-config';

const ROOT = resolve(import.meta.dirname, '..');
const none = { scenario: null, rules: null, seed: null, pack: null };

function temp(): string {
  return mkdtempSync(join(tmpdir(), 'crisis-lab-scorm-test-'));
}

function brokenScenario(dir: string): string {
  const file = join(dir, 'broken.yaml');
  writeFileSync(file, readFileSync(join(ROOT, 'scenarios/tutorial.yaml'), 'utf8').replace(/^horizon: \d+$/m, 'horizon: 0'));
  return file;
}

/** The meta line as a browser reads it: entities decoded, through the game's own reader. */
function configOf(html: string) {
  const content = /<meta name="crisis-lab-package" content='([^']*)'/.exec(html)?.[1]?.replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  return readPackageConfig({ querySelector: () => (content === undefined ? null : ({ getAttribute: () => content } as unknown as Element)) });
}

describe('planning a SCORM package', () => {
  it('fixes a shipped scenario, rules and seed as a locked assignment', () => {
    const plan = planPackage({ scenario: 'tutorial', rules: 'sco', seed: '42', pack: 'sceptic' }, ROOT);
    expect(plan.assignment).toBe('scenario=tutorial&rules=sco&seed=42&pack=sceptic&lock=1');
    expect(plan.name).toBe('crisis-lab-scorm_tutorial_sco_seed-42_sceptic.zip');
    expect(plan.title).toContain('Tutorial');
    expect(planPackage(none, ROOT).assignment).toBeNull();
  });

  it('refuses a scenario that does not validate, with the validator’s messages', () => {
    const dir = temp();
    try {
      const file = brokenScenario(dir);
      expect(() => planPackage({ ...none, scenario: file }, ROOT)).toThrow(PackageError);
      expect(() => planPackage({ ...none, scenario: file }, ROOT)).toThrow(/does not validate[\s\S]*broken\.yaml:\d+:\d+: .*horizon/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses rules the scenario does not resolve, rules without a scenario, a bad seed or pack, a missing file', () => {
    expect(() => planPackage({ ...none, scenario: 'tutorial', rules: 'nato+decisionRule=majority' }, ROOT)).toThrow(/--rules nato\+decisionRule=majority: .*votes/);
    expect(() => planPackage({ ...none, rules: 'nato' }, ROOT)).toThrow('--rules needs --scenario');
    expect(() => planPackage({ ...none, seed: ' ' }, ROOT)).toThrow('--seed');
    expect(() => planPackage({ ...none, pack: 'bold' }, ROOT)).toThrow('--pack bold');
    expect(() => planPackage({ ...none, scenario: 'no-such-scenario' }, ROOT)).toThrow('neither');
  });

  it('npm run build:scorm refuses a broken scenario before building, exit 1, messages on stderr', () => {
    const dir = temp();
    try {
      const file = brokenScenario(dir);
      const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/build-scorm.ts'), '--scenario', file, '--out', join(dir, 'x.zip')], { cwd: ROOT, encoding: 'utf8' });
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/does not validate; no package was written:\n.*broken\.yaml:\d+:\d+:/);
      const usage = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/build-scorm.ts'), '--colour'], { cwd: ROOT, encoding: 'utf8' });
      expect(usage.status).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('writing a SCORM package', () => {
  it('puts imsmanifest.xml at the root, lists every file, tells the page, and leaves the service worker out', () => {
    const dir = temp();
    try {
      const site = join(dir, 'site');
      mkdirSync(join(site, 'assets'), { recursive: true });
      writeFileSync(join(site, 'index.html'), '<!doctype html><html><head><title>x</title></head><body></body></html>');
      writeFileSync(join(site, 'compare.html'), '<!doctype html><html><head></head><body></body></html>');
      writeFileSync(join(site, 'assets/app-1.js'), 'console.log(1)');
      writeFileSync(join(site, 'sw.js'), '//');
      writeFileSync(join(site, 'workbox-abc.js'), '//');
      const own = join(dir, 'my-crisis.yaml');
      writeFileSync(own, readFileSync(join(ROOT, 'scenarios/tutorial.yaml'), 'utf8'));
      const plan = planPackage({ scenario: own, rules: "nato", seed: "it's 7", pack: null }, ROOT);
      const out = join(dir, 'out/p.zip');
      writePackage(site, plan, out);

      const files = unzipSync(new Uint8Array(readFileSync(out)));
      expect(Object.keys(files).sort()).toEqual(['assets/app-1.js', 'assigned/my-crisis.yaml', 'compare.html', 'imsmanifest.xml', 'index.html']);
      const manifest = strFromU8(files['imsmanifest.xml']!);
      expect(manifest).toContain('<schemaversion>1.2</schemaversion>');
      expect(manifest).toContain('adlcp:scormtype="sco" href="index.html"');
      for (const f of ['index.html', 'compare.html', 'assets/app-1.js', 'assigned/my-crisis.yaml']) expect(manifest).toContain(`<file href="${f}"/>`);
      const config = configOf(strFromU8(files['index.html']!));
      expect(config).toEqual({ lms: 'scorm12', assignment: "scenario=assigned%2Fmy-crisis.yaml&rules=nato&seed=it%27s+7&lock=1" });
      expect(new URLSearchParams(assignmentSearch(config, '?seed=1')).get('seed')).toBe("it's 7");
      expect(configOf(strFromU8(files['compare.html']!))?.lms).toBe('scorm12');
      // The same site and choices give the same bytes.
      writePackage(site, plan, join(dir, 'out/q.zip'));
      expect(readFileSync(join(dir, 'out/q.zip')).equals(readFileSync(out))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('escapes the manifest’s text and the page’s meta line', () => {
    expect(manifestXml({ title: 'A & <B> "C"', assignment: null }, ['a&b.js'], 'id')).toContain('<title>A &amp; &lt;B&gt; &quot;C&quot;</title>');
    const html = withPackageMeta('<head></head>', "scenario=a'b&lock=1");
    expect(configOf(html)).toEqual({ lms: 'scorm12', assignment: "scenario=a'b&lock=1" });
    expect(() => withPackageMeta('<html>', null)).toThrow('no </head>');
    expect(readPackageConfig({ querySelector: () => null })).toBeNull();
  });
});

describe('the offline copy', () => {
  it('fails the build, naming the file, when a file is too large to be precached', () => {
    const dir = temp();
    try {
      const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', dir, '--emptyOutDir', '--logLevel', 'error'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, CRISIS_LAB_PRECACHE_LIMIT: String(1024 * 1024) },
      });
      expect(run.status).not.toBe(0);
      expect(run.stderr + run.stdout).toMatch(/Assets exceeding the limit:\s+- assets\/boot-[\w-]+\.js is 1\.\d+ MB, and won't be precached/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
