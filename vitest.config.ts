import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['test/unit/**/*.test.ts'],
    setupFiles: ['test/support/fake-indexeddb.ts'],
    environment: 'node',
    // Limits against a hang, not speed checks (speed is `npm run bench`): generous, because the
    // property tests over thousands of events share 2 cores with whatever else runs.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
