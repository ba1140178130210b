// The start screen's preview: before play, a scenario shows its map and actors, its timeline
// and its objectives, for a file an instructor loads as for a shipped one, at 1024×768 too.
import { afterAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { ROOT, onScreen, screenshot, tabTo, browserPerBlock } from './browser';
import { loadScenario, openStart } from './play';

const baseUrl = inject('baseUrl');

/** The minimal fixture, placed on real map states, with a chance event and learning objectives. */
function instructorFile(): string {
  const data = parse(readFileSync(join(ROOT, 'test/fixtures/scenarios/minimal.yaml'), 'utf8')) as Record<string, unknown>;
  const iso3: Record<string, string> = { ALF: 'POL', BRV: 'DEU', CHR: 'CZE', RED: 'BLR' };
  data.id = 'preview-test';
  data.title = { en: 'Preview test crisis' };
  data.states = (data.states as { id: string }[]).map((s) => ({ ...s, iso3: iso3[s.id] }));
  data.player = { state: 'ALF', objectives: { escalation: -0.5, cohesion: 0.5, deterrence: 0.3, casualties: -1 } };
  const first = (data.events as Record<string, unknown>[])[0]!;
  data.events = [
    first,
    { ...first, id: 'cable-cut', kind: 'hybrid-campaign', place: 'BRV', severity: 2, casualties: 0, at: undefined, chance: { probability: 0.2, from: 2, to: 5 }, text: { en: 'A data cable is cut.' } },
    { ...first, id: 'second-shots', place: 'ALF', severity: 4, at: 4, text: { en: 'Artillery fire on a border town.' } },
  ];
  data.learningObjectives = [{ en: 'Tell Article 4 from Article 5.' }, { en: 'See how one objection blocks a statement.' }];
  return stringify(data);
}

describe('the scenario preview on the start screen', () => {
  const browser = browserPerBlock();
  const dir = mkdtempSync(join(tmpdir(), 'crisis-lab-preview-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('previews a file loaded through the file input: actors, timeline, objectives', async () => {
    const { page } = browser;
    await openStart(page, baseUrl);
    // The fixture as it is: fictional ids that the world map does not know are named as such.
    await page.setInputFiles('[data-testid=scenario-file]', join(ROOT, 'test/fixtures/scenarios/minimal.yaml'));
    await page.locator('.scenario-item[aria-pressed=true] .title', { hasText: 'Minimal test crisis' }).waitFor();
    expect(await page.textContent('[data-actor=not-on-map]')).toMatch(/^Not on the map \(no known ISO 3166 code\): Alfaland, Bravia, Charlia,? and Redonia$/);

    const file = join(dir, 'preview-test.yaml');
    writeFileSync(file, instructorFile());
    await page.setInputFiles('[data-testid=scenario-file]', file);
    await page.locator('.scenario-item[aria-pressed=true] .title', { hasText: 'Preview test crisis' }).waitFor();

    // A loaded file opens every section.
    for (const key of ['actors', 'timeline', 'objectives']) {
      expect(await page.getAttribute(`[data-testid=preview-${key}-toggle]`, 'aria-expanded')).toBe('true');
      expect(await page.locator(`[data-testid=preview-${key}]`).isVisible()).toBe(true);
    }

    // (a) The actors, by name, and on the map: the player outlined, members shaded, the adversary hatched.
    const actors = page.locator('[data-testid=preview-actor-list] li');
    const actorLines = await actors.allTextContents();
    expect(actorLines).toHaveLength(3);
    expect(actorLines[0]).toBe('Your state: Alfaland');
    expect(actorLines[1]).toMatch(/^NATO member states \(3\): Alfaland, Bravia,? and Charlia$/);
    expect(actorLines[2]).toBe('Adversary: Redonia');
    const map = page.locator('[data-testid=preview-actors] svg.preview-map');
    expect(await map.locator('path[data-role=player]').count()).toBe(1);
    expect(await map.locator('path[data-role=member]').evaluateAll((paths) => paths.map((p) => p.getAttribute('data-iso3')).sort())).toEqual(['CZE', 'DEU', 'POL']);
    expect(await map.locator('g[data-role=adversary] line').count()).toBeGreaterThan(3);
    expect(await map.locator('circle[data-role=event]').count()).toBeGreaterThanOrEqual(2);

    // (b) The timeline, in file order.
    const events = page.locator('[data-testid=preview-timeline] li');
    expect(await events.evaluateAll((items) => items.map((i) => i.getAttribute('data-event')))).toEqual(['border-shots', 'cable-cut', 'second-shots']);
    const lines = await events.allTextContents();
    expect(lines[0]).toContain('Turn 1, day 0');
    expect(lines[0]).toContain('Armed attack in Alfaland, severity 3 of 5');
    expect(lines[1]).toContain('20\u00a0% chance each turn, turns 2–5 (days 1–4)');
    expect(lines[1]).toContain('Hybrid campaign in Bravia, severity 2 of 5');
    expect(lines[2]).toContain('Turn 4, day 3');
    expect(await page.textContent('[data-testid=preview-timeline-toggle]')).toContain('Timeline: 2 scripted, 1 by chance');

    // (c) The objectives: weights with their direction, then the learning objectives.
    expect(await page.locator('.preview-weights li').allTextContents()).toEqual([
      'Wants less escalation (weight 0.5)',
      'Wants fewer casualties (weight 1)',
      'Wants more deterrence (weight 0.3)',
      'Wants more cohesion (weight 0.5)',
    ]);
    expect(await page.locator('.preview-learning li').allTextContents()).toEqual(['Tell Article 4 from Article 5.', 'See how one objection blocks a statement.']);

    // The bloc colour follows the rule set picked.
    await page.click('input[name=rules][value=sco]');
    await page.locator('[data-testid=preview-actor-list] li', { hasText: 'SCO member states (3)' }).waitFor();
    await page.click('input[name=rules][value=nato]');
    await page.locator('[data-testid=preview]').scrollIntoViewIfNeeded();
    await screenshot(page, 'preview-loaded-file');
  });

  it('previews a shipped scenario, in the player’s language, from the keyboard', async () => {
    const { page } = browser;
    const scenario = loadScenario('rats-central-asia');
    await page.click('button[data-scenario="rats-central-asia"]');
    await page.locator('.scenario-item[aria-pressed=true][data-scenario="rats-central-asia"]').waitFor();
    const events = page.locator('[data-testid=preview-timeline] li');
    expect(await events.evaluateAll((items) => items.map((i) => i.getAttribute('data-event')))).toEqual(scenario.events.map((e) => e.id));
    const weighted = Object.values(scenario.player.objectives).filter((w) => w !== 0).length;
    expect(await page.locator('.preview-weights li').count()).toBe(weighted);
    expect(await page.locator('.preview-learning li').count()).toBe(scenario.learningObjectives.length);
    const actorText = (await page.locator('[data-testid=preview-actor-list]').textContent()) ?? '';
    expect(actorText).toContain(`Adversary: ${scenario.adversary.name!.en}, a group operating from`);
    expect(await page.locator('svg.preview-map path[data-role=player]').count()).toBe(1);

    // Sections close and open from the keyboard; the state is announced with aria-expanded.
    await tabTo(page, '[data-testid=preview-timeline-toggle]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid=preview-timeline-toggle]')?.getAttribute('aria-expanded') === 'false');
    expect(await page.locator('[data-testid=preview-timeline]').isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('preview-timeline-toggle');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.querySelector('[data-testid=preview-timeline-toggle]')?.getAttribute('aria-expanded') === 'true');

    // In Russian the preview speaks Russian.
    await page.selectOption('[data-focus=lang]', 'ru');
    await page.locator('[data-testid=preview-timeline-toggle]', { hasText: 'Хронология' }).waitFor();
    expect(await page.locator('[data-testid=preview-actor-list] li').first().textContent()).toContain('Ваше государство');
    await page.selectOption('[data-focus=lang]', 'en');
    await page.locator('[data-testid=preview-timeline-toggle]', { hasText: 'Timeline' }).waitFor();
    await screenshot(page, 'preview-shipped');
  });

  it('keeps the start screen usable at 1024×768', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.click('button[data-scenario="frontier-armed-attack"]');
    await page.locator('.scenario-item[aria-pressed=true][data-scenario="frontier-armed-attack"]').waitFor();
    // Each open section scrolls within itself, so the page stays short.
    for (const key of ['timeline', 'objectives']) {
      const box = await page.locator(`[data-testid=preview-${key}]`).boundingBox();
      expect(box?.height ?? 0).toBeLessThanOrEqual(262);
    }
    await screenshot(page, 'preview-1024');
    const play = page.locator('[data-testid=play]');
    await play.scrollIntoViewIfNeeded();
    expect(await play.isVisible()).toBe(true);
    expect(await play.isEnabled()).toBe(true);
    await screenshot(page, 'preview-1024-play');
    await play.click();
    await onScreen(page, 'crisis');
    expect(browser.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});
