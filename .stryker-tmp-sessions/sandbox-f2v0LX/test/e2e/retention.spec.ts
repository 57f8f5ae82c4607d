// @ts-nocheck
import { expect, gotoCaptured, storedEvents, test, waitForStored } from './harness';

// Retention and deletion as the user meets them in the popup, on Chromium's real IndexedDB.

/** The demo site's tab id, read in the background. */
async function tabOf(ext: Parameters<typeof storedEvents>[0], url: string): Promise<number | undefined> {
  return (await ext.background()).evaluate(async (u) => {
    const { chrome } = globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } };
    return (await chrome.tabs.query({ url: `${u}/*` }))[0]?.id;
  }, url);
}

test("Delete this site's data: the popup shows what would go, deletes it on confirmation, and keeps capturing", async ({ ext, site }) => {
  const page = await ext.context.newPage();
  await gotoCaptured(ext, page, `${site.url}/`);
  await page.getByTestId('add-to-cart-2').click();
  await waitForStored(ext, (all) => all.some((e) => e.event === '$autocapture'));
  const host = new URL(site.url).host;

  const popup = await ext.context.newPage();
  await popup.goto(`chrome-extension://${ext.id}/popup.html?tab=${await tabOf(ext, site.url)}`);
  await popup.getByRole('button', { name: "Delete this site's data…" }).click();
  await expect(popup.getByTestId('deletion-plan')).toHaveText(`Delete 2 events of ${host} (1 session, 1 person affected)?`);
  // Cancel first: nothing goes.
  await popup.getByRole('button', { name: 'Cancel' }).click();
  expect(await storedEvents(ext)).toHaveLength(2);

  await popup.getByRole('button', { name: "Delete this site's data…" }).click();
  await popup.getByTestId('confirm-delete').click();
  await expect.poll(async () => (await storedEvents(ext)).length).toBe(0);

  // Capture goes on: a new click is stored.
  await page.bringToFront();
  await page.getByTestId('add-to-cart-3').click();
  await waitForStored(ext, (all) => all.some((e) => e.event === '$autocapture'));
});

test('a full quota: the popup tells the user until dismissed; the daily alarm is set', async ({ ext }) => {
  const background = await ext.background();
  // The run at start writes the status too: wait for it to finish (its last write clears the job).
  await expect
    .poll(() => background.evaluate(async () => {
      const { chrome } = globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, { lastRun?: unknown; job?: unknown }>> } } } };
      const status = (await chrome.storage.local.get('retention')).retention;
      return !!status?.lastRun && status.job === null;
    }))
    .toBe(true);
  // What the background stores after a QuotaExceededError made room (unit-tested with a failing write).
  await background.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: { storage: { local: { set(i: object): Promise<void> } } } };
    await chrome.storage.local.set({ retention: { lastRun: null, job: null, quota: { at: new Date().toISOString(), deleted: 1000 } } });
  });
  const popup = await ext.context.newPage();
  await popup.goto(`chrome-extension://${ext.id}/popup.html`);
  await expect(popup.getByTestId('quota-warning')).toContainText('the 1,000 oldest events were deleted');
  await popup.getByRole('button', { name: 'Dismiss' }).click();
  await expect(popup.getByTestId('quota-warning')).toHaveCount(0);
  const alarm = await background.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: { alarms: { get(n: string): Promise<{ periodInMinutes?: number } | undefined> } } };
    return chrome.alarms.get('lasso.retention');
  });
  expect(alarm?.periodInMinutes).toBe(1440);
});
