import { afterEach, describe, expect, it, vi } from 'vitest';
import { chosenPack, fetchAssigned, readAssignment } from './assignment';

describe('the assignment link', () => {
  it('reads a preset, a design-lab spec (its + read back from spaces) and the other choices', () => {
    expect(readAssignment('?scenario=tutorial&rules=csto&seed=42&lock=1')).toEqual({ scenario: 'tutorial', rules: 'csto', seed: '42', pack: null, lock: true });
    expect(readAssignment('?rules=sco+commitment=automatic+command=rapid-reaction').rules).toBe('sco+commitment=automatic+command=rapid-reaction');
    expect(readAssignment('?rules=sco%2Bcommitment%3Dautomatic').rules).toBe('sco+commitment=automatic');
    expect(readAssignment('?rules=&seed=%20')).toEqual({ scenario: null, rules: null, seed: null, pack: null, lock: false });
  });

  it('reads the reading of the research (parameter pack), known or not, for the start screen to check', () => {
    expect(readAssignment('?scenario=tutorial&rules=nato&seed=1&pack=sceptic&lock=1')).toEqual({ scenario: 'tutorial', rules: 'nato', seed: '1', pack: 'sceptic', lock: true });
    expect(readAssignment('?pack=%20Realist%20').pack).toBe('realist');
    expect(readAssignment('?pack=nonsense').pack).toBe('nonsense');
    expect(readAssignment('?pack=').pack).toBeNull();
  });

  it('plays a locked link’s pack, else the student’s pick, the link’s, the scenario’s, baseline', () => {
    expect(chosenPack('realist', 'sceptic', 'study', true)).toBe('sceptic');
    expect(chosenPack('realist', 'sceptic', 'study', false)).toBe('realist');
    expect(chosenPack(null, 'sceptic', 'study', false)).toBe('sceptic');
    expect(chosenPack(null, null, 'study', false)).toBe('study');
    expect(chosenPack(null, null, undefined, false)).toBe('baseline');
    // A pack the engine does not know is passed over, locked or not.
    expect(chosenPack(null, 'nonsense', 'study', true)).toBe('study');
    expect(chosenPack('realist', 'nonsense', undefined, true)).toBe('realist');
  });
});

describe('fetching an assignment link’s scenario file', () => {
  const base = 'https://school.example/games/index.html';
  const answer = (status: number, body = 'id: x') => (async () => new Response(body, { status })) as typeof fetch;
  /** A server that never answers: the fetch ends only when its signal aborts. */
  const silent = (async (_url: unknown, init?: RequestInit) =>
    new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as typeof fetch;

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('resolves the address against the page and returns the text', async () => {
    expect(await fetchAssigned('scenarios/mine.yaml', base, { fetchImpl: answer(200, 'id: mine') })).toEqual({ ok: true, text: 'id: mine', url: 'https://school.example/games/scenarios/mine.yaml' });
  });

  it('says "not found" with the address for a missing file, and names other statuses', async () => {
    expect(await fetchAssigned('missing.yaml', base, { fetchImpl: answer(404, 'Not Found') })).toEqual({ ok: false, problem: 'not-found', url: 'https://school.example/games/missing.yaml', status: 404 });
    expect(await fetchAssigned('x.yaml', base, { fetchImpl: answer(500) })).toMatchObject({ ok: false, problem: 'http', status: 500 });
    // A host that answers a missing file with its index page (status 200) has not found it either.
    const page = (async () => new Response('<!doctype html><html><body>app</body></html>', { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } })) as typeof fetch;
    expect(await fetchAssigned('gone.yaml', base, { fetchImpl: page })).toMatchObject({ ok: false, problem: 'not-found', url: 'https://school.example/games/gone.yaml' });
    const untyped = (async () => new Response('<html>\n<head></head></html>', { status: 200 })) as typeof fetch;
    expect(await fetchAssigned('gone.yaml', base, { fetchImpl: untyped })).toMatchObject({ ok: false, problem: 'not-found' });
  });

  it('gives up on a server that never answers once the time limit passes (issue 14.4)', async () => {
    vi.useFakeTimers();
    const pending = fetchAssigned('https://slow.example/s.yaml', base, { fetchImpl: silent, timeoutMs: 5000 });
    await vi.advanceTimersByTimeAsync(5000);
    expect(await pending).toEqual({ ok: false, problem: 'timeout', url: 'https://slow.example/s.yaml' });
  });

  it('stops when the player goes back to the menu', async () => {
    const back = new AbortController();
    const pending = fetchAssigned('s.yaml', base, { fetchImpl: silent, signal: back.signal });
    back.abort();
    expect(await pending).toMatchObject({ ok: false, problem: 'cancelled' });
  });

  it('keeps the page’s own answers by address, but not a cancelled fetch (the student may come back to it)', async () => {
    const back = new AbortController();
    vi.stubGlobal('fetch', silent);
    const cancelled = fetchAssigned('kept.yaml', base, { signal: back.signal });
    back.abort();
    expect(await cancelled).toMatchObject({ ok: false, problem: 'cancelled' });
    let asked = 0;
    vi.stubGlobal('fetch', (async () => {
      asked += 1;
      return new Response('id: kept', { status: 200 });
    }) as typeof fetch);
    expect(await fetchAssigned('kept.yaml', base)).toEqual({ ok: true, text: 'id: kept', url: 'https://school.example/games/kept.yaml' });
    expect(await fetchAssigned('https://school.example/games/kept.yaml', base)).toMatchObject({ ok: true, text: 'id: kept' });
    expect(asked).toBe(1);
  });

  it('refuses an address that is not http(s), and tells a failed connection apart', async () => {
    expect(await fetchAssigned('javascript:alert(1)', base)).toMatchObject({ ok: false, problem: 'bad-address' });
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await fetchAssigned('s.yaml', base, { fetchImpl: offline })).toMatchObject({ ok: false, problem: 'network' });
  });
});
