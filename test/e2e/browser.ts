// Shared browser helpers for the end-to-end tests.
import { afterAll, beforeAll } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const RESULTS = join(ROOT, 'test-results');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Browser {
  context: BrowserContext;
  page: Page;
  errors: string[];
  close: () => Promise<void>;
}

export async function openBrowser(viewport = { width: 1280, height: 800 }, extraArgs: string[] = []): Promise<Browser> {
  const dir = mkdtempSync(join(tmpdir(), 'crisis-lab-chromium-'));
  const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, viewport, acceptDownloads: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return {
    context,
    page,
    errors,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One browser for the tests of a describe block: opened before them, closed after them. Its
 * fields are read when a test runs, since the browser does not exist while the block is collected. */
export function browserPerBlock(viewport?: { width: number; height: number }, extraArgs: string[] = []): Browser {
  let open: Browser | null = null;
  beforeAll(async () => {
    open = await openBrowser(viewport, extraArgs);
  });
  afterAll(async () => {
    await open?.close();
    open = null;
  });
  const current = (): Browser => {
    if (!open) throw new Error('the block’s browser is open only while its tests run');
    return open;
  };
  return {
    get context() {
      return current().context;
    },
    get page() {
      return current().page;
    },
    get errors() {
      return current().errors;
    },
    close: () => current().close(),
  };
}

/** Saves a screenshot under test-results/ and returns how many distinct colours it holds. */
export async function screenshot(page: Page, name: string): Promise<number> {
  mkdirSync(RESULTS, { recursive: true });
  const png = await page.screenshot({ path: join(RESULTS, `${name}.png`) });
  return page.evaluate(async (b64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${b64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(image, 0, 0);
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 97) colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    return colours.size;
  }, png.toString('base64'));
}

/** Waits for the app to show a screen. */
export async function onScreen(page: Page, screen: 'start' | 'crisis' | 'debrief'): Promise<void> {
  await page.waitForSelector(`[data-screen="${screen}"]`, { timeout: 30_000 });
}

/** Presses Tab until the element matching the selector has focus (keyboard-only navigation). */
export async function tabTo(page: Page, selector: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}
