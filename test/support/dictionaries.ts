// Vitest setup (vite.config.ts): every dictionary loaded before a test runs, so a test that
// switches language reads its texts at once, as a page does once the language has loaded.
import { loadDictionary } from '../../src/ui-kit/i18n';

await Promise.all([loadDictionary('ru'), loadDictionary('kk')]);
