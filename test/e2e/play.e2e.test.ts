// A student plays a shipped scenario from the start screen to the debrief under each rule set,
// with clicks and keys only, exports the outcome log, and Node replays it to the same bytes.
import { describe, expect, inject, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { PresetId } from '../../src/engine/index';
import { ROOT, screenshot, browserPerBlock } from './browser';
import { finishAndExport, firstDifference, loadScenario, nodeLog, playTurns, startGame, openStart } from './play';

const baseUrl = inject('baseUrl');
const SCENARIO = 'frontier-armed-attack';
const SEED = '42';

describe.each<PresetId>(['nato', 'sco'])('playing %s rules in the browser', (rules) => {
  const browser = browserPerBlock();

  it('goes from the start screen to the debrief and exports a log Node verifies', async () => {
    const { page } = browser;
    await openStart(page, baseUrl);
    expect(await page.locator('.scenario-item').count()).toBeGreaterThanOrEqual(2);
    await page.waitForTimeout(300);
    expect(await screenshot(page, `start-${rules}`)).toBeGreaterThan(8);

    await startGame(page, baseUrl, SCENARIO, rules, SEED);
    // The procedures carry the rule set's own names, each with the rule behind it.
    const consult = page.locator('label[data-procedure]').filter({ hasText: rules === 'nato' ? 'Request consultations under Article 4' : 'extraordinary meeting of the SCO Council of Foreign Ministers' });
    expect(await consult.count()).toBe(1);
    expect(await page.locator('input[data-intent=consult] ~ .rule button.rule-id').textContent()).toBe(rules === 'nato' ? 'N1' : 'S7');

    const intents = await playTurns(page, 2);
    await page.waitForTimeout(400);
    expect(await screenshot(page, `crisis-${rules}`)).toBeGreaterThan(8);
    // Members' positions are drawn on the map and listed in the panel.
    expect(await page.locator('[data-testid=positions] li[data-position]').count()).toBeGreaterThan(0);
    intents.push(...(await playTurns(page)));

    const { path, text } = await finishAndExport(page, `outcome-${rules}.json`);
    await page.waitForTimeout(300);
    expect(await screenshot(page, `debrief-${rules}`)).toBeGreaterThan(8);
    expect(await page.locator('[data-chart]').count()).toBe(7);

    // The browser's log is byte for byte the log Node writes for the same inputs.
    expect(firstDifference(text, nodeLog(loadScenario(SCENARIO), rules, SEED, intents))).toBeNull();
    const verify = spawnSync(process.execPath, [join(ROOT, 'bin/crisis-lab.mjs'), 'verify', path], { cwd: ROOT, encoding: 'utf8' });
    expect(verify.status, verify.stderr + verify.stdout).toBe(0);

    // The counterfactual: the same seed and intents under another preset (the first other one by
    // default), side by side.
    expect(await page.locator('[data-testid=replay-rules]').inputValue()).toBe(rules === 'nato' ? 'sco' : 'nato');
    expect(await page.locator('[data-testid=replay-rules] option').allTextContents()).toEqual(rules === 'nato' ? ['SCO rules', 'CSTO rules'] : ['NATO rules', 'CSTO rules']);
    await page.click('[data-testid=replay]');
    await page.waitForSelector('[data-testid=comparison]');
    expect(await page.locator('[data-testid=divergence]').textContent()).toMatch(/turn \d+|same course/);
    expect(await page.locator('.chart polyline').count()).toBe(14);
    expect(browser.errors).toEqual([]);
    await screenshot(page, `replay-${rules}`);
    expect(browser.errors).toEqual([]);
  });
});
