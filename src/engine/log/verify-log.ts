// Verifying an outcome log: its digest, its signature if any, the scenario it embeds (validated as
// `crisis-lab validate` validates a file, so this module reaches the scenario reader: yaml and
// zod), and a replay of its inputs that must give its turns and summary. Apart from
// outcome-log.ts, which writes logs, so that the game, which writes logs and verifies none, does
// not take the reader into its first load through it.
import { PACK_IDS, PARAMETER_KEYS, isPackId, type ModelParameters } from '../model/parameters';
import { summarize } from '../game/summary';
import type { GameState, TurnRecord } from '../game/types';
import { ENGINE_VERSION } from '../version';
import { CanonicalError, canonicalJson, sha256Hex } from './canonical';
import { embeddedRules, embeddedScenario, knownScenarioAt, type ValidScenario } from './embedded-scenario';
import { canonicalLayout } from './canonical-text';
import { playerProblem, policyProblem } from './log-policy';
import { verifySignature, type SignatureCheck } from './signature';
import { readStrictJson, type StrictRead } from './strict-json';
import { refusal, type Refusal, type RefusalCode, type RefusalParams } from './refusal';
import { sameJson } from './same-json';
import type { Sha256Async } from './web-sha256';
import { LOG_FORMAT, LOG_VERSION, inputOf, replayIntents, type OutcomeLog } from './outcome-log';

/** The fields of a log, signature and digest aside: the digest is taken over these. */
const BODY_FIELDS = new Set(['format', 'logVersion', 'engineVersion', 'scenario', 'rules', 'features', 'pack', 'parameters', 'seed', 'policy', 'player', 'turns', 'summary']);

export type VerifyResult =
  | { ok: true; log: OutcomeLog; signature: Exclude<SignatureCheck, { status: 'invalid' }> }
  | (Refusal & { engineVersion?: string });

/** Verifies a log's text: read strictly (no repeated key, no `__proto__`, every number written as
 * the engine writes it, bounded nesting), then as verifyLog. */
export function verifyLogText(text: string): VerifyResult {
  const prepared = prepareText(text);
  return 'verdict' in prepared ? prepared.verdict : finish(prepared, sha256Hex(prepared.texts.body));
}

/**
 * The same, with the digest taken by an asynchronous SHA-256: the browser's Web Crypto
 * (`crypto.subtle.digest`) hashes natively but only asynchronously. The rest stays synchronous.
 */
export async function verifyLogTextAsync(text: string, sha256Async: Sha256Async): Promise<VerifyResult> {
  const prepared = prepareText(text);
  return 'verdict' in prepared ? prepared.verdict : finish(prepared, await sha256Async(prepared.texts.body));
}

/** Verifies a parsed log: its digest, its signature if any, its embedded scenario (validated as
 * `crisis-lab validate` does), and a replay of its inputs that must give its turns and summary. */
export function verifyLog(input: unknown): VerifyResult {
  const prepared = prepare(input, null);
  return 'verdict' in prepared ? prepared.verdict : finish(prepared, sha256Hex(prepared.texts.body));
}

/** What the digest and the replay need, read from a log (also by log-bytes.ts). */
export interface Prepared {
  log: Partial<OutcomeLog>;
  texts: CanonicalTexts;
  /** The embedded scenario, when it was already known while the text was read. */
  embedded?: ValidScenario;
}

function prepareText(text: string): Prepared | { verdict: VerifyResult } {
  const asWritten = prepareCanonicalText(text);
  if (asWritten !== null) return asWritten;
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    const read = readStrictJson(text);
    return { verdict: read.ok ? refusal('not JSON', 'not-json', { what: 'unknown' }) : strictRefusal('not JSON', 'not-json', read) };
  }
  return prepare(value, text);
}

/**
 * A text that is already its own canonical form (a log as the engine writes it, perhaps with a
 * byte-order mark): the canonical texts are cut from it rather than written again, and an
 * embedded scenario seen before is neither read nor parsed again. Null for any other text, which
 * the general path reads: the verdict is the same either way, only found sooner.
 */
function prepareCanonicalText(text: string): Prepared | { verdict: VerifyResult } | null {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const end = text.charCodeAt(text.length - 1) === 10 ? text.length - 1 : text.length;
  let known: ValidScenario | undefined;
  const layout = canonicalLayout(text, start, end, (t, at) => {
    known = knownScenarioAt(t, at);
    return known?.text.length ?? 0;
  });
  if (layout === null) return null;
  const content = layout.scenarioContent;
  let log: Partial<OutcomeLog>;
  if (known !== undefined && content !== null) {
    // The scenario's value is the one parsed when it was first validated, shared (and frozen).
    log = JSON.parse(`${text.slice(start, content.start)}null${text.slice(content.end, end)}`) as Partial<OutcomeLog>;
    (log.scenario as { content: unknown }).content = known.content;
  } else {
    log = JSON.parse(text.slice(start, end)) as Partial<OutcomeLog>;
  }
  const verdict = headerVerdict(log);
  if (verdict !== null) return { verdict };
  let body = '{';
  for (const member of layout.members) {
    if (member.key === 'digest' || member.key === 'signature') continue;
    body += (body.length > 1 ? ',' : '') + text.slice(member.start, member.end);
  }
  // As canonicalTexts: the scenario's text when its content is an object or an array.
  const opening = content === null ? 0 : text.charCodeAt(content.start);
  const scenario = content !== null && (opening === 123 || opening === 91) ? (known?.text ?? text.slice(content.start, content.end)) : null;
  return { log, texts: { body: body + '}', scenario }, ...(known ? { embedded: known } : {}) };
}

/** The checks before the digest, and the canonical texts; a verdict when they already refuse. */
function prepare(input: unknown, text: string | null): Prepared | { verdict: VerifyResult } {
  const early = headerVerdict(input);
  if (early !== null) return { verdict: early };
  const log = input as Partial<OutcomeLog>;

  // The canonical text, written once: the body's for the digest, the scenario's for the cache.
  let texts: CanonicalTexts & { whole: string };
  try {
    texts = canonicalTexts(log);
  } catch (error) {
    if (!(error instanceof CanonicalError)) throw error;
    const where = text === null ? null : readStrictJson(text);
    const read: StrictRead = where && !where.ok ? where : { ok: false, reason: error.message, fault: error.fault, params: error.params };
    return { verdict: strictRefusal('not a strict log', 'not-strict', read) };
  }
  if (text !== null && !isCanonicalText(text, texts.whole)) {
    const read = readStrictJson(text);
    if (!read.ok) return { verdict: strictRefusal('not a strict log', 'not-strict', read) };
  }
  return { log, texts };
}

/** What is refused before anything is written or hashed: not a log, or a log of another version. */
export function headerVerdict(input: unknown): VerifyResult | null {
  const refuse = (reason: string, code: RefusalCode, params?: RefusalParams, engineVersion?: string) => ({
    ...refusal(reason, code, params),
    ...(engineVersion === undefined ? {} : { engineVersion }),
  });
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return refuse('not an outcome log: not a JSON object', 'not-object');
  const log = input as Partial<OutcomeLog>;
  if (log.format !== LOG_FORMAT) return refuse(`not an outcome log: "format" is not "${LOG_FORMAT}"`, 'not-log-format', { format: LOG_FORMAT });
  if (!Number.isInteger(log.logVersion) || (log.logVersion as number) < 1) return refuse('the log names no log format version', 'no-log-version');
  if ((log.logVersion as number) > LOG_VERSION) {
    return refuse(`log format version ${String(log.logVersion)} is newer than this engine reads (${LOG_VERSION})`, 'newer-log-version', { version: log.logVersion as number, reads: LOG_VERSION });
  }
  if (typeof log.engineVersion !== 'string') return refuse('the log names no engine version', 'no-engine-version');
  if (log.engineVersion !== ENGINE_VERSION) {
    return refuse(
      `made by engine version ${log.engineVersion}; this is ${ENGINE_VERSION}: verify it with that version`,
      'other-engine-version',
      { version: log.engineVersion.slice(0, 40), this: ENGINE_VERSION },
      log.engineVersion,
    );
  }
  return null;
}

/** Everything from the digest on, given the SHA-256 of the body's canonical text. */
export function finish({ log, texts, embedded: known }: Prepared, bodyDigest: string): VerifyResult {
  const { digest } = log;
  if (typeof digest !== 'string' || bodyDigest !== digest) {
    return refusal('the digest does not match: the log was changed after it was written', 'digest-mismatch');
  }
  const signature = verifySignature(log);
  if (signature.status === 'invalid') return refusal(signature.reason, signature.code, signature.params);
  const extra = Object.keys(log).find((k) => k !== 'digest' && k !== 'signature' && !BODY_FIELDS.has(k));
  if (extra !== undefined) return refusal(`the log has a field no engine writes: "${extra.slice(0, 40)}"`, 'unknown-field', { field: extra.slice(0, 40) });

  const scenarioField = log.scenario as Partial<OutcomeLog['scenario']> | undefined;
  if (texts.scenario === null || scenarioField === undefined || Object.keys(scenarioField).sort().join(',') !== 'content,id,sha256') {
    return refusal('the log\'s scenario is not an id, a SHA-256 and the content', 'scenario-shape');
  }
  const embedded = known ?? embeddedScenario(texts.scenario);
  if (!embedded.ok) return embedded;
  if (embedded.sha256 !== scenarioField.sha256) return refusal('the scenario inside the log does not match its SHA-256', 'scenario-hash');
  if (embedded.scenario.id !== scenarioField.id) return refusal('the scenario\'s id in the log is not the id of the scenario inside it', 'scenario-id', { id: String(scenarioField.id).slice(0, 80) });

  if (typeof log.rules !== 'string' || typeof log.seed !== 'string' || !Array.isArray(log.turns)) {
    return refusal('the log lacks its rules, seed or turns', 'missing-rules-seed-turns');
  }
  const rules = embeddedRules(embedded, log.rules);
  if (!rules.ok) return refusal(`the log's rule set cannot be played: ${rules.error}`, 'rule-set-unplayable', { rules: log.rules.slice(0, 80), detail: rules.error });
  if (!sameJson(rules.value.features, log.features)) {
    return refusal(`the log's institutional features are not those of rule set "${log.rules}"`, 'features-mismatch', { rules: log.rules.slice(0, 80) });
  }
  if (typeof log.pack !== 'string' || !isPackId(log.pack)) {
    return refusal(`the log names no known parameter pack (${PACK_IDS.join(', ')})`, 'unknown-pack', { packs: PACK_IDS.join(', ') });
  }
  const parameters = parametersOf(log.parameters);
  if (!parameters) return refusal(`the log's parameters are not a number for each of: ${PARAMETER_KEYS.join(', ')}`, 'bad-parameters', { keys: PARAMETER_KEYS.join(', ') });
  const policy = policyProblem(log.policy);
  if (policy) return typeof log.policy === 'string' ? refusal(policy, 'bad-policy', { policy: log.policy.slice(0, 80) }) : refusal(policy, 'no-policy');
  const player = playerProblem(log.player);
  if (player) return refusal(player, 'bad-player');
  const badTurn = log.turns.findIndex((t: unknown) => t === null || typeof t !== 'object' || Array.isArray(t) || !Array.isArray((t as TurnRecord).intents));
  if (badTurn >= 0) return refusal(`turn ${badTurn + 1} of the log is not a turn record`, 'bad-turn', { turn: badTurn + 1 });

  let replayed: GameState;
  try {
    replayed = replayIntents(embedded.scenario, log.rules, log.seed, log.turns.map(inputOf), { pack: log.pack, parameters });
  } catch (error) {
    return refusal(`replay failed: ${(error as Error).message}`, 'replay-failed', { detail: (error as Error).message });
  }
  // The inputs came from the log, so comparing what they produced (turns and summary) compares
  // the whole log: the rest is the header checked above.
  if (!sameJson(replayed.turns, log.turns)) {
    const turn = firstDifferentTurn(replayed.turns, log.turns);
    return turn === null ? refusal('the replay gives a different log', 'replay-differs') : refusal(`the replay differs from the log at turn ${turn}`, 'replay-differs-at', { turn });
  }
  if (!sameJson(summarize(replayed, log.policy as string), log.summary)) return refusal('the replay gives a different log', 'replay-differs');
  return { ok: true, log: log as OutcomeLog, signature };
}

/** A strict reading's refusal under a heading ("not JSON", "not a strict log"): the fault and
 * its line and column go along as parameters. */
function strictRefusal(heading: string, code: 'not-json' | 'not-strict', read: Extract<StrictRead, { ok: false }>): Refusal {
  return refusal(`${heading}: ${read.reason.replace(/^not strict JSON: /, '')}`, code, { ...read.params, what: read.fault });
}

export interface CanonicalTexts {
  /** The text the digest is taken over: every field but the digest and the signature. */
  body: string;
  /** The embedded scenario's, or null when there is none. */
  scenario: string | null;
}

/** The canonical texts, and the whole log's: each top-level field is written once, and the body
 * and the whole log are joined from the pieces. */
function canonicalTexts(log: Partial<OutcomeLog>): CanonicalTexts & { whole: string } {
  const record = log as Record<string, unknown>;
  const content = log.scenario !== null && typeof log.scenario === 'object' ? (log.scenario as { content?: unknown }).content : undefined;
  const scenario = content !== null && typeof content === 'object' ? canonicalJson(content) : null;
  const known = scenario === null ? undefined : new Map([[content as object, scenario]]);
  const whole: string[] = [];
  const body: string[] = [];
  for (const key of Object.keys(record).sort()) {
    if (key === '__proto__') throw new CanonicalError('a "__proto__" key');
    if (record[key] === undefined) continue;
    const member = `${JSON.stringify(key)}:${canonicalJson(record[key], known)}`;
    whole.push(member);
    if (key !== 'digest' && key !== 'signature') body.push(member);
  }
  return { whole: `{${whole.join(',')}}`, body: `{${body.join(',')}}`, scenario };
}

/** The text as the engine writes it (a final newline, perhaps a byte-order mark from an editor). */
function isCanonicalText(text: string, canonical: string): boolean {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return body === canonical || body === canonical + '\n';
}

function parametersOf(input: unknown): ModelParameters | null {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return null;
  const values = input as Record<string, unknown>;
  const out = {} as ModelParameters;
  for (const key of PARAMETER_KEYS) {
    const v = values[key];
    if (typeof v !== 'number' || !Number.isFinite(v)) return null;
    out[key] = v;
  }
  return Object.keys(values).length === PARAMETER_KEYS.length ? out : null;
}

/** The first turn whose records differ, or null when the turns agree. */
export function firstDifferentTurn(a: TurnRecord[], b: TurnRecord[]): number | null {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    if (!x || !y || !sameJson(x, y)) return (x ?? y)?.turn ?? i + 1;
  }
  return null;
}
