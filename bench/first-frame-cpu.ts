// The CPU a page spends before its first frame, from Chromium's trace: thread time, not wall time,
// so it stays comparable while other work shares the cores and the first frame's time swings by
// ±200 ms (bench/browser-bench.ts prints both).
import type { Browser } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  /** Thread time of a complete ('X') event, µs. */
  tdur?: number;
  args?: { name?: string };
}

export interface FrameCpu {
  /** The renderer's main thread (parsing, running scripts, style, layout, drawing), ms. */
  main: number;
  /** Every thread of the renderer, the pool that compiles scripts in the background too, ms. */
  renderer: number;
}

/** Tasks: the main thread's and the thread pool's top-level work items. */
const TASKS = new Set(['ThreadControllerImpl::RunTask', 'ThreadPool_RunTask']);

/**
 * One cold load of `url` in a fresh browser context, traced: the thread time of every task its
 * renderer began between navigation and the first frame. `firstFrame` is an expression whose
 * promise gives the first frame's performance.now().
 */
export async function cpuBeforeFirstFrame(browser: Browser, url: string, viewport: { width: number; height: number }, firstFrame: string): Promise<FrameCpu> {
  const context = await browser.newContext({ viewport });
  try {
    const page = await context.newPage();
    const session = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    session.on('Tracing.dataCollected', (data) => events.push(...(data.value as unknown as TraceEvent[])));
    await session.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: ['toplevel', 'blink.user_timing'] } });
    await page.goto(url, { waitUntil: 'commit' });
    const { result } = await session.send('Runtime.evaluate', { expression: firstFrame, awaitPromise: true, returnByValue: true });
    const complete = new Promise<void>((done) => session.once('Tracing.tracingComplete', () => done()));
    await session.send('Tracing.end');
    await complete;
    // The page's own navigation (a fresh tab's about:blank comes first), and its time origin.
    const navigation = events.filter((e) => e.name === 'navigationStart').sort((a, b) => b.ts - a.ts)[0];
    const mainThread = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === navigation?.pid);
    if (!navigation || !mainThread || typeof result.value !== 'number') throw new Error(`${url}: no navigation or first frame in the trace`);
    const end = navigation.ts + result.value * 1000;
    let main = 0;
    let renderer = 0;
    for (const e of events) {
      if (e.pid !== navigation.pid || e.ph !== 'X' || !TASKS.has(e.name) || e.ts < navigation.ts || e.ts >= end || e.tdur === undefined) continue;
      renderer += e.tdur / 1000;
      if (e.tid === mainThread.tid) main += e.tdur / 1000;
    }
    return { main, renderer };
  } finally {
    await context.close();
  }
}
