// The comparison page in Chromium: 50 played logs and two bad ones dropped on the page, every
// log verified and marked, the table, the charts, the pairs, hiding names, a CSV export that
// reads back to the table's numbers, and a whole folder picked through the folder input; the
// instructor's checks (the assignment, a log handed in twice, the same game under another name,
// a file that is not a log), the filters and the per-game CSV; and axe-core in each language.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { classify, compareEntries, parseCsv, parseTableCsv, tableRows } from '../../src/compare/index';
import { createLog, logText, scenarioHash } from '../../src/engine/log/outcome-log';
import { playGame } from '../../src/sim/play';
import { policyByName } from '../../src/sim/policies';
import { loadScenarioFile } from '../../src/cli/scenario-file';
import { playLogs, writeLogs } from '../../bench/compare-bench';
import { ROOT, openBrowser, screenshot, type Browser } from './browser';
import type { Page } from 'playwright-core';

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** axe-core's violations on the page as it stands, one line each (rule, impact, where). */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
  });
}

/** Drops files on the page as a browser does: a drop event carrying a DataTransfer. */
async function drop(page: Page, list: { name: string; text: string }[]): Promise<void> {
  await page.evaluate((files) => {
    const data = new DataTransfer();
    for (const f of files) data.items.add(new File([f.text], f.name, { type: 'application/json' }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, list);
}

const baseUrl = inject('baseUrl');

describe('compare.html', () => {
  let browser: Browser;
  let dir: string;
  const logs = playLogs(50, { player: (i) => (i < 2 ? 'Aigerim Nurlanovna' : undefined) });
  const files = logs.map((log, i) => ({ name: `class/log-${String(i).padStart(2, '0')}.json`, text: logText(log) }));
  const tampered = JSON.parse(files[4]!.text);
  tampered.summary.score = 100;
  const old = JSON.parse(files[5]!.text);
  old.engineVersion = '0.0.1';
  files.push({ name: 'class/tampered.json', text: JSON.stringify(tampered) }, { name: 'class/old.json', text: JSON.stringify(old) });
  const expected = compareEntries(files.map((f) => classify(JSON.parse(f.text), f.name)));

  beforeAll(async () => {
    browser = await openBrowser({ width: 1280, height: 800 });
    dir = mkdtempSync(join(tmpdir(), 'crisis-lab-compare-e2e-'));
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('verifies 52 dropped files, marks each, and draws the table and the charts', async () => {
    const { page } = browser;
    // No log leaves the browser: every request the page makes goes to its own origin.
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${baseUrl}compare.html`);
    await page.waitForSelector('[data-testid=files]', { state: 'attached' });
    await drop(page, files);
    await page.waitForSelector('[data-testid=status][data-done="52"]', { timeout: 120_000 });
    expect(await page.locator('[data-testid=status]').textContent()).toContain('52 inputs: 50 verified logs, 0 unverified batch summaries, 1 refused, 1 from another engine version');
    expect(await page.locator('[data-testid=entries] li[data-status=verified]').count()).toBe(50);
    expect(await page.locator('[data-testid=entries] li[data-status=refused]').textContent()).toContain('the digest does not match');
    expect(await page.locator('[data-testid=entries] li[data-status=other-version]').textContent()).toContain('0.0.1');

    // The table: one row per group and indicator, with the numbers Node computes.
    expect(await page.locator('[data-testid=table] tbody tr').count()).toBe(expected.groups.length * 10);
    const score = expected.groups[0]!.stats.score;
    const g0 = expected.groups[0]!;
    const cells = await page.locator(`[data-testid=table] tr[data-scenario="${g0.scenario}"][data-rules="${g0.rules}"][data-indicator=score] td.num`).allTextContents();
    expect(cells.slice(0, 2)).toEqual([String(score.count), String(score.missing)]);

    // Charts: a box per rule set in each distribution chart, lines in the course charts.
    expect(await page.locator('[data-testid=box-charts] [data-chart]').count()).toBe(10);
    expect(await page.locator('[data-chart=score] rect[data-box=nato]').count()).toBe(1);
    expect(await page.locator('[data-chart=score] rect[data-box=sco]').count()).toBe(1);
    expect(await page.locator('[data-testid=course-charts] polyline').count()).toBe(14);
    expect(await page.locator('[data-intents]').count()).toBe(2);
    expect(await page.locator('[data-testid=pairs] tbody tr').count()).toBe(expected.pairs.length);
    expect(await screenshot(page, 'compare-50')).toBeGreaterThan(8);

    // Hide names: no player name nor file name left on the page.
    expect(await page.locator('body').textContent()).toContain('Aigerim Nurlanovna');
    await page.click('[data-testid=hide-names]');
    const hidden = (await page.locator('body').textContent()) ?? '';
    expect(hidden).not.toContain('Aigerim');
    expect(hidden).not.toContain('log-07.json');

    // Another language: the page's own texts and the game's names both change.
    await page.selectOption('[data-testid=language]', 'kk');
    await page.waitForSelector('html[lang=kk]', { state: 'attached' });
    expect(await page.locator('h1').textContent()).toBe('Топты салыстыру');
    await page.selectOption('[data-testid=language]', 'en');
    await page.waitForSelector('html[lang=en]', { state: 'attached' });

    // The CSV export reads back to the same numbers.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-csv]')]);
    const csvPath = join(dir, 'table.csv');
    await download.saveAs(csvPath);
    expect(parseTableCsv(readFileSync(csvPath, 'utf8'))).toEqual(tableRows(expected));
    expect(requests.filter((url) => !url.startsWith(baseUrl) && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([]);
    expect(requests.filter((url) => url.startsWith(baseUrl) && !/\.(html|js|css|woff2?)$/.test(new URL(url).pathname))).toEqual([]);
    expect(browser.errors).toEqual([]);
  });

  it('reads a whole folder through the folder input', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}compare.html`);
    const folder = join(dir, 'class');
    writeLogs(join(folder, 'week-1'), logs.slice(0, 6));
    writeLogs(join(folder, 'week-2'), logs.slice(6, 10));
    await page.setInputFiles('[data-testid=folder]', folder);
    await page.waitForSelector('[data-testid=status][data-done="10"]', { timeout: 60_000 });
    expect(await page.locator('[data-testid=entries] li[data-status=verified]').count()).toBe(10);
    expect(browser.errors).toEqual([]);
  });

  it('checks the class against the assignment, flags copies, the same game renamed and a file that is not a log, filters, and exports one row per game', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}compare.html`);
    await page.waitForSelector('[data-testid=files]', { state: 'attached' });
    const original = files[0]!;
    const renamed = JSON.parse(logText(playLogs(1, { player: () => 'Boris' })[0]!));
    // A game of another version of a scenario: its objectives rewritten, its id the same.
    const terror = loadScenarioFile('scenarios/terror-attack-member.yaml');
    const edited = { ...terror, player: { ...terror.player, objectives: { ...terror.player.objectives, legitimacy: 0.95 } } };
    const editedLog = createLog(playGame(edited, 'nato', '3', policyByName('hawk', edited, '3')), { policy: 'hawk' });
    const extra = [
      { name: 'late/copy-of-log-00.json', text: original.text },
      { name: 'late/boris.json', text: JSON.stringify(renamed) },
      { name: 'late/notes.txt', text: 'essay' },
      { name: 'late/edited.json', text: logText(editedLog) },
    ];
    const all = [...files.slice(0, 12), ...extra];
    await drop(page, all);
    await page.waitForSelector(`[data-testid=status][data-done="${all.length}"]`, { timeout: 120_000 });
    expect(await page.locator('[data-testid=entries] li[data-status=duplicate]').textContent()).toContain('class/log-00.json');
    expect(await page.locator('[data-testid=entries] li[data-same-game]').count()).toBe(2);
    expect(await page.locator('[data-testid=entries] li[data-status=ignored]').textContent()).toContain('late/notes.txt');
    expect(await page.locator('[data-testid=alerts]').textContent()).toContain('handed in twice, counted once: 1');
    // Two versions of one scenario id: named above the charts, kept apart, each choosable by its hash.
    expect(await page.locator('[data-testid=alerts]').textContent()).toContain(`Scenario ${terror.id} is present in more than one version (`);
    expect(await page.locator(`[data-testid=scenario] option:has-text("version ${scenarioHash(edited).slice(0, 8)}")`).count()).toBe(1);

    // The charts start near the top: in the first screen at 1280×800.
    expect(await screenshot(page, 'compare-checks')).toBeGreaterThan(8);
    const box = await page.locator('[data-testid=box-charts]').boundingBox();
    expect(box!.y).toBeLessThan(800);
    // Box plots say how many games had no collective measure at all.
    const nodeEntries = all.filter((f) => f.name.endsWith('.json')).map((f) => classify(JSON.parse(f.text), f.name));
    const byNode = compareEntries(nodeEntries);
    expect(await page.locator('[data-counts=daysToFirstCollectiveMeasure]').first().textContent()).toMatch(/NATO: n = \d+/);
    expect(byNode.counts).toMatchObject({ duplicates: 1, sameGame: 2 });

    // The assignment: a shipped scenario, hashed in the browser as Node hashes it, and a rule set.
    const frontier = loadScenarioFile('scenarios/frontier-armed-attack.yaml');
    const assignment = { scenario: frontier.id, sha256: scenarioHash(frontier), rules: 'nato' };
    const expectedOff = compareEntries(nodeEntries, { assignment });
    await page.click('[data-testid=assignment] > summary');
    await page.selectOption('[data-testid=assignment-shipped]', 'frontier-armed-attack.yaml');
    // Typed key by key, as an instructor types: the field keeps its focus and every character
    // while the comparison below follows each keystroke ("nat" names another rule set).
    await page.click('[data-testid=assignment-rules]');
    await page.keyboard.type('nat');
    const offNat = compareEntries(nodeEntries, { assignment: { ...assignment, rules: 'nat' } }).counts.offAssignment;
    expect(offNat).toBeGreaterThan(expectedOff.counts.offAssignment);
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=entries] li[data-status=off-assignment]').length === n, offNat);
    await page.keyboard.type('o');
    expect(await page.locator('[data-testid=assignment-rules]').inputValue()).toBe('nato');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('assignment-rules');
    // Tab goes on to the seed, as in any form: the page was not rebuilt under the keyboard.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('assignment-seed');
    await page.waitForSelector('[data-testid=entries] li[data-status=off-assignment]');
    expect(await page.locator('[data-testid=entries] li[data-status=off-assignment]').count()).toBe(expectedOff.counts.offAssignment);
    expect(await page.locator('[data-testid=alerts]').textContent()).toContain(`SHA-256 ${assignment.sha256.slice(0, 8)}`);
    expect(await page.locator('[data-testid=table] tbody tr').count()).toBe(expectedOff.groups.length * 10);
    expect(await page.locator('[data-testid=table] tbody tr[data-rules=sco]').count()).toBe(0);
    expect(await page.locator('[data-testid=entries] li[data-status=off-assignment]').first().textContent()).toMatch(/not the assignment’s game/);
    await page.click('[data-testid=assignment-remove]');
    await page.waitForSelector('[data-testid=entries] li[data-status=off-assignment]', { state: 'detached' });

    // Filters: one rule set, then bots only (every game here is a bot's).
    await page.selectOption('[data-testid=filter-rules]', 'sco');
    expect(await page.locator('[data-testid=table] tbody tr[data-rules=nato]').count()).toBe(0);
    expect(await page.locator('[data-testid=table] tbody tr[data-rules=sco]').count()).toBeGreaterThan(0);
    await page.selectOption('[data-testid=filter-rules]', '');
    await page.selectOption('[data-testid=filter-origin]', 'bot');
    expect(await page.locator('[data-testid=alerts]').textContent()).not.toContain('filter');
    // A filter chosen with the keyboard is drawn anew with the results and keeps the focus, so
    // the arrow keys go on choosing.
    await page.focus('[data-testid=filter-scenario]');
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => document.querySelector<HTMLSelectElement>('[data-testid=filter-scenario]')?.value !== '');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('filter-scenario');
    await page.selectOption('[data-testid=filter-scenario]', '');

    // One row per game, with its player (the copy of log-00 is listed too, not counted).
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-games]')]);
    const path = join(dir, 'games.csv');
    await download.saveAs(path);
    const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
    expect(rows).toHaveLength(byNode.games.length);
    expect(rows.map((r) => r[header!.indexOf('player')]).filter((p) => p !== '').sort()).toEqual(['Aigerim Nurlanovna', 'Aigerim Nurlanovna', 'Aigerim Nurlanovna', 'Boris']);
    expect(browser.errors).toEqual([]);
  });

  it('has no accessibility violations (axe-core) in English, Russian and Kazakh, with logs loaded', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}compare.html`);
    await page.waitForSelector('[data-testid=files]', { state: 'attached' });
    expect(await axeViolations(page)).toEqual([]);
    const tampered = files.find((f) => f.name === 'class/tampered.json')!;
    const list = [...files.slice(0, 8), tampered, files[0]!, { name: 'x/notes.txt', text: 'essay' }].map((f, i) => (i === 9 ? { ...f, name: 'x/copy.json' } : f));
    await drop(page, list);
    await page.waitForSelector(`[data-testid=status][data-done="${list.length}"]`, { timeout: 120_000 });
    await page.click('[data-testid=assignment] > summary');
    await page.selectOption('[data-testid=assignment-shipped]', 'terror-attack-member.yaml');
    await page.waitForSelector('[data-testid=entries] li[data-status=off-assignment]');
    await page.click('details:has([data-testid=entries]) > summary');
    for (const lang of ['en', 'ru', 'kk']) {
      await page.selectOption('[data-testid=language]', lang);
      // A language's texts load on first use; the page switches when they are in.
      await page.waitForSelector(`html[lang=${lang}]`, { state: 'attached' });
      expect(await axeViolations(page), lang).toEqual([]);
    }
    await page.selectOption('[data-testid=language]', 'en');
    await page.waitForSelector('html[lang=en]', { state: 'attached' });
    expect(browser.errors).toEqual([]);
  });
});
