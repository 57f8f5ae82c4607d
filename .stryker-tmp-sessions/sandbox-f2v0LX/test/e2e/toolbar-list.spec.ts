// @ts-nocheck
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { autocaptures, expect, storedActions, test, waitForStored, type Extension } from './harness';
import { openToolbar, pick, tabIdOf, toolbar } from './toolbar-support';

/** Save the editor's draft under `name` and wait for it in the saved list. */
async function saveAs(page: Page, name: string): Promise<void> {
  const editor = toolbar(page).getByTestId('editor');
  await editor.getByTestId('action-name').fill(name);
  await editor.getByTestId('save-action').click();
  await expect(savedRow(page, name)).toBeVisible();
}

const savedRow = (page: Page, name: string) => toolbar(page).locator(`[data-testid="saved-action"][data-name="${name}"]`);

/** Start "New action" from the list's menu (`pick`, `pageview` or `event`). */
async function newAction(page: Page, start: 'pick' | 'pageview' | 'event'): Promise<void> {
  await toolbar(page).getByTestId('new-action-menu').click();
  await toolbar(page).getByRole('menuitem').and(toolbar(page).getByTestId(`new-${start}`)).click();
}

/** The stored actions' names, sorted. */
const storedActionNames = async (ext: Extension): Promise<string[]> => (await storedActions(ext)).map((a) => a.name).sort();

test('export → import round-trip on a strict-CSP page: compatibility report first, then the file; the import report before anything is written', async ({ ext, site }) => {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 1500, height: 1000 });
  await page.goto(`${site.url}/csp.html`);
  await openToolbar(ext, page);

  // A page-view action from the menu: $pageview with this page's URL, no element picked.
  await newAction(page, 'pageview');
  await expect(toolbar(page).getByTestId('editor')).toBeVisible();
  await saveAs(page, 'Viewed gift cards');
  // An element action whose selector PostHog evaluates differently (descendant combinator, class).
  await newAction(page, 'pick');
  await pick(page, '[data-testid="gift-25"]');
  await toolbar(page).getByTestId('new-action').click();
  await toolbar(page).getByTestId('step-0-selector').fill('.csp-grid button');
  await saveAs(page, 'Gift card clicked');

  await toolbar(page).getByTestId('export-open').click();
  const dialog = toolbar(page).getByTestId('export-dialog');
  const report = dialog.getByTestId('compat-report');
  await expect(report).toContainText('1 of 2 actions may match differently in PostHog');
  await expect(report).toContainText('Gift card clicked');
  await expect(report).toContainText('descendant combinator');
  // The report comes first: it precedes the download button in the dialog.
  const download = dialog.getByTestId('export-download');
  expect(await report.evaluate((r, b) => !!(r.compareDocumentPosition(b!) & Node.DOCUMENT_POSITION_FOLLOWING), await download.elementHandle())).toBe(true);
  const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
  expect(file.suggestedFilename()).toMatch(/^lasso-actions-127\.0\.0\.1.*\.json$/);
  const dir = mkdtempSync(join(tmpdir(), 'lasso-import-'));
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  const exported = JSON.parse(readFileSync(path, 'utf8'));
  expect(exported.format).toBe('lasso-actions');
  expect(exported.actions.map((a: { name: string }) => a.name)).toEqual(['Gift card clicked', 'Viewed gift cards']);
  expect(exported.actions[0].steps[0]).toMatchObject({ event: '$autocapture', selector: '.csp-grid button' });
  expect(exported.actions[1].steps[0]).toMatchObject({ event: '$pageview', url: `${site.url}/csp.html`, url_matching: 'contains' });
  await expect(dialog.getByTestId('export-status')).toHaveText(`Downloaded ${file.suggestedFilename()}.`);

  // Delete one, then import the file back through the toolbar.
  await savedRow(page, 'Gift card clicked').getByRole('button', { name: 'Delete' }).click();
  await expect(savedRow(page, 'Gift card clicked')).toHaveCount(0);
  await toolbar(page).getByTestId('import-open').click();
  const importer = toolbar(page).getByTestId('import-dialog');

  // The file input is never in the page (a page script could read or swap the file): the button
  // opens the browser's file chooser from a detached input.
  const chooseFile = async (file: string) => {
    const chooser = page.waitForEvent('filechooser');
    await importer.getByTestId('import-file').click();
    await (await chooser).setFiles(file);
  };
  expect(await page.evaluate(() => document.querySelector('[data-lasso-ui]')!.shadowRoot!.querySelectorAll('input[type="file"]').length)).toBe(0);
  // A malformed file: a clear error, nothing to confirm, nothing written.
  const broken = join(dir, 'broken.json');
  writeFileSync(broken, '{"actions": [');
  await chooseFile(broken);
  await expect(importer.getByTestId('import-error')).toContainText('broken.json cannot be imported: invalid JSON at line 1');
  await expect(importer.getByTestId('import-confirm')).toHaveCount(0);
  expect(await storedActionNames(ext)).toEqual(['Viewed gift cards']);

  await chooseFile(path);
  const planned = importer.getByTestId('import-report');
  await expect(planned).toContainText(`Importing ${file.suggestedFilename()} would give: 1 created · 0 updated · 1 skipped · 0 rejected`);
  await expect(planned.locator('li[data-status="created"]')).toContainText('Gift card clicked');
  await expect(planned.locator('li[data-status="skipped"]')).toContainText('Viewed gift cards');
  // Shown, not written: the store still lacks the deleted action until the user confirms.
  expect(await storedActionNames(ext)).toEqual(['Viewed gift cards']);
  await expect(savedRow(page, 'Gift card clicked')).toHaveCount(0);

  await importer.getByTestId('import-confirm').click();
  await expect(planned).toContainText(`Imported ${file.suggestedFilename()}: 1 created · 0 updated · 1 skipped · 0 rejected`);
  await expect(savedRow(page, 'Gift card clicked')).toBeVisible();
  expect(await storedActionNames(ext)).toEqual(['Gift card clicked', 'Viewed gift cards']);
  rmSync(dir, { recursive: true, force: true });
});

test('copy as Playwright test: the snippet reaches the clipboard; where the page refuses the clipboard, it is shown to select', async ({ ext, site }) => {
  await ext.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 1500, height: 1000 });
  await page.goto(`${site.url}/`);
  await openToolbar(ext, page);
  await newAction(page, 'event');
  await toolbar(page).getByTestId('step-0-event').fill('signed_up');
  await saveAs(page, 'Signed up');

  const row = savedRow(page, 'Signed up');
  await row.getByTestId('copy-playwright').click();
  await expect(row.getByTestId('playwright-status')).toHaveText('Copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain("import { test, expect } from '@playwright/test';");
  expect(copied).toContain(`await page.goto("${site.url}/");`);
  expect(copied).toContain('test("Signed up"');
  await expect(row.getByTestId('playwright-snippet')).toHaveCount(0);

  // The same page served with a permissions policy that forbids writing the clipboard.
  const blocked = `${site.url}/?clipboard=blocked`;
  await page.route(blocked, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'permissions-policy': 'clipboard-write=()' } });
  });
  await page.goto(blocked);
  await expect(toolbar(page)).toBeVisible(); // the toolbar comes back after the navigation
  await toolbar(page).getByRole('tab', { name: 'Actions' }).click();
  await savedRow(page, 'Signed up').getByTestId('copy-playwright').click();
  const snippet = savedRow(page, 'Signed up').getByTestId('playwright-snippet');
  await expect(snippet).toBeVisible();
  await expect(snippet).toHaveValue(/test\("Signed up"/);
  await expect(savedRow(page, 'Signed up').getByTestId('playwright-status')).toHaveText('');
  // Selected, ready for Ctrl+C.
  expect(await snippet.evaluate((t: HTMLTextAreaElement) => t.selectionEnd - t.selectionStart)).toBe(await snippet.evaluate((t: HTMLTextAreaElement) => t.value.length));
});

test('saved-list counts and heatmap totals follow real clicks without reopening', async ({ ext, site }) => {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 1700, height: 1000 });
  await page.goto(`${site.url}/`);
  await waitForStored(ext, (all) => all.some((e) => e.event === '$pageview'));
  await openToolbar(ext, page);
  await newAction(page, 'pick');
  await pick(page, '[data-testid="add-to-cart-1"]');
  await toolbar(page).getByTestId('new-action').click();
  await toolbar(page).getByTestId('step-0-selector').fill('[data-attr="add-to-cart"]');
  await saveAs(page, 'Add to cart');
  const count = savedRow(page, 'Add to cart').getByTestId('saved-count');
  await expect(count).toHaveText('0 in 7 d · 0 in all');
  await toolbar(page).getByTestId('heatmap').click();
  const legend = toolbar(page).getByTestId('heatmap-legend');
  await expect(legend).toContainText('0 stored clicks on this page');

  await page.getByTestId('add-to-cart-2').click();
  await expect(count).toHaveText('1 in 7 d · 1 in all');
  await expect(legend).toContainText('1 stored clicks on this page');
  await page.waitForTimeout(1100); // keep the next click apart from the first (rage-click detection)
  await page.getByTestId('add-to-cart-3').click();
  await waitForStored(ext, (all) => autocaptures(all).length === 2);
  await expect(count).toHaveText('2 in 7 d · 2 in all');
  await expect(legend).toContainText('2 stored clicks on this page');
});

test('capture off for the site: the previews say so, and the notice switches capture on', async ({ ext, site }) => {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 1500, height: 1000 });
  await page.goto(`${site.url}/`);
  // Switch 127.0.0.1 off the way a user does, in the popup.
  const popup = await ext.context.newPage();
  await popup.goto(`chrome-extension://${ext.id}/popup.html?tab=${await tabIdOf(ext, page.url())}`);
  await popup.getByTestId('site-switch').click();
  await expect(popup.getByTestId('site-switch')).not.toBeChecked();
  await popup.close();
  await page.bringToFront();

  await openToolbar(ext, page);
  // The New action menu by keyboard: Enter opens it on its first item, Esc closes it, arrows move.
  const trigger = toolbar(page).getByTestId('new-action-menu');
  await trigger.focus();
  await page.keyboard.press('Enter');
  await expect(toolbar(page).getByTestId('new-pick')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(toolbar(page).getByRole('menu')).toHaveCount(0);
  await expect(trigger).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(toolbar(page).getByTestId('new-pick')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(toolbar(page).getByTestId('new-event')).toBeFocused();
  await page.keyboard.press('Enter'); // a custom event, any name: every captured event would match
  const editor = toolbar(page).getByTestId('editor');
  await editor.getByTestId('test-switch').check();
  const notices = editor.getByTestId('capture-off');
  await expect(notices).toHaveCount(2); // stored and live areas
  await expect(notices.first()).toContainText('Capture is off for 127.0.0.1: nothing is recorded here.');
  await expect(editor.getByTestId('live-empty')).toHaveCount(0);

  await notices.first().getByTestId('capture-on').click();
  await expect(notices).toHaveCount(0);
  await expect(editor.getByTestId('live-empty')).toHaveText('Use the page: events captured in this tab appear here.');
  // Capture runs again in this tab: a real click is stored and shows in the live feed.
  await page.getByTestId('add-to-cart-1').click();
  await waitForStored(ext, (all) => autocaptures(all).length === 1);
  await expect(editor.getByTestId('live-feed').locator('li[data-matched="true"]').first()).toContainText('$autocapture');
});
