// A CSTO game: Kyrgyzstan's 2010 request replayed under the Collective Security Treaty, from the
// start screen to the debrief, with the CSTO's procedures, its colour, and a log Node replays.
import { describe, expect, inject, it } from 'vitest';
import { onScreen, screenshot, tabTo, browserPerBlock } from './browser';
import { finishAndExport, firstDifference, loadScenario, nodeLog, playTurns, startGame, playFromStart } from './play';

const baseUrl = inject('baseUrl');
const SCENARIO = 'unrest-request';
const SEED = 'osh-2010';

describe('playing CSTO rules in the browser', () => {
  const browser = browserPerBlock();

  it('plays unrest-request under the CSTO’s rules to the debrief', async () => {
    const { page } = browser;
    await startGame(page, baseUrl, SCENARIO, 'csto', SEED);
    expect(await page.locator('[data-testid=rule-set]').textContent()).toBe('CSTO rules');
    const procedures = await page.locator('label[data-procedure]').allTextContents();
    expect(procedures).toContain('Request consultations under Article 2 of the Collective Security Treaty');
    expect(procedures).toContain('Seek collective defence under Article 4 of the Collective Security Treaty');
    expect(procedures).toContain('Seek a statement of the CSTO Collective Security Council');
    expect(await page.locator('input[data-intent=consult] ~ .rule button.rule-id').textContent()).toBe('C1');

    const intents = await playTurns(page);
    await screenshot(page, 'crisis-csto');
    const { text } = await finishAndExport(page, 'outcome-csto.json');
    expect(firstDifference(text, nodeLog(loadScenario(SCENARIO), 'csto', SEED, intents))).toBeNull();
    expect(JSON.parse(text).rules).toBe('csto');

    expect(await page.locator('[data-testid=rule-set]').textContent()).toContain('CSTO rules');
    expect(await page.locator('[data-chart]').count()).toBe(7);
    // The CSTO's own colour, from the theme.
    expect(await page.locator('[data-chart=escalation] polyline').first().getAttribute('stroke')).toBe('#cc79a7');
    // Replay under the first other preset.
    expect(await page.locator('[data-testid=replay-rules]').inputValue()).toBe('nato');
    await page.click('[data-testid=replay]');
    await page.waitForSelector('[data-testid=comparison]');
    expect(await page.locator('.chart polyline').count()).toBe(14);
    await screenshot(page, 'debrief-csto');
    expect(browser.errors).toEqual([]);
  });

  it('designs a rule set in the lab: an incoherent one cannot start, a coherent one plays', async () => {
    const { page } = browser;
    await tabTo(page, '[data-testid=new-game]');
    await page.keyboard.press('Enter');
    await onScreen(page, 'start');
    await page.click(`button[data-scenario="${SCENARIO}"]`);
    await page.click('input[name=rules][value=sco]');
    await page.click('input[name=rules][value="+lab"]');
    // The lab starts from the rule set chosen: the SCO's features.
    expect(await page.locator('[data-testid=lab-base]').inputValue()).toBe('sco');
    expect(await page.locator('[data-testid=lab-spec]').textContent()).toBe('sco');
    await page.selectOption('select[data-feature=command]', 'integrated');
    await page.locator('[data-testid=rules-error]').waitFor();
    expect(await page.locator('[data-testid=rules-error]').textContent()).toContain('command "integrated"');
    expect(await page.locator('[data-testid=play]').isDisabled()).toBe(true);
    await page.selectOption('select[data-feature=commitment]', 'automatic');
    await page.locator('[data-testid=lab-spec]', { hasText: 'sco+commitment=automatic+command=integrated' }).waitFor();
    expect(await page.locator('[data-testid=rules-error]').count()).toBe(0);
    // The rule id beside a feature opens the rulebook at that rule.
    await page.click('[data-focus=rule-lab-commitment]');
    await page.locator('[data-testid=glossary] .glossary-entry.target[data-rule=C2]').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('[data-testid=glossary]').waitFor({ state: 'detached' });
    await playFromStart(page);
    expect(await page.locator('[data-testid=rule-set]').textContent()).toBe('SCO rules, changed: Defence commitment = automatic; Command of forces = integrated');
    expect(await page.locator('label[data-procedure]').allTextContents()).toContain('Seek collective defence under Article 4 of the Collective Security Treaty');
    expect(browser.errors).toEqual([]);
  });
});
