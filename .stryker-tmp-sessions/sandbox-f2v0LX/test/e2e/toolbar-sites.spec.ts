// @ts-nocheck
import type { Page } from '@playwright/test';
import { startDemoServer } from '../fixtures/serve.mjs';
import { autocaptures, expect, gotoCaptured, storedEvents, test, waitForStored, type Extension } from './harness';
import { openToolbar, pick, toolbar } from './toolbar-support';

/** Two demo shops on the same host, different ports: two sites (PostHog's `$host` keeps the port). */
let other: { url: string; close(): Promise<void> };
test.beforeAll(async () => {
  other = await startDemoServer({ host: '127.0.0.1', port: 0 });
});
test.afterAll(async () => other.close());

/** Open the shop at `url` in a wide window and click add-to-cart-1 `clicks` times (real clicks, stored). */
async function shopWithClicks(ext: Extension, url: string, clicks: number): Promise<Page> {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 1700, height: 1000 });
  await gotoCaptured(ext, page, `${url}/`);
  const before = autocaptures(await storedEvents(ext)).length;
  for (let i = 0; i < clicks; i++) {
    await page.getByTestId('add-to-cart-1').click();
    await page.waitForTimeout(1100); // rage-click detection: keep repeated clicks apart
  }
  await waitForStored(ext, (all) => autocaptures(all).length >= before + clicks);
  return page;
}

/** A new action from add-to-cart-1 whose selector matches every add-to-cart button. */
async function draftAddToCart(page: Page): Promise<void> {
  await pick(page, '[data-testid="add-to-cart-1"]');
  await toolbar(page).getByTestId('new-action').click();
  await toolbar(page).getByTestId('step-0-selector').fill('[data-attr="add-to-cart"]');
}

test('two ports of one host are two sites: actions, stored counts and heatmaps never mix; "Other sites" copies an action', async ({ ext, site }) => {
  const hostA = new URL(site.url).host;
  const hostB = new URL(other.url).host;
  expect(new URL(site.url).hostname).toBe(new URL(other.url).hostname);
  expect(hostA).not.toBe(hostB);

  const a = await shopWithClicks(ext, site.url, 3);
  const b = await shopWithClicks(ext, other.url, 1);
  const hosts = autocaptures(await storedEvents(ext)).map((e) => e.properties.$host);
  expect(hosts.filter((h) => h === hostA)).toHaveLength(3);
  expect(hosts.filter((h) => h === hostB)).toHaveLength(1);

  // Site A: the draft's stored preview counts A's three clicks, not B's; save it.
  await a.bringToFront();
  await openToolbar(ext, a);
  await draftAddToCart(a);
  const editorA = toolbar(a).getByTestId('editor');
  await expect(editorA.getByTestId('stored-preview').locator('[data-window="all"]')).toHaveText('3');
  await editorA.getByTestId('action-name').fill('Add to cart');
  await editorA.getByTestId('save-action').click();
  await expect(toolbar(a).getByTestId('saved-action')).toHaveAttribute('data-name', 'Add to cart');
  await expect(toolbar(a).getByTestId('saved-count')).toHaveText('3 in 7 d · 3 in all');
  // A's heatmap: A's clicks only.
  await toolbar(a).getByTestId('heatmap').click();
  await expect(toolbar(a).getByTestId('heatmap-legend')).toContainText('3 stored clicks on this page');
  await toolbar(a).getByTestId('heatmap').click();

  // Site B: not listed there; the same selector's preview counts B's single click.
  await b.bringToFront();
  await openToolbar(ext, b);
  const listB = toolbar(b).getByTestId('action-list');
  await expect(listB).toContainText('No actions on this site');
  await expect(listB.getByTestId('saved-action')).toHaveCount(0);
  await toolbar(b).getByTestId('heatmap').click();
  await expect(toolbar(b).getByTestId('heatmap-legend')).toContainText('1 stored clicks on this page');
  await toolbar(b).getByTestId('heatmap').click();
  await draftAddToCart(b);
  await expect(toolbar(b).getByTestId('editor').getByTestId('stored-preview').locator('[data-window="all"]')).toHaveText('1');
  await toolbar(b).getByTestId('editor').getByRole('button', { name: 'Cancel' }).click();

  // "Other sites": A's action, grouped under A's host; copy it to B.
  await listB.getByTestId('other-sites-toggle').click();
  const group = listB.locator(`[data-testid="other-site"][data-site="${hostA}"]`);
  await expect(group.getByRole('heading')).toHaveText(hostA);
  await expect(listB.getByTestId('other-site')).toHaveCount(1); // not B's own site
  await group.locator('[data-testid="other-action"][data-name="Add to cart"]').getByRole('button', { name: `Copy to this site: Add to cart from ${hostA}` }).click();
  await expect(listB.getByTestId('copy-status')).toHaveText('Copied “Add to cart” to this site.');
  // The copy is B's own action and counts B's clicks only.
  const copied = listB.locator('[data-testid="saved-action"][data-name="Add to cart"]');
  await expect(copied.getByTestId('saved-count')).toHaveText('1 in 7 d · 1 in all');
  // Copying again: the name exists here, so the copy is suffixed and the user is told.
  await group.getByTestId('copy-here').click();
  await expect(listB.getByTestId('copy-status')).toHaveText('Copied as “Add to cart (copy)”: this site already has an action named “Add to cart”.');
  await expect(listB.getByTestId('saved-action')).toHaveCount(2);

  // A still has exactly its one action, with its own counts.
  await a.bringToFront();
  await a.reload();
  const listA = toolbar(a).getByTestId('action-list');
  await expect(listA.getByTestId('saved-action')).toHaveCount(1);
  await expect(listA.getByTestId('saved-count')).toHaveText('3 in 7 d · 3 in all');
});
