// The rulebook is one click away: a rule id on a decision opens a dialog at that rule, with its
// title, summary and source in the reader's language; Escape closes it and focus goes back.
import { describe, expect, inject, it } from 'vitest';
import { RULEBOOK, type RuleId } from '../../src/engine/index';
import { screenshot, tabTo, browserPerBlock } from './browser';
import { playTurns, startGame } from './play';

const baseUrl = inject('baseUrl');

describe('the rulebook glossary', () => {
  const browser = browserPerBlock();

  it('opens from a decision’s rule id at that rule, shows its summary, and closes with Escape', async () => {
    const { page } = browser;
    await startGame(page, baseUrl, 'tutorial', 'nato', 'rulebook-1');
    const decisionRule = page.locator('[data-testid=news] li[data-decision] button.rule-id');
    for (let turn = 0; turn < 6 && (await decisionRule.count()) === 0; turn += 1) await playTurns(page, 1);
    expect(await decisionRule.count()).toBeGreaterThan(0);

    const link = decisionRule.first();
    const rule = (await link.textContent()) as RuleId;
    const focusKey = (await link.getAttribute('data-focus'))!;
    expect(Object.keys(RULEBOOK)).toContain(rule);
    // From the keyboard: Tab to the rule id, Enter.
    await tabTo(page, `[data-focus="${focusKey}"]`);
    await page.keyboard.press('Enter');

    const dialog = page.locator('[role=dialog][data-testid=glossary]');
    await dialog.waitFor();
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    const entry = dialog.locator(`.glossary-entry.target[data-rule="${rule}"]`);
    expect(await entry.locator('h4').textContent()).toBe(`${rule}${RULEBOOK[rule].title.en}`);
    expect(await entry.locator('.glossary-summary').textContent()).toBe(RULEBOOK[rule].summary.en);
    expect(await entry.locator('.glossary-source').textContent()).toBe(`Source: ${RULEBOOK[rule].source}`);
    // The dialog is scrolled to the rule, which has focus.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-rule'))).toBe(rule);
    const inView = await entry.evaluate((e) => {
      const body = e.closest('.glossary-body')!.getBoundingClientRect();
      const box = e.getBoundingClientRect();
      return box.top >= body.top - 1 && box.top < body.bottom;
    });
    expect(inView).toBe(true);
    // This game's rules first, then every other rule by alliance: each rule once.
    expect(await dialog.locator('.glossary-entry').count()).toBe(Object.keys(RULEBOOK).length);
    expect(await dialog.locator('.glossary-group').evaluateAll((groups) => groups.map((g) => g.getAttribute('data-alliance')))).toEqual(['nato', 'sco', 'csto', 'lab']);
    expect(await dialog.locator('.glossary-body > .glossary-entry[data-rule=N1]').count()).toBe(1);
    await screenshot(page, 'rulebook-glossary');

    // Tab stays inside the dialog.
    for (let i = 0; i < 4; i += 1) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('[role=dialog]') !== null)).toBe(true);
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-focus'))).toBe(focusKey);

    // In Russian, from the procedure chain: the same rules, in Russian.
    await page.selectOption('[data-focus=lang]', 'ru');
    const chainRule = page.locator('.chain button.rule-id').first();
    await chainRule.waitFor();
    const chained = (await chainRule.textContent()) as RuleId;
    await chainRule.click();
    await dialog.waitFor();
    expect(await dialog.locator(`.glossary-entry.target[data-rule="${chained}"] .glossary-summary`).textContent()).toBe(RULEBOOK[chained].summary.ru);
    await dialog.locator('[data-testid=glossary-close]').click();
    await dialog.waitFor({ state: 'detached' });
    await page.selectOption('[data-focus=lang]', 'en');
    expect(browser.errors).toEqual([]);
  });
});
