// @ts-nocheck
import { expectNoAxeViolations } from './axe';
import { expect, gotoCaptured, storedEvents, test, waitForStored } from './harness';

// The options page's settings sections on Chromium: sites, retention, deleting a site's data.

/** The stored settings record, read in the background. */
async function storedSettings(ext: Parameters<typeof storedEvents>[0]): Promise<{ enabledSites: string[]; retentionDays: number | null }> {
  return (await ext.background()).evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, never>> } } } };
    return (await chrome.storage.local.get('settings')).settings;
  });
}

test('options: add and remove a site, change retention, delete a site after the confirmation counts it; axe clean light and dark', async ({ ext, site }) => {
  // Seed: two events of the demo site.
  const page = await ext.context.newPage();
  await gotoCaptured(ext, page, `${site.url}/`);
  await page.getByTestId('add-to-cart-2').click();
  await waitForStored(ext, (all) => all.some((e) => e.event === '$autocapture'));
  const host = new URL(site.url).host;
  const seeded = (await storedEvents(ext)).length;

  // The dashboard's header links here.
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.id}/dashboard.html#/events`);
  await options.getByRole('link', { name: 'Settings' }).click();
  await expect(options).toHaveURL(`chrome-extension://${ext.id}/options.html`);
  const sites = options.getByRole('list', { name: 'Sites with capture on' });
  await expect(sites.getByTestId('site-row')).toHaveCount(2);

  // Remove localhost, then add it back by typing an address (a built-in host: no permission prompt).
  await options.getByRole('button', { name: 'Remove localhost' }).click();
  await expect(sites.getByTestId('site-row')).toHaveCount(1);
  await expect.poll(async () => (await storedSettings(ext)).enabledSites).toEqual(['127.0.0.1']);
  await options.getByLabel('Add a site').fill('http://localhost:3000/app');
  await options.getByLabel('Add a site').press('Enter');
  await expect(sites.getByTestId('site-row')).toHaveCount(2);
  await expect.poll(async () => (await storedSettings(ext)).enabledSites).toEqual(['127.0.0.1', 'localhost']);

  // Retention: keep 30 days.
  await options.getByLabel('Keep events').selectOption({ label: '30 days' });
  await expect.poll(async () => (await storedSettings(ext)).retentionDays).toBe(30);

  for (const colorScheme of ['light', 'dark'] as const) {
    await options.emulateMedia({ colorScheme });
    await expectNoAxeViolations(options, `options page, ${colorScheme}`);
  }

  // Delete the demo site's data: the confirmation counts what goes, then it goes.
  await options.reload();
  await options.getByLabel('Site to delete').selectOption(host);
  await options.getByRole('button', { name: "Delete this site's data…" }).click();
  await expect(options.getByTestId('deletion-plan')).toHaveText(`Delete ${seeded} events of ${host} (1 session, 1 person affected)?`);
  await expectNoAxeViolations(options, 'options page, confirming a deletion');
  await options.getByTestId('confirm-delete').click();
  await expect.poll(async () => (await storedEvents(ext)).length).toBe(0);
  await expect(options.getByTestId('stored-empty')).toBeVisible();
});
