// Every input to a comparison is classified before anything is counted: a verified outcome
// log, a refused one (a log that fails verification, with the reason), a log from another engine
// version, a batch summary (`crisis-lab batch --json`), which is not a log and so cannot be
// verified: it is accepted as an unverified summary and kept apart from the verified logs in
// every table; or an ignored file, which is not a log at all (with the reason).
import { verifyLog, verifyLogBytes, verifyLogText, verifyLogTextAsync, type OutcomeLog, type SignatureCheck, type VerifyResult } from '../engine/index';
import type { Sha256Async } from '../engine/index';
import { turnCourse } from '../engine/index';
import { canonicalJson, sha256Hex } from '../engine/index';
import { SUMMARY_INDICATORS, type GameSummary } from '../engine/index';
import type { Indicators, InstitutionalFeatures } from '../engine/index';
import type { IntentId } from '../engine/index';
import { isRuleSetName } from './rule-sets';
import type { Refusal, RefusalCode, RefusalParams } from '../engine/index';

/** A refusal's code, or why an input is no log at all; the page words each in its language. */
export type InputCode = RefusalCode | 'not-object-input' | 'not-summary' | 'empty-file' | 'not-json-lines' | 'not-log-file' | 'cannot-verify' | 'unreadable-file' | 'unreadable-folder' | 'symlink-loop';

/** Why an input was refused or ignored, as a code and parameters beside the English reason. */
export interface Why {
  code: InputCode;
  params?: RefusalParams;
  /** The validator's own problem, for an embedded scenario it refuses. */
  problem?: Refusal['problem'];
}

/** The code, parameters and problem of a refusal, without its English reason. */
export function whyOf(r: { code: InputCode; params?: RefusalParams; problem?: Refusal['problem'] }): Why {
  return { code: r.code, ...(r.params ? { params: r.params } : {}), ...(r.problem ? { problem: r.problem } : {}) };
}

export type EntryStatus = 'verified' | 'refused' | 'other-version' | 'summary' | 'ignored';

/** What the comparison keeps of one game's turn: small and JSON-serialisable (workers pass it). */
export interface TurnObservation {
  turn: number;
  intents: IntentId[];
  indicators: Indicators;
  /** The turn's course as the engine defines it for every comparison of two games (turnCourse:
   * the alliance's decisions, the adversary's move and the events, never the indicators). */
  course: string;
}

/** One accepted game: from a verified log (with its turns) or a batch summary (without). */
export interface Observation {
  scenario: string;
  /** SHA-256 of the scenario's content; logs only (a summary does not carry it). */
  scenarioSha?: string;
  /** The rule set's name as the log or summary records it (a preset, the scenario's, a lab spec). */
  rules: string;
  /** The rule set's every feature, as the log records it; logs only (a summary does not carry it). */
  features?: InstitutionalFeatures;
  seed: string;
  policy: string;
  /** Present only when the student typed a name. */
  player?: string;
  summary: GameSummary;
  turns?: TurnObservation[];
  /** The log's digest; logs only. Two inputs with one digest are the same log twice. */
  digest?: string;
  /** The game itself, whoever the log names: a hash of the scenario, rule set, pack, parameters,
   * seed and turns, leaving out the player's name and the policy; logs only. Two logs with one
   * game and two digests are the same game under two names (or relabelled as human play). */
  game?: string;
  /** The public key whose valid signature the log carries (64 hex digits); absent for an
   * unsigned log (integrity only) and for summaries. */
  signedBy?: string;
}

export interface Entry {
  /** Where the input came from: a file name, or file:line for a line of a JSON-lines file. */
  source: string;
  status: EntryStatus;
  /** Why it was refused, or which version made it. */
  reason?: string;
  /** The reason as a code and parameters, for a reader in another language. */
  why?: Why;
  engineVersion?: string;
  observation?: Observation;
}

/** Fields of a summary that must be numbers (days to the first measure may also be null). */
const SUMMARY_NUMBERS = ['turns', ...SUMMARY_INDICATORS.filter((k) => k !== 'daysToFirstCollectiveMeasure')] as const;

/** Why an object is not a GameSummary, or null when it is one. */
export function summaryProblem(input: Record<string, unknown>): string | null {
  for (const key of ['scenario', 'seed', 'policy'] as const) {
    if (typeof input[key] !== 'string') return `"${key}" is missing or not text`;
  }
  if (!isRuleSetName(input.rules)) return '"rules" is not a rule-set name';
  for (const key of SUMMARY_NUMBERS) {
    const v = input[key];
    if (typeof v !== 'number' || !Number.isFinite(v)) return `"${key}" is missing or not a number`;
  }
  const days = input.daysToFirstCollectiveMeasure;
  if (days !== null && (typeof days !== 'number' || !Number.isFinite(days))) return '"daysToFirstCollectiveMeasure" is not a number or null';
  if (!Array.isArray(input.decisions)) return '"decisions" is missing';
  return null;
}

function turnFacts(log: OutcomeLog): TurnObservation[] {
  return log.turns.map((t) => ({
    turn: t.turn,
    intents: t.intents,
    indicators: t.indicators,
    course: turnCourse(t),
  }));
}

export function observeLog(log: OutcomeLog, signature?: SignatureCheck): Observation {
  return {
    ...(signature?.status === 'signed' ? { signedBy: signature.key } : {}),
    scenario: log.scenario.id,
    scenarioSha: log.scenario.sha256,
    rules: log.rules,
    features: log.features,
    seed: log.seed,
    policy: log.policy,
    ...(log.player ? { player: log.player } : {}),
    summary: log.summary,
    turns: turnFacts(log),
    digest: log.digest,
    game: sha256Hex(canonicalJson([log.scenario.sha256, log.rules, log.pack, log.parameters, log.seed, log.turns])),
  };
}

/** An input that is not a log at all: listed with the reason, never counted. */
export function ignored(source: string, reason: string, why?: Why): Entry {
  return { source, status: 'ignored', reason, ...(why ? { why } : {}) };
}

/** Whether a value says it is a log (it has `format`, `engineVersion` or `digest`). */
function isLogLike(input: unknown): boolean {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return false;
  return 'format' in input || 'engineVersion' in input || 'digest' in input;
}

function cannotVerify(source: string, error: unknown): Entry {
  const detail = (error as Error).message;
  return { source, status: 'refused', reason: `cannot be verified: ${detail}`, why: { code: 'cannot-verify', params: { detail } } };
}

/**
 * Classifies one parsed JSON value. Anything that says it is a log goes through verification,
 * replay included: of its own text when it has one (a file, a line), read strictly as `verify`
 * reads it, else of the parsed value (an item of a JSON array); anything else must be a complete
 * batch summary.
 */
export function classify(input: unknown, source: string, text?: string): Entry {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return ignored(source, 'not an outcome log nor a batch summary: not a JSON object', { code: 'not-object-input' });
  }
  const object = input as Record<string, unknown>;
  if (isLogLike(object)) {
    let result: VerifyResult;
    try {
      result = text === undefined ? verifyLog(input) : verifyLogText(text);
    } catch (error) {
      return cannotVerify(source, error);
    }
    return verdictEntry(result, source);
  }
  const problem = summaryProblem(object);
  if (problem) return ignored(source, `not an outcome log nor a batch summary: ${problem}`, { code: 'not-summary', params: { detail: problem } });
  const summary = input as GameSummary;
  return {
    source,
    status: 'summary',
    observation: { scenario: summary.scenario, rules: summary.rules, seed: summary.seed, policy: summary.policy, summary },
  };
}

/** The entry for verifyLog's or verifyLogText's verdict on one log. */
export function verdictEntry(result: VerifyResult, source: string): Entry {
  if (result.ok) return { source, status: 'verified', observation: observeLog(result.log, result.signature) };
  const why = whyOf(result);
  if (result.engineVersion !== undefined) return { source, status: 'other-version', engineVersion: result.engineVersion, reason: result.reason, why };
  // Another program's JSON with a "format" field is not a changed log: it is no log at all.
  if (result.reason.startsWith('not an outcome log')) return ignored(source, result.reason, why);
  return { source, status: 'refused', reason: result.reason, why };
}

/**
 * Splits a file's text into the JSON values it holds: one JSON document (an object, or an array
 * of them), or JSON lines (what `crisis-lab batch --json` prints), one value per line. Lines that
 * do not parse come back as ignored entries naming the line.
 */
export function parseInputs(text: string, name: string): { values: { value: unknown; source: string; text?: string }[]; ignored: Entry[] } {
  const trimmed = text.trim();
  if (trimmed === '') return { values: [], ignored: [ignored(name, 'the file is empty', { code: 'empty-file' })] };
  try {
    const whole: unknown = JSON.parse(trimmed);
    if (Array.isArray(whole)) return { values: whole.map((value, i) => ({ value, source: `${name}[${i}]` })), ignored: [] };
    return { values: [{ value: whole, source: name, text }], ignored: [] };
  } catch {
    // Not one document: try JSON lines.
  }
  const values: { value: unknown; source: string; text?: string }[] = [];
  const skipped: Entry[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    try {
      values.push({ value: JSON.parse(line), source: `${name}:${i + 1}`, text: line });
    } catch {
      skipped.push(ignored(`${name}:${i + 1}`, 'not JSON: neither a JSON document nor JSON lines', { code: 'not-json-lines' }));
    }
  }
  // A file none of whose lines parse is one broken document, not many broken lines.
  if (values.length === 0) return { values: [], ignored: [ignored(name, 'not JSON: neither a JSON document nor JSON lines', { code: 'not-json-lines' })] };
  return { values, ignored: skipped };
}

/**
 * A file's entry from its bytes, when the file is one log as the engine wrote it and its scenario
 * one already validated (verifyLogBytes; `crisis-lab verify` reads logs the same way); null for any
 * other file, which the caller decodes and gives to classifyText. The verdict is the one
 * classifyText gives the decoded text: such a file is one JSON document that says it is a log,
 * verified from its own text.
 */
export function classifyLogBytes(bytes: Uint8Array, name: string): Entry[] | null {
  let result: VerifyResult | null;
  try {
    result = verifyLogBytes(bytes);
  } catch {
    return null; // the text path meets the same fault and reports it as it always has
  }
  // A document that does not say it is a log is read as a summary would be: the text path's business.
  if (result === null || (!result.ok && result.code === 'not-log-format')) return null;
  return [verdictEntry(result, name)];
}

/** Classifies every value in one file's text, in order. */
export function classifyText(text: string, name: string): Entry[] {
  const { values, ignored: skipped } = parseInputs(text, name);
  return [...skipped, ...values.map((v) => classify(v.value, v.source, v.text))];
}

/** The same, with each log's digest taken by an asynchronous SHA-256 (the browser's Web Crypto):
 * the same verdicts as classifyText, so the page refuses what the command line refuses. */
export async function classifyTextAsync(text: string, name: string, sha256Async: Sha256Async): Promise<Entry[]> {
  const { values, ignored: skipped } = parseInputs(text, name);
  const out = [...skipped];
  for (const v of values) {
    if (v.text === undefined || !isLogLike(v.value)) {
      out.push(classify(v.value, v.source, v.text));
      continue;
    }
    try {
      out.push(verdictEntry(await verifyLogTextAsync(v.text, sha256Async), v.source));
    } catch (error) {
      out.push(cannotVerify(v.source, error));
    }
  }
  return out;
}
