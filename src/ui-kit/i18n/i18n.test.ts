import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ru } from './ru';
import { kk } from './kk';
import { format } from './index';
import { INTENTS, CRISIS_TYPES, EVENT_KINDS } from '../../engine/scenario/schema';
import { FEATURE_KEYS, PRESETS, featureValues, type InstitutionalFeatures } from '../../engine/rules/features';
import { procedureOf } from '../../engine/rules/procedures';

// The parameters a template takes: plain {name}s and the names of {name, plural, ...} blocks.
const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)(?:\}|\s*,\s*plural\s*,)/g)].map((m) => m[1]))].sort();

describe('translations', () => {
  // The dictionaries themselves: the translation layer may load Russian and Kazakh on demand.
  for (const [lang, dict] of Object.entries({ en, ru, kk })) {
    it(`${lang} has every key, non-empty, with the same placeholders as English`, () => {
      for (const [key, text] of Object.entries(en)) {
        const translated = dict[key as keyof typeof en];
        expect(translated, `${lang} ${key}`).toBeTruthy();
        expect(placeholders(translated), `${lang} ${key}`).toEqual(placeholders(text));
      }
    });
  }

  it('names every procedure any feature combination sets off, and every feature', () => {
    // Each preset with each single feature swapped: every procedure the engine can name.
    for (const preset of Object.values(PRESETS)) {
      for (const key of FEATURE_KEYS) {
        for (const value of featureValues(key)) {
          const features = { ...preset, [key]: value } as InstitutionalFeatures;
          for (const intent of INTENTS) expect(en).toHaveProperty(`procedure.${procedureOf(features, intent).id}`);
        }
      }
    }
    for (const key of FEATURE_KEYS) expect(en).toHaveProperty(`feature.${key}`);
    for (const c of CRISIS_TYPES) expect(en).toHaveProperty(`crisis.${c}`);
    for (const k of EVENT_KINDS) expect(en).toHaveProperty(`event.${k}`);
  });

  it('formats placeholders and leaves unknown ones visible', () => {
    expect(format('Turn {turn} of {horizon}', { turn: 2 })).toBe('Turn 2 of {horizon}');
  });
});
