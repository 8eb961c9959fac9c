import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (Node, pure modules, fast) and `browser` (real Chromium and Firefox driving
 * the built extension; one file at a time, since a 2-core machine runs the browser too).
 */
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.{ts,tsx}'], environment: 'node', testTimeout: 60_000, globalSetup: ['tests/support/make-fixtures.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/e2e/**/*.test.ts', 'tests/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 90_000,
          fileParallelism: false,
          globalSetup: ['tests/support/make-fixtures.ts'],
        },
      },
    ],
  },
});
