/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { shippedScenarios } from './scripts/shipped-scenarios.ts';
import { worldIsoPlugin } from './scripts/world-iso.ts';
import { preloadBoot } from './scripts/preload-boot.ts';

/** The largest file the service worker precaches (Workbox's own default, 2 MiB). A larger one
 * would be left out of the offline copy: vite-plugin-pwa then fails the build and names it.
 * CRISIS_LAB_PRECACHE_LIMIT lowers it, for the test that proves the build fails. */
export const PRECACHE_LIMIT = Number(process.env.CRISIS_LAB_PRECACHE_LIMIT) || 2 * 1024 * 1024;

export default defineConfig({
  // Relative asset paths, so the built site works from any static host or sub-folder.
  base: './',
  build: {
    // Phaser alone is about 1.4 MB; it is split into its own chunk on purpose.
    chunkSizeWarningLimit: 2000,
    // Two pages: the game, and the comparison page for instructors (compare.html).
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        compare: fileURLToPath(new URL('./compare.html', import.meta.url)),
        // The class page for students and the instructor's dashboard (crisis-lab class serves it).
        class: fileURLToPath(new URL('./class.html', import.meta.url)),
      },
    },
  },
  plugins: [
    // The shipped scenarios, validated here and served as JSON: the page parses no YAML to start.
    shippedScenarios(fileURLToPath(new URL('./scenarios/', import.meta.url))),
    // The map's ISO codes, baked: the page loads no table of every country's code and name.
    worldIsoPlugin(),
    // Phaser's chunk fetched beside the entry, not after it has run: the first frame waits for it.
    preloadBoot(fileURLToPath(new URL('./src/game/boot.ts', import.meta.url))),
    // Offline once opened: a service worker precaches the whole site (both pages, every chunk,
    // so every shipped scenario, the map data and the fonts). A new version waits until the
    // student accepts it (src/ui-kit/offline.ts); it is never swapped in under a game.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: false,
      showMaximumFileSizeToCacheInBytesWarning: false,
      workbox: {
        globPatterns: ['**/*.{html,js,css,json,woff2,svg,png,webp,yaml}'],
        maximumFileSizeToCacheInBytes: PRECACHE_LIMIT,
        // An assignment link's query (?scenario=…&seed=…) still opens the precached page.
        ignoreURLParametersMatching: [/.*/],
        navigateFallback: null,
        cleanupOutdatedCaches: true,
        clientsClaim: false,
        skipWaiting: false,
        // A scenario file an assignment link names by URL: the network first, the last copy offline.
        runtimeCaching: [
          {
            urlPattern: ({ url, sameOrigin }) => sameOrigin && /\.(ya?ml|json)$/i.test(url.pathname),
            handler: 'NetworkFirst',
            options: { cacheName: 'crisis-lab-scenarios', networkTimeoutSeconds: 5, expiration: { maxEntries: 50 } },
          },
        ],
      },
    }),
  ],
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    // The tests that run bin/crisis-lab.mjs find the prebuilt command line current (rebuilt once
    // here when a source changed, not by each test file at once).
    globalSetup: ['./scripts/build-cli.mjs'],
    // Russian and Kazakh texts load on demand in a page; tests have them from the start.
    setupFiles: ['./test/support/dictionaries.ts'],
    testTimeout: 60_000,
  },
});
