// `npm run build:scorm`: the built site as one SCORM 1.2 package for Moodle (or any LMS): the
// site's files, an imsmanifest.xml at the root listing them, and one line in index.html that
// tells the game it runs in a package and which assignment the instructor fixed
// (src/game/lms/package-config.ts). A scenario that does not validate, or a rule set it does
// not resolve, is refused here with the validator's messages, never in front of a class.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { formatProblem, isPackId, parseScenario, resolveRuleSet, PACK_IDS, type Scenario } from '../engine/index';
import { parseArgs, UsageError } from './args';

export const PACKAGE_META = 'crisis-lab-package';

export interface ScormOptions {
  /** A shipped scenario's id, or a scenario file. */
  scenario: string | null;
  rules: string | null;
  seed: string | null;
  pack: string | null;
}

export interface ScormPlan {
  /** The scenario the package fixes, and where it comes from. */
  scenario: { scenario: Scenario; shipped: boolean; file: string } | null;
  /** The assignment link's query the package opens with, or null (the shipped set is offered). */
  assignment: string | null;
  title: string;
  /** The default file name of the package. */
  name: string;
}

export class PackageError extends Error {}

const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 60);

/** Checks what the instructor fixed; throws PackageError with every problem. */
export function planPackage(options: ScormOptions, root: string): ScormPlan {
  let fixed: ScormPlan['scenario'] = null;
  if (options.scenario !== null) {
    const shippedFile = join(root, 'scenarios', `${options.scenario}.yaml`);
    const shipped = /^[a-z0-9-]+$/i.test(options.scenario) && existsSync(shippedFile);
    const file = shipped ? shippedFile : resolve(options.scenario);
    if (!existsSync(file) || !statSync(file).isFile()) throw new PackageError(`--scenario ${options.scenario}: neither a shipped scenario's id nor a file`);
    const result = parseScenario(readFileSync(file, 'utf8'), shipped ? relative(root, file) : options.scenario);
    if (!result.ok) throw new PackageError(`The scenario does not validate; no package was written:\n${result.problems.map((p) => formatProblem(p)).join('\n')}`);
    fixed = { scenario: result.scenario, shipped, file };
  }
  if (options.rules !== null) {
    if (!fixed) throw new PackageError('--rules needs --scenario: a rule set is checked against the scenario it is played over');
    const resolved = resolveRuleSet(options.rules, fixed.scenario.ruleSets);
    if (!resolved.ok) throw new PackageError(`--rules ${options.rules}: ${resolved.error}`);
  }
  if (options.seed !== null && (options.seed.trim() === '' || options.seed.trim().length > 64)) throw new PackageError('--seed must have 1 to 64 characters');
  if (options.pack !== null && !isPackId(options.pack)) throw new PackageError(`--pack ${options.pack}: not one of ${PACK_IDS.join(', ')}`);

  const params = new URLSearchParams();
  if (fixed) params.set('scenario', fixed.shipped ? fixed.scenario.id : `assigned/${basename(fixed.file)}`);
  if (options.rules !== null) params.set('rules', options.rules);
  if (options.seed !== null) params.set('seed', options.seed.trim());
  if (options.pack !== null) params.set('pack', options.pack);
  const any = [...params.keys()].length > 0;
  if (any) params.set('lock', '1');
  const title = fixed ? `Alliance Crisis Lab: ${fixed.scenario.title.en}` : 'Alliance Crisis Lab';
  const parts = [fixed?.scenario.id, options.rules, options.seed !== null ? `seed-${options.seed.trim()}` : null, options.pack].filter((p): p is string => !!p);
  return { scenario: fixed, assignment: any ? params.toString() : null, title, name: `crisis-lab-scorm${parts.length ? `_${parts.map((p) => safe(p)).join('_')}` : ''}.zip` };
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A SCORM 1.2 manifest: one organization, one item, one SCO (index.html) listing every file. */
export function manifestXml(plan: Pick<ScormPlan, 'title' | 'assignment'>, files: string[], identifier: string): string {
  const fileLines = files.map((f) => `      <file href="${xml(f)}"/>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${xml(identifier)}" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="crisis-lab-org">
    <organization identifier="crisis-lab-org">
      <title>${xml(plan.title)}</title>
      <item identifier="crisis-lab-item" identifierref="crisis-lab-sco" isvisible="true">
        <title>${xml(plan.title)}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="crisis-lab-sco" type="webcontent" adlcp:scormtype="sco" href="index.html">
${fileLines}
    </resource>
  </resources>
</manifest>
`;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** The line the game reads (src/game/lms/package-config.ts), put in the page's head. */
export function withPackageMeta(html: string, assignment: string | null): string {
  const content = JSON.stringify({ lms: 'scorm12', assignment }).replace(/&/g, '&amp;').replace(/'/g, '&#39;');
  const meta = `<meta name="${PACKAGE_META}" content='${content}' />`;
  if (!html.includes('</head>')) throw new PackageError('the built page has no </head>');
  return html.replace('</head>', `    ${meta}\n  </head>`);
}

/** Turns a built site (left untouched) into the package's zip at `out`; returns its file list. */
export function writePackage(siteDir: string, plan: ScormPlan, out: string): string[] {
  const stage = mkdtempSync(join(tmpdir(), 'crisis-lab-scorm-'));
  try {
    const files = listFiles(siteDir).filter((f) => !/^(sw\.js|workbox-[^/]*\.js)$/.test(f)); // no service worker in an LMS
    for (const f of files) {
      mkdirSync(dirname(join(stage, f)), { recursive: true });
      copyFileSync(join(siteDir, f), join(stage, f));
    }
    for (const page of ['index.html', 'compare.html']) {
      const path = join(stage, page);
      if (existsSync(path)) writeFileSync(path, withPackageMeta(readFileSync(path, 'utf8'), plan.assignment));
    }
    if (plan.scenario && !plan.scenario.shipped) {
      mkdirSync(join(stage, 'assigned'), { recursive: true });
      copyFileSync(plan.scenario.file, join(stage, 'assigned', basename(plan.scenario.file)));
    }
    const all = listFiles(stage);
    const identifier = `alliance-crisis-lab-${safe(plan.name.replace(/\.zip$/, ''))}`;
    writeFileSync(join(stage, 'imsmanifest.xml'), manifestXml(plan, all, identifier));
    // Fixed dates, so the same site and choices give the same zip.
    const mtime = new Date('2020-01-01T00:00:00Z');
    const tree: Zippable = {};
    for (const f of ['imsmanifest.xml', ...all]) tree[f] = [new Uint8Array(readFileSync(join(stage, f))), { mtime, level: /\.(woff2|png)$/.test(f) ? 0 : 6 }];
    mkdirSync(dirname(resolve(out)), { recursive: true });
    writeFileSync(out, zipSync(tree));
    return ['imsmanifest.xml', ...all];
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/** Builds the site with Vite into a fresh temporary folder and returns it. */
export function buildSite(root: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'crisis-lab-scorm-site-'));
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new PackageError(`vite build failed (exit ${result.status})`);
  return dir;
}

export const USAGE = `Usage: npm run build:scorm -- [--scenario ID|FILE] [--rules SPEC] [--seed S] [--pack P] [--out FILE.zip] [--site DIR]
  Without --scenario the package offers every shipped scenario. --site packages a site already built.`;

/** The command: exit 0 with the package written, 1 when what was fixed is refused, 2 on misuse. */
export function scormMain(argv: string[], root: string, log: (line: string) => void = console.log, error: (line: string) => void = console.error): number {
  let options: ScormOptions;
  let out: string | null;
  let site: string | null;
  try {
    const args = parseArgs(argv, ['scenario', 'rules', 'seed', 'pack', 'out', 'site'], ['help']);
    if (args.flags.has('help')) {
      log(USAGE);
      return 0;
    }
    if (args.positional.length) throw new UsageError(`unexpected argument ${args.positional[0]}`);
    const get = (k: string) => args.options.get(k) ?? null;
    options = { scenario: get('scenario'), rules: get('rules'), seed: get('seed'), pack: get('pack') };
    out = get('out');
    site = get('site');
  } catch (e) {
    error(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return 2;
  }
  try {
    const plan = planPackage(options, root);
    const built = site ?? buildSite(root);
    try {
      const target = out ?? join(root, 'dist-scorm', plan.name);
      const files = writePackage(built, plan, target);
      log(`${relative(process.cwd(), target) || target}: SCORM 1.2 package, ${files.length} files, ${plan.assignment ? `assignment ${plan.assignment}` : 'every shipped scenario'}`);
    } finally {
      if (!site) rmSync(built, { recursive: true, force: true });
    }
    return 0;
  } catch (e) {
    if (!(e instanceof PackageError)) throw e;
    error(e.message);
    return 1;
  }
}
