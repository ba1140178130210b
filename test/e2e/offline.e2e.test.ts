// Where classes are: after one visit the whole site works with the network off (a game played
// to the end, the comparison page verifying its log, every shipped scenario, the map, the
// fonts, an assignment link); a new version waits and is offered only outside a game; the site
// works from a sub-path on a plain file server; and over plain http on a LAN name (no secure
// context) everything but the offline copy works, hashing and verification included, and the
// page says why there is no offline copy.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, onScreen, openBrowser, type Browser } from './browser';
import { currentTurn, finishAndExport, firstDifference, loadScenario, nodeLog, playTurns, startGame } from './play';
import { serveStatic, type StaticServer } from './static-server';

const baseUrl = inject('baseUrl');
const siteDir = inject('siteDir');
const DOCS_IMG = join(ROOT, 'docs/img');
const SHIPPED = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml')).length;
const SUB = '/any/sub/path/';

async function offlineReady(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid=offline-status][data-offline=ready]', { timeout: 90_000 });
}

/** Drops one log on the comparison page and waits for its verdict. */
async function verifyOnComparePage(page: Page, url: string, name: string, text: string): Promise<string | null> {
  await page.goto(url);
  await page.waitForSelector('[data-testid=files]', { state: 'attached' });
  await page.evaluate(
    ([n, t]) => {
      const data = new DataTransfer();
      data.items.add(new File([t!], n!, { type: 'application/json' }));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    },
    [name, text],
  );
  await page.waitForSelector('[data-testid=status][data-done="1"]', { timeout: 60_000 });
  return page.locator('[data-testid=entries] li').first().getAttribute('data-status');
}

describe('offline once opened', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await openBrowser();
    mkdirSync(DOCS_IMG, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('plays a game to the end and verifies its log with the network off, after one visit', async () => {
    const { page, context } = browser;
    await page.goto(baseUrl);
    await onScreen(page, 'start');
    await offlineReady(page);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(DOCS_IMG, 'offline-ready.png') });

    await context.setOffline(true);
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(r.url()));
    const fromWorker: string[] = [];
    page.on('response', (r) => {
      if (r.fromServiceWorker()) fromWorker.push(new URL(r.url()).pathname);
    });
    // An assignment link's query still opens the offline copy of the page.
    await page.goto(`${baseUrl}?scenario=terror-attack-member&rules=sco&seed=3&lock=1`);
    await onScreen(page, 'start');
    expect(await page.locator('.scenario-item').count()).toBe(1);
    // Every shipped scenario, the map data and the fonts come from the offline copy.
    await page.goto(baseUrl);
    await onScreen(page, 'start');
    expect(await page.locator('.scenario-item').count()).toBe(SHIPPED);
    await page.click('button[data-scenario="kazakhstan-2022"]');
    await page.selectOption('[data-focus=lang]', 'kk');
    await page.waitForFunction(() => document.fonts.check('400 24px "Noto Sans"', 'Ұұ Әә') && document.documentElement.lang === 'kk');
    expect(fromWorker.some((p) => /countries-110m-.*\.json$/.test(p))).toBe(true);
    expect(fromWorker.some((p) => /noto-sans-cyrillic-ext-400-normal-.*\.woff2$/.test(p))).toBe(true);
    await page.selectOption('[data-focus=lang]', 'en');

    await startGame(page, baseUrl, 'tutorial', 'nato', '11');
    const intents = await playTurns(page);
    const { text } = await finishAndExport(page, 'outcome-offline.json');
    expect(firstDifference(text, nodeLog(loadScenario('tutorial'), 'nato', '11', intents))).toBeNull();
    // The comparison page, offline too, verifies the log by replay in the browser.
    expect(await verifyOnComparePage(page, `${baseUrl}compare.html`, 'outcome-offline.json', text)).toBe('verified');
    expect(failed).toEqual([]);
    expect(browser.errors).toEqual([]);
    await context.setOffline(false);
  });
});

describe('on a plain file server under a sub-path', () => {
  let browser: Browser;
  let dir: string;
  let server: StaticServer;
  beforeAll(async () => {
    // A copy, so that a new version can be put in place of the old.
    dir = mkdtempSync(join(tmpdir(), 'crisis-lab-subpath-'));
    cpSync(siteDir, dir, { recursive: true });
    server = await serveStatic(dir, SUB);
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads every file from under the sub-path, and an assignment link resolves relative to the page', async () => {
    const { page } = browser;
    const outside: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.protocol.startsWith('http') && !url.pathname.startsWith(SUB)) outside.push(r.url());
    });
    await page.goto(`${server.url}?scenario=${encodeURIComponent('assigned/tutorial-copy.yaml')}&rules=nato&seed=9&lock=1`);
    await onScreen(page, 'start');
    expect(await page.locator('.scenario-item .title').textContent()).toContain('Tutorial');
    await offlineReady(page);
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.scope))).toBe(server.url);
    await page.click('a.compare-link');
    await page.waitForSelector('[data-testid=files]', { state: 'attached' });
    expect(page.url()).toBe(`${server.url}compare.html`);
    expect(outside).toEqual([]);
  });

  it('offers a new version outside a game only; the game goes on under it', async () => {
    const { page } = browser;
    await startGame(page, server.url, 'tutorial', 'sco', '5');
    await playTurns(page, 1);
    expect(await currentTurn(page)).toBe(2);
    // The next version goes up while the student plays.
    appendFileSync(join(dir, 'sw.js'), '\n// next version\n');
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    await page.waitForSelector('[data-testid=update-later]', { timeout: 60_000 });
    expect(await page.locator('[data-testid=update-now]').count()).toBe(0);
    await playTurns(page, 1);
    expect(await currentTurn(page)).toBe(3);
    expect(await page.locator('[data-testid=update-now]').count()).toBe(0);

    await page.click('[data-focus=menu]');
    await onScreen(page, 'start');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(DOCS_IMG, 'update-offered.png') });
    await Promise.all([page.waitForEvent('load'), page.click('[data-testid=update-now]')]);
    await onScreen(page, 'crisis');
    expect(await currentTurn(page)).toBe(3);
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.waiting === null && r?.active !== null))).toBe(true);
    expect(await page.locator('[data-testid=update-later]').count()).toBe(0);
    expect(browser.errors).toEqual([]);
  });
});

describe('without a secure context (plain http on a LAN name)', () => {
  let browser: Browser;
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveStatic(siteDir, SUB);
    // lab.test resolves to this machine, as a department server's name would on a LAN.
    browser = await openBrowser({ width: 1280, height: 800 }, ['--host-resolver-rules=MAP lab.test 127.0.0.1']);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('says why there is no offline copy, and plays, hashes and verifies all the same', async () => {
    const { page } = browser;
    const url = `http://lab.test:${server.port}${SUB}`;
    await page.goto(url);
    await onScreen(page, 'start');
    expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
    const note = page.locator('[data-testid=offline-status]');
    expect(await note.getAttribute('data-offline')).toBe('insecure');
    expect(await note.textContent()).toContain(`plain HTTP from lab.test:${server.port}`);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(DOCS_IMG, 'offline-unavailable.png') });

    await startGame(page, url, 'tutorial', 'sco', '12');
    const intents = await playTurns(page);
    const { text } = await finishAndExport(page, 'outcome-insecure.json');
    expect(firstDifference(text, nodeLog(loadScenario('tutorial'), 'sco', '12', intents))).toBeNull();
    expect(await verifyOnComparePage(page, `${url}compare.html`, 'outcome-insecure.json', text)).toBe('verified');
    expect(browser.errors).toEqual([]);
  });
});
