// @ts-nocheck
import { expect, test } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { startDemoServer } from '../fixtures/serve.mjs';
import { clickLassoButton, launchFirefox, openExtensionPage, stored, tabIdOf, until, type Firefox, type StoredEvent } from './support';

// Issue 9: in Firefox a site that is not built in (localhost, 127.0.0.1) is switched on from the
// popup: the switch asks for host access (the MV2 build's optional_permissions), and capture then
// runs there, in the open tab and after a reload (the runtime content-script registration).
// 127.0.0.2 is loopback too but a different host: Lasso has no access to it at install.

let ff: Firefox;
let site: { url: string; host: string; port: number; close(): Promise<void> };

test.beforeAll(async () => {
  site = await startDemoServer({ host: '127.0.0.2', port: 0 });
  // The permission prompt answers yes by itself (what a user's "Allow" does).
  ff = await launchFirefox({ 'extensions.webextOptionalPermissionPrompts': false });
});
test.afterAll(async () => {
  await ff?.close();
  await site?.close();
});

/** Does Lasso hold host access to `hostname` (asked from one of its pages)? */
const hasAccess = (ext: Page, hostname: string) =>
  ext.evaluate((pattern) => {
    const api = (globalThis as unknown as { browser: { permissions: { contains(p: { origins: string[] }): Promise<boolean> } } }).browser;
    return api.permissions.contains({ origins: [pattern] });
  }, `*://${hostname}/*`);

const clicksOn = (events: StoredEvent[], host: string) =>
  events.filter((e) => e.event === '$autocapture' && e.properties.$host === host && e.properties.$event_type === 'click');

test('Firefox: a second site is switched on from the popup (host access asked), then its clicks are stored, also after a reload', async () => {
  const ext = await openExtensionPage(ff, 'popup.html', 'main.popup');
  const page = await ff.browser.newPage();
  await page.goto(`${site.url}/`);
  await page.bringToFront();
  const host = new URL(site.url).host;

  // Not built in: no host access yet.
  expect(await hasAccess(ext, site.host)).toBe(false);

  // The user clicks Lasso's button on that tab: activeTab lets the popup read the tab's URL.
  await clickLassoButton(ff);
  const tabId = await tabIdOf(ext, `${site.url}/`);
  const popup = await openExtensionPage(ff, `popup.html?tab=${tabId}`, '[data-testid="site-switch"]');
  expect(await popup.$eval('[data-testid="site-switch"]', (s) => (s as HTMLInputElement).checked)).toBe(false);
  // A real click: permissions.request runs inside the user's gesture.
  await (await popup.$('[data-testid="site-switch"]'))!.click();
  await until(() => popup.$eval('[data-testid="site-switch"]', (s) => (s as HTMLInputElement).checked), 'the switch never turned on');
  expect(await popup.$('[role="alert"]')).toBeNull();
  expect(await hasAccess(ext, site.host)).toBe(true);

  // Capture starts in the open tab without a reload.
  await page.bringToFront();
  await until(async () => (await stored(ext)).some((e) => e.event === '$pageview' && e.properties.$host === host), 'no $pageview after switching the site on');
  await page.locator('[data-testid="add-to-cart-1"]').click();
  const first = await until(async () => clicksOn(await stored(ext), host)[0], 'the click on the second site was not stored');
  expect(first.properties.$elements_chain).toMatch(/^button:.*attr__data-attr="add-to-cart"/);

  // After a reload the registered content script runs there.
  await page.reload();
  await until(async () => (await stored(ext)).filter((e) => e.event === '$pageview' && e.properties.$host === host).length >= 2, 'no $pageview after the reload');
  await page.locator('[data-testid="add-to-cart-2"]').click();
  const both = await until(async () => {
    const clicks = clicksOn(await stored(ext), host);
    return clicks.length >= 2 ? clicks : null;
  }, 'the click after the reload was not stored');
  expect(both).toHaveLength(2);
});
