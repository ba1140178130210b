// Scenario files are untrusted: markup in any text field shows as text and nothing runs; a
// broken file shows its problems with line numbers.
import { describe, expect, inject, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { ROOT, onScreen, screenshot, browserPerBlock } from './browser';
import { openStart, playFromStart } from './play';

const baseUrl = inject('baseUrl');
const HORIZON = 6;
const PAYLOAD = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script><b>bold</b>';

function hostile(): string {
  const data = parse(readFileSync(join(ROOT, 'scenarios/frontier-armed-attack.yaml'), 'utf8')) as Record<string, unknown>;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record.en === 'string') {
        record.en = `${PAYLOAD} en`;
        record.ru = `${PAYLOAD} ru`;
        record.kk = `${PAYLOAD} kk`;
        return;
      }
      Object.values(record).forEach(walk);
    }
  };
  walk(data);
  // A short game: keep the events inside a horizon of HORIZON turns.
  type Ev = { at?: number; chance?: { from: number; to: number } };
  data.horizon = HORIZON;
  data.events = (data.events as Ev[])
    .filter((e) => (e.at ?? e.chance?.from ?? 1) <= HORIZON)
    .map((e) => (e.chance ? { ...e, chance: { ...e.chance, to: Math.min(e.chance.to, HORIZON) } } : e));
  return stringify(data);
}

describe('untrusted scenario files', () => {
  const browser = browserPerBlock();
  const dir = mkdtempSync(join(tmpdir(), 'crisis-lab-untrusted-'));

  it('shows a broken file’s problems with line numbers (dropped on the page)', async () => {
    const { page } = browser;
    await openStart(page, baseUrl);
    const broken = readFileSync(join(ROOT, 'scenarios/frontier-armed-attack.yaml'), 'utf8').replace('horizon: 30', 'horizon: 0').replace('crisisType: armed-attack', 'crisisType: invasion');
    await page.evaluate((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'broken.yaml', { type: 'text/yaml' }));
      const target = document.querySelector('[data-screen=start]')!;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, broken);
    const errors = page.locator('.errors li');
    await errors.first().waitFor();
    const lines = await errors.allTextContents();
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(line).toMatch(/line \d+, column \d+/);
  });

  it('sets every text from a hostile file as text: nothing runs', async () => {
    const { page } = browser;
    const file = join(dir, 'hostile.yaml');
    writeFileSync(file, hostile());
    await page.setInputFiles('[data-testid=scenario-file]', file);
    // The file is read once the scenario reader has loaded: wait for it to be the one chosen.
    const title = page.locator('.scenario-item[aria-pressed=true] .title', { hasText: '<img src=x onerror=' });
    await title.waitFor();
    expect(await title.textContent()).toContain('<img src=x onerror=');

    await playFromStart(page);
    expect(await page.locator('[role=dialog]').textContent()).toContain('<script>window.__xss=2</script>');
    await page.keyboard.press('Enter');
    for (let turn = 1; turn <= HORIZON; turn += 1) {
      if (await page.locator('[data-testid=to-debrief]').count()) break;
      await page.click('[data-testid=end-turn]');
      await page.waitForFunction((t) => document.querySelector('[data-testid=end-turn]')?.getAttribute('data-turn') !== String(t), turn);
      // Turn 1's scripted event headline, as text.
      if (turn === 1) expect(await page.locator('[data-testid=news]').textContent()).toContain('<b>bold</b>');
    }
    await page.click('[data-testid=to-debrief]');
    await onScreen(page, 'debrief');
    await page.click('[data-testid=replay]');
    await page.waitForSelector('[data-testid=comparison]');
    expect(await page.locator('main').textContent()).toContain('<img src=x');

    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('#ui img, #ui script, #ui b').count()).toBe(0);
    await screenshot(page, 'debrief-hostile');
    expect(browser.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});
