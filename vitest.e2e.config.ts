/// <reference types="vitest/config" />
// End-to-end tests: build the site, serve it with `vite preview`, drive Debian's Chromium.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // One browser at a time: the machine has two cores and the game renders with SwiftShader.
    fileParallelism: false,
  },
});
