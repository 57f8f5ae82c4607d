// @ts-nocheck
import { chromium, test, type Browser, type Page } from '@playwright/test';
import { startDemoServer } from '../fixtures/serve.mjs';
import { CHROMIUM_QUIET_ARGS, chromiumPath } from './browsers';
import { bundleForPage } from './bundle';

/**
 * For specs that run Lasso source in plain Chromium (no extension): starts the demo site, a
 * browser and the bundle once per file, and opens pages with the bundle injected as
 * `window[globalName]`. `prepare` runs after load and before injection (e.g. to add fixtures).
 */
export function useBundledPages(globalName: string, modules: string[]) {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  let bundle: string;
  test.beforeAll(async () => {
    [server, browser, bundle] = await Promise.all([
      startDemoServer({ port: 0 }),
      chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_QUIET_ARGS }),
      bundleForPage(globalName, modules),
    ]);
  });
  test.afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    async open(path: string, prepare?: (page: Page) => Promise<void>): Promise<Page> {
      const page = await browser.newPage();
      await page.goto(server.url + path);
      await page.waitForLoadState('load');
      await prepare?.(page);
      await page.addScriptTag({ content: bundle });
      return page;
    },
  };
}
