// @ts-nocheck
import { expect, test } from '@playwright/test';
import { openExtensionPage, stored, until, useFirefoxAndSite, type StoredEvent } from './support';

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

test('Firefox: clicks the page script dispatches are stored like posthog-js sends them (three in a row: a rage click)', async () => {
  const page = await env.ff.browser.newPage();
  await page.goto(`${env.site.url}/product.html?id=2`);
  const popup = await openExtensionPage(env.ff, 'popup.html', 'main.popup');
  // The capture script starts at document_idle: wait for its $pageview before the page's script clicks.
  await until(async () => (await stored(popup)).some((e) => e.event === '$pageview' && e.properties.$pathname === '/product.html'), 'no $pageview of /product.html');
  await page.evaluate(() => {
    for (let i = 0; i < 3; i++) (document.querySelector('[data-testid="add-to-cart"]') as HTMLElement).click();
  });
  const ours = (e: StoredEvent) => e.properties.$pathname === '/product.html' && e.event !== '$pageview';
  const events = await until(async () => {
    const all = (await stored(popup)).filter(ours);
    return all.length >= 4 ? all : null;
  }, 'the scripted clicks were not stored');
  expect(events.map((e) => e.event)).toEqual(['$autocapture', '$autocapture', '$rageclick', '$autocapture']);
  expect(events.map((e) => e.properties.$elements_chain)).toEqual(events.map(() => expect.stringMatching(/^button:.*attr__data-attr="add-to-cart"/)));
});
