import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Tests that spawn the real server run the compiled dist/main.js; build it once when stale.
    globalSetup: ['tests/support/build-server-once.ts'],
  },
});
