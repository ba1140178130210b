// Browser entry: fonts and styles, then the game.
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import './game/styles.css';
import { boot } from './game/boot';

boot().catch((error: unknown) => {
  console.error(error);
  const app = document.getElementById('app');
  if (app) {
    const p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.textContent = `Alliance Crisis Lab could not start: ${error instanceof Error ? error.message : String(error)}`;
    app.append(p);
  }
});
