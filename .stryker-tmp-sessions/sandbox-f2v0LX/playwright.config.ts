// @ts-nocheck
import { defineConfig } from '@playwright/test';

// Browser tiers. Both load the built extension from .output/ (npm test builds first).
// One worker: each test launches its own browser, and these machines have 2 cores.
export default defineConfig({
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  projects: [
    { name: 'chromium', testDir: 'test/e2e' },
    { name: 'firefox', testDir: 'test/firefox' },
  ],
});
