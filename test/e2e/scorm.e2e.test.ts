// The SCORM 1.2 package in a mock LMS: scorm-again's runtime on window.API in the page above the
// package's frame, as Moodle's player has it. A student plays two turns and leaves; the attempt
// resumes from suspend_data alone (local storage cleared) and is played to the end; every call
// is checked: LMSInitialize, lesson status, score, one interaction per alliance decision,
// suspend_data within 4,096 characters, LMSFinish. Opened outside an LMS, or with a broken
// runtime, the game plays and says that results are not being recorded.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { scormMain } from '../../src/cli/scorm-package';
import { decodeSuspend, SUSPEND_LIMIT } from '../../src/game/lms/suspend';
import { ROOT, openBrowser, type Browser } from './browser';
import { firstDifference, loadScenario, nodeLog } from './play';
import { packageFrame, playFrameTurns, startLocked } from './lms-frame';
import { serveStatic, type StaticServer } from './static-server';

const siteDir = inject('siteDir');
const SCENARIO = 'tutorial';
const RULES = 'nato';
const SEED = '7';
const DOCS_IMG = join(ROOT, 'docs/img');

interface Call {
  name: string;
  args: string[];
  result: string;
}

const calls = (page: Page) => page.evaluate(() => (window as unknown as { __lmsCalls: Call[] }).__lmsCalls);
const sets = (list: Call[], element: string | RegExp) => list.filter((c) => c.name === 'LMSSetValue' && (typeof element === 'string' ? c.args[0] === element : element.test(c.args[0]!))).map((c) => c.args[1]!);

describe('the SCORM 1.2 package in an LMS frame', () => {
  let browser: Browser;
  let dir: string;
  let server: StaticServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crisis-lab-scorm-e2e-'));
    const zip = join(dir, 'package.zip');
    const status = scormMain(['--scenario', SCENARIO, '--rules', RULES, '--seed', SEED, '--site', siteDir, '--out', zip], ROOT, () => undefined);
    expect(status).toBe(0);
    // Unpacked where an LMS would serve it, beside the mock player page.
    const lms = join(dir, 'lms');
    for (const [name, data] of Object.entries(unzipSync(new Uint8Array(readFileSync(zip))))) {
      if (name.endsWith('/')) continue;
      mkdirSync(dirname(join(lms, 'pkg', name)), { recursive: true });
      writeFileSync(join(lms, 'pkg', name), data);
    }
    copyFileSync(join(ROOT, 'test/e2e/fixtures/lms-host.html'), join(lms, 'player.html'));
    copyFileSync(join(ROOT, 'node_modules/scorm-again/dist/scorm12.min.js'), join(lms, 'scorm12.min.js'));
    server = await serveStatic(lms, '/mod/scorm/player/');
    browser = await openBrowser({ width: 1280, height: 800 });
    mkdirSync(DOCS_IMG, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the zip has imsmanifest.xml at its root, naming index.html as the SCO', () => {
    const manifest = readFileSync(join(dir, 'lms/pkg/imsmanifest.xml'), 'utf8');
    expect(manifest).toContain('<schemaversion>1.2</schemaversion>');
    expect(manifest).toMatch(/adlcp:scormtype="sco" href="index.html"/);
    expect(manifest).toContain('<file href="compare.html"/>');
  });

  it('reports the attempt, suspends after two turns and resumes from suspend_data to the end', async () => {
    const { page } = browser;
    await page.goto(`${server.url}player.html`);
    let frame = await packageFrame(page);
    expect(await frame.locator('[data-testid=lms-status]').getAttribute('data-lms')).toBe('recording');
    await startLocked(frame);
    const first = await playFrameTurns(frame, 2);
    await page.evaluate(() => (window as unknown as { __closePackage: () => void }).__closePackage());
    await page.waitForFunction(() => (window as unknown as { __lmsCalls: Call[] }).__lmsCalls.some((c) => c.name === 'LMSFinish'));
    const session1 = await calls(page);
    expect(session1[0]).toMatchObject({ name: 'LMSInitialize', result: 'true' });
    expect(session1.filter((c) => c.result === 'false')).toEqual([]);
    expect(sets(session1, 'cmi.core.lesson_status')).toContain('incomplete');
    expect(sets(session1, 'cmi.core.exit')).toEqual(['suspend']);
    expect(session1.at(-1)?.name).toBe('LMSFinish');
    const suspend = sets(session1, 'cmi.suspend_data').at(-1)!;
    expect(suspend.length).toBeLessThanOrEqual(SUSPEND_LIMIT);
    // A locked package keeps only the seed, the intents and a hash.
    expect([...new URLSearchParams(suspend).keys()].sort()).toEqual(['h', 'i', 's', 'v']);
    expect(decodeSuspend(suspend)).toMatchObject({ seed: SEED, intents: first });
    const ids1 = sets(session1, /^cmi\.interactions\.\d+\.id$/);

    // A new session of the same attempt, on a machine that kept nothing.
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${server.url}player.html?suspend=${encodeURIComponent(suspend)}`);
    frame = await packageFrame(page);
    await frame.waitForSelector('[data-screen=crisis]');
    expect(Number(await frame.locator('[data-testid=end-turn]').getAttribute('data-turn'))).toBe(3);
    expect(await frame.locator('[data-testid=lms-status]').textContent()).toBe('Recorded by your course');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(DOCS_IMG, 'scorm-in-lms.png') });
    const rest = await playFrameTurns(frame);
    await frame.click('[data-testid=to-debrief]');
    await frame.waitForSelector('[data-screen=debrief]');
    expect(await frame.locator('[data-testid=lms-status]').textContent()).toContain('Your course records this game');
    // The outcome log is still exported from inside the package, and Node replays it to the same bytes.
    const [download] = await Promise.all([page.waitForEvent('download'), frame.click('[data-testid=export]')]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(firstDifference(text, nodeLog(loadScenario(SCENARIO), RULES, SEED, [...first, ...rest]))).toBeNull();
    const log = JSON.parse(text) as { summary: { score: number; decisions: { turn: number; rule: string }[] } };

    await page.evaluate(() => (window as unknown as { __closePackage: () => void }).__closePackage());
    await page.waitForFunction(() => (window as unknown as { __lmsCalls: Call[] }).__lmsCalls.some((c) => c.name === 'LMSFinish'));
    const session2 = await calls(page);
    expect(session2.filter((c) => c.result === 'false')).toEqual([]);
    expect(session2[0]).toMatchObject({ name: 'LMSInitialize', result: 'true' });
    expect(sets(session2, 'cmi.core.lesson_status').at(-1)).toBe('completed');
    expect(sets(session2, 'cmi.core.score.raw')).toEqual([String(log.summary.score)]);
    expect(sets(session2, 'cmi.core.score.max')).toEqual(['100']);
    expect(sets(session2, 'cmi.core.exit')).toEqual(['']);
    expect(session2.at(-1)?.name).toBe('LMSFinish');
    // One interaction per alliance decision over both sessions, none twice.
    const ids2 = sets(session2, /^cmi\.interactions\.\d+\.id$/);
    expect(ids1.length + ids2.length).toBe(log.summary.decisions.length);
    expect(new Set([...ids1, ...ids2]).size).toBe(log.summary.decisions.length);
    const responses = sets(session2, /^cmi\.interactions\.\d+\.student_response$/);
    expect(responses.every((r) => / under [A-Z]+\d/.test(r))).toBe(true);
    for (const s of sets(session2, 'cmi.suspend_data')) expect(s.length).toBeLessThanOrEqual(SUSPEND_LIMIT);
    expect(await page.evaluate(() => (window as unknown as { __lmsRuntime: { cmi: { interactions: { childArray: unknown[] } } } }).__lmsRuntime.cmi.interactions.childArray.length)).toBe(ids2.length);
  });

  it('opened outside an LMS, plays on and says that results are not being recorded', async () => {
    const { page } = browser;
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${server.url}pkg/index.html`);
    await page.waitForSelector('[data-screen=start]');
    const status = page.locator('[data-testid=lms-status]');
    expect(await status.getAttribute('data-lms')).toBe('absent');
    expect(await status.textContent()).toContain('Results are not being recorded');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(DOCS_IMG, 'scorm-not-recorded.png') });
    await page.selectOption('[data-focus=lang]', 'ru');
    await page.waitForFunction(() => document.querySelector('[data-testid=lms-status]')?.textContent?.startsWith('Результаты не записываются'));
    await page.selectOption('[data-focus=lang]', 'kk');
    await page.waitForFunction(() => document.querySelector('[data-testid=lms-status]')?.textContent?.startsWith('Нәтижелер жазылмайды'));
    await page.selectOption('[data-focus=lang]', 'en');
    const frameless = page.mainFrame();
    await startLocked(frameless);
    expect(await playFrameTurns(frameless, 1)).toHaveLength(1);
    expect(await page.locator('[data-testid=lms-status]').textContent()).toBe('Results are not being recorded');
  });

  it('with a runtime that fails, plays on and names the failure', async () => {
    const { page } = browser;
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${server.url}player.html?broken=1`);
    const frame = await packageFrame(page);
    const status = frame.locator('[data-testid=lms-status]');
    expect(await status.getAttribute('data-lms')).toBe('failed');
    expect(await status.textContent()).toContain('LMSInitialize failed (error 101: General exception)');
    await startLocked(frame);
    expect(await playFrameTurns(frame, 1)).toHaveLength(1);
    expect(browser.errors).toEqual([]);
  });
});
