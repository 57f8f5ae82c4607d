import { expect, test } from '@playwright/test';
import { openExtensionPage, stored, useFirefoxAndSite } from './support';

const env = useFirefoxAndSite();

test('the Firefox build loads and a click on the demo site is stored', async () => {
  const page = await env.ff.browser.newPage();
  await page.goto(`${env.site.url}/`);
  await page.locator('[data-testid="add-to-cart-1"]').click();
  const popup = await openExtensionPage(env.ff, 'popup.html', 'main.popup');
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
