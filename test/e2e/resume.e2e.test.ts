// Nothing lost: a reload in the middle of a game resumes it, and the finished game's log equals
// the log of the same game played without interruption (and the log Node writes).
import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENGINE_VERSION } from '../../src/engine/index';
import { RESULTS, onScreen, tabTo, browserPerBlock } from './browser';
import { currentTurn, finishAndExport, firstDifference, loadScenario, nodeLog, playTurns, startGame, openStart } from './play';

const baseUrl = inject('baseUrl');
const SCENARIO = 'ambiguous-drone';
// A seed whose game lasts eight turns under the SCO's rules with the test player's choices, so
// that it can be interrupted after two (the engine of the parameter packs ends seed 3 sooner).
const SEED = '4';

describe('saving and resuming', () => {
  const browser = browserPerBlock();

  it('resumes after a reload and ends with the same log as an uninterrupted game', async () => {
    const { page } = browser;
    await startGame(page, baseUrl, SCENARIO, 'sco', SEED);
    const before = await playTurns(page, 2);
    const turnBefore = await currentTurn(page);
    expect(turnBefore).toBe(3);

    await page.reload();
    await onScreen(page, 'crisis');
    expect(await currentTurn(page)).toBe(turnBefore);
    const after = await playTurns(page);
    const resumed = await finishAndExport(page, 'outcome-resumed.json');

    // The same game again, from a fresh start, without a reload.
    await tabTo(page, '[data-testid=new-game]');
    await page.keyboard.press('Enter');
    await startGame(page, baseUrl, SCENARIO, 'sco', SEED);
    const straight = await playTurns(page);
    const uninterrupted = await finishAndExport(page, 'outcome-uninterrupted.json');

    expect(straight).toEqual([...before, ...after]);
    expect(firstDifference(resumed.text, uninterrupted.text)).toBeNull();
    expect(firstDifference(resumed.text, nodeLog(loadScenario(SCENARIO), 'sco', SEED, straight))).toBeNull();
    expect(browser.errors).toEqual([]);
    // Two games of eight turns by keyboard: slow on a shared two-core machine.
  }, 400_000);

  it('replays a game the previous engine saved, and drops one it cannot read, saying so', async () => {
    const { page } = browser;
    // The previous engine's shape: a format-1 scenario, rules 'nato', no features, no snapshot.
    const scenario = { ...loadScenario(SCENARIO), formatVersion: 1, ruleSets: undefined };
    // A seed whose game goes on after those two turns under the current engine.
    const old = { v: 1, engine: '0.1.0', player: 'Old save', locked: false, game: { scenario, rules: 'nato', seed: 'old-3', turn: 3, turns: [{ turn: 1, intents: ['consult'] }, { turn: 2, intents: [] }], result: null } };
    await page.evaluate((data) => localStorage.setItem('crisis-lab.game', JSON.stringify(data)), old);
    await page.goto(baseUrl);
    await onScreen(page, 'crisis');
    expect(await currentTurn(page)).toBe(3);
    expect(await page.locator('[data-testid=rule-set]').textContent()).toBe('NATO rules');
    await page.click('[data-focus=menu]');
    await onScreen(page, 'start');
    expect(await page.locator('[data-testid=saved-notice]').textContent()).toContain('replayed');
    expect(await page.locator('[data-testid=resume]').count()).toBe(1);

    // A save whose scenario is gone: the start screen opens, says so, and offers no resume.
    await page.evaluate((data) => localStorage.setItem('crisis-lab.game', JSON.stringify({ ...data, game: { ...data.game, scenario: undefined } })), old);
    await openStart(page, baseUrl);
    expect(await page.locator('[data-testid=saved-notice]').textContent()).toContain('could not be restored');
    expect(await page.locator('[data-testid=resume]').count()).toBe(0);
    expect(await page.evaluate(() => localStorage.getItem('crisis-lab.game'))).toBeNull();
    expect(browser.errors).toEqual([]);
  });
});

describe('a save never bricks the game (issue 14.3)', () => {
  const browser = browserPerBlock();

  it('sets aside a save of the right version with an empty game, keeps its text for download, and an assignment link still plays', async () => {
    const { page } = browser;
    await openStart(page, baseUrl);
    const raw = JSON.stringify({ v: 1, engine: ENGINE_VERSION, game: {} });
    await page.evaluate((text) => localStorage.setItem('crisis-lab.game', text), raw);
    await openStart(page, `${baseUrl}?scenario=tutorial&rules=sco&seed=3&lock=1`);
    const notice = page.locator('[data-testid=saved-notice]');
    expect(await notice.getAttribute('data-reason')).toBe('incomplete');
    expect(await notice.textContent()).toContain('could not be restored');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-damaged]')]);
    const path = join(RESULTS, 'damaged-save.json');
    await download.saveAs(path);
    expect(readFileSync(path, 'utf8')).toBe(raw);
    expect(await page.evaluate(() => localStorage.getItem('crisis-lab.game.set-aside'))).toBe(raw);
    await page.click('[data-testid=play]');
    await onScreen(page, 'crisis');
    // And in Russian, the reason in Russian.
    await page.evaluate((text) => {
      localStorage.setItem('crisis-lab.game', text);
      localStorage.setItem('crisis-lab.language', 'ru');
    }, '{"v":1,"game":');
    await openStart(page, baseUrl);
    expect(await page.locator('[data-testid=saved-notice]').textContent()).toContain('не является сохранённой игрой');
    await page.evaluate(() => localStorage.setItem('crisis-lab.language', 'en'));
    expect(browser.errors).toEqual([]);
  });

  it('tells the player when the storage is full and offers the log to export', async () => {
    const { page } = browser;
    await openStart(page, baseUrl);
    await page.evaluate(() => localStorage.removeItem('crisis-lab.game'));
    await startGame(page, baseUrl, SCENARIO, 'sco', SEED);
    await playTurns(page, 1);
    // The browser's storage fills up: every write now fails as a full quota does.
    await page.evaluate(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await playTurns(page, 1);
    const alert = page.locator('[data-testid=save-problem]');
    expect(await alert.getAttribute('data-problem')).toBe('quota');
    expect(await alert.textContent()).toContain('storage is full');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=save-problem-export]')]);
    const path = join(RESULTS, 'quota-export.json');
    await download.saveAs(path);
    const log = JSON.parse(readFileSync(path, 'utf8')) as { turns: unknown[] };
    expect(log.turns).toHaveLength(2);
    expect(browser.errors).toEqual([]);
  });

  it('lets one tab play a game: a second tab says it is open elsewhere and can take it over', async () => {
    const { page, context } = browser;
    await page.evaluate(() => localStorage.removeItem('crisis-lab.game'));
    await startGame(page, baseUrl, SCENARIO, 'sco', SEED);
    await playTurns(page, 1);
    const second = await context.newPage();
    try {
      await second.goto(baseUrl);
      await second.waitForSelector('[data-screen=elsewhere]');
      expect(await second.locator('[data-screen=elsewhere] h2').textContent()).toBe('The game is open in another tab');
      // The first tab plays on and saves.
      await playTurns(page, 1);
      await second.click('[data-testid=take-over]');
      await onScreen(second, 'crisis');
      expect(await currentTurn(second)).toBe(3);
      // The first tab gave the game up: it no longer plays or saves.
      await page.waitForSelector('[data-screen=elsewhere]');
      await playTurns(second, 1);
      expect(await currentTurn(second)).toBe(4);
    } finally {
      await second.close();
    }
    expect(browser.errors).toEqual([]);
  });
});
