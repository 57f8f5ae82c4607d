// @ts-nocheck
import type { Locator, Page } from '@playwright/test';
import { autocaptures, expect, storedEvents, test, waitForStored, type Extension } from './harness';
import { openToolbar, pick, tabIdOf, toolbar } from './toolbar-support';

/** A 1280×800 window, the size the issue was reported at (the panel beside the app, no room to spare). */
async function smallWindow(ext: Extension, url: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(url);
  return page;
}

/**
 * Scroll the panel's body back to the top (clicks above scrolled it) and report whether the form
 * overflows it: then the footer is in view because it is sticky, not because the form is short.
 */
const toTop = (page: Page) =>
  toolbar(page).locator('.lasso-body').evaluate((body) => {
    body.scrollTop = 0;
    return body.scrollHeight > body.clientHeight;
  });

/** Save and the Test switch wholly inside the window, the form scrolled to its top. */
async function expectFooterInView(page: Page): Promise<void> {
  const editor = toolbar(page).getByTestId('editor');
  expect(await toTop(page)).toBe(true);
  await expect(editor.getByTestId('save-action')).toBeInViewport({ ratio: 1 });
  await expect(editor.getByTestId('test-switch')).toBeInViewport({ ratio: 1 });
}

/** Drag the panel by its header (a real pointer drag: the panel then floats). */
async function dragPanel(page: Page, to: { x: number; y: number }): Promise<void> {
  const bar = toolbar(page).locator('.lasso-bar');
  const box = (await bar.boundingBox())!;
  await page.mouse.move(box.x + 8, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
}

const width = async (panel: Locator) => (await panel.boundingBox())!.width;

test('at 1280×800 Save and the Test switch stay in view with 3 steps, docked and floating', async ({ ext, site }) => {
  const page = await smallWindow(ext, `${site.url}/`);
  await openToolbar(ext, page);
  await pick(page, '[data-testid="add-to-cart-1"]');
  await toolbar(page).getByTestId('new-action').click();
  const editor = toolbar(page).getByTestId('editor');
  await editor.getByTestId('add-pageview-step').click();
  await editor.getByTestId('add-event-step').click();
  await expect(editor.getByTestId('step-2')).toBeVisible();

  await expectFooterInView(page);
  await dragPanel(page, { x: 260, y: 90 });
  await expect(toolbar(page)).toHaveClass(/lasso-panel--float/);
  await expectFooterInView(page);
  // Test from the footer: the live feed scrolls into view, the footer stays.
  await editor.getByTestId('test-switch').check();
  await expect(editor.getByTestId('live-empty')).toBeInViewport({ ratio: 1 });
  await expect(editor.getByTestId('save-action')).toBeInViewport({ ratio: 1 });
});

test('Save does not move while the previews load: the editor fills the panel even when its form is short', async ({ ext, site }) => {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 1280, height: 1400 }); // taller than the page-view form
  await page.goto(`${site.url}/`);
  await openToolbar(ext, page);
  await toolbar(page).getByTestId('new-action-menu').click();
  await toolbar(page).getByTestId('new-pageview').click();
  const editor = toolbar(page).getByTestId('editor');
  const save = editor.getByTestId('save-action');
  const first = await save.boundingBox();
  // The stored preview and the page count arrive after the editor shows.
  await expect(editor.getByTestId('stored-preview').locator('[data-window="all"]')).toHaveText(/^\d+$/);
  await expect(editor.getByTestId('page-count')).not.toHaveText('…');
  expect(await save.boundingBox()).toEqual(first);
  const panel = (await toolbar(page).boundingBox())!;
  expect(panel.height).toBe(1400 - 24);
  const foot = (await editor.getByTestId('editor-footer').boundingBox())!;
  expect(Math.round(foot.y + foot.height)).toBe(Math.round(panel.y + panel.height) - 1); // the panel's 1px border below
});

test('a checkbox toggle counts a click and a change; "clicks only" counts 1 and comes back ticked when edited', async ({ ext, site }) => {
  const page = await smallWindow(ext, `${site.url}/signup.html`);
  const before = autocaptures(await storedEvents(ext)).length;
  await page.locator('#newsletter').click();
  await waitForStored(ext, (all) => autocaptures(all).length >= before + 2);
  const types = autocaptures(await storedEvents(ext)).slice(before).map((e) => e.properties.$event_type).sort();
  expect(types).toEqual(['change', 'click']); // what the split must show, as stored

  await openToolbar(ext, page);
  await pick(page, '#newsletter');
  await toolbar(page).getByTestId('new-action').click();
  const editor = toolbar(page).getByTestId('editor');
  const stored = editor.getByTestId('stored-preview');
  await expect(stored.locator('[data-window="all"]')).toHaveText('2');
  await expect(stored.getByTestId('type-split')).toHaveText('1 click · 1 change');

  await editor.getByTestId('step-0-clicks-only').check();
  await expect(stored.locator('[data-window="all"]')).toHaveText('1');
  await expect(stored.getByTestId('type-split')).toHaveText('1 click');
  await expect(editor.getByTestId('page-count')).toHaveText('1 matching element outlined'); // a click on it still matches

  await editor.getByTestId('action-name').fill('Newsletter ticked');
  await editor.getByTestId('save-action').click();
  const saved = toolbar(page).getByTestId('saved-action');
  await expect(saved).toHaveAttribute('data-name', 'Newsletter ticked');
  await expect(saved.getByTestId('saved-count')).toHaveText('1 in 7 d · 1 in all');
  await saved.getByRole('button', { name: 'Edit' }).click();
  await expect(editor.getByTestId('step-0-clicks-only')).toBeChecked();
  await expect(stored.locator('[data-window="all"]')).toHaveText('1');
});

test('a fresh new action shows no error until a field is touched or Save is tried', async ({ ext, site }) => {
  const page = await smallWindow(ext, `${site.url}/`);
  await openToolbar(ext, page);
  await pick(page, '[data-testid="add-to-cart-1"]');
  await toolbar(page).getByTestId('new-action').click();
  const editor = toolbar(page).getByTestId('editor');
  const save = editor.getByTestId('save-action');
  // One of the 4 cards' buttons: the pre-filled step covers all of them.
  await expect(editor.getByTestId('page-count')).toHaveText('4 matching elements outlined');
  // Unnamed, so not savable — but nothing is red yet.
  await expect(save).toHaveAttribute('aria-disabled', 'true');
  await expect(editor.locator('.lasso-field-error')).toHaveCount(0);
  await expect(editor.locator('[aria-invalid="true"]')).toHaveCount(0);

  // Touching one field shows that field's problem only.
  await editor.getByTestId('step-0-selector').fill('button[data-attr=');
  await expect(editor.getByTestId('error-selector')).toContainText('selector');
  await expect(editor.getByTestId('error-name')).toHaveCount(0);

  // A Save attempt shows every problem, focuses the first, and saves nothing.
  await save.click({ force: true }); // aria-disabled: it answers by showing the problems
  await expect(editor.getByTestId('error-name')).toBeVisible();
  await expect(editor.getByTestId('action-name')).toBeFocused();
  await expect(editor).toBeVisible();

  await editor.getByTestId('action-name').fill('Add to cart');
  await editor.getByTestId('step-0-selector').fill('[data-attr="add-to-cart"]');
  await expect(editor.locator('.lasso-field-error')).toHaveCount(0);
  await expect(save).toHaveAttribute('aria-disabled', 'false');
  await save.click();
  await expect(toolbar(page).getByTestId('saved-action')).toHaveAttribute('data-name', 'Add to cart');
});

test('the panel is made narrower by keyboard and by pointer, and keeps its width after a reload', async ({ ext, site }) => {
  const page = await smallWindow(ext, `${site.url}/`);
  await openToolbar(ext, page);
  const panel = toolbar(page);
  const handle = panel.getByTestId('panel-resize');
  const start = await width(panel);
  expect(start).toBe(380);

  // By pointer: dragging the inner (left) edge 40 px to the right narrows the panel by 40 px.
  const box = (await handle.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(handle).toHaveAttribute('aria-valuenow', '340');
  expect(await width(panel)).toBe(340);

  // By keyboard: the handle is the left edge of a panel docked right, so ArrowRight narrows.
  await handle.focus();
  await page.keyboard.press('ArrowRight');
  await expect(handle).toHaveAttribute('aria-valuenow', '324');
  await page.keyboard.press('Shift+ArrowRight'); // 64 px, stopped at the minimum
  await expect(handle).toHaveAttribute('aria-valuenow', '280');
  expect(await width(panel)).toBe(280);
  await page.keyboard.press('End');
  await expect(handle).toHaveAttribute('aria-valuenow', '720');
  await page.keyboard.press('Home');
  await expect(handle).toHaveAttribute('aria-valuenow', '280');
  await page.keyboard.press('ArrowLeft');
  await expect(handle).toHaveAttribute('aria-valuenow', '296');
  expect(await width(panel)).toBe(296);

  // The width is in the tab's state (saved shortly after the last change): wait for it, then reload.
  const tabId = await tabIdOf(ext, page.url());
  const background = await ext.background();
  await expect
    .poll(() => background.evaluate(async (key) => {
      const { chrome } = globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<Record<string, { width?: number } | undefined>> } } } };
      return (await chrome.storage.session.get(key))[key]?.width;
    }, `toolbar:${tabId}`))
    .toBe(296);
  await page.reload();
  await expect(panel.getByTestId('panel-resize')).toHaveAttribute('aria-valuenow', '296');
  expect(await width(panel)).toBe(296);
});
