// @ts-nocheck
import { expect, test } from '@playwright/test';
import { openExtensionPage, stored, until, useFirefoxAndSite } from './support';

const env = useFirefoxAndSite();

test('Firefox: the daily retention alarm is set, and "Delete everything" from the popup empties the store', async () => {
  const page = await env.ff.browser.newPage();
  await page.goto(`${env.site.url}/`);
  await page.locator('[data-testid="add-to-cart-1"]').click();
  const popup = await openExtensionPage(env.ff, 'popup.html', 'main.popup');
  await until(async () => (await stored(popup)).some((e) => e.event === '$autocapture') || null, 'the click was not stored');
  const alarm = await popup.evaluate(async () => {
    const { browser } = globalThis as unknown as { browser: { alarms: { get(n: string): Promise<{ periodInMinutes?: number } | undefined> } } };
    return browser.alarms.get('lasso.retention');
  });
  expect(alarm?.periodInMinutes).toBe(1440);
  await (await popup.waitForSelector('[data-testid="delete-all"]'))!.click();
  const plan = await popup.waitForSelector('[data-testid="deletion-plan"]');
  expect(await plan!.evaluate((p) => p.textContent)).toMatch(/^Delete \d+ events? of every site/);
  await (await popup.$('[data-testid="confirm-delete"]'))!.click();
  await until(async () => ((await stored(popup)).length === 0 ? true : null), 'events are still stored');
});
