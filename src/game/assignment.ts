// The assignment link: ?scenario=<id or URL>&rules=sco&seed=42&pack=sceptic&lock=1. `rules` is
// any rule set the scenario resolves: a preset, one the scenario defines, or a design-lab spec
// such as `sco+commitment=automatic`. It is checked against the scenario once that is loaded.
// `pack` names the reading of the research (a parameter pack); the start screen checks it.
import { DEFAULT_PACK, isPackId, type PackId } from './engine';

export interface Assignment {
  scenario: string | null;
  rules: string | null;
  seed: string | null;
  /** The parameter pack as written in the link, known or not. */
  pack: string | null;
  lock: boolean;
}

export function readAssignment(search: string): Assignment {
  const params = new URLSearchParams(search);
  // A '+' in a query string reads as a space; a rule-set spec has no spaces, so they were '+'.
  const rules = params.get('rules')?.trim().replace(/\s+/g, '+') ?? null;
  const seed = params.get('seed');
  const pack = params.get('pack')?.trim().toLowerCase() ?? null;
  return {
    scenario: params.get('scenario') || null,
    rules: rules ? rules.slice(0, 400) : null,
    seed: seed !== null && seed.trim() !== '' ? seed.trim().slice(0, 64) : null,
    pack: pack ? pack.slice(0, 40) : null,
    lock: params.get('lock') === '1' || params.get('lock') === 'true',
  };
}

/** A seed for the UI to offer; the engine itself never draws from Math.random. */
export function randomSeed(): string {
  return String(Math.floor(Math.random() * 1_000_000));
}

/** The pack a game would be played under: one an instructor's locked link fixes, else the
 * student's pick, else the link's, else the scenario's own, else baseline. */
export function chosenPack(picked: PackId | null, linked: string | null, scenarioPack: PackId | undefined, locked: boolean): PackId {
  const fromLink = linked !== null && isPackId(linked) ? linked : null;
  if (locked && fromLink) return fromLink;
  return picked ?? fromLink ?? scenarioPack ?? DEFAULT_PACK;
}

/** How long an assignment link's scenario may take to arrive before the page says so. */
export const ASSIGNMENT_TIMEOUT_MS = 20_000;

/** A scenario file fetched for an assignment link, or why it could not be: the address not found
 * (404 or 410), another HTTP status, no answer within the time limit, no connection, the player
 * went back to the menu, or an address that is not one. `url` is the address as resolved. */
export type Fetched =
  | { ok: true; text: string; url: string }
  | { ok: false; problem: 'not-found' | 'http' | 'timeout' | 'network' | 'cancelled' | 'bad-address'; url: string; status?: number };

export interface FetchOptions {
  timeoutMs?: number;
  /** Aborts the fetch when the player goes back to the menu. */
  signal?: AbortSignal;
  fetchImpl?: typeof fetch;
}

/** Answers the page's own fetch had, by address. In an LMS package the connection to the course
 * fetches the assignment's scenario before the start screen asks for it: the student should wait
 * out one silent server, not the same one twice. A cancelled fetch is not an answer, and a failed
 * connection may be gone a moment later, so neither is kept. */
const answered = new Map<string, Fetched>();

/** Fetches `ref` (relative to `base`, the page's address) within the time limit. Never throws. */
export async function fetchAssigned(ref: string, base: string, options: FetchOptions = {}): Promise<Fetched> {
  let url: URL;
  try {
    url = new URL(ref, base);
  } catch {
    return { ok: false, problem: 'bad-address', url: ref };
  }
  const href = url.href;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, problem: 'bad-address', url: href };
  if (options.fetchImpl) return fetchWithin(href, options);
  const had = answered.get(href);
  if (had) return had;
  const fetched = await fetchWithin(href, options);
  if (fetched.ok || (fetched.problem !== 'cancelled' && fetched.problem !== 'network')) answered.set(href, fetched);
  return fetched;
}

async function fetchWithin(href: string, options: FetchOptions): Promise<Fetched> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs ?? ASSIGNMENT_TIMEOUT_MS);
  const cancel = () => controller.abort();
  options.signal?.addEventListener('abort', cancel);
  try {
    // The time limit covers the body too: a server can send headers and then stall.
    const response = await (options.fetchImpl ?? fetch)(href, { signal: controller.signal });
    if (response.status === 404 || response.status === 410) return { ok: false, problem: 'not-found', url: href, status: response.status };
    if (!response.ok) return { ok: false, problem: 'http', url: href, status: response.status };
    const text = await response.text();
    // Many static hosts answer a missing file with their index page (status 200): a web page is
    // never a scenario file, and saying "not found" beats a list of YAML errors about HTML.
    if ((response.headers.get('content-type') ?? '').includes('text/html') || /^\s*<(!doctype\s+html|html)[\s>]/i.test(text)) return { ok: false, problem: 'not-found', url: href, status: response.status };
    return { ok: true, text, url: href };
  } catch {
    return { ok: false, problem: timedOut ? 'timeout' : options.signal?.aborted ? 'cancelled' : 'network', url: href };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', cancel);
  }
}
