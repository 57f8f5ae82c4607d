// @ts-nocheck
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { autocaptures, captureReady, expect, gotoCaptured, test, waitForStored } from './harness';
import { openToolbar, pick, tabIdOf, toolbar } from './toolbar-support';

const SCHEMES = ['light', 'dark'] as const;
/** The toolbar's shadow host: axe checks it and everything in its open shadow root. */
const TOOLBAR = '[data-lasso-ui]';

/** Check `page` (or only `include`) with axe in light and in dark mode; the media change applies live. */
async function checkBothSchemes(page: Page, label: string, include?: string): Promise<void> {
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(page, `${label}, ${colorScheme}`, include);
  }
}

test('popup: no axe violations in light and dark, with an event row open', async ({ ext, site }) => {
  const page = await ext.context.newPage();
  await gotoCaptured(ext, page, `${site.url}/`);
  await page.getByTestId('add-to-cart-1').click();
  await waitForStored(ext, (all) => autocaptures(all).length === 1);
  const popup = await ext.context.newPage();
  await popup.goto(`chrome-extension://${ext.id}/popup.html?tab=${await tabIdOf(ext, page.url())}`);
  const row = popup.locator('[data-label="click"] button');
  await expect(row).toContainText('Add to cart');
  await row.focus();
  await popup.keyboard.press('Enter');
  await expect(row).toHaveAttribute('aria-expanded', 'true');
  await expect(popup.getByTestId('event-properties').first()).toBeVisible();
  await checkBothSchemes(popup, 'popup');
});

test('toolbar: no axe violations in light and dark on each tab — Actions with a saved action (and the heatmap), Element after picking, the editor with its three previews', async ({ ext, site }) => {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${site.url}/`);
  await captureReady(ext, '/');
  await page.getByTestId('add-to-cart-1').click();
  await waitForStored(ext, (all) => autocaptures(all).length === 1);
  await openToolbar(ext, page);
  const panel = toolbar(page);

  // A saved action, then the Actions tab with it listed.
  await pick(page, '[data-testid="add-to-cart-1"]');
  await panel.getByTestId('new-action').click();
  await panel.getByTestId('action-name').fill('Add to cart');
  await panel.getByTestId('save-action').click();
  await expect(panel.getByTestId('saved-action')).toHaveAttribute('data-name', 'Add to cart');
  await expect(panel.getByTestId('saved-count')).not.toHaveText('…');
  // With the heatmap on: its legend in the panel and its count labels drawn over the page.
  await panel.getByTestId('heatmap').click();
  await expect(panel.getByTestId('heatmap-legend')).toContainText('1 stored clicks on this page');
  await checkBothSchemes(page, 'toolbar, Actions tab with the heatmap', TOOLBAR);
  await panel.getByTestId('heatmap').click();
  await expect(panel.getByTestId('heatmap-legend')).toHaveCount(0);
  // The list's tools open: the export report, other sites, the new-action menu.
  await panel.getByTestId('export-open').click();
  await expect(panel.getByTestId('compat-report')).toBeVisible();
  await panel.getByTestId('other-sites-toggle').click();
  await expect(panel.getByTestId('other-sites-empty')).toBeVisible();
  await checkBothSchemes(page, 'toolbar, Actions tab with export and other sites open', TOOLBAR);
  await panel.getByTestId('import-open').click();
  await expect(panel.getByTestId('import-dialog')).toBeVisible();
  await panel.getByTestId('new-action-menu').click();
  await expect(panel.getByTestId('new-pick')).toBeVisible();
  await checkBothSchemes(page, 'toolbar, Actions tab with import and the new-action menu open', TOOLBAR);
  await page.keyboard.press('Escape');

  // The Element tab after picking.
  await pick(page, '[data-testid="add-to-cart-2"]');
  await expect(panel.getByTestId('candidates').locator('li').first()).toBeVisible();
  await checkBothSchemes(page, 'toolbar, Element tab', TOOLBAR);

  // The new-action editor with the page, stored and live previews showing.
  await panel.getByTestId('new-action').click();
  const editor = panel.getByTestId('editor');
  await editor.getByTestId('step-0-selector').fill('[data-attr="add-to-cart"]');
  await expect(editor.getByTestId('page-count')).toContainText('matching element');
  await expect(editor.getByTestId('stored-preview').locator('[data-window="all"]')).toHaveText('1');
  await editor.getByTestId('test-switch').check();
  await page.getByTestId('add-to-cart-3').click();
  const live = editor.getByTestId('live-feed').locator('li');
  await expect(live).toHaveCount(1);
  await live.locator('button').click();
  await expect(editor.getByTestId('explanation')).toBeVisible();
  await expect(editor.getByTestId('stored-preview')).not.toHaveClass(/lasso-stale/);
  await checkBothSchemes(page, 'toolbar, New action tab', TOOLBAR);
});

test('toolbar tabs follow the ARIA tabs pattern: one tab stop, arrows and Home/End move between enabled tabs, each tab controls its panel', async ({ ext, site }) => {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${site.url}/`);
  await openToolbar(ext, page);
  const panel = toolbar(page);
  const tab = (view: string) => panel.getByTestId(`tab-${view}`);
  await expect(panel.getByRole('tablist')).toHaveAttribute('aria-label', 'Toolbar views');
  await expect(panel.getByRole('tabpanel')).toHaveAttribute('aria-labelledby', (await tab('actions').getAttribute('id'))!);
  await expect(tab('actions')).toHaveAttribute('aria-controls', (await panel.getByRole('tabpanel').getAttribute('id'))!);

  // Only Actions is enabled before a pick: arrows stay on it.
  await tab('actions').focus();
  await page.keyboard.press('ArrowRight');
  await expect(tab('actions')).toBeFocused();

  await pick(page, '[data-testid="add-to-cart-1"]');
  await panel.getByTestId('new-action').click();
  await expect(tab('editor')).toHaveAttribute('aria-selected', 'true');
  await tab('editor').focus();
  // From the last tab, Right wraps to the first.
  for (const [key, view] of [['ArrowRight', 'actions'], ['ArrowRight', 'element'], ['ArrowLeft', 'actions'], ['End', 'editor'], ['Home', 'actions']] as const) {
    await page.keyboard.press(key);
    await expect(tab(view)).toBeFocused();
    await expect(tab(view)).toHaveAttribute('aria-selected', 'true');
    await expect(tab(view)).toHaveAttribute('tabindex', '0');
    await expect(panel.getByRole('tabpanel')).toHaveAttribute('aria-labelledby', `lasso-tab-${view}`);
  }
  await expect(panel.locator('[role="tab"][tabindex="0"]')).toHaveCount(1);
});
