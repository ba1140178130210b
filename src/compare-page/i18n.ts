// The comparison page's words in the reader's language: its own texts (src/ui-kit/i18n/compare-page.ts)
// through the shared translation layer, so the page and the game share one remembered language.
import { format, language, type Params } from '../ui-kit/i18n';
import { compareDictionaries, compareEn, type CompareKey } from '../ui-kit/i18n/compare-page';

export type { CompareKey };

/** A comparison-page text in the current language (shared by every page). */
export function ct(key: CompareKey, params?: Params): string {
  return format(compareDictionaries[language()][key] ?? compareEn[key], params);
}

/** The engine's and the reader's reasons (English) in the page's language, where known. */
export function reasonText(reason: string): string {
  let m: RegExpMatchArray | null;
  if (reason.startsWith('the digest does not match')) return ct('cmp.reason.digest');
  if ((m = reason.match(/^the replay differs from the log at turn (\d+)$/))) return ct('cmp.reason.replayAt', { turn: m[1]! });
  if (reason === 'the replay gives a different log') return ct('cmp.reason.replay');
  if (reason.startsWith('not JSON')) return ct('cmp.reason.notJson');
  if (reason === 'the file is empty') return ct('cmp.reason.empty');
  if (reason === 'not a .json, .jsonl or .ndjson file') return ct('cmp.reason.notLogFile');
  if ((m = reason.match(/^not an outcome log: (.*)$/))) return ct('cmp.reason.notLog', { detail: m[1]! });
  if ((m = reason.match(/^not an outcome log nor a batch summary: (.*)$/))) return ct('cmp.reason.notLog', { detail: m[1]! });
  if (reason.startsWith('the scenario inside the log')) return ct('cmp.reason.scenario');
  if (/^log format version .* is newer/.test(reason)) return ct('cmp.reason.newer');
  if ((m = reason.match(/^the log's rule set cannot be played: (.*)$/))) return ct('cmp.reason.ruleSet', { detail: m[1]! });
  if (reason.startsWith("the log's institutional features are not those of rule set")) return ct('cmp.reason.features');
  return reason;
}
