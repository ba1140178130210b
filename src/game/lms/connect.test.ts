// Connecting to the course when the package's assignment names a scenario at an address whose
// server never answers: the connection gives up at the assignment's time limit (the app waits
// for it before it starts), records the game all the same, and the start screen's own request
// for the address gets that answer at once instead of waiting for the same server again.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type Scorm12ApiClass from 'scorm-again/scorm12';
import * as scorm12 from 'scorm-again/scorm12';
import { ASSIGNMENT_TIMEOUT_MS, fetchAssigned } from '../assignment';
import { connectLms } from './connect';
import type { PackageConfig } from './package-config';

// The package's types name a default export; its ES module exports the class by name.
const Scorm12API = (scorm12 as unknown as { Scorm12API: typeof Scorm12ApiClass }).Scorm12API;

const PAGE = 'https://lms.example/course/sco/index.html';

/** A page inside the course's frame: the runtime on the window, as an LMS puts it there. */
function courseWindow(cmi: Record<string, unknown>): Window {
  const runtime = new Scorm12API({ autocommit: false, lmsCommitUrl: false, logLevel: 5 });
  runtime.loadFromJSON({ cmi });
  return { API: runtime, parent: null, location: { href: PAGE }, addEventListener: () => undefined } as unknown as Window;
}

/** A server that never answers; `asked` resolves when the page has asked it. */
function silentServer(): { fetch: typeof fetch; asked: Promise<void>; calls: string[] } {
  const calls: string[] = [];
  let heard: () => void = () => undefined;
  const asked = new Promise<void>((resolve) => (heard = resolve));
  const silent = (async (url: unknown, init?: RequestInit) => {
    calls.push(String(url));
    heard();
    return new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
  }) as typeof fetch;
  return { fetch: silent, asked, calls };
}

function assignedAt(address: string): PackageConfig {
  return { lms: 'scorm12', assignment: `scenario=${encodeURIComponent(address)}&rules=nato&seed=7&lock=1` };
}

describe('an LMS package whose assignment link never answers', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('stops waiting at the time limit, records the game, and the start screen hears "timeout" without asking again', async () => {
    const server = silentServer();
    vi.stubGlobal('fetch', server.fetch);
    vi.useFakeTimers();
    let settled = false;
    const connecting = connectLms(assignedAt('https://slow.example/assigned.yaml'), () => undefined, courseWindow({ core: { entry: 'ab-initio' } })).finally(() => (settled = true));
    await server.asked;
    await vi.advanceTimersByTimeAsync(ASSIGNMENT_TIMEOUT_MS - 1);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await connecting).toEqual({ status: 'recording', resumed: 'no' });

    // The start screen asks for the same address and is told at once why the scenario is missing.
    expect(await fetchAssigned('https://slow.example/assigned.yaml', PAGE)).toEqual({ ok: false, problem: 'timeout', url: 'https://slow.example/assigned.yaml' });
    expect(server.calls).toEqual(['https://slow.example/assigned.yaml']);
  });

  it('says that the game the course kept could not be resumed, and still records', async () => {
    const server = silentServer();
    vi.stubGlobal('fetch', server.fetch);
    vi.useFakeTimers();
    const kept = 'v=1&s=7&i=a..&h=0123456789abcdef';
    const connecting = connectLms(assignedAt('kept/assigned.yaml'), () => undefined, courseWindow({ core: { entry: 'resume' }, suspend_data: kept }));
    await server.asked;
    expect(server.calls).toEqual(['https://lms.example/course/sco/kept/assigned.yaml']);
    await vi.advanceTimersByTimeAsync(ASSIGNMENT_TIMEOUT_MS);
    const state = await connecting;
    expect(state).toMatchObject({ status: 'recording', resumed: 'no' });
    // The assigned scenario never came, so the kept game cannot name one.
    expect(state.status === 'recording' && state.resumeError).toBe('no-scenario');
  });
});
