import { autocaptures, expect, storedEvents, test, waitForStored } from './harness';

test('popup shows the site switch, the stored count and a live list of this tab; switching off stops capture', async ({ ext, site }) => {
  const page = await ext.context.newPage();
  await page.goto(`${site.url}/`);
  await waitForStored(ext, (all) => all.some((e) => e.event === '$pageview'));
  const tabId = await (await ext.background()).evaluate(async (url) => {
    const { chrome } = globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } };
    return (await chrome.tabs.query({ url: `${url}/*` }))[0]?.id;
  }, site.url);

  const popup = await ext.context.newPage();
  await popup.goto(`chrome-extension://${ext.id}/popup.html?tab=${tabId}`);
  await expect(popup.getByTestId('site-switch')).toBeChecked();
  await expect(popup.getByTestId('event-count')).toHaveText('1 events stored');
  await expect(popup.locator('[data-event="$pageview"]')).toHaveCount(1);

  // Live: a click in the tab appears in the open popup without reloading it.
  await page.bringToFront();
  await page.getByTestId('add-to-cart-2').click();
  await expect(popup.locator('[data-event="$autocapture"]')).toContainText('Add to cart');
  await expect(popup.getByTestId('event-count')).toHaveText('2 events stored');

  // Switch the site off: later clicks are not captured.
  await popup.getByTestId('site-switch').click();
  await expect(popup.getByTestId('site-switch')).not.toBeChecked();
  await page.getByTestId('add-to-cart-3').click();
  await page.waitForTimeout(800);
  expect(autocaptures(await storedEvents(ext))).toHaveLength(1);

  // And on again: capture resumes in the same page.
  await popup.getByTestId('site-switch').click();
  await page.getByTestId('add-to-cart-4').click();
  await waitForStored(ext, (all) => autocaptures(all).length === 2);
});

test('the option "the Lasso button opens the toolbar" takes the popup off the button and puts it back', async ({ ext }) => {
  const popupOfButton = async () =>
    (await ext.background()).evaluate(async () => {
      const { chrome } = globalThis as unknown as { chrome: { action: { getPopup(d: object): Promise<string> } } };
      return chrome.action.getPopup({});
    });
  expect(await popupOfButton()).toMatch(/popup\.html$/);
  const popup = await ext.context.newPage();
  await popup.goto(`chrome-extension://${ext.id}/popup.html`);
  await popup.getByTestId('button-opens-toolbar').check();
  await expect.poll(popupOfButton).toBe('');
  // Kept across a restart of the popup (it is a setting).
  await popup.reload();
  await expect(popup.getByTestId('button-opens-toolbar')).toBeChecked();
  await popup.getByTestId('button-opens-toolbar').uncheck();
  await expect.poll(popupOfButton).toMatch(/popup\.html$/);
});
