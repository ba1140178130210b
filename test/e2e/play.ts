// Playing through the real UI with the keyboard: the test's player ticks the available requests
// it prefers on the first turns, then ends turns without a request until the game is over.
import type { Page } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLog, logText, parseScenario, replayIntents, type IntentId, type PresetId, type Scenario } from '../../src/engine/index';
import { RESULTS, ROOT, onScreen, tabTo } from './browser';

export const PREFERRED: IntentId[] = ['consult', 'joint-statement', 'collective-defence', 'ct-cooperation'];

export function loadScenario(id: string): Scenario {
  const file = join(ROOT, 'scenarios', `${id}.yaml`);
  const result = parseScenario(readFileSync(file, 'utf8'), file);
  if (!result.ok) throw new Error(`${id} does not parse`);
  return result.scenario;
}

/** The log Node writes for the same scenario, rules, seed and intents. */
export function nodeLog(scenario: Scenario, rules: string, seed: string, intents: IntentId[][]): string {
  return logText(createLog(replayIntents(scenario, rules, seed, intents)));
}

/** Picks a rule set on the start screen: one the scenario offers, or else the preset as the
 * design lab's base with nothing changed (the same spec). */
export async function chooseRules(page: Page, rules: PresetId): Promise<void> {
  const offered = page.locator(`input[name=rules][value="${rules}"]`);
  if ((await offered.count()) > 0) {
    await offered.click();
    return;
  }
  await page.click('input[name=rules][value="+lab"]');
  await page.selectOption('[data-testid=lab-base]', rules);
  await page.locator('[data-testid=lab-spec]', { hasText: new RegExp(`^${rules}$`) }).waitFor();
}

/** Opens the game at `url` (the site, or an assignment link) and waits for the start screen. */
export async function openStart(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await onScreen(page, 'start');
}

/** Chooses scenario, rule set and seed on the start screen with clicks and keys. */
export async function startGame(page: Page, baseUrl: string, scenarioId: string, rules: PresetId, seed: string): Promise<void> {
  await openStart(page, baseUrl);
  await page.click(`button[data-scenario="${scenarioId}"]`);
  await chooseRules(page, rules);
  await page.click('[data-focus=seed]');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(seed);
  await tabTo(page, '[data-testid=play]');
  await page.keyboard.press('Enter');
  await confirmNewGame(page);
  await onScreen(page, 'crisis');
  // The briefing opens with focus on Begin.
  await page.waitForSelector('[data-testid=begin]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=begin]', { state: 'detached' });
}

/** Clicks Start on the start screen as it stands (a new game over a saved one is confirmed) and
 * waits for the crisis screen. */
export async function playFromStart(page: Page): Promise<void> {
  await page.click('[data-testid=play]');
  await confirmNewGame(page);
  await onScreen(page, 'crisis');
}

/** A new game over a saved one under way asks first: the test's player confirms. */
export async function confirmNewGame(page: Page): Promise<void> {
  await page.waitForSelector('[data-screen="crisis"], [data-testid="confirm-new"]', { timeout: 30_000 });
  if ((await page.locator('[data-testid="confirm-new"]').count()) > 0) await page.click('[data-testid=confirm-yes]');
}

/** The turn the crisis screen is on, from the End turn button's data. */
export async function currentTurn(page: Page): Promise<number | null> {
  const text = await page.locator('[data-testid=end-turn]').getAttribute('data-turn').catch(() => null);
  return text === null ? null : Number(text);
}

/** Plays turns with the keyboard until the game is over or `stopAfter` turns; returns intents by turn. */
export async function playTurns(page: Page, stopAfter = Infinity, activeTurns = 3): Promise<IntentId[][]> {
  const played: IntentId[][] = [];
  for (let n = 0; n < stopAfter; n += 1) {
    if (await page.locator('[data-testid=to-debrief]').count()) break;
    const turn = await currentTurn(page);
    if (turn === null) throw new Error('no End turn button and no debrief button');
    const chosen: IntentId[] = [];
    if (turn <= activeTurns) {
      for (const intent of PREFERRED) {
        const box = page.locator(`input[data-intent="${intent}"]`);
        if (await box.isDisabled()) continue;
        await tabTo(page, `input[data-intent="${intent}"]`);
        await page.keyboard.press('Space');
        chosen.push(intent);
      }
    }
    // What the form sends, in its own order.
    const sent = (await page.locator('input[name=intent]:checked').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))) as IntentId[];
    if ([...sent].sort().join() !== [...chosen].sort().join()) throw new Error(`ticked ${chosen.join()} but the form holds ${sent.join()}`);
    await tabTo(page, '[data-testid=end-turn]');
    await page.keyboard.press('Enter');
    await page.waitForFunction((t) => {
      const button = document.querySelector('[data-testid=end-turn]');
      return button === null || button.getAttribute('data-turn') !== String(t);
    }, turn);
    played.push(sent);
  }
  return played;
}

/** From the crisis screen's end to the debrief, then exports the log; returns the file's text. */
export async function finishAndExport(page: Page, name: string): Promise<{ path: string; text: string }> {
  await tabTo(page, '[data-testid=to-debrief]');
  await page.keyboard.press('Enter');
  await onScreen(page, 'debrief');
  await tabTo(page, '[data-testid=export]');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  mkdirSync(RESULTS, { recursive: true });
  const path = join(RESULTS, name);
  await download.saveAs(path);
  return { path, text: readFileSync(path, 'utf8') };
}

/** Where two texts first differ, for a short failure message instead of two whole logs. */
export function firstDifference(a: string, b: string): string | null {
  if (a === b) return null;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i += 1;
  return `at character ${i}: …${a.slice(Math.max(0, i - 80), i + 80)}… versus …${b.slice(Math.max(0, i - 80), i + 80)}…`;
}
