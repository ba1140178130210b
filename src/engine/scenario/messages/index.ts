// The validator's messages in English, Russian and Kazakh, by code. A message is a function of
// its parameters; parts worded per language (how to write a value, what was found) come as
// fragments, rendered here in the same language. Field names and values stay as written.
import type { Language } from '../schema';
import type { Fragment, Param, Params } from '../problem';
import { en, type MessageCode, type Template } from './en';
import { ru } from './ru';
import { kk } from './kk';

export type { MessageCode, Template };

export const VALIDATOR_MESSAGES: Record<Language, Record<MessageCode, Template>> = { en, ru, kk };

/** What a template gets to render its parameters with. */
export interface Render {
  /** A parameter as text: a fragment in this language, a list joined with commas. */
  (value: Param): string;
  /** The CLDR plural category of `n` in this language (one, few, many, other). */
  plural(n: number): Intl.LDMLPluralRule;
}

const pluralRules = new Map<Language, Intl.PluralRules>();

function renderer(lang: Language): Render {
  const render = ((value: Param): string => {
    if (value === undefined) return '';
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (isFragment(value)) return problemText(value.code, value.params ?? {}, lang);
    return value.join(', ');
  }) as Render;
  render.plural = (n: number) => {
    let rules = pluralRules.get(lang);
    if (!rules) {
      rules = new Intl.PluralRules(lang);
      pluralRules.set(lang, rules);
    }
    return rules.select(n);
  };
  return render;
}

function isFragment(value: Param): value is Fragment {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'code' in value;
}

/** A message's text in one language. An unknown code (from a newer version) reads as its code. */
export function problemText(code: string, params: Params, lang: Language): string {
  const catalogue: Record<string, Template> = VALIDATOR_MESSAGES[lang] ?? en;
  const template = Object.prototype.hasOwnProperty.call(catalogue, code) ? catalogue[code] : undefined;
  return template ? template(params, renderer(lang)) : code;
}
