// @ts-nocheck
import type { Page } from '@playwright/test';
import { autocaptures, expect, gotoCaptured, stopServiceWorker, storedEvents, test, waitForStored, type Extension } from './harness';
import { openToolbar, pick, toolbar } from './toolbar-support';

/** Click real buttons so capture stores them: `counts[testid]` clicks each. */
async function clickAll(ext: Extension, page: Page, counts: Record<string, number>): Promise<void> {
  const before = autocaptures(await storedEvents(ext)).length;
  let total = 0;
  for (const [testid, n] of Object.entries(counts)) {
    for (let i = 0; i < n; i++) await page.getByTestId(testid).click({ delay: 5 });
    total += n;
    await page.waitForTimeout(1100); // rage-click detection: keep repeated clicks apart per button
  }
  await waitForStored(ext, (all) => autocaptures(all).length >= before + total);
}

/**
 * The demo shop in a wide window (room for the panel beside the products) after `clicks` real
 * clicks, with the toolbar open and a new action from add-to-cart-1 using the shared data-attr.
 */
async function shopDraft(ext: Extension, siteUrl: string, clicks: Record<string, number>): Promise<Page> {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 1700, height: 1000 });
  await page.goto(`${siteUrl}/`);
  await clickAll(ext, page, clicks);
  await openToolbar(ext, page);
  await pick(page, '[data-testid="add-to-cart-1"]');
  await toolbar(page).getByTestId('new-action').click();
  await toolbar(page).getByTestId('step-0-selector').fill('[data-attr="add-to-cart"]');
  return page;
}

/** Outline boxes of a tone the toolbar currently draws over the page. */
const visibleOutlines = (page: Page, tone: string) =>
  page.locator('[data-lasso-ui]').evaluate((host, t) => [...host.shadowRoot!.querySelectorAll<HTMLElement>(`.lasso-outline--${t}`)].filter((o) => o.style.display !== 'none').length, tone);

/** The text of the visible overlay label closest to the top-left corner of `box` (labels sit above or below their box). */
const labelNear = (page: Page, box: { x: number; y: number; width: number; height: number }) =>
  page.locator('[data-lasso-ui]').evaluate((host, b) => {
    const labels = [...host.shadowRoot!.querySelectorAll<HTMLElement>('.lasso-outline-label')].filter((l) => l.style.display !== 'none');
    const distance = (l: HTMLElement) => {
      const r = l.getBoundingClientRect();
      return Math.hypot(r.left - b.x, Math.min(Math.abs(r.bottom - b.y), Math.abs(r.top - (b.y + b.height))));
    };
    return labels.sort((x, y) => distance(x) - distance(y))[0]?.textContent;
  }, box);

test('editor: stored counts of real clicks, a live event marked matched with its explanation, two steps, invalid selector blocks saving', async ({ ext, site }) => {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 1700, height: 1000 }); // room for the panel beside the products
  await page.goto(`${site.url}/`);
  await clickAll(ext, page, { 'add-to-cart-1': 2, 'add-to-cart-3': 1, wishlist: 1 });

  await openToolbar(ext, page);
  await pick(page, '[data-testid="add-to-cart-1"]');
  await toolbar(page).getByTestId('new-action').click();
  const editor = toolbar(page).getByTestId('editor');
  const selector = editor.getByTestId('step-0-selector');
  await selector.fill('[data-attr="add-to-cart"]');
  // Stored preview: the three add-to-cart clicks, in every window.
  const stored = editor.getByTestId('stored-preview');
  await expect(stored.locator('[data-window="all"]')).toHaveText('3');
  await expect(stored.locator('[data-window="1h"]')).toHaveText('3');

  // Invalid selector: the matcher's error under the field, Save disabled, page preview says why.
  await editor.getByTestId('action-name').fill('Add to cart');
  await selector.fill('button[data-attr=');
  await expect(editor.getByTestId('error-selector')).toContainText('selector');
  await expect(editor.getByTestId('save-action')).toBeDisabled();
  await selector.fill('[data-attr="add-to-cart"]');
  await expect(editor.getByTestId('error-selector')).toHaveCount(0);
  await expect(editor.getByTestId('save-action')).toBeEnabled();

  // Live: test mode, click in the page, the event streams in marked matched; a miss says why.
  await editor.getByTestId('test-switch').check();
  await page.getByTestId('add-to-cart-4').click();
  const feed = editor.getByTestId('live-feed');
  await expect(feed.locator('li[data-matched="true"]')).toHaveCount(1);
  await page.getByTestId('wishlist-2').click();
  await expect(feed.locator('li[data-matched="false"]').first()).toBeVisible();
  await feed.locator('li[data-matched="false"] button').first().click();
  await expect(editor.getByTestId('explanation')).toContainText('selector');
  await expect(editor.getByTestId('explanation')).toContainText('✗');
  // The live click was stored: the stored preview counts it too.
  await expect(stored.locator('[data-window="all"]')).toHaveText('4');

  // Second step: the wishlist button; the action now matches both kinds of click.
  await editor.getByTestId('test-switch').uncheck();
  await editor.getByTestId('add-element-step').click();
  await page.getByTestId('wishlist').hover();
  await page.getByTestId('wishlist').click();
  await expect(editor.getByTestId('step-1')).toBeVisible();
  // One of the cards' wishlist buttons: the step covers both similar ones.
  await expect(editor.getByTestId('step-1-page-count')).toHaveText('2 elements on this page');
  await editor.getByTestId('step-1-selector').fill('button[aria-label="Add to wishlist"]');
  await expect(editor.getByTestId('page-count')).toHaveText('6 matching elements outlined (all steps)');
  await expect(stored.locator('[data-window="all"]')).toHaveText('6');
  await editor.getByTestId('save-action').click();
  const saved = toolbar(page).getByTestId('saved-action');
  await expect(saved).toHaveAttribute('data-name', 'Add to cart');
  await expect(saved.getByTestId('saved-count')).toHaveText('6 in 7 d · 6 in all');
  await expect(saved.getByTestId('saved-page-count')).toContainText('6 on this page');

  // Edit: the stored action comes back with both steps.
  await saved.getByRole('button', { name: 'Edit' }).click();
  await expect(editor.getByTestId('step-1-selector')).toHaveValue('button[aria-label="Add to wishlist"]');
  await editor.getByRole('button', { name: 'Cancel' }).click();

  // Delete, then undo.
  await saved.getByRole('button', { name: 'Delete' }).click();
  await expect(toolbar(page).getByTestId('saved-action')).toHaveCount(0);
  await toolbar(page).getByTestId('undo-delete').click();
  await expect(toolbar(page).getByTestId('saved-action')).toHaveAttribute('data-name', 'Add to cart');
});

test('heatmap numbers equal the stored click counts per element', async ({ ext, site }) => {
  const page = await ext.context.newPage();
  await page.goto(`${site.url}/`);
  const counts = { 'add-to-cart-1': 3, 'add-to-cart-2': 1, wishlist: 2 };
  await clickAll(ext, page, counts);
  const stored = autocaptures(await storedEvents(ext)).filter((e) => e.properties.$event_type === 'click');
  await openToolbar(ext, page);
  await toolbar(page).getByTestId('heatmap').click();
  await expect(toolbar(page).getByTestId('heatmap-legend')).toContainText(`${stored.length} stored clicks on this page; ${stored.length} drawn on 3 elements`);
  const labels = await page.locator('[data-lasso-ui]').evaluate((host) =>
    [...host.shadowRoot!.querySelectorAll('.lasso-outline-label')].filter((l) => (l as HTMLElement).style.display !== 'none').map((l) => l.textContent),
  );
  expect(labels.sort()).toEqual(Object.values(counts).map(String).sort());
  // Each number sits on its element: the label nearest each button's top-left corner carries its count.
  for (const [testid, n] of Object.entries(counts)) {
    const box = (await page.getByTestId(testid).boundingBox())!;
    const nearest = await labelNear(page, box);
    expect(nearest, testid).toBe(String(n));
  }
});

test('inspect works inside an open shadow root and a same-origin iframe', async ({ ext, site }) => {
  const page = await ext.context.newPage();
  await page.goto(`${site.url}/shadow.html`);
  await openToolbar(ext, page);
  await pick(page, '[data-testid="shadow-link"] span');
  const panel = toolbar(page).getByTestId('element-panel');
  await expect(panel).toContainText('<a>');
  await expect(panel).toContainText('Join now');
  await panel.getByTestId('new-action').click();
  await expect(toolbar(page).getByTestId('page-count')).toHaveText('1 matching element outlined');

  // Another page of the same site: the toolbar comes back with the unsaved draft (sent on pagehide).
  await page.goto(`${site.url}/iframe.html`);
  await expect(toolbar(page).getByTestId('editor')).toBeVisible();
  await toolbar(page).getByRole('button', { name: 'Cancel' }).click();
  const frameButton = page.frameLocator('#inner-frame').getByTestId('frame-btn');
  await toolbar(page).getByTestId('inspect').click();
  await frameButton.hover();
  await frameButton.click();
  await expect(toolbar(page).getByTestId('element-panel')).toContainText('Inside frame');
  // Out of inspect mode, a real click on the same button is the marker: once it is stored, the
  // pick (earlier, same frame, same outbox) would be too, had it been captured.
  await frameButton.click();
  await waitForStored(ext, (all) => autocaptures(all).some((e) => String(e.properties.$elements_chain).includes('frame-btn')));
  expect(autocaptures(await storedEvents(ext)).filter((e) => String(e.properties.$elements_chain).includes('frame-btn'))).toHaveLength(1);
});

test('a saved action that matched here before but matches nothing after a "deploy" gets a badge and replacement selectors', async ({ ext, site }) => {
  const page = await shopDraft(ext, site.url, { 'add-to-cart-1': 2 });
  await toolbar(page).getByTestId('action-name').fill('Add to cart');
  await toolbar(page).getByTestId('save-action').click();
  const saved = toolbar(page).getByTestId('saved-action');
  await expect(saved.getByTestId('saved-page-count')).toContainText('4 on this page');
  await expect(saved.getByTestId('broken-badge')).toHaveCount(0);
  await saved.getByRole('button', { name: 'Show on page' }).click();
  await expect.poll(() => visibleOutlines(page, 'match')).toBe(4);
  await saved.getByRole('button', { name: 'Show on page' }).click();
  await expect.poll(() => visibleOutlines(page, 'match')).toBe(0);

  // The site renames its analytics attribute: the action matches nothing on this page any more.
  await page.evaluate(() => document.querySelectorAll('[data-attr="add-to-cart"]').forEach((b) => b.setAttribute('data-attr', 'cart-add')));
  await expect(saved.getByTestId('broken-badge')).toBeVisible();
  await expect(saved.getByTestId('saved-page-count')).toContainText('0 on this page');
  // Replacements are for the element its last stored match here was recorded on (one of the 4
  // similar cards' buttons, so the first covers them all); one click puts it into the action.
  const replacement = saved.getByTestId('use-replacement').first();
  await expect(replacement).toHaveText('[data-attr="cart-add"]');
  await replacement.click();
  const editor = toolbar(page).getByTestId('editor');
  await expect(editor.getByTestId('step-0-selector')).toHaveValue('[data-attr="cart-add"]');
  await expect(editor.getByTestId('page-count')).toHaveText('4 matching elements outlined');
  await editor.getByTestId('save-action').click();
  await expect(saved.getByTestId('broken-badge')).toHaveCount(0);
  await expect(saved.getByTestId('saved-page-count')).toContainText('4 on this page');
});

test('heatmap includes a same-origin iframe: its clicks are drawn on the framed elements', async ({ ext, site }) => {
  const page = await ext.context.newPage();
  await gotoCaptured(ext, page, `${site.url}/iframe.html`, [`${site.url}/frame.html`]);
  const frameButton = page.frameLocator('#inner-frame').getByTestId('frame-btn');
  await frameButton.click();
  await page.waitForTimeout(1100);
  await frameButton.click();
  await page.getByTestId('outer-btn').click();
  await waitForStored(ext, (all) => autocaptures(all).length === 3);
  await openToolbar(ext, page);
  await toolbar(page).getByTestId('heatmap').click();
  await expect(toolbar(page).getByTestId('heatmap-legend')).toContainText('3 stored clicks on this page; 3 drawn on 2 elements');
  const frameBox = (await frameButton.boundingBox())!;
  const label = await labelNear(page, frameBox);
  expect(label).toBe('2');
});

test('previews keep working after Chrome stops the idle service worker (ports reconnect)', async ({ ext, site }) => {
  const page = await shopDraft(ext, site.url, { 'add-to-cart-1': 1 });
  const editor = toolbar(page).getByTestId('editor');
  const stored = editor.getByTestId('stored-preview');
  await expect(stored.locator('[data-window="all"]')).toHaveText('1');
  await editor.getByTestId('test-switch').check();

  await stopServiceWorker(ext);
  // A live click after the restart: it reaches the feed and updates the stored counts.
  await page.getByTestId('add-to-cart-3').click();
  await expect(editor.getByTestId('live-feed').locator('li[data-matched="true"]')).toHaveCount(1);
  await expect(stored.locator('[data-window="all"]')).toHaveText('2');
  // And a new edit is answered.
  await editor.getByTestId('step-0-selector').fill('[data-testid="add-to-cart-3"]');
  await expect(stored.locator('[data-window="all"]')).toHaveText('1');
});
