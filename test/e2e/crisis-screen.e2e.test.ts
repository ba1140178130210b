// What a seminar needs from the crisis screen, in the real browser and in English, Russian and
// Kazakh: requests under way on a timeline (the body, the day it sits, what happened, meetings
// that never sat), the body that decided with its glossary entry, who helped (on the map and in
// the debrief), the attribution gauge and its trend, a schematic map for invented states, labels
// that fit at 1024 px, ticked requests that survive re-renders, one turn per Enter, and no axe
// violation. Expected facts come from the same engine replayed in Node.
import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { intentOptions, newGame, parseScenario, playTurn, replayIntents, type GameState, type IntentId, type Language } from '../../src/engine/index';
import { en } from '../../src/ui-kit/i18n/en';
import { ru } from '../../src/ui-kit/i18n/ru';
import { kk } from '../../src/ui-kit/i18n/kk';
import { format } from '../../src/ui-kit/i18n/index';
import { helperRows } from '../../src/game/ui/help-records';
import { attributionSeries } from '../../src/game/ui/attribution-series';
import { requestRows } from '../../src/game/ui/request-records';
import { schematicLayout } from '../../src/game/map/schematic';
import { ROOT, onScreen, browserPerBlock } from './browser';
import { loadScenario, startGame, openStart, playFromStart } from './play';

const baseUrl = inject('baseUrl');
const DICT = { en, ru, kk } as const;
const LANGS: Language[] = ['en', 'ru', 'kk'];
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
type Key = keyof typeof en;
const tr = (lang: Language, key: Key, params?: Record<string, string | number>) => format(DICT[lang][key], params);

async function setLanguage(page: Page, lang: Language): Promise<void> {
  await page.selectOption('[data-testid=language]', lang);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  // The dictionary arrives on its own: wait until the panel speaks it.
  await page.waitForFunction(([l, text]) => document.documentElement.lang === l && (document.querySelector('[data-screen=crisis], [data-screen=debrief]')?.textContent ?? '').includes(text!), [lang, tr(lang, 'requests.heading')] as const);
}

/** A new game from the start screen, with nothing saved from the test before. */
async function freshGame(page: Page, scenario: string, rules: 'nato' | 'sco' | 'csto', seed: string): Promise<void> {
  await page.goto(baseUrl);
  await page.evaluate(() => localStorage.clear());
  await startGame(page, baseUrl, scenario, rules, seed);
}

/** Ticks exactly these requests with clicks, then ends the turn; waits for the next turn. */
async function endTurn(page: Page, intents: IntentId[]): Promise<void> {
  const turn = await page.locator('[data-testid=end-turn]').getAttribute('data-turn');
  for (const intent of intents) await page.check(`input[data-intent="${intent}"]`);
  await page.click('[data-testid=end-turn]');
  await page.waitForFunction((t) => document.querySelector('[data-testid=end-turn]')?.getAttribute('data-turn') !== t, turn);
}

/** A seed whose SCO foreign ministers' meeting, asked for on turn 1, sits at least three days on. */
function slowScoSeed(): { seed: string; day: number } {
  const scenario = loadScenario('frontier-armed-attack');
  for (let n = 1; n < 200; n += 1) {
    const game = playTurn(newGame(scenario, 'sco', String(n)), ['consult']);
    const day = game.turns[0]!.proposals[0]!.meetingDay;
    if (day >= 3 && !game.result) return { seed: String(n), day };
  }
  throw new Error('no seed with a slow meeting');
}

async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

describe('the crisis screen', () => {
  const browser = browserPerBlock({ width: 1024, height: 768 });

  it('keeps an SCO meeting asked for on turn 1 on the timeline until it sits, in every language, with no axe violation', async () => {
    const { page } = browser;
    const { seed, day } = slowScoSeed();
    await freshGame(page, 'frontier-armed-attack', 'sco', seed);
    await endTurn(page, ['consult']);
    let played: IntentId[][] = [['consult']];
    for (const lang of LANGS) {
      await setLanguage(page, lang);
      // Pinned at the top of the panel, and on the full list with its body and day.
      const pinned = page.locator('[data-testid=under-way] li[data-intent=consult]');
      expect(await pinned.textContent()).toBe(tr(lang, 'requests.dueShort', { procedure: tr(lang, 'decision.consultation.cfm'), day }));
      const row = page.locator('[data-testid=requests] li.request[data-intent=consult]');
      expect(await row.getAttribute('data-state')).toBe('pending');
      expect(await row.getAttribute('data-body')).toBe('cfm');
      expect(await row.locator('button.body-link').textContent()).toBe(tr(lang, 'body.cfm'));
      expect(await row.locator('[data-testid=request-due]').textContent()).toBe(tr(lang, 'requests.pending', { day }));
      // The panel no longer says that nothing is under way, while the request is "already under way".
      expect(await page.locator('[data-testid=procedure]').textContent()).not.toContain(tr(lang, 'panel.chainEmpty'));
      expect(await page.locator('input[data-intent=consult]').isDisabled()).toBe(true);
      // The turn chip of the sitting is marked on the bottom timeline.
      expect(await page.locator('.timeline li.due').count()).toBe(1);
      expect(await axeViolations(page), `axe, ${lang}`).toEqual([]);
    }
    await setLanguage(page, 'en');
    // Until the meeting sits: then the row says when it sat and what it decided, under which rule.
    while ((await page.locator('[data-testid=requests] li.request[data-intent=consult]').getAttribute('data-state')) === 'pending') {
      await endTurn(page, []);
      played = [...played, []];
    }
    const row = page.locator('[data-testid=requests] li.request[data-intent=consult]');
    expect(await row.getAttribute('data-state')).toBe('decided');
    expect(await row.locator('[data-outcome]').first().textContent()).toContain(tr('en', 'requests.sat', { day }));
    expect(await row.locator('button.rule-id').first().textContent()).toBe('S7');
    expect(await page.locator('[data-testid=under-way]').count()).toBe(0);
    // The same facts as the engine in Node.
    const node = replayIntents(loadScenario('frontier-armed-attack'), 'sco', seed, played);
    expect(requestRows(node).find((r) => r.intent === 'consult')?.decisions[0]?.day).toBe(day);
    expect(browser.errors).toEqual([]);
  });

  it('names the body that decided, one click from its glossary entry, and shows who helped on the map and in the debrief', async () => {
    const { page } = browser;
    await freshGame(page, 'frontier-armed-attack', 'sco', '4');
    // RATS under SCO rules: counter-terrorism goes to the standing body (S6).
    const first: IntentId[] = ['consult', 'collective-defence', 'ct-cooperation'];
    await endTurn(page, first);
    const played: IntentId[][] = [first];
    for (let n = 0; n < 3; n += 1) {
      await endTurn(page, []);
      played.push([]);
    }
    const node = replayIntents(loadScenario('frontier-armed-attack'), 'sco', '4', played);
    const rats = page.locator('[data-testid=requests] li.request[data-intent=ct-cooperation] button.body-link');
    expect(await rats.getAttribute('data-body')).toBe('rats');
    // Collective defence has no clause under SCO rules: declined at once, never sat (S4).
    const defence = page.locator('[data-testid=requests] li.request[data-intent=collective-defence]');
    expect(await defence.getAttribute('data-state')).toBe('declined');
    expect(await defence.locator('[data-outcome=declined]').textContent()).toBe(`${tr('en', 'requests.declined')} (S4)`);
    for (const lang of LANGS) {
      await setLanguage(page, lang);
      expect(await rats.textContent()).toBe(tr(lang, 'body.rats'));
      await rats.click();
      const dialog = page.locator('[role=dialog][data-testid=glossary]');
      await dialog.waitFor();
      expect(await dialog.locator('.glossary-entry.target').getAttribute('data-rule')).toBe('S6');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    }
    await setLanguage(page, 'en');

    // Who helped: the panel and the map say what the engine says each member gave.
    const expected = helperRows(node).filter((r) => r.entries.length > 0);
    expect(expected.length).toBeGreaterThan(0);
    for (const row of expected) {
      const help = await page.locator(`[data-testid=who-helped] li[data-member="${row.member}"]`).getAttribute('data-help');
      expect(help).toBe(row.entries.map((e) => `${e.kind}:${e.channel}:${e.day}`).join(' '));
    }
    // Those asked that sent nothing share one line.
    const nothing = helperRows(node).filter((r) => r.asked && r.entries.length === 0).map((r) => r.member);
    if (nothing.length > 0) expect((await page.locator('[data-testid=who-helped] [data-testid=help-nothing]').getAttribute('data-members'))!.split(' ')).toEqual(nothing);
    const onMap = (await page.locator('#map canvas').getAttribute('data-map-helpers'))!.split(' ');
    // Each helper's weightiest help; under SCO rules what is sent comes bilaterally (no defence
    // clause), and only RATS's intelligence sharing goes through the organisation.
    expect(onMap.sort()).toEqual(expected.map((r) => `${r.member}:${r.entries[0]!.kind}:${r.entries[0]!.channel}`).sort());
    for (const h of onMap) expect(h.endsWith(h.includes(':intelligence:') ? ':alliance' : ':bilateral'), h).toBe(true);

    // The attribution gauge reads what the alliance reads, with its trend.
    const series = attributionSeries(node);
    const gauge = page.locator('[data-testid=attribution]');
    expect(Number(await gauge.getAttribute('data-value'))).toBeCloseTo(series[series.length - 1]!.value!, 6);
    expect(['up', 'down', 'flat']).toContain(await gauge.getAttribute('data-trend'));

    // In the debrief: the request timeline and who helped, in each language.
    while (await page.locator('[data-testid=end-turn]').count()) await endTurn(page, []);
    await page.click('[data-testid=to-debrief]');
    await onScreen(page, 'debrief');
    for (const lang of LANGS) {
      await setLanguage(page, lang);
      expect(await page.locator('[data-testid=debrief-requests] h2').textContent()).toBe(tr(lang, 'requests.heading'));
      expect(await page.locator('[data-testid=debrief-requests] li.request[data-intent=ct-cooperation] button.body-link').textContent()).toBe(tr(lang, 'body.rats'));
      expect(await page.locator('[data-testid=debrief-helpers] h2').textContent()).toBe(tr(lang, 'help.heading'));
      for (const row of expected) {
        const help = await page.locator(`[data-testid=debrief-helpers] li[data-member="${row.member}"]`).getAttribute('data-help');
        expect(help!.startsWith(row.entries.map((e) => `${e.kind}:${e.channel}:${e.day}`).join(' '))).toBe(true);
      }
      expect(await axeViolations(page), `axe, debrief, ${lang}`).toEqual([]);
    }
    await setLanguage(page, 'en');
    expect(browser.errors).toEqual([]);
  });

  it('names SACEUR when the defence plans move forces under NATO rules', async () => {
    const { page } = browser;
    const scenario = loadScenario('frontier-armed-attack');
    const ask = (turn: number): IntentId[] => (turn <= 3 ? ['consult', 'collective-defence', 'ct-cooperation'] : []);
    // A seed in which forces become ready (N5) within 14 turns, asking as the test will.
    let seed = '';
    let turns = 0;
    for (let n = 1; n < 40 && !seed; n += 1) {
      let game: GameState = newGame(scenario, 'nato', String(n));
      for (let t = 1; t <= 14 && !game.result && !seed; t += 1) {
        const available = intentOptions(game).filter((o) => o.available).map((o) => o.intent);
        game = playTurn(game, ask(t).filter((i) => available.includes(i)));
        if (game.turns[t - 1]!.decisions.some((d) => d.kind === 'posture' && d.proposal === 0)) [seed, turns] = [String(n), t];
      }
    }
    expect(seed).not.toBe('');
    await freshGame(page, 'frontier-armed-attack', 'nato', seed);
    for (let t = 1; t <= turns; t += 1) {
      const wanted: IntentId[] = [];
      for (const intent of ask(t)) if (!(await page.locator(`input[data-intent="${intent}"]`).isDisabled())) wanted.push(intent);
      await endTurn(page, wanted);
    }
    const saceur = page.locator('[data-testid=news] .decided button.body-link[data-body=saceur]');
    expect(await saceur.count()).toBeGreaterThan(0);
    for (const lang of LANGS) {
      await setLanguage(page, lang);
      expect(await saceur.first().textContent()).toBe(tr(lang, 'body.saceur'));
      expect(await axeViolations(page), `axe, NATO rules, ${lang}`).toEqual([]);
    }
    await saceur.first().click();
    const dialog = page.locator('[role=dialog][data-testid=glossary]');
    expect(await dialog.locator('.glossary-entry.target').getAttribute('data-rule')).toBe('N5');
    await page.keyboard.press('Escape');
    await setLanguage(page, 'en');
    expect(browser.errors).toEqual([]);
  });

  it('keeps ticked requests through a resize, a change of language and a review, and ends one turn per Enter', async () => {
    const { page } = browser;
    await freshGame(page, 'frontier-armed-attack', 'nato', '11');
    await endTurn(page, []);
    const ticked: IntentId[] = ['consult', 'ct-cooperation'];
    for (const intent of ticked) await page.check(`input[data-intent="${intent}"]`);
    const checked = () => page.locator('input[name=intent]:checked').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value).sort());
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.waitForFunction(() => document.documentElement.style.getPropertyValue('--panel-w') === '420px');
    expect(await checked()).toEqual(ticked);
    await setLanguage(page, 'kk');
    expect(await checked()).toEqual(ticked);
    await page.click('.timeline li button[aria-label]');
    await page.waitForSelector('[data-focus=back-to-latest]');
    expect(await checked()).toEqual(ticked);
    await page.click('[data-focus=back-to-latest]');
    expect(await checked()).toEqual(ticked);
    await setLanguage(page, 'en');
    await page.setViewportSize({ width: 1024, height: 768 });

    // Enter twice on End turn: one turn ends, and focus moves to the news of it.
    await page.focus('[data-testid=end-turn]');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid=end-turn]')?.getAttribute('data-turn') !== '2');
    expect(await page.locator('[data-testid=end-turn]').getAttribute('data-turn')).toBe('3');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('news-heading');
    // The requests ticked were sent with that turn, and the next turn starts with none ticked.
    const turn2 = await page.locator('[data-testid=requests] li.request').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-intent')).sort());
    expect(turn2).toEqual(ticked);
    expect(await checked()).toEqual([]);
    expect(browser.errors).toEqual([]);
  });

  it('fits every indicator and escalation label at 1024 px in every language', async () => {
    const { page } = browser;
    await freshGame(page, 'frontier-armed-attack', 'csto', '2');
    await endTurn(page, ['consult']);
    for (const lang of LANGS) {
      await setLanguage(page, lang);
      // Each rung of the escalation ladder in the escalation slot, and every other label as it is.
      const labels = [1, 2, 3, 4, 5].map((n) => `${n} · ${tr(lang, `esc.${n}` as Key)}`);
      const cut = await page.evaluate((rungs) => {
        const band = document.querySelector('.band')!.getBoundingClientRect();
        const overflowing = () =>
          [...document.querySelectorAll<HTMLElement>('.ind .name, .ind .value, .ind .sub')]
            .filter((e) => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().bottom > band.bottom + 0.5)
            .map((e) => e.textContent ?? '');
        const value = document.querySelector<HTMLElement>('.ind.escalation .value')!;
        const found = overflowing();
        for (const text of rungs) {
          value.textContent = text;
          found.push(...overflowing());
        }
        return found;
      }, labels);
      expect(cut, lang).toEqual([]);
    }
    await setLanguage(page, 'en');
  });
});

describe('a scenario of invented states', () => {
  const browser = browserPerBlock({ width: 1024, height: 768 });

  /** The tutorial with its five states renamed to invented ones, two of them placed. */
  function invented(): string {
    let text = readFileSync(join(ROOT, 'scenarios/tutorial.yaml'), 'utf8');
    const names: Record<string, string> = { NOR: 'NORDA', SWE: 'SVEALAND', DNK: 'DANMARA', FIN: 'SUOMERA', ISL: 'ISLA' };
    for (const [real, made] of Object.entries(names)) text = text.replace(new RegExp(`\\b${real}\\b`, 'g'), made);
    text = text.replace(/^(\s*)- id: SVEALAND$/m, '$1- id: SVEALAND\n$1  location: { lon: 18, lat: 60 }').replace(/^(\s*)- id: NORDA$/m, '$1- id: NORDA\n$1  location: { lon: 8, lat: 61 }');
    text = text.replace(/^id: tutorial$/m, 'id: invented-pact');
    return text;
  }

  it('draws a schematic map of its actors, never an empty one, and names the player’s state on hover', async () => {
    const { page } = browser;
    const text = invented();
    expect(text).toContain('location: { lon: 18, lat: 60 }');
    await openStart(page, baseUrl);
    await page.setInputFiles('[data-testid=scenario-file]', { name: 'invented.yaml', mimeType: 'text/yaml', buffer: Buffer.from(text) });
    await page.waitForSelector('[data-testid=play]:not([disabled])');
    // The start screen's preview draws the same schematic: five member states as discs.
    await page.waitForSelector('svg.preview-map[data-map-mode=schematic]');
    expect(await page.locator('svg.preview-map path[data-role=member]').count()).toBe(5);
    await playFromStart(page);
    await page.click('[data-testid=begin]');
    await endTurn(page, ['consult']);
    const canvas = page.locator('#map canvas');
    await page.waitForFunction(() => document.querySelector('#map canvas')?.getAttribute('data-map-mode') === 'schematic');
    expect(await canvas.getAttribute('data-map-states')).toBe('5');
    for (const lang of LANGS) {
      await setLanguage(page, lang);
      expect(await page.locator('[data-testid=schematic-note]').textContent()).toBe(tr(lang, 'map.schematic'));
    }
    await setLanguage(page, 'en');
    // The discs are hit-tested like countries: the player's state sits where its coordinates put
    // it in the free part of the screen (the band, the panel and the timeline around it).
    const parsed = parseScenario(text, 'invented.yaml');
    if (!parsed.ok) throw new Error('the invented scenario does not parse');
    const states = parsed.scenario.states;
    const player = parsed.scenario.player.state;
    const coords = Object.fromEntries(states.filter((st) => st.location).map((st) => [st.id, st.location!]));
    const extent = { x: 0, y: 84, width: 1024 - 360, height: 768 - 84 - 54 };
    const nodes = schematicLayout({ ids: [player, ...states.map((st) => st.id).filter((id) => id !== player)], centre: player, coords }, extent);
    const box = (await canvas.boundingBox())!;
    for (const node of nodes) {
      await page.mouse.move(box.x + node.x, box.y + node.y);
      const name = states.find((st) => st.id === node.iso3)!.name.en;
      expect(await page.locator('.map-tip').textContent()).toContain(name);
    }
    // Two states were placed by their coordinates: the eastern one to the right.
    const norda = nodes.find((n) => n.iso3 === 'NORDA')!;
    const svealand = nodes.find((n) => n.iso3 === 'SVEALAND')!;
    expect(svealand.x).toBeGreaterThan(norda.x);
    expect(browser.errors).toEqual([]);
  });
});
