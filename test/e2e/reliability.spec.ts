import { autocaptures, expect, stopServiceWorker, storedEvents, test, waitForStored } from './harness';

test('stopping the service worker mid-stream loses nothing and duplicates nothing', async ({ ext, site }) => {
  const page = await ext.context.newPage();
  await page.goto(`${site.url}/`);
  const buttons = ['add-to-cart-1', 'add-to-cart-2', 'add-to-cart-3', 'add-to-cart-4'];
  let clicks = 0;
  for (let round = 0; round < 6; round++) {
    for (let i = 0; i < 6; i++) {
      await page.getByTestId(buttons[(round + i) % buttons.length]).click({ delay: 0 });
      clicks++;
    }
    await stopServiceWorker(ext); // events captured just before are in flight or queued
  }
  const events = await waitForStored(ext, (all) => autocaptures(all).length >= clicks, 20_000);
  await page.waitForTimeout(1000); // any duplicate resend would land by now
  const final = await storedEvents(ext);
  expect(autocaptures(final)).toHaveLength(clicks);
  expect(new Set(final.map((e) => e.uuid)).size).toBe(final.length);
  expect(events.length).toBeLessThanOrEqual(final.length);
});
