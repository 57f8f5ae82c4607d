import { chromium, type BrowserContext } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Chromium with the production build (.output/chrome-mv3, or BENCH_EXTENSION: another build's
 * directory, e.g. main's, to compare in the same conditions) in a fresh profile, headless, for
 * the bench sections that need the extension.
 */
export async function launchBenchExtension(executablePath: string, args: string[]): Promise<{ context: BrowserContext; id: string; profile: string; close(): Promise<void> }> {
  const ext = resolve(process.env.BENCH_EXTENSION ?? '.output/chrome-mv3');
  const profile = mkdtempSync(join(tmpdir(), 'lasso-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`, ...args],
  });
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return {
    context,
    id: new URL(sw.url()).host,
    profile,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
