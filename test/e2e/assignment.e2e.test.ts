// An assignment link fixes scenario, rules and seed; the language choice is remembered.
import { describe, expect, inject, it } from 'vitest';
import { onScreen, browserPerBlock } from './browser';
import { openStart, playFromStart } from './play';
import { createServer, type AddressInfo, type Socket } from 'node:net';

const baseUrl = inject('baseUrl');

describe('assignment links and language', () => {
  const browser = browserPerBlock({ width: 1024, height: 768 });

  it('opens the assigned game with its choices fixed', async () => {
    const { page } = browser;
    await openStart(page, `${baseUrl}?scenario=terror-attack-member&rules=sco&seed=42&lock=1`);
    expect(await page.locator('.scenario-item').count()).toBe(1);
    expect(await page.locator('input[name=rules][value=sco]').isChecked()).toBe(true);
    expect(await page.locator('input[name=rules][value=nato]').isDisabled()).toBe(true);
    expect(await page.locator('[data-focus=seed]').inputValue()).toBe('42');
    expect(await page.locator('[data-focus=seed]').isDisabled()).toBe(true);
    await playFromStart(page);
    // SCO terms for the same intents.
    expect(await page.locator('[data-testid=intents]').textContent()).toContain('RATS');
  });

  it('fetches an assigned scenario from a URL', async () => {
    const { page } = browser;
    // global-setup puts a copy of the tutorial next to the built site, as an instructor would.
    await openStart(page, `${baseUrl}?scenario=${encodeURIComponent('assigned/tutorial-copy.yaml')}&rules=nato&seed=9&lock=1`);
    expect(await page.locator('.scenario-item').count()).toBe(1);
    expect(await page.locator('.scenario-item .title').textContent()).toContain('Tutorial');
    await playFromStart(page);
    expect(await page.locator('[data-testid=intents]').textContent()).toContain('Article 4');
  });

  it('fixes a rule set of the instructor’s design from the link', async () => {
    const { page } = browser;
    // The SCO with the CSTO's mutual-defence clause; '+' in a query string is a space, so encode it.
    await openStart(page, `${baseUrl}?scenario=tutorial&rules=${encodeURIComponent('sco+commitment=automatic')}&seed=5&lock=1`);
    expect(await page.locator('input[name=rules][value="sco+commitment=automatic"]').isChecked()).toBe(true);
    expect(await page.locator('input[name=rules][value=sco]').isDisabled()).toBe(true);
    await playFromStart(page);
    expect(await page.locator('[data-testid=rule-set]').textContent()).toBe('SCO rules, changed: Defence commitment = automatic');
    expect(await page.locator('label[data-procedure]').allTextContents()).toContain('Seek collective defence under Article 4 of the Collective Security Treaty');
  });

  it('says why a rule set in a link cannot be used, and offers the scenario’s', async () => {
    const { page } = browser;
    await openStart(page, `${baseUrl}?scenario=tutorial&rules=${encodeURIComponent('nato+decisionRule=majority')}&seed=5`);
    expect(await page.locator('[data-testid=rules] [role=alert]').textContent()).toContain('needs a body that votes');
    expect(await page.locator('[data-testid=play]').isEnabled()).toBe(true);
  });

  it('switches to Kazakh and remembers it after a reload', async () => {
    const { page } = browser;
    await openStart(page, `${baseUrl}?scenario=${encodeURIComponent('assigned/tutorial-copy.yaml')}&rules=nato&seed=9&lock=1`);
    await playFromStart(page);
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

describe('assignment links that fail (issue 11.9, 14.4)', () => {
  const browser = browserPerBlock();

  it('says "not found" with the address of a missing scenario file, in English and in Kazakh', async () => {
    const { page } = browser;
    await openStart(page, `${baseUrl}?scenario=${encodeURIComponent('assigned/no-such-file.yaml')}&rules=nato&seed=1&lock=1`);
    const error = page.locator('[data-testid=load-error]');
    expect(await error.textContent()).toContain('was not found at');
    expect(await error.textContent()).toContain(new URL('assigned/no-such-file.yaml', baseUrl).href);
    expect(await error.textContent()).not.toMatch(/YAML|line \d/);
    // The menu is there: the shipped scenarios can be played.
    expect(await page.locator('.scenario-item').count()).toBeGreaterThan(1);
    await page.selectOption('[data-focus=lang]', 'kk');
    await page.reload();
    await onScreen(page, 'start');
    expect(await page.locator('[data-testid=load-error]').textContent()).toContain('мекенжайында табылмады');
    await page.selectOption('[data-focus=lang]', 'en');
    expect(browser.errors.filter((e) => !e.includes('404'))).toEqual([]);
  });

  it('shows where it is waiting for a server that never answers, with a way back to the menu', async () => {
    const { page } = browser;
    // A server that takes the connection and never answers (another origin: no service worker
    // or test route stands in between).
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/tutorial.yaml`;
    try {
      await page.goto(`${baseUrl}?scenario=${encodeURIComponent(url)}&rules=nato&seed=1&lock=1`);
      await page.waitForSelector('[data-screen=loading]');
      expect(await page.locator('[data-testid=assignment-loading]').textContent()).toContain(url);
      await page.click('[data-testid=back-to-menu]');
      await onScreen(page, 'start');
      expect(await page.locator('.scenario-item').count()).toBeGreaterThan(1);
      expect(page.url()).not.toContain('scenario=');
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
    expect(browser.errors.filter((e) => !/Failed to fetch|ERR_/.test(e))).toEqual([]);
  });
});
