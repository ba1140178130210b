// Class mode in a real browser: an instructor and three students in one room, on a class server
// this test starts on loopback, serving the site the global set-up built.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, screenshot, type Browser } from './browser';
import { startClassServer, type RunningClassServer } from '../../src/class/server';
import { loadScenarioFile } from '../../src/cli/scenario-file';
import { currentBranch } from '../../src/class/session';

let server: RunningClassServer;
let browser: Browser;
let base: string;
let code: string;

beforeAll(async () => {
  server = await startClassServer({
    host: '127.0.0.1',
    port: 0,
    rooms: [{ scenario: loadScenarioFile('scenarios/kazakhstan-2022.yaml'), rules: 'csto', seed: '5' }],
    staticDir: inject('siteDir'),
    logDir: null,
  });
  code = server.rooms[0]!.code;
  base = `http://127.0.0.1:${server.port}/class.html`;
  browser = await openBrowser({ width: 1100, height: 900 });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function joinAs(name: string, seat: string): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('pageerror', (e) => browser.errors.push(e.message));
  await page.goto(`${base}?room=${code}`);
  await page.fill('#join-name', name);
  await expect.poll(() => page.inputValue('#join-code')).toBe(code);
  await page.click('[data-testid="join"] button[type="submit"]');
  await page.click(`[data-seat="${seat}"]`);
  await page.waitForSelector('[data-testid="you-are"]');
  return page;
}

describe('class mode in the browser', () => {
  it('three students and an instructor play a turn; the dashboard shows statuses, bots and a names-hidden view', async () => {
    const teacher = browser.page;
    await teacher.goto(`${base}#instructor=${server.instructorToken}&rooms=${code}`);
    await teacher.waitForSelector('[data-testid="delegations"]');

    const kaz = await joinAs('Aigerim', 'KAZ');
    const rus = await joinAs('Ivan', 'RUS');
    const arm = await joinAs('Ani', 'ARM');
    expect(await kaz.textContent('[data-testid="you-are"]')).toContain('Aigerim');
    // A taken state cannot be chosen by anyone else.
    const late = await browser.context.newPage();
    await late.goto(`${base}?room=${code}`);
    await late.fill('#join-name', 'Late');
    await late.click('[data-testid="join"] button[type="submit"]');
    expect(await late.isDisabled('[data-seat="KAZ"]')).toBe(true);
    await late.close();
    // A wrong code says so.
    const wrong = await browser.context.newPage();
    await wrong.goto(`${base}?room=ZZZZZ`);
    await wrong.fill('#join-name', 'Lost');
    await wrong.click('[data-testid="join"] button[type="submit"]');
    await expect.poll(() => wrong.textContent('[data-testid="error"]')).toContain('No room has this code');
    await wrong.close();

    await expect.poll(() => teacher.locator('[data-row="KAZ"] [data-testid="student"]').textContent()).toBe('Aigerim');
    await expect.poll(() => teacher.locator('[data-row="ARM"]').textContent()).toContain('online');
    await teacher.click('[data-testid="start"]');

    // The requester asks for consultations; Russia says how it will answer; Armenia stays silent.
    await kaz.waitForSelector('[data-testid="choice"]');
    await kaz.check('[data-testid="request"] [data-intent="consult"]');
    await kaz.click('[data-testid="send-choice"]');
    await expect.poll(() => kaz.textContent('[data-testid="choice-status"]')).toContain('is in');
    await rus.waitForSelector('[data-position="consult"]');
    await rus.selectOption('[data-position="consult"]', 'object');
    await rus.click('[data-testid="send-choice"]');
    await expect.poll(() => teacher.locator('[data-row="RUS"] [data-testid="turn-status"]').textContent()).toBe('chosen');
    await expect.poll(() => teacher.locator('[data-row="ARM"] [data-testid="turn-status"]').textContent()).toBe('waiting');

    // Armenia's student reads the page in Kazakh.
    await arm.selectOption('[data-testid="language"]', 'kk');
    await expect.poll(() => arm.textContent('[data-testid="briefing"] h2')).toBe('Сіздің нұсқамаңыз');

    await teacher.click('[data-testid="next-turn"]');
    await kaz.waitForSelector('[data-testid="last-turn"]');
    await arm.waitForSelector('[data-testid="last-turn"]');
    expect(await arm.textContent('[data-testid="last-turn"]')).toContain('бот');
    const state = server.room(code).classState;
    const record = currentBranch(state).game.turns[0]!;
    expect(record.intents).toEqual(['consult']);
    expect(currentBranch(state).attribution[0]!.delegations.ARM).toEqual({ by: 'bot', reason: 'no-choice' });

    // A reload keeps the seat.
    await kaz.reload();
    await kaz.waitForSelector('[data-testid="you-are"]');
    expect(await kaz.textContent('[data-testid="you-are"]')).toContain('Aigerim');

    // The projector view hides every name.
    await teacher.check('[data-testid="hide-names"]');
    const table = await teacher.textContent('[data-testid="delegations"]');
    expect(table).not.toContain('Aigerim');
    expect(table).toContain('student 1');
    await teacher.waitForSelector('[data-testid="debrief"]');
    expect(await teacher.textContent('[data-testid="debrief"]')).not.toContain('Ivan');
    expect(await screenshot(teacher, 'class-dashboard')).toBeGreaterThan(3);
    await screenshot(kaz, 'class-student');
    expect(browser.errors.filter((e) => !/WebSocket|ERR_CONNECTION|404/.test(e))).toEqual([]);
  });
});
