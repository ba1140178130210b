// Playing inside a frame (the SCORM player's), with clicks: the same player as play.ts.
import type { Frame, Page } from 'playwright-core';
import type { IntentId } from '../../src/engine/index';
import { PREFERRED } from './play';

/** The package's frame in the mock LMS page, once its app has drawn a screen. */
export async function packageFrame(page: Page): Promise<Frame> {
  await page.waitForSelector('iframe');
  const handle = await page.$('iframe');
  const frame = await handle!.contentFrame();
  if (!frame) throw new Error('no frame');
  await frame.waitForSelector('[data-screen]', { timeout: 30_000 });
  return frame;
}

/** Plays turns until the game is over or `stopAfter` turns; ticks the preferred requests on the first `activeTurns` turns. */
export async function playFrameTurns(frame: Frame, stopAfter = Infinity, activeTurns = 3): Promise<IntentId[][]> {
  const played: IntentId[][] = [];
  for (let n = 0; n < stopAfter; n += 1) {
    if (await frame.locator('[data-testid=to-debrief]').count()) break;
    const turn = Number(await frame.locator('[data-testid=end-turn]').getAttribute('data-turn'));
    if (turn <= activeTurns) {
      for (const intent of PREFERRED) {
        const box = frame.locator(`input[data-intent="${intent}"]`);
        if (!(await box.isDisabled())) await box.check();
      }
    }
    const sent = (await frame.locator('input[name=intent]:checked').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))) as IntentId[];
    await frame.click('[data-testid=end-turn]');
    await frame.waitForFunction((t) => {
      const button = document.querySelector('[data-testid=end-turn]');
      return button === null || button.getAttribute('data-turn') !== String(t);
    }, turn);
    played.push(sent);
  }
  return played;
}

/** Starts the game from a start screen whose choices the package fixed, past the briefing. */
export async function startLocked(frame: Frame): Promise<void> {
  await frame.click('[data-testid=play]');
  await frame.waitForSelector('[data-screen=crisis]');
  await frame.click('[data-testid=begin]');
  await frame.waitForSelector('[data-testid=begin]', { state: 'detached' });
}
