import { expect, test } from '@playwright/test';
import { startDemoServer } from '../fixtures/serve.mjs';
import { launchFirefox, openExtensionPage, stored, type Firefox } from './support';

let ff: Firefox;
let site: { url: string; close(): Promise<void> };

test.beforeAll(async () => {
  site = await startDemoServer({ host: '127.0.0.1', port: 0 });
  ff = await launchFirefox();
});

test.afterAll(async () => {
  await ff?.close();
  await site?.close();
});

test('the Firefox build loads and a click on the demo site is stored', async () => {
  const page = await ff.browser.newPage();
  await page.goto(`${site.url}/`);
  await page.locator('[data-testid="add-to-cart-1"]').click();
  const popup = await openExtensionPage(ff, 'popup.html', 'main.popup');
  let events: Awaited<ReturnType<typeof stored>> = [];
  for (let i = 0; i < 50 && !events.some((e) => e.event === '$autocapture'); i++) {
    await new Promise((r) => setTimeout(r, 200));
    events = await stored(popup);
  }
  const click = events.find((e) => e.event === '$autocapture');
  expect(click?.properties.$elements_chain).toMatch(/^button:.*attr__data-attr="add-to-cart"/);
  expect(click?.properties.$browser).toBe('Firefox');
  expect(events.some((e) => e.event === '$pageview')).toBe(true);
});
