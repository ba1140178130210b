// The comparison page in Chromium: 50 played logs and two bad ones dropped on the page, every
// log verified and marked, the table, the charts, the pairs, hiding names, a CSV export that
// reads back to the table's numbers, and a whole folder picked through the folder input.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { logText } from '../../src/engine/log/outcome-log';
import { classify, compareEntries, parseTableCsv, tableRows } from '../../src/compare/index';
import { playLogs, writeLogs } from '../../bench/compare-bench';
import { openBrowser, screenshot, type Browser } from './browser';

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
    // Drop the files on the page as a browser does: a drop event carrying a DataTransfer.
    await page.evaluate((list) => {
      const data = new DataTransfer();
      for (const f of list) data.items.add(new File([f.text], f.name, { type: 'application/json' }));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, files);
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
    expect(await page.locator('h1').textContent()).toBe('Топты салыстыру');
    await page.selectOption('[data-testid=language]', 'en');

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
});
