import { afterEach, describe, expect, it } from 'vitest';
import type { Language } from '../../engine/index';
import { loadDictionary, setLanguage, t } from '../../ui-kit/i18n';
import type { ResumeProblem } from '../lms/suspend';
import { lmsText } from './integration-notes';

/** One reason in each language, so a dictionary that did not load fails the test. */
const WORDS: Record<Language, string> = {
  en: 'its turns could not be replayed by this version',
  ru: 'эта версия не смогла воспроизвести её ходы',
  kk: 'бұл нұсқа оның жүрістерін қайта ойната алмады',
};
const PROBLEMS: ResumeProblem[] = ['format', 'incomplete', 'pack', 'intents', 'no-scenario', 'scenario-missing', 'no-rules', 'replay'];

describe('why a kept game could not be resumed is said in the player’s language', () => {
  afterEach(() => setLanguage('en', false));

  for (const lang of ['en', 'ru', 'kk'] as Language[]) {
    it(lang, async () => {
      await loadDictionary(lang);
      setLanguage(lang, false);
      expect(t('lms.why.replay')).toBe(WORDS[lang]);
      const reasons = PROBLEMS.map((problem) => lmsText({ status: 'recording', resumed: 'no', resumeError: problem }));
      for (const [i, text] of reasons.entries()) {
        expect(text).toContain(t(`lms.why.${PROBLEMS[i]!}`));
        expect(text).not.toContain('lms.why');
      }
      expect(new Set(reasons).size).toBe(PROBLEMS.length); // each problem has words of its own
    });
  }
});
