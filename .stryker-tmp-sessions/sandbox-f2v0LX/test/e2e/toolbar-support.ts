// @ts-nocheck
import type { Page } from '@playwright/test';
import { expect, type Extension } from './harness';

/** The tab id of the page open at `url` (asked in the background). */
export async function tabIdOf(ext: Extension, url: string): Promise<number> {
  const id = await (await ext.background()).evaluate(async (u) => {
    const { chrome } = globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } };
    return (await chrome.tabs.query({})).find((t) => t.url === u)?.id;
  }, url);
  if (id === undefined) throw new Error(`no tab at ${url}`);
  return id;
}

/** Open (or close) the toolbar the way the popup's button does, for the tab showing `page`. */
export async function toggleFromPopup(ext: Extension, page: Page): Promise<void> {
  const tabId = await tabIdOf(ext, page.url());
  const popup = await ext.context.newPage();
  await popup.goto(`chrome-extension://${ext.id}/popup.html?tab=${tabId}`);
  await popup.getByTestId('toolbar-toggle').click();
  await popup.close();
  await page.bringToFront();
}

/** The toolbar's panel (Playwright locators pierce its open shadow root). */
export const toolbar = (page: Page) => page.getByTestId('lasso-panel');

/** Open the toolbar and wait until it is on the page. */
export async function openToolbar(ext: Extension, page: Page): Promise<void> {
  await toggleFromPopup(ext, page);
  await expect(toolbar(page)).toBeVisible();
}

/** Pick `selector` on the page in inspect mode (hover, then click). */
export async function pick(page: Page, selector: string): Promise<void> {
  const inspect = toolbar(page).getByTestId('inspect');
  if ((await inspect.getAttribute('aria-pressed')) !== 'true') await inspect.click();
  const target = page.locator(selector).first();
  await target.hover();
  await target.click();
}
