import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // The end-to-end tier spawns dist/cli/main.js: build it first when the sources changed.
    globalSetup: ['./test/global-setup.ts'],
    // Runs before every file: the shared helpers' cleanups (test/cleanup.ts).
    setupFiles: ['./test/setup.ts'],
    // The machine has two cores.
    maxWorkers: 2,
    // Test files share a worker's module cache instead of loading every module again per file (about a third of
    // the suite's time). Tests that need fresh module state say so with vi.resetModules().
    isolate: false,
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
