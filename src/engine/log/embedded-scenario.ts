// The scenario a log embeds, checked once per distinct scenario: a class's logs mostly share one
// or two, and validating one (the same checks as `crisis-lab validate`, cross-references
// included) costs many times a replay. Keyed by the scenario's canonical text, so a hit needs no
// hash at all: the log's digest is the one SHA-256 taken per log.
import { parseScenario, validScenarioData, type ParseScenarioResult } from '../scenario/load';
import type { Scenario } from '../scenario/schema';
import { resolveRuleSet } from '../rules/rule-set';
import { canonicalJson } from './canonical';
import { fromText } from './written-scenario';
import { refusal, type Refusal } from './refusal';

export type EmbeddedScenario = ValidScenario | Refusal;
/** `text` is the scenario's canonical text, the key it is cached by; `content` that text as a
 * reader parses it (keys in the text's order), frozen, for the logs that embed it to share. */
export type ValidScenario = { ok: true; scenario: Scenario; sha256: string; text: string; bytes: Uint8Array; content: unknown; rules: Map<string, ReturnType<typeof resolveRuleSet>> };

/** Enough for every scenario of a class and its variants; the oldest goes first. */
const CACHE_SIZE = 32;
const cache = new Map<string, EmbeddedScenario>();

/** The scenario whose canonical text this is, validated in full, or why it is refused. */
export function embeddedScenario(text: string): EmbeddedScenario {
  let entry = cache.get(text);
  if (entry === undefined) {
    entry = check(text);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    // The key must not hold on to a larger text it was cut from (a whole log, up to 8 MB): a
    // valid scenario is keyed by the text the validator's scenario writes, a refused one by a copy.
    cache.set(entry.ok ? entry.text : (JSON.parse(JSON.stringify(text)) as string), entry);
  }
  return entry;
}

let lastFound: ValidScenario | undefined;

/** A valid scenario already in the cache whose canonical text starts at `at` in `text`, or
 * undefined. A log's text that is canonical is then read past its scenario: neither checked nor
 * parsed again. */
export function knownScenarioAt(text: string, at: number): ValidScenario | undefined {
  return findKnown((entry) => startsWith(text, at, entry.text));
}

/** The same in a log's bytes (UTF-8, as read from a file), within [at, end): a scenario seen
 * before is found without decoding it. */
export function knownScenarioBytesAt(bytes: Uint8Array, at: number, end: number): ValidScenario | undefined {
  return findKnown((entry) => bytesAt(bytes, at, end, entry.bytes));
}

/** The cached valid scenario that `liesThere`; the one found last is tried first, as a class's
 * logs mostly share a scenario. */
function findKnown(liesThere: (entry: ValidScenario) => boolean): ValidScenario | undefined {
  if (lastFound !== undefined && cache.get(lastFound.text) === lastFound && liesThere(lastFound)) return lastFound;
  for (const entry of cache.values()) {
    if (entry.ok && entry !== lastFound && liesThere(entry)) return (lastFound = entry);
  }
  return undefined;
}

/** Whether `part` lies at `at`, compared four bytes at a time: about a fifth of the time of a loop
 * over single bytes on a scenario's 20-odd kB. */
function bytesAt(bytes: Uint8Array, at: number, end: number, part: Uint8Array): boolean {
  const n = part.length;
  if (end - at < n) return false;
  const a = new DataView(bytes.buffer, bytes.byteOffset + at, n);
  const b = new DataView(part.buffer, part.byteOffset, n);
  let i = 0;
  for (; i + 4 <= n; i += 4) if (a.getUint32(i) !== b.getUint32(i)) return false;
  for (; i < n; i++) if (a.getUint8(i) !== b.getUint8(i)) return false;
  return true;
}

/** text.startsWith(part, at), as a cut and an equality: several times as fast in V8 on long texts. */
function startsWith(text: string, at: number, part: string): boolean {
  return text.length - at >= part.length && text.slice(at, at + part.length) === part;
}

/** A rule set resolved against an embedded scenario, once per scenario and name. */
export function embeddedRules(entry: ValidScenario, name: string): ReturnType<typeof resolveRuleSet> {
  let resolved = entry.rules.get(name);
  if (resolved === undefined) {
    resolved = resolveRuleSet(name, entry.scenario.ruleSets);
    if (entry.rules.size < CACHE_SIZE) entry.rules.set(name, resolved);
  }
  return resolved;
}

function check(text: string): EmbeddedScenario {
  // JSON is YAML: the validator reads the embedded scenario as it reads a file, but a canonical
  // text is first read as JSON, without the YAML reader (most of a validation's time); a refusal
  // is left to the reader, which says where the problem is.
  const parsed = readCanonical(text) ?? parseScenario(text, 'scenario');
  if (!parsed.ok) {
    const [first] = parsed.problems;
    const more = parsed.problems.length - 1;
    return {
      ...refusal(
        `the scenario inside the log is not a valid scenario: ${first?.path ? `${first.path}: ` : ''}${first?.message ?? 'invalid'}${more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'})` : ''}`,
        'scenario-invalid',
        { more },
      ),
      // The validator's own code: the page words it with the validator's catalogue.
      ...(first ? { problem: { path: first.path, code: first.code, params: first.params } } : {}),
    };
  }
  // What the engine embeds is the validated scenario itself, defaults filled in: anything else was written by hand.
  const canonical = canonicalJson(parsed.scenario);
  if (canonical !== text) return refusal('the scenario inside the log is not in the form the engine writes (a field is missing or was added by hand)', 'scenario-not-canonical');
  const { sha256, bytes } = fromText(parsed.scenario, canonical);
  return { ok: true, scenario: parsed.scenario, sha256, text: canonical, bytes, content: deepFreeze(JSON.parse(canonical)), rules: new Map() };
}

/** The scenario a canonical JSON text holds, when it is valid; null sends the text to the reader. */
function readCanonical(text: string): ParseScenarioResult | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  // Canonical, the text has no form the two readers could take differently (whitespace, a
  // byte-order mark, a repeated key, an escape of its own).
  try {
    if (canonicalJson(data) !== text) return null;
  } catch {
    return null;
  }
  const scenario = validScenarioData(text, data);
  return scenario ? { ok: true, scenario } : null;
}

/** Frozen all through: one object handed out with many verified logs must not change under them. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}
