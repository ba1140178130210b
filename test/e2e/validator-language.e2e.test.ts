// A scenario file's problems on the start screen read in the player's language, field names and
// values as written; a file in another encoding is refused as the command line refuses it.
import { describe, expect, inject, it } from 'vitest';
import { join } from 'node:path';
import { ROOT, browserPerBlock } from './browser';
import { openStart } from './play';

const baseUrl = inject('baseUrl');

describe('validator problems in the game', () => {
  const browser = browserPerBlock();

  it('shows a broken file’s problems in Kazakh, then in English when the language changes', async () => {
    const { page } = browser;
    await openStart(page, baseUrl);
    await page.selectOption('[data-focus=lang]', 'kk');
    await page.setInputFiles('[data-testid=scenario-file]', join(ROOT, 'test/fixtures/scenarios/wrong-type.yaml'));
    const problem = page.locator('.errors li').first();
    await page.waitForFunction(() => document.querySelector('.errors li')?.textContent?.includes('күтіледі'));
    expect(await problem.textContent()).toBe(
      '26-жол, 22-баған: states[0].profile.riskTolerance: сан күтіледі, ал мұнда "high" мәтіні; ең кемі 0, ең көбі 1 болатын сан жазыңыз',
    );
    await page.selectOption('[data-focus=lang]', 'en');
    await page.waitForFunction(() => document.querySelector('.errors li')?.textContent?.includes('expected'));
    // The field path once, not twice: the message already starts with it.
    expect(await problem.textContent()).toBe(
      'line 26, column 22: states[0].profile.riskTolerance: expected a number, got the text "high"; write a number from 0 to 1 (Willingness to accept risk of escalation, 0–1)',
    );
  });

  it('refuses a UTF-16 file with the reason, as the command line does', async () => {
    const { page } = browser;
    await page.setInputFiles('[data-testid=scenario-file]', join(ROOT, 'test/fixtures/scenarios/utf16le.yaml'));
    await page.waitForFunction(() => document.querySelector('.errors li')?.textContent?.includes('UTF-16'));
    expect(await page.locator('.errors li').allTextContents()).toEqual([
      'line 1, column 1: the file is UTF-16 LE text; save it as UTF-8 (with or without a byte-order mark), the only encoding scenario files use',
    ]);
    expect(browser.errors).toEqual([]);
  });
});
