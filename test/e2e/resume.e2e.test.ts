// Nothing lost: a reload in the middle of a game resumes it, and the finished game's log equals
// the log of the same game played without interruption (and the log Node writes).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { onScreen, openBrowser, tabTo, type Browser } from './browser';
import { currentTurn, finishAndExport, firstDifference, loadScenario, nodeLog, playTurns, startGame } from './play';

const baseUrl = inject('baseUrl');
const SCENARIO = 'ambiguous-drone';
const SEED = 'resume-7';

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
});
