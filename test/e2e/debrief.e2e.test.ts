// The tutorial and the debrief as a class meets them: the guide through one objection under each
// rule set (five days in every seed), the indicator band of a reviewed turn, the charts' marks of
// key decisions, the replay's first divergence agreeing with `crisis-lab compare` on the exported
// pair, and no accessibility violation on the debrief in any language.
import { describe, expect, inject, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, onScreen, tabTo, browserPerBlock } from './browser';
import { currentTurn, startGame } from './play';
import { axeViolations } from './axe';

const baseUrl = inject('baseUrl');

/** Ticks the given requests (when the rules offer them now) and ends the turn, with the keyboard. */
async function playTurn(page: Page, intents: string[]): Promise<void> {
  const turn = await currentTurn(page);
  for (const intent of intents) {
    if (await page.locator(`input[data-intent="${intent}"]`).isDisabled()) continue;
    await tabTo(page, `input[data-intent="${intent}"]`);
    await page.keyboard.press('Space');
  }
  await tabTo(page, '[data-testid=end-turn]');
  await page.keyboard.press('Enter');
  await page.waitForFunction((t) => document.querySelector('[data-testid=end-turn]')?.getAttribute('data-turn') !== String(t), turn);
}

/** Plays the tutorial as its guide says (consult on day 1, counter-terrorism on day 2); returns
 * the objection the guide reported and the number of turns played. */
async function playTutorial(page: Page): Promise<{ outcome: string | null; rule: string | null; text: string; turns: number }> {
  let seen: { outcome: string | null; rule: string | null; text: string } | null = null;
  const look = async () => {
    const objection = page.locator('[data-testid=tutorial-objection]');
    if (!seen && (await objection.count()) > 0) seen = { outcome: await objection.getAttribute('data-outcome'), rule: await objection.getAttribute('data-rule'), text: (await objection.textContent()) ?? '' };
  };
  let turns = 0;
  await look();
  while ((await page.locator('[data-testid=to-debrief]').count()) === 0) {
    const turn = (await currentTurn(page)) ?? 0;
    turns += 1;
    await playTurn(page, turn === 1 ? ['consult'] : turn === 2 ? ['ct-cooperation'] : []);
    await look();
  }
  return { ...(seen ?? { outcome: null, rule: null, text: '' }), turns };
}

describe('the tutorial and the debrief', () => {
  const browser = browserPerBlock();

  it('under NATO rules: the guide, a reviewed turn’s band, marks, and the divergence crisis-lab compare finds (issue 11.1, 11.6, 11.7)', async () => {
    const { page } = browser;
    await startGame(page, baseUrl, 'tutorial', 'nato', '11');
    expect(await page.locator('[data-testid=tutorial-step]').textContent()).toContain('Day 1');
    await playTurn(page, ['consult']);
    const bandAfterOne = await page.locator('header.band').innerText();
    expect(await page.locator('[data-testid=tutorial-step]').textContent()).toContain('counter-terrorism cooperation');
    await playTurn(page, ['ct-cooperation']);
    // Reviewing turn 1 shows turn 1's indicators, not the latest.
    await page.click('[data-focus=chip-1]');
    expect(await page.locator('header.band').getAttribute('data-turn')).toBe('1');
    expect(await page.locator('header.band').innerText()).toBe(bandAfterOne);
    await page.click('[data-focus=chip-1]');
    expect(await page.locator('header.band').getAttribute('data-turn')).toBe('2');

    const rest = await playTutorial(page);
    expect(rest.turns + 2).toBe(5);
    // Sweden's objection blocked the Council under NATO rules; the guide said so when it happened.
    expect(rest.outcome).toBe('blocked');
    expect(rest.rule).toBe('N2');
    expect(rest.text).toContain('Sweden objected');
    await page.click('[data-testid=to-debrief]');
    await onScreen(page, 'debrief');
    expect(await page.locator('.decision-list [data-decision="ct-coordination"].blocked').count()).toBe(1);

    // Marks: the two requests, the block.
    const chart = page.locator('[data-chart=cohesion]');
    expect(await chart.locator('[data-mark=request]').evaluateAll((ms) => ms.map((m) => m.getAttribute('data-turn')))).toEqual(['1', '2']);
    expect(await chart.locator('[data-mark=blocked]').count()).toBe(1);
    expect(await page.locator('[data-testid=chart-marks] li').count()).toBe(4);
    expect(await chart.locator('figcaption').textContent()).toContain('united');
    expect(await page.locator('[data-testid=score-help]').textContent()).toContain('0 to 100');

    // The replay under SCO rules, and the pair exported for crisis-lab compare.
    await page.selectOption('[data-testid=replay-rules]', 'sco');
    await page.click('[data-testid=replay]');
    const divergence = await page.locator('[data-testid=divergence]').getAttribute('data-turn');
    const dir = mkdtempSync(join(tmpdir(), 'crisis-lab-pair-'));
    try {
      const downloads: string[] = [];
      page.on('download', (d) => void d.saveAs(join(dir, d.suggestedFilename())).then(() => downloads.push(d.suggestedFilename())));
      await page.click('[data-testid=export-pair]');
      await page.waitForFunction(() => document.querySelector('[data-testid=export-status]')?.textContent?.includes(' and '));
      await expect.poll(() => downloads.length, { timeout: 20_000 }).toBe(2);
      expect(downloads.some((n) => n.includes('_nato_seed-11_'))).toBe(true);
      expect(downloads.some((n) => n.includes('_sco_seed-11_'))).toBe(true);
      const compare = spawnSync(process.execPath, [join(ROOT, 'bin/crisis-lab.mjs'), 'compare', dir, '--json'], { encoding: 'utf8', cwd: ROOT });
      expect(compare.status, compare.stderr).toBe(0);
      const report = JSON.parse(compare.stdout) as { pairs: { firstDivergentTurn: number | null }[] };
      expect(report.pairs).toHaveLength(1);
      expect(String(report.pairs[0]!.firstDivergentTurn ?? '')).toBe(divergence ?? '');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    // No accessibility violation on the debrief, with the comparison open, in any language.
    for (const lang of ['en', 'ru', 'kk']) {
      await page.selectOption('[data-focus=lang]', lang);
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      await page.waitForSelector('[data-testid=comparison]');
      expect(await axeViolations(page), `debrief in ${lang}`).toEqual([]);
    }
    await page.selectOption('[data-focus=lang]', 'en');
    expect(browser.errors).toEqual([]);
  }, 400_000);

  it('under SCO rules, in Russian: the same objection leaves only the objector out, on day five at the latest', async () => {
    const { page } = browser;
    await tabTo(page, '[data-testid=new-game]');
    await page.keyboard.press('Enter');
    await onScreen(page, 'start');
    await page.selectOption('[data-focus=lang]', 'ru');
    await page.waitForFunction(() => document.documentElement.lang === 'ru');
    await startGame(page, baseUrl, 'tutorial', 'sco', '2');
    expect(await page.locator('[data-testid=tutorial-guide] h2').textContent()).toBe('Обучение');
    const played = await playTutorial(page);
    expect(played.turns).toBe(5);
    await page.click('[data-testid=to-debrief]');
    await onScreen(page, 'debrief');
    // Decided by RATS with the willing member states: S7, Sweden named as the objector.
    const decision = page.locator('.decision-list [data-decision="ct-coordination"]');
    expect(await decision.count()).toBe(1);
    expect(await decision.textContent()).toContain('S7');
    if (played.outcome !== null) {
      expect(played.outcome).toBe('subset');
      expect(played.rule).toBe('S7');
      expect(played.text).toContain('Швеция: возражение');
    }
    await page.selectOption('[data-focus=lang]', 'en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(browser.errors).toEqual([]);
  });
});
