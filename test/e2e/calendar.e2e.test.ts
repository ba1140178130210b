// A sitting of the scenario's calendar in Chromium: it is announced while still to come, its
// draft is on the table on its turn with the events it condemns, the player answers it as its
// state's delegation, and the text is decided as the engine decides it in Node with that answer.
import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { newGame, parseScenario, playTurn, type Language } from '../../src/engine/index';
import { en } from '../../src/ui-kit/i18n/en';
import { ru } from '../../src/ui-kit/i18n/ru';
import { kk } from '../../src/ui-kit/i18n/kk';
import { ROOT, browserPerBlock } from './browser';
import { chooseRules, openStart, playFromStart } from './play';

const baseUrl = inject('baseUrl');
const DICT = { en, ru, kk } as const;
const SEED = '7';

/** The India–Pakistan case with its Qingdao sitting moved to turn 3, its draft naming Pahalgam. */
function caseText(): string {
  const text = readFileSync(join(ROOT, 'scenarios/cases/india-pakistan-2025.yaml'), 'utf8');
  expect(text).toContain('      at: 33\n');
  expect(text).toContain('      condemns: [khuzdar-bombing]\n');
  return text.replace('      at: 33\n', '      at: 3\n').replace('      condemns: [khuzdar-bombing]\n', '      condemns: [pahalgam-attack]\n');
}

async function endTurn(page: Page): Promise<void> {
  const turn = await page.locator('[data-testid=end-turn]').getAttribute('data-turn');
  await page.click('[data-testid=end-turn]');
  await page.waitForFunction((t) => document.querySelector('[data-testid=end-turn]')?.getAttribute('data-turn') !== t, turn);
}

describe('a sitting of the calendar', () => {
  const browser = browserPerBlock({ width: 1280, height: 800 });

  it('is announced, puts its draft before the player, and the player’s objection decides it as in Node', async () => {
    const { page } = browser;
    const text = caseText();
    const parsed = parseScenario(text, 'calendar.yaml');
    if (!parsed.ok) throw new Error('the edited case does not parse');
    await openStart(page, baseUrl);
    await page.setInputFiles('[data-testid=scenario-file]', { name: 'calendar.yaml', mimeType: 'text/yaml', buffer: Buffer.from(text) });
    // The file is read once the scenario reader has loaded: wait for it to be the one chosen.
    await page.locator('.scenario-item[aria-pressed=true] .title', { hasText: parsed.scenario.title.en }).waitFor();
    await chooseRules(page, 'sco');
    await page.fill('[data-focus=seed]', SEED);
    await playFromStart(page);
    await page.click('[data-testid=begin]');

    // Still to come: both sittings are announced in the Under way strip.
    const ahead = page.locator('[data-testid=under-way] li[data-sitting]');
    expect(await ahead.evaluateAll((items) => items.map((li) => li.getAttribute('data-sitting')))).toEqual(['qingdao-defence-ministers', 'tianjin-summit']);
    await endTurn(page);
    expect(await page.locator('[data-testid=draft-answer]').count()).toBe(0);
    await endTurn(page);

    // Turn 3: the draft is on the table, with the headline of the attack it condemns, in each language.
    const answer = page.locator('[data-testid=draft-answer]');
    await answer.waitFor();
    expect(await answer.textContent()).toContain(parsed.scenario.events.find((e) => e.id === 'pahalgam-attack')!.text.en);
    for (const lang of ['ru', 'kk', 'en'] as Language[]) {
      await page.selectOption('[data-testid=language]', lang);
      await page.waitForFunction((legend) => document.querySelector('[data-testid=draft-answer] legend')?.textContent === legend, DICT[lang]['draft.heading']);
    }
    expect(await answer.locator('input[data-answer=profile]').isChecked()).toBe(true);
    await answer.locator('input[data-answer=object]').check();
    await endTurn(page);

    // The draft's row: decided as Node decides it with the player's objection on record (under
    // the SCO an objection that is no slight leaves a text naming its endorsers, S2).
    let game = newGame(parsed.scenario, 'sco', SEED);
    game = playTurn(playTurn(game, []), []);
    game = playTurn(game, { intents: [], seats: { 'joint-statement': { IND: 'object' } } });
    const decision = game.turns[2]!.decisions.find((d) => d.kind === 'statement')!;
    expect(decision.blockedBy).toEqual(['IND']);
    const row = page.locator('[data-testid=requests] li.request', { has: page.locator('[data-testid=draft-words]') });
    await row.waitFor();
    expect(await row.locator('[data-outcome]').getAttribute('data-outcome')).toBe(decision.outcome);
    expect(await page.locator('[data-testid=under-way] li[data-sitting]').evaluateAll((items) => items.map((li) => li.getAttribute('data-sitting')))).toEqual(['tianjin-summit']);
    expect(browser.errors).toEqual([]);
  });
});
