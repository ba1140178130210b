// Why a log is refused, as a stable code and its parameters beside the English reason: the
// command line prints the reason; the comparison page words the code in the reader's language.
// Parameters hold field names and values as the log wrote them, never words to translate.
import type { Params } from '../scenario/problem';

/** Every code a refusal can carry. The comparison page words each one (test/compare-page.test.ts). */
export const REFUSAL_CODES = [
  'not-json',
  'not-strict',
  'not-object',
  'not-log-format',
  'no-log-version',
  'newer-log-version',
  'no-engine-version',
  'other-engine-version',
  'digest-mismatch',
  'signature-not-object',
  'signature-fields',
  'signature-algorithm',
  'signature-key',
  'signature-value',
  'signature-no-digest',
  'signature-mismatch',
  'unknown-field',
  'scenario-shape',
  'scenario-invalid',
  'scenario-not-canonical',
  'scenario-hash',
  'scenario-id',
  'missing-rules-seed-turns',
  'rule-set-unplayable',
  'features-mismatch',
  'unknown-pack',
  'bad-parameters',
  'no-policy',
  'bad-policy',
  'bad-player',
  'bad-turn',
  'replay-failed',
  'replay-differs-at',
  'replay-differs',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

/** What a strict reading of JSON text refuses (the `what` of not-json and not-strict). */
export const JSON_FAULTS = [
  'trailing-text',
  'too-deep',
  'text-ends',
  'unexpected-character',
  'proto-key',
  'key-expected',
  'repeated-key',
  'colon-expected',
  'comma-or-brace-expected',
  'comma-or-bracket-expected',
  'unterminated-string',
  'control-character',
  'bad-escape',
  'malformed-number',
  'number-too-large',
  'number-form',
  'not-finite',
  'undefined-value',
  'unknown',
] as const;
export type JsonFault = (typeof JSON_FAULTS)[number];

/** Field names and values as written, numbers as counts, line and column. */
export type RefusalParams = { [name: string]: string | number };

export interface Refusal {
  ok: false;
  /** The English wording, as the command line prints it. */
  reason: string;
  code: RefusalCode;
  params?: RefusalParams;
  /** For scenario-invalid: the validator's first problem, worded by its own catalogue (problemMessage). */
  problem?: { path: string; code: string; params: Params };
}

export function refusal(reason: string, code: RefusalCode, params?: RefusalParams): Refusal {
  return { ok: false, reason, code, ...(params === undefined ? {} : { params }) };
}
