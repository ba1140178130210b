// Nothing lost: a reload in the middle of a game resumes it, and the finished game's log equals
// the log of the same game played without interruption (and the log Node writes).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { onScreen, openBrowser, tabTo, type Browser } from './browser';
import { currentTurn, finishAndExport, firstDifference, loadScenario, nodeLog, playTurns, startGame } from './play';

const baseUrl = inject('baseUrl');
const SCENARIO = 'ambiguous-drone';
// A seed whose game lasts eight turns under the SCO's rules with the test player's choices, so
// that it can be interrupted after two (the engine of the parameter packs ends seed 3 sooner).
const SEED = '4';

describe('saving and resuming', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

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
  });

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
    await page.goto(baseUrl);
    await onScreen(page, 'start');
    expect(await page.locator('[data-testid=saved-notice]').textContent()).toContain('could not be restored');
    expect(await page.locator('[data-testid=resume]').count()).toBe(0);
    expect(await page.evaluate(() => localStorage.getItem('crisis-lab.game'))).toBeNull();
    expect(browser.errors).toEqual([]);
  });
});
