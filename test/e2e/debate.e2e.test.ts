// The debate in the game: an assignment link fixes a reading of the research (a parameter pack);
// the game keeps it through a reload, the debrief names it, says on whose terms the crisis ended
// and shows what research says in the reader's language, and the outcome log records the pack.
import { describe, expect, inject, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createLog, logText, replayIntents, type OutcomeLog } from '../../src/engine/index';
import { en } from '../../src/ui-kit/i18n/en';
import { ru } from '../../src/ui-kit/i18n/ru';
import { kk } from '../../src/ui-kit/i18n/kk';
import { ROOT, onScreen, screenshot, browserPerBlock } from './browser';
import { finishAndExport, firstDifference, loadScenario, playTurns, openStart, playFromStart } from './play';

const baseUrl = inject('baseUrl');
const LINK = '?scenario=tutorial&rules=nato&seed=1&pack=sceptic&lock=1';
const DEBATES = ['institutions', 'entrapment', 'moral-hazard'];

describe('the debate in the game', () => {
  const browser = browserPerBlock();

  it('plays a locked pack from the link to the debrief, where research speaks in the reader’s language', async () => {
    const { page } = browser;
    await openStart(page, `${baseUrl}${LINK}`);
    // The link's pack is chosen and fixed; each pack explains itself in a line.
    const packs = page.locator('[data-testid=pack]');
    expect(await packs.locator('input[name=pack][value=sceptic]').isChecked()).toBe(true);
    for (const other of ['baseline', 'study', 'realist']) expect(await packs.locator(`input[name=pack][value=${other}]`).isDisabled()).toBe(true);
    expect(await packs.locator('label[data-pack=sceptic]').textContent()).toContain(en['pack.sceptic.about']);
    expect(await packs.locator('label[data-pack=baseline]').textContent()).toContain(`${en['pack.baseline']} (${en['pack.default']})`);

    await playFromStart(page);
    await page.waitForSelector('[data-testid=begin]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=begin]', { state: 'detached' });
    const intents = await playTurns(page, 1);

    // A reload resumes the saved game: its pack is the link's, so the link still matches it.
    await page.reload();
    await onScreen(page, 'crisis');
    intents.push(...(await playTurns(page)));
    const { path, text } = await finishAndExport(page, 'outcome-debate.json');

    // The log records the pack and is the log Node writes for the same game under that pack.
    const log = JSON.parse(text) as OutcomeLog;
    expect(log.pack).toBe('sceptic');
    expect(log.summary.pack).toBe('sceptic');
    const node = logText(createLog(replayIntents(loadScenario('tutorial'), 'nato', '1', intents, { pack: 'sceptic' })));
    expect(firstDifference(text, node)).toBeNull();
    const verify = spawnSync(process.execPath, [join(ROOT, 'bin/crisis-lab.mjs'), 'verify', path], { cwd: ROOT, encoding: 'utf8' });
    expect(verify.status, verify.stderr + verify.stdout).toBe(0);

    // The result says on whose terms the crisis ended; the header names the pack.
    const terms = log.summary.terms;
    expect(terms).not.toBeNull();
    const result = page.locator('[data-testid=result]');
    expect(await result.getAttribute('data-terms')).toBe(terms);
    expect(await result.textContent()).toContain(en[`terms.${terms!}`]);
    expect(await page.locator('[data-testid=played-pack]').textContent()).toBe(`Reading of the research: ${en['pack.sceptic']}`);

    // What research says: three questions, each with the study's reading and the other one,
    // and what it meant in this game; the pack played is named.
    const panel = page.locator('[data-testid=research]');
    expect(await panel.locator('[data-testid=research-heading]').textContent()).toBe(en['research.heading']);
    expect(await panel.locator('article.debate').evaluateAll((list) => list.map((a) => a.getAttribute('data-debate')))).toEqual(DEBATES);
    expect(await panel.locator('.reading.study h4').allTextContents()).toEqual(Array(3).fill(en['research.study']));
    expect(await panel.locator('.reading.other h4').allTextContents()).toEqual(['Leeds & Anac 2005', 'Beckley 2015; Kim 2011', 'Benson 2012']);
    expect(await panel.locator('.in-game').count()).toBe(3);
    expect(await panel.locator('[data-testid=research-pack]').textContent()).toContain(`“${en['pack.sceptic']}”`);
    // The sceptic pack reads institutions and entrapment as Leeds & Anac, Beckley and Kim do:
    // the study's pack is the other reading of both.
    expect(await panel.locator('article.debate').evaluateAll((list) => list.map((a) => a.getAttribute('data-other-pack')))).toEqual(['study', 'study', 'realist']);
    const entrapment = (await panel.locator('article[data-debate=entrapment] .in-game').textContent()) ?? '';
    const figure = (name: 'entrapment' | 'autonomy') => `${Math.round(log.summary[name] * 100)}\u00a0%`;
    expect(entrapment).toContain(`${figure('entrapment')} entrapment and ${figure('autonomy')} autonomy`);
    await page.waitForTimeout(300);
    await screenshot(page, 'debrief-research');

    // Its sources open in a dialog that Escape closes, returning focus to the button.
    await page.click('[data-testid=research-sources]');
    await page.waitForSelector('[data-testid=sources]');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('sources-close');
    expect(await page.locator('[data-testid=sources] .cite').count()).toBe(5);
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=sources]', { state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('research-sources');

    // In Russian, then in Kazakh: the heading, the pack's name and the terms change language.
    for (const [lang, dict] of [['ru', ru], ['kk', kk]] as const) {
      await page.selectOption('[data-testid=language]', lang);
      await page.waitForFunction((heading) => document.querySelector('[data-testid=research-heading]')?.textContent === heading, dict['research.heading']);
      expect(await panel.locator('[data-testid=research-pack]').textContent()).toContain(`«${dict['pack.sceptic']}»`);
      expect(await page.locator('[data-testid=played-pack]').textContent()).toContain(dict['pack.sceptic']);
      expect(await result.textContent()).toContain(dict[`terms.${terms!}`]);
      expect(await panel.locator('article.debate h3').allTextContents()).toEqual([dict['research.institutions.title'], dict['research.entrapment.title'], dict['research.moralHazard.title']]);
      await screenshot(page, `debrief-research-${lang}`);
    }
    expect(browser.errors).toEqual([]);
  });

  it('offers a link’s pack without fixing it, and says when a link names no known pack', async () => {
    const { page } = browser;
    await page.evaluate(() => localStorage.clear());
    await openStart(page, `${baseUrl}?scenario=tutorial&rules=nato&seed=1&pack=realist`);
    await page.selectOption('[data-testid=language]', 'en');
    const packs = page.locator('[data-testid=pack]');
    expect(await packs.locator('input[name=pack][value=realist]').isChecked()).toBe(true);
    expect(await packs.locator('input[name=pack][value=study]').isEnabled()).toBe(true);
    await packs.locator('input[name=pack][value=study]').check();
    expect(await packs.locator('input[name=pack][value=study]').isChecked()).toBe(true);

    await openStart(page, `${baseUrl}?scenario=tutorial&rules=nato&seed=1&pack=optimist&lock=1`);
    expect(await packs.locator('[role=alert]').textContent()).toContain('“optimist”');
    // The scenario's pack (here baseline) is played instead, and the student may choose.
    expect(await packs.locator('input[name=pack][value=baseline]').isChecked()).toBe(true);
    expect(await packs.locator('input[name=pack][value=sceptic]').isEnabled()).toBe(true);
    expect(browser.errors).toEqual([]);
  });
});
