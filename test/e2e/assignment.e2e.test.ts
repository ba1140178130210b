// An assignment link fixes scenario, rules and seed; the language choice is remembered.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { onScreen, openBrowser, type Browser } from './browser';

const baseUrl = inject('baseUrl');

describe('assignment links and language', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await openBrowser({ width: 1024, height: 768 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens the assigned game with its choices fixed', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}?scenario=terror-attack-member&rules=sco&seed=42&lock=1`);
    await onScreen(page, 'start');
    expect(await page.locator('.scenario-item').count()).toBe(1);
    expect(await page.locator('input[name=rules][value=sco]').isChecked()).toBe(true);
    expect(await page.locator('input[name=rules][value=nato]').isDisabled()).toBe(true);
    expect(await page.locator('[data-focus=seed]').inputValue()).toBe('42');
    expect(await page.locator('[data-focus=seed]').isDisabled()).toBe(true);
    await page.click('[data-testid=play]');
    await onScreen(page, 'crisis');
    // SCO terms for the same intents.
    expect(await page.locator('[data-testid=intents]').textContent()).toContain('RATS');
  });

  it('fetches an assigned scenario from a URL', async () => {
    const { page } = browser;
    // global-setup puts a copy of the tutorial next to the built site, as an instructor would.
    await page.goto(`${baseUrl}?scenario=${encodeURIComponent('assigned/tutorial-copy.yaml')}&rules=nato&seed=9&lock=1`);
    await onScreen(page, 'start');
    expect(await page.locator('.scenario-item').count()).toBe(1);
    expect(await page.locator('.scenario-item .title').textContent()).toContain('Tutorial');
    await page.click('[data-testid=play]');
    await onScreen(page, 'crisis');
    expect(await page.locator('[data-testid=intents]').textContent()).toContain('Article 4');
  });

  it('fixes a rule set of the instructor’s design from the link', async () => {
    const { page } = browser;
    // The SCO with the CSTO's mutual-defence clause; '+' in a query string is a space, so encode it.
    await page.goto(`${baseUrl}?scenario=tutorial&rules=${encodeURIComponent('sco+commitment=automatic')}&seed=5&lock=1`);
    await onScreen(page, 'start');
    expect(await page.locator('input[name=rules][value="sco+commitment=automatic"]').isChecked()).toBe(true);
    expect(await page.locator('input[name=rules][value=sco]').isDisabled()).toBe(true);
    await page.click('[data-testid=play]');
    await onScreen(page, 'crisis');
    expect(await page.locator('[data-testid=rule-set]').textContent()).toBe('SCO rules, changed: Defence commitment = automatic');
    expect(await page.locator('label[data-procedure]').allTextContents()).toContain('Seek collective defence under Article 4 of the Collective Security Treaty');
  });

  it('says why a rule set in a link cannot be used, and offers the scenario’s', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}?scenario=tutorial&rules=${encodeURIComponent('nato+decisionRule=majority')}&seed=5`);
    await onScreen(page, 'start');
    expect(await page.locator('[data-testid=rules] [role=alert]').textContent()).toContain('needs a body that votes');
    expect(await page.locator('[data-testid=play]').isEnabled()).toBe(true);
  });

  it('switches to Kazakh and remembers it after a reload', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}?scenario=${encodeURIComponent('assigned/tutorial-copy.yaml')}&rules=nato&seed=9&lock=1`);
    await onScreen(page, 'start');
    await page.click('[data-testid=play]');
    await onScreen(page, 'crisis');
    await page.selectOption('[data-focus=lang]', 'kk');
    // The screen redraws once the Kazakh letters' font faces are in.
    await page.waitForFunction(() => document.querySelector('[data-testid=end-turn]')?.textContent?.includes('жүрісті аяқтау'));
    expect(await page.locator('[data-testid=intents]').textContent()).toContain('4-бап бойынша консультациялар сұрау');
    await page.reload();
    await onScreen(page, 'crisis');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('kk');
    expect(await page.locator('[data-testid=end-turn]').textContent()).toContain('жүрісті аяқтау');
  });
});
