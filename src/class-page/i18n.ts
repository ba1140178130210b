// The class page's words in the reader's language: its own texts (src/ui-kit/i18n/class-page.ts)
// through the shared translation layer, so every page shares one remembered language.
import { format, language, type Params } from '../ui-kit/i18n';
import { classDictionaries, classEn, type ClassKey } from '../ui-kit/i18n/class-page';

export type { ClassKey };

/** A class-mode text in the current language (shared by every page). */
export function tc(key: ClassKey, params?: Params): string {
  return format(classDictionaries[language()][key] ?? classEn[key], params);
}
