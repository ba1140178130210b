// Comparison figures: verifying and comparing 100 and 1,000 outcome logs, on the command line's
// side (in this process: verification by replay plus aggregation, one thread, then the whole
// `crisis-lab compare` over worker threads) and in the browser (the built compare.html in
// Chromium, the logs given to its file input), with the growth from 100 to 1,000.
// The logs are played by the engine with the built-in bots, never written by hand.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLog, logText, type OutcomeLog } from '../src/engine/index';
import { loadScenarioFile } from '../src/cli/scenario-file';
import type { Scenario } from '../src/engine/index';
import { playGame } from '../src/sim/play';
import { policyByName } from '../src/sim/policies';
import { classify, compareEntries } from '../src/compare/index';
import { classifyFiles, inputFiles } from '../src/cli/compare-command';
import { defaultWorkers } from '../src/cli/worker-threads';

const SCENARIOS = ['scenarios/terror-attack-member.yaml', 'scenarios/frontier-armed-attack.yaml', 'scenarios/cyber-campaign.yaml'];
const POLICIES = ['consult-first', 'random', 'hawk', 'dove'];

const cache = new Map<string, Scenario>();
function load(file: string): Scenario {
  let scenario = cache.get(file);
  if (!scenario) {
    cache.set(file, (scenario = loadScenarioFile(file)));
  }
  return scenario;
}

export interface PlayOptions {
  scenarios?: string[];
  policies?: string[];
  /** A player name for game i, or undefined for none. */
  player?: (i: number) => string | undefined;
  /** The rule sets played in turn (any name newGame takes); NATO's and the SCO's by default. */
  rules?: string[];
}

/**
 * Plays `count` games and returns their logs. Games come in sets, one game per rule set: with the
 * default NATO and SCO rules, game 2k under NATO rules and game 2k+1 under SCO rules share
 * scenario, seed (k) and policy, so every set is a counterfactual.
 */
export function playLogs(count: number, options: PlayOptions = {}): OutcomeLog[] {
  const scenarios = options.scenarios ?? SCENARIOS;
  const policies = options.policies ?? POLICIES;
  const ruleSets = options.rules ?? ['nato', 'sco'];
  const logs: OutcomeLog[] = [];
  for (let i = 0; i < count; i++) {
    const k = Math.floor(i / ruleSets.length);
    const scenario = load(scenarios[k % scenarios.length]!);
    const rules = ruleSets[i % ruleSets.length]!;
    const seed = String(k);
    const policy = policyByName(policies[Math.floor(k / scenarios.length) % policies.length]!, scenario, seed);
    const player = options.player?.(i);
    logs.push(createLog(playGame(scenario, rules, seed, policy), { policy: policy.name, ...(player ? { player } : {}) }));
  }
  return logs;
}

/** Writes logs as files named like the game's export, into `dir`. */
export function writeLogs(dir: string, logs: OutcomeLog[]): string[] {
  mkdirSync(dir, { recursive: true });
  return logs.map((log, i) => {
    // A lab spec's "+" and "=" are safe in file names on every system we ship to.
    const path = join(dir, `crisis-lab_${log.scenario.id}_${log.rules}_seed-${log.seed}_${String(i).padStart(4, '0')}.json`);
    writeFileSync(path, logText(log));
    return path;
  });
}

function ms(x: number): string {
  return `${x.toFixed(0)} ms`;
}

function inProcess(texts: string[]): number {
  const start = performance.now();
  const entries = texts.map((t, i) => classify(JSON.parse(t), `log-${i}`));
  const c = compareEntries(entries);
  if (c.counts.verified !== texts.length) throw new Error(`only ${c.counts.verified} of ${texts.length} logs verified`);
  return performance.now() - start;
}

async function commandLine(dir: string, expected: number, workers: number): Promise<number> {
  const start = performance.now();
  const entries = await classifyFiles(inputFiles([dir]), workers);
  const c = compareEntries(entries);
  if (c.counts.verified !== expected) throw new Error(`only ${c.counts.verified} of ${expected} logs verified`);
  return performance.now() - start;
}

async function inBrowser(dirs: { n: number; dir: string }[]): Promise<{ n: number; ms: number }[] | string> {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) return `no Chromium at ${chromium}: apt-get install -y chromium`;
  const { buildSite, freePort, startPreview } = await import('../test/e2e/global-setup');
  const { openBrowser } = await import('../test/e2e/browser');
  const site = mkdtempSync(join(tmpdir(), 'crisis-lab-compare-site-'));
  buildSite(site);
  const port = await freePort();
  const preview = await startPreview(site, port);
  const browser = await openBrowser({ width: 1280, height: 800 });
  try {
    const out: { n: number; ms: number }[] = [];
    for (const { n, dir } of dirs) {
      await browser.page.goto(`http://127.0.0.1:${port}/compare.html`);
      await browser.page.waitForSelector('[data-testid=files]');
      const files = inputFiles([dir]);
      const start = performance.now();
      await browser.page.setInputFiles('[data-testid=files]', files);
      await browser.page.waitForSelector(`[data-testid=status][data-done="${n}"]`, { timeout: 600_000 });
      out.push({ n, ms: performance.now() - start });
    }
    return out;
  } finally {
    await browser.close();
    preview.kill();
    rmSync(site, { recursive: true, force: true });
  }
}

export async function compareBench(): Promise<void> {
  console.log('== Compare ==');
  const root = mkdtempSync(join(tmpdir(), 'crisis-lab-compare-bench-'));
  try {
    const start = performance.now();
    const logs = playLogs(1000);
    console.log(`played 1,000 games for their logs in ${ms(performance.now() - start)}`);
    const texts = logs.map(logText);
    const dirs = [100, 1000].map((n) => {
      const dir = join(root, String(n));
      writeLogs(dir, logs.slice(0, n));
      return { n, dir };
    });
    const rows: string[] = [];
    inProcess(texts.slice(0, 20)); // warm the JIT, so that the 100 are not charged for it
    const local = [100, 1000].map((n) => inProcess(texts.slice(0, n)));
    rows.push(`parsed logs, verify + compare in this thread: 100 logs ${ms(local[0]!)}, 1,000 logs ${ms(local[1]!)}, growth ×${(local[1]! / local[0]!).toFixed(1)} (linear: ×10)`);
    for (const workers of [1, defaultWorkers()]) {
      const cli: number[] = [];
      for (const { n, dir } of dirs) cli.push(await commandLine(dir, n, workers));
      rows.push(`files, read + verify + compare as crisis-lab compare does, ${workers === 1 ? 'this thread alone' : `this thread and ${workers - 1} worker thread${workers === 2 ? '' : 's'}`}: 100 logs ${ms(cli[0]!)}, 1,000 logs ${ms(cli[1]!)}, growth ×${(cli[1]! / cli[0]!).toFixed(1)}`);
    }
    const browser = await inBrowser(dirs);
    if (typeof browser === 'string') rows.push(`browser: not measured (${browser})`);
    else rows.push(`compare.html in Chromium, Web Workers (files given to the input until the table is drawn): 100 logs ${ms(browser[0]!.ms)}, 1,000 logs ${ms(browser[1]!.ms)}, growth ×${(browser[1]!.ms / browser[0]!.ms).toFixed(1)}`);
    for (const r of rows) console.log(r);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
