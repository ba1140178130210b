// The scenario a log embeds, checked once per distinct scenario: a class's logs mostly share one
// or two, and validating one (the same checks as `crisis-lab validate`, cross-references
// included) costs many times a replay. Keyed by the scenario's canonical text, so a hit needs no
// hash at all: the log's digest is the one SHA-256 taken per log.
import { parseScenario } from '../scenario/load';
import type { Scenario } from '../scenario/schema';
import { resolveRuleSet } from '../rules/rule-set';
import { canonicalJson, sha256Hex } from './canonical';
import { refusal, type Refusal } from './refusal';

export type EmbeddedScenario = { ok: true; scenario: Scenario; sha256: string; rules: Map<string, ReturnType<typeof resolveRuleSet>> } | Refusal;

/** Enough for every scenario of a class and its variants; the oldest goes first. */
const CACHE_SIZE = 32;
const cache = new Map<string, EmbeddedScenario>();

/** The scenario whose canonical text this is, validated in full, or why it is refused. */
export function embeddedScenario(text: string): EmbeddedScenario {
  let entry = cache.get(text);
  if (entry === undefined) {
    entry = check(text);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(text, entry);
  }
  return entry;
}

/** A rule set resolved against an embedded scenario, once per scenario and name. */
export function embeddedRules(entry: Extract<EmbeddedScenario, { ok: true }>, name: string): ReturnType<typeof resolveRuleSet> {
  let resolved = entry.rules.get(name);
  if (resolved === undefined) {
    resolved = resolveRuleSet(name, entry.scenario.ruleSets);
    if (entry.rules.size < CACHE_SIZE) entry.rules.set(name, resolved);
  }
  return resolved;
}

function check(text: string): EmbeddedScenario {
  // JSON is YAML: the validator reads the embedded scenario as it reads a file.
  const parsed = parseScenario(text, 'scenario');
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
  if (canonicalJson(parsed.scenario) !== text) return refusal('the scenario inside the log is not in the form the engine writes (a field is missing or was added by hand)', 'scenario-not-canonical');
  return { ok: true, scenario: parsed.scenario, sha256: sha256Hex(text), rules: new Map() };
}
