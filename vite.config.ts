/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

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
      },
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
  },
});
