// The browser game's figures, each next to a bare Phaser page built in the same run:
//   initial JS (raw and gzip) and navigation to first frame, against a page that shows one text;
//   frame times while playing, against a page that draws the same world map (the same countries,
//   projected the same way, baked into a RenderTexture as the game bakes its map) under the same
//   pointer moves.
// Prints figures and goals; fails nothing. Needs /usr/bin/chromium (apt-get install chromium).
import { build, preview, type PreviewServer } from 'vite';
import { chromium, type BrowserContext } from 'playwright-core';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const RUNS = 7;

const BARE_HTML = `<!doctype html><html><head><meta charset="UTF-8"><link rel="icon" href="data:,"><title>bare</title></head>
<body style="margin:0"><script type="module" src="./main.js"></script></body></html>`;
const BARE_MAIN = `import * as Phaser from 'phaser';
const game = new Phaser.Game({ type: Phaser.WEBGL, width: window.innerWidth, height: window.innerHeight, backgroundColor: '#0b1526', banner: false, audio: { noAudio: true }, scene: { create() { this.add.text(20, 20, 'bare', { color: '#ffffff' }); } } });
game.events.once(Phaser.Core.Events.POST_RENDER, () => { window.__firstFrame = performance.now(); });
`;

/** Goals of issue 13: JS before the first frame and the first frame, as ratios to the bare page. */
const JS_GOAL = 1.2;
const FIRST_FRAME_GOAL = 1.15;

/** The bare map page: Phaser and the world map alone, drawn as the game draws its base map. */
const BARE_MAP_MAIN = `import * as Phaser from 'phaser';
import { feature } from 'topojson-client';
import { geoConicEquidistant, geoPath } from 'd3-geo';
import world from 'world-atlas/countries-110m.json';
class Rings { constructor() { this.rings = []; this.current = null; }
  moveTo(x, y) { this.current = [x, y]; this.rings.push(this.current); } lineTo(x, y) { this.current?.push(x, y); }
  closePath() { this.current = null; } beginPath() { this.current = null; } arc() {} }
const game = new Phaser.Game({ type: Phaser.WEBGL, width: window.innerWidth, height: window.innerHeight, backgroundColor: '#0b1526', banner: false, audio: { noAudio: true },
  scene: { create() {
    const { width, height } = this.scale;
    const countries = feature(world, world.objects.countries);
    const projection = geoConicEquidistant().rotate([-45, 0]).parallels([35, 65]).fitExtent([[20, 20], [width - 20, height - 20]], countries);
    projection.clipExtent([[0, 0], [width, height]]);
    const g = this.add.graphics();
    g.fillStyle(0x0b1526, 1).fillRect(0, 0, width, height);
    for (const f of countries.features) {
      const recorder = new Rings();
      geoPath(projection, recorder)(f);
      g.fillStyle(0x2a3b55, 1); g.lineStyle(1, 0x8899aa, 0.9);
      for (const r of recorder.rings) if (r.length >= 6) { g.fillPoints(pairs(r), true); g.strokePoints(pairs(r), true); }
    }
    const rt = this.add.renderTexture(0, 0, width, height).setOrigin(0, 0);
    rt.draw(g).render();
    g.destroy();
    const hover = this.add.graphics();
    this.input.on('pointermove', (p) => { hover.clear().lineStyle(2, 0xffd400, 1).strokeCircle(p.x, p.y, 12); });
  } } });
function pairs(r) { const out = []; for (let i = 0; i < r.length; i += 2) out.push({ x: r[i], y: r[i + 1] }); return out; }
game.events.once(Phaser.Core.Events.POST_RENDER, () => { window.__firstFrame = performance.now(); });
`;

interface Sizes {
  raw: number;
  gzip: number;
  files: number;
}

/**
 * The JS a page needs for its first frame: every script the browser fetched before the game's
 * first frame (the entry, its static imports and the chunks it loads at once), sized from disk.
 */
function sizeOf(outDir: string, urls: string[]): Sizes {
  let raw = 0;
  let gzip = 0;
  for (const url of urls) {
    const bytes = readFileSync(join(outDir, decodeURIComponent(new URL(url).pathname)));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip, files: urls.length };
}

// A string, not a function: tsx's name-keeping helper does not exist inside the page.
const RECORD_FRAMES = `(() => {
  window.__frames = [];
  let last = performance.now();
  const tick = (t) => { window.__frames.push(t - last); last = t; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})()`;

async function firstFrames(context: BrowserContext, url: string, runs = RUNS): Promise<{ times: number[]; scripts: string[] }> {
  const times: number[] = [];
  let scripts: string[] = [];
  for (let i = 0; i < runs; i += 1) {
    const page = await context.newPage();
    // Cold loads: no HTTP cache between runs.
    const session = await context.newCDPSession(page);
    await session.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.goto(url);
    await page.waitForFunction(() => typeof (window as unknown as { __firstFrame?: number }).__firstFrame === 'number', undefined, { timeout: 60_000 });
    const { first, fetched } = (await page.evaluate(`(() => ({
      first: window.__firstFrame,
      fetched: performance.getEntriesByType('resource')
        .filter((e) => e.name.endsWith('.js') && e.startTime < window.__firstFrame)
        .map((e) => e.name),
    }))()`)) as { first: number; fetched: string[] };
    times.push(first);
    scripts = [...new Set(fetched)];
    await page.close();
  }
  return { times, scripts };
}

async function frameTimesWhilePlaying(context: BrowserContext, url: string): Promise<number[]> {
  const page = await context.newPage();
  await page.goto(`${url}?scenario=frontier-armed-attack&rules=nato&seed=bench`);
  await page.waitForSelector('[data-testid=play]');
  await page.click('[data-testid=play]');
  await page.click('[data-testid=begin]');
  await page.evaluate(RECORD_FRAMES);
  for (let turn = 1; turn <= 12; turn += 1) {
    if (await page.locator('[data-testid=to-debrief]').count()) break;
    const consult = page.locator('input[data-intent=consult]:not([disabled])');
    if (turn <= 2 && (await consult.count())) await consult.check();
    await page.click('[data-testid=end-turn]');
    await page.waitForFunction((n) => document.querySelector('[data-testid=end-turn]')?.getAttribute('data-turn') !== String(n), turn);
    // Hover across the map: the map scene wakes and tracks the pointer.
    for (let x = 100; x < 700; x += 100) await page.mouse.move(x, 300 + (x % 200));
  }
  const frames = await page.evaluate(() => (window as unknown as { __frames: number[] }).__frames);
  await page.close();
  return frames;
}

/** The bare map page under the same pointer moves, for as long as the game was played. */
async function bareMapFrames(context: BrowserContext, url: string, ms: number): Promise<number[]> {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => typeof (window as unknown as { __firstFrame?: number }).__firstFrame === 'number', undefined, { timeout: 60_000 });
  await page.evaluate(RECORD_FRAMES);
  const end = performance.now() + ms;
  while (performance.now() < end) for (let x = 100; x < 700; x += 100) await page.mouse.move(x, 300 + (x % 200));
  const frames = await page.evaluate(() => (window as unknown as { __frames: number[] }).__frames);
  await page.close();
  return frames;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length - 1) * p))] ?? NaN;
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;

export async function browserBench(): Promise<void> {
  console.log('== Browser ==');
  console.log(`(machine load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} cores: figures are noisy when it is high)`);
  if (!existsSync(CHROMIUM)) {
    console.log(`(no browser at ${CHROMIUM}: apt-get install -y chromium)`);
    return;
  }
  const work = mkdtempSync(join(tmpdir(), 'crisis-lab-bench-'));
  const gameOut = join(work, 'game');
  const bareOut = join(work, 'bare');
  const mapOut = join(work, 'bare-map');
  const servers: PreviewServer[] = [];
  let context: BrowserContext | null = null;
  try {
    await build({ root: ROOT, logLevel: 'warn', build: { outDir: gameOut, emptyOutDir: true } });
    await buildBare(join(work, 'bare-src'), BARE_MAIN, bareOut);
    await buildBare(join(work, 'bare-map-src'), BARE_MAP_MAIN, mapOut);

    for (const outDir of [gameOut, bareOut, mapOut]) {
      servers.push(await preview({ root: ROOT, configFile: false, logLevel: 'warn', base: './', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false } }));
    }
    const urls = servers.map((s) => s.resolvedUrls?.local[0] ?? '');
    context = await chromium.launchPersistentContext(join(work, 'profile'), { executablePath: CHROMIUM, headless: true, viewport: { width: 1280, height: 800 }, args: ARGS });
    // Warm the browser itself once, so the first measured run is not the browser's start-up.
    await firstFrames(context, urls[1]!).catch(() => null);
    // Interleaved, so a burst of load on the machine hits both pages alike.
    const gameRun = { times: [] as number[], scripts: [] as string[] };
    const bareRun = { times: [] as number[], scripts: [] as string[] };
    for (let i = 0; i < RUNS; i += 1) {
      for (const [run, url] of [[gameRun, urls[0]!], [bareRun, urls[1]!]] as const) {
        const one = await firstFrames(context, url, 1);
        run.times.push(...one.times);
        run.scripts = one.scripts;
      }
    }

    const game = sizeOf(gameOut, gameRun.scripts);
    const bare = sizeOf(bareOut, bareRun.scripts);
    console.log(`JS before the first frame, game:        ${kb(game.raw)} raw, ${kb(game.gzip)} gzip (${game.files} files)`);
    console.log(`JS before the first frame, bare Phaser: ${kb(bare.raw)} raw, ${kb(bare.gzip)} gzip (${bare.files} file)`);
    console.log(`  ratio raw ${(game.raw / bare.raw).toFixed(2)}, gzip ${(game.gzip / bare.gzip).toFixed(2)} (goal ≤ ${JS_GOAL})`);

    const g = median(gameRun.times);
    const b = median(bareRun.times);
    console.log(`first frame, game:        median ${g.toFixed(0)} ms after navigation, ${RUNS} cold loads (${gameRun.times.map((x) => x.toFixed(0)).join(', ')})`);
    console.log(`first frame, bare Phaser: median ${b.toFixed(0)} ms (${bareRun.times.map((x) => x.toFixed(0)).join(', ')})`);
    console.log(`  ratio ${(g / b).toFixed(2)} (goal ≤ ${FIRST_FRAME_GOAL})`);

    const frames = await frameTimesWhilePlaying(context, urls[0]!);
    const played = frames.reduce((sum, f) => sum + f, 0);
    const mapFrames = await bareMapFrames(context, urls[2]!, played);
    const line = (xs: number[]) =>
      `p50 ${percentile(xs, 0.5).toFixed(1)} ms, p95 ${percentile(xs, 0.95).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms over ${xs.length} frames`;
    console.log(`frame time while playing:          ${line(frames)}`);
    console.log(`frame time, bare Phaser world map: ${line(mapFrames)} (same map size and pointer moves)`);
    console.log(`  ratio p95 ${(percentile(frames, 0.95) / percentile(mapFrames, 0.95)).toFixed(2)} (headless Chromium, software WebGL, capped at 60 fps)`);
  } finally {
    await context?.close();
    for (const s of servers) await new Promise<void>((ok) => s.httpServer.close(() => ok()));
    rmSync(work, { recursive: true, force: true });
  }
}

/** A bare page of Phaser (and, for the map, the game's map libraries) built from `main`. */
async function buildBare(root: string, main: string, outDir: string): Promise<void> {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'index.html'), BARE_HTML);
  writeFileSync(join(root, 'main.js'), main);
  const from = (path: string) => join(ROOT, 'node_modules', path);
  await build({
    root,
    configFile: false,
    base: './',
    logLevel: 'warn',
    resolve: {
      alias: {
        phaser: from('phaser/dist/phaser.esm.js'),
        'topojson-client': from('topojson-client'),
        'd3-geo': from('d3-geo'),
        'world-atlas/countries-110m.json': from('world-atlas/countries-110m.json'),
      },
    },
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 4000 },
  });
}

// `npx tsx bench/browser-bench.ts` runs it on its own.
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await browserBench();
