// Start-up: theme, language, fonts (awaited, because Phaser draws a Text once and one drawn in a
// fallback font stays that way), then the Phaser game with the map scene, then the app (the
// engine and the screens, loaded in parallel with the map).
import * as Phaser from 'phaser';
import { applyThemeToDocument, theme } from './theme';
import { initialLanguage, setLanguage } from './i18n';
import { MapScene, MAP_READY_EVENT } from './scenes/MapScene';
import { el } from './ui/dom';
import type { App } from './app';

declare global {
  interface Window {
    /** performance.now() at the game's first rendered frame (read by the browser bench). */
    __firstFrame?: number;
    /** The running app, for end-to-end tests. */
    __crisisLab?: App;
  }
}

/** Starts the game once `fonts` (the language's Noto Sans faces) have loaded. */
export async function boot(fonts: Promise<void>): Promise<void> {
  applyThemeToDocument();
  setLanguage(initialLanguage(), false);
  await fonts;
  const root = document.getElementById('app') ?? document.body;
  // The map is drawn for the eye; the panel says the same in text for screen readers.
  const mapHost = el('div', { id: 'map', 'aria-hidden': 'true' });
  const ui = el('div', { id: 'ui' });
  root.append(mapHost, ui);

  const game = new Phaser.Game({
    type: Phaser.WEBGL,
    parent: mapHost,
    backgroundColor: theme.color.ground,
    banner: false,
    audio: { noAudio: true },
    // The DOM panels own the keyboard; Phaser must not swallow Tab, Enter or Space.
    input: { keyboard: false },
    scale: { mode: Phaser.Scale.RESIZE, width: window.innerWidth, height: window.innerHeight },
    scene: [],
  });
  game.events.once(Phaser.Core.Events.POST_RENDER, () => {
    window.__firstFrame = performance.now();
    performance.mark('game-first-frame');
  });
  const ready = new Promise<MapScene>((resolve) => game.events.once(MAP_READY_EVENT, resolve));
  game.scene.add('MapScene', MapScene, true);
  // The engine and the screens load while the map boots: the first frame needs neither.
  const [{ App: AppClass }, scene] = await Promise.all([import('./app'), ready]);
  const app = new AppClass(scene, ui);
  window.__crisisLab = app;
  await app.start();
}
