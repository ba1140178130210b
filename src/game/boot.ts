// Start-up: theme, language, the Phaser game with the map scene, then the app (the engine and the
// screens, fetched once the first frame is drawn, while the map data loads). The app starts only
// once the language's fonts are in: Phaser draws a Text once, and one drawn in a fallback font
// stays that way; the map draws no text before the app shows it a view.
import * as Phaser from 'phaser';
import { applyThemeToDocument, theme } from '../ui-kit/theme';
import { initialLanguage, setLanguage } from '../ui-kit/i18n';
import { MapScene, MAP_READY_EVENT } from './scenes/MapScene';
import { el } from '../ui-kit/dom';
import type { App } from './app';
import { readPackageConfig } from './lms/package-config';
import { startOffline } from '../ui-kit/offline';
import type { LmsState } from './lms/scorm-session';
import { NO_INTEGRATIONS, type Integrations } from './ui/integration-notes';

declare global {
  interface Window {
    /** performance.now() at the game's first rendered frame (read by the browser bench). */
    __firstFrame?: number;
    /** The running app, for end-to-end tests. */
    __crisisLab?: App;
  }
}

/** Starts the game; its app starts once `fonts` (the language's Noto Sans faces) have loaded. */
export async function boot(fonts: Promise<void>): Promise<void> {
  applyThemeToDocument();
  setLanguage(initialLanguage(), false);
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
  const firstFrame = new Promise<void>((resolve) =>
    game.events.once(Phaser.Core.Events.POST_RENDER, () => {
      window.__firstFrame = performance.now();
      performance.mark('game-first-frame');
      resolve();
    }),
  );
  const ready = new Promise<MapScene>((resolve) => game.events.once(MAP_READY_EVENT, resolve));
  game.scene.add('MapScene', MapScene, true);
  // In an LMS package: find the runtime and resume the game it kept before the app looks for a
  // saved game. The plain website never loads this code.
  const lmsPackage = readPackageConfig(document);
  const lms: Promise<LmsState | null> = lmsPackage
    ? import('./lms/connect')
        .then(({ connectLms }) => connectLms(lmsPackage, (state) => update({ lms: state })))
        .catch((error: unknown): LmsState => ({ status: 'failed', reason: error instanceof Error ? error.message : String(error) }))
    : Promise.resolve(null);
  // The engine and the screens load once the first frame is drawn: it needs neither, and on a
  // small machine fetching and compiling them beside Phaser's start only delays it.
  const [{ App: AppClass }, scene, lmsState] = await Promise.all([firstFrame.then(() => import('./app')), ready, lms, fonts]);
  const app = new AppClass(scene, ui);
  window.__crisisLab = app;
  let integrations: Integrations = { ...NO_INTEGRATIONS, lms: lmsState };
  let started = false;
  let changedWhileStarting = false;
  function update(next: Partial<Integrations>): void {
    integrations = { ...integrations, ...next };
    app.integrations = integrations;
    if (started) app.render();
    else changedWhileStarting = true;
  }
  // No offline copy inside an LMS package: its runtime needs the network anyway.
  integrations.offline = startOffline((offline) => update({ offline }), !lmsPackage);
  app.integrations = integrations;
  await app.start();
  started = true;
  if (changedWhileStarting) app.render();
  // The start screen (or the resumed game) is up and answers: read by the browser bench.
  performance.mark('game-ready');
}
