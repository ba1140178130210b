import { describe, expect, it } from 'vitest';
import { en } from './en';
import { dictionaries, format } from './index';
import { INTENTS, RULE_SETS, CRISIS_TYPES, EVENT_KINDS } from '../../engine/scenario/schema';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  for (const [lang, dict] of Object.entries(dictionaries)) {
    it(`${lang} has every key, non-empty, with the same placeholders as English`, () => {
      for (const [key, text] of Object.entries(en)) {
        const translated = dict[key as keyof typeof en];
        expect(translated, `${lang} ${key}`).toBeTruthy();
        expect(placeholders(translated), `${lang} ${key}`).toEqual(placeholders(text));
      }
    });
  }

  it('names every intent in each rule set’s own terms, with a rule line', () => {
    for (const intent of INTENTS) {
      for (const rules of RULE_SETS) {
        expect(en).toHaveProperty(`intent.${intent}.${rules}`);
        expect(en).toHaveProperty(`intent.${intent}.${rules}.rule`);
      }
    }
    for (const c of CRISIS_TYPES) expect(en).toHaveProperty(`crisis.${c}`);
    for (const k of EVENT_KINDS) expect(en).toHaveProperty(`event.${k}`);
  });

  it('formats placeholders and leaves unknown ones visible', () => {
    expect(format('Turn {turn} of {horizon}', { turn: 2 })).toBe('Turn 2 of {horizon}');
  });
});
