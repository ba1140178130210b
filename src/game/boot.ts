// Start-up: theme, the Phaser game with the map scene, then the app (the engine, the screens and
// their texts, fetched once the first frame is drawn, while the map data loads). The app starts
// only once the language's fonts and texts are in: Phaser draws a Text once, and one drawn in a
// fallback font stays that way; the map draws no text before the app shows it a view.
import * as Phaser from 'phaser';
import { applyThemeToDocument, theme } from '../ui-kit/theme';
import { initialLanguage } from '../ui-kit/i18n/preference';
import { MapScene, MAP_READY_EVENT } from './scenes/MapScene';
import { el } from '../ui-kit/dom';
import type { App } from './app';
import { readPackageConfig } from './lms/package-config';
import type { LmsState } from './lms/scorm-session';
import type { Integrations } from './ui/integration-notes';

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
  const lang = initialLanguage();
  document.documentElement.lang = lang;
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
  // The engine, the screens and their texts load once the first frame is drawn: it needs none of
  // them, and on a small machine fetching and compiling them beside Phaser's start only delays it.
  // A Russian or Kazakh dictionary is in before the app shows a screen (a failed one leaves English).
  const afterFirstFrame = firstFrame.then(() =>
    Promise.all([import('./app'), import('../ui-kit/i18n'), import('./ui/integration-notes'), import('../ui-kit/offline')]),
  );
  const texts = afterFirstFrame.then(([, i18n]) => i18n.loadDictionary(lang).catch((error: unknown) => console.error(`the ${lang} texts did not load`, error)));
  const [[{ App: AppClass }, { setLanguage }, { NO_INTEGRATIONS }, { startOffline }], scene, lmsState] = await Promise.all([afterFirstFrame, ready, lms, fonts, texts]);
  setLanguage(lang, false);
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
