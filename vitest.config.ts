import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // One graphql for everyone: mercurius loads the CommonJS build, and Node does the
    // same for our imports; vite would otherwise pick index.mjs, a second "realm".
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['api/**/*.test.ts', 'graph/**/*.test.ts', 'tests/**/*.test.ts', 'viz/**/*.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    exclude: ['node_modules/**', 'dist/**', 'tests/bench/**'],
    testTimeout: 20_000,
    pool: 'forks',
    // CI reads the totals from the JSON report (.ci/run prints them).
    reporters: process.env.CI
      ? ['default', ['json', { outputFile: 'test-results/vitest.json' }]]
      : ['default'],
  },
});
