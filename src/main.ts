// Browser entry: styles and fonts start at once; Phaser and the map load in parallel, and the
// app (the engine and the screens) starts once the fonts for the player's language are in.
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import './game/styles.css';
import { ensureFonts } from './game/fonts';
import { initialLanguage } from './ui-kit/i18n/preference';

const fonts = ensureFonts(initialLanguage());

import('./game/boot')
  .then(({ boot }) => boot(fonts))
  .catch((error: unknown) => {
    console.error(error);
    const app = document.getElementById('app');
    if (app) {
      const p = document.createElement('p');
      p.setAttribute('role', 'alert');
      p.textContent = `Alliance Crisis Lab could not start: ${error instanceof Error ? error.message : String(error)}`;
      app.append(p);
    }
  });
