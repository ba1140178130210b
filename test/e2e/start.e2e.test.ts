// The start screen at 1280×800: Start in view without scrolling in every language, the scrollable
// preview reachable by keyboard, no accessibility violation, and a new game over a saved one asks
// first (issue 11.11, 11.12).
import { describe, expect, inject, it } from 'vitest';
import { onScreen, tabTo, browserPerBlock } from './browser';
import { axeViolations } from './axe';
import { currentTurn, playTurns, startGame, openStart } from './play';

const baseUrl = inject('baseUrl');
const LANGUAGES = ['en', 'ru', 'kk'] as const;

describe('the start screen', () => {
  const browser = browserPerBlock({ width: 1280, height: 800 });

  it('shows Start without scrolling, lets the keyboard reach the actor list, and has no axe violation, in each language', async () => {
    const { page } = browser;
    await openStart(page, baseUrl);
    const scenarios = await page.locator('.scenario-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-scenario')!));
    for (const lang of LANGUAGES) {
      await page.selectOption('[data-focus=lang]', lang);
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      for (const id of scenarios) {
        await page.click(`button[data-scenario="${id}"]`);
        // The click scrolled the list into view; the player arrives at the top of the page.
        await page.locator('.start').evaluate((e) => e.scrollTo(0, 0));
        const box = await page.locator('[data-testid=play]').boundingBox();
        expect(box, `${id} in ${lang}`).not.toBeNull();
        expect(box!.y, `${id} in ${lang}`).toBeGreaterThanOrEqual(0);
        expect(box!.y + box!.height, `Start for ${id} in ${lang} is below the fold`).toBeLessThanOrEqual(800);
      }
      await page.click('button[data-scenario="tutorial"]');
      // The actor list scrolls when long: Tab reaches it, so the keyboard can scroll it.
      await tabTo(page, '[data-focus="preview-actors-body"]');
      expect(await axeViolations(page), `start screen in ${lang}`).toEqual([]);
    }
    await page.selectOption('[data-focus=lang]', 'en');
    expect(browser.errors).toEqual([]);
    // Every shipped scenario in three languages, and axe three times: slow on a shared machine.
  }, 400_000);

  it('asks before a new game replaces a saved one under way, and keeps it when told so', async () => {
    const { page } = browser;
    await startGame(page, baseUrl, 'tutorial', 'nato', '5');
    await playTurns(page, 1);
    await page.click('[data-focus=menu]');
    await onScreen(page, 'start');
    await page.click('button[data-scenario="tutorial"]');
    await page.click('[data-testid=play]');
    const dialog = page.locator('[data-testid=confirm-new]');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('turn 2');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('confirm-keep');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.click('[data-testid=resume]');
    await onScreen(page, 'crisis');
    expect(await currentTurn(page)).toBe(2);
    // Confirmed: the new game starts on turn 1.
    await page.click('[data-focus=menu]');
    await onScreen(page, 'start');
    await page.click('[data-testid=play]');
    await page.click('[data-testid=confirm-yes]');
    await onScreen(page, 'crisis');
    expect(await currentTurn(page)).toBe(1);
    expect(browser.errors).toEqual([]);
  });
});
