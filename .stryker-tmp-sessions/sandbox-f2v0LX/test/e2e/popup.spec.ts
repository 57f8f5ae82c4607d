// @ts-nocheck
import { autocaptures, captureReady, expect, gotoCaptured, test, waitForStored } from './harness';
import { tabIdOf } from './toolbar-support';

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
  await expect(popup.getByTestId('event-count')).toHaveText('1 event stored on this site');
  await expect(popup.locator('[data-event="$pageview"]')).toHaveCount(1);

  // Live: a click in the tab appears in the open popup without reloading it.
  await page.bringToFront();
  await page.getByTestId('add-to-cart-2').click();
  await expect(popup.locator('[data-event="$autocapture"]')).toContainText('Add to cart');
  await expect(popup.getByTestId('event-count')).toHaveText('2 events stored on this site');

  // Switch the site off: later clicks are not captured.
  await popup.getByTestId('site-switch').click();
  await expect(popup.getByTestId('site-switch')).not.toBeChecked();
  await page.getByTestId('add-to-cart-3').click();

  // And on again: capture resumes in the same page. That click is also the marker: captured after
  // the one made while off, so once it is stored the other would be too, had it been captured.
  await popup.getByTestId('site-switch').click();
  await page.getByTestId('add-to-cart-4').click();
  const chains = (await waitForStored(ext, (all) => autocaptures(all).some((e) => String(e.properties.$elements_chain).includes('add-to-cart-4'))))
    .filter((e) => e.event === '$autocapture')
    .map((e) => /data-testid="([^"]+)"/.exec(String(e.properties.$elements_chain))?.[1]);
  expect(chains).toEqual(['add-to-cart-2', 'add-to-cart-4']);
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

test("popup counts this site's events only (host with port), labels click / change / submit, shows hash routes, and opens an event's properties by keyboard", async ({ ext, site }) => {
  const { host, port } = new URL(site.url);
  // The same server under another host name: another site, whose events the popup must not count.
  const other = await ext.context.newPage();
  await other.goto(`http://localhost:${port}/`);
  await captureReady(ext, '/');
  await other.getByTestId('add-to-cart-1').click();
  const page = await ext.context.newPage();
  await page.goto(`${site.url}/signup.html`);
  await captureReady(ext, '/signup.html');
  await page.locator('#newsletter').check();
  await page.getByTestId('signup-submit').click();
  await gotoCaptured(ext, page, `${site.url}/app/`);
  await page.getByTestId('hash-tab1').click();
  const all = await waitForStored(ext, (events) =>
    events.some((e) => e.properties.$host === `localhost:${port}` && e.event === '$autocapture') &&
    events.some((e) => e.properties.$event_type === 'submit') &&
    events.some((e) => e.event === '$pageview' && e.properties.$current_url === `${site.url}/app/#/tab1`));
  const here = all.filter((e) => e.properties.$host === host).length;
  expect(here).toBeLessThan(all.length);

  const popup = await ext.context.newPage();
  await popup.goto(`chrome-extension://${ext.id}/popup.html?tab=${await tabIdOf(ext, page.url())}`);
  await expect(popup.getByTestId('event-count')).toHaveText(`${here} events stored on this site`);
  await expect(popup.locator('[data-label="change"]')).toHaveCount(1);
  await expect(popup.locator('[data-label="submit"]')).toHaveCount(1);
  await expect(popup.locator('[data-label="click"]', { hasText: 'Create account' })).toHaveCount(1);

  // The hash route's page view, opened and closed with the keyboard.
  const view = popup.locator('[data-event="$pageview"]', { hasText: '/app/#/tab1' });
  await expect(view).toHaveCount(1);
  const row = view.getByRole('button');
  const properties = view.getByTestId('event-properties');
  await expect(row).toHaveAttribute('aria-expanded', 'false');
  await expect(properties).toBeHidden();
  await row.focus();
  await popup.keyboard.press('Enter');
  await expect(row).toHaveAttribute('aria-expanded', 'true');
  await expect(properties.locator('div', { has: popup.locator('dt', { hasText: /^\$current_url$/ }) }).locator('dd')).toHaveText(`${site.url}/app/#/tab1`);
  await expect(properties.locator('div', { has: popup.locator('dt', { hasText: /^\$host$/ }) }).locator('dd')).toHaveText(host);
  await popup.keyboard.press('Space');
  await expect(row).toHaveAttribute('aria-expanded', 'false');
  await expect(properties).toBeHidden();
});
