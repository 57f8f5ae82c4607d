// @ts-nocheck
import { autocaptures, expect, test, waitForStored } from './harness';
import { openToolbar, pick, toolbar } from './toolbar-support';

test('popup opens the toolbar; picking the svg inside a button proposes the button; an action is saved and counted', async ({ ext, site }) => {
  const page = await ext.context.newPage();
  await page.goto(`${site.url}/`);
  await waitForStored(ext, (all) => all.some((e) => e.event === '$pageview'));
  await openToolbar(ext, page);
  // The page's own listener on the wishlist button counts the clicks it sees.
  await page.evaluate(() => {
    const w = window as unknown as { wishlistClicks: number };
    w.wishlistClicks = 0;
    document.querySelector('[data-testid="wishlist"]')!.addEventListener('click', () => w.wishlistClicks++);
  });

  await pick(page, '[data-testid="wishlist"] svg path');
  const panel = toolbar(page).getByTestId('element-panel');
  await expect(panel).toContainText('<button>');
  await expect(panel.getByTestId('candidates')).toContainText('Add to wishlist');

  // The pick did not reach the page: its listener saw nothing, and no click was captured — the
  // marker (a real click on the promo card, out of inspect mode) is the only autocapture stored.
  expect(await page.evaluate(() => (window as unknown as { wishlistClicks: number }).wishlistClicks)).toBe(0);
  await page.getByTestId('promo-card').click();
  const stored = autocaptures(await waitForStored(ext, (all) => autocaptures(all).length >= 1));
  expect(stored.map((e) => /data-testid="([^"]+)"/.exec(String(e.properties.$elements_chain))?.[1])).toEqual(['promo-card']);

  await pick(page, '[data-testid="add-to-cart-1"]');
  // One of the 4 product cards' buttons: "all similar" is the default; "only this one" narrows.
  await expect(toolbar(page).getByTestId('similar-count')).toHaveAttribute('data-count', '4');
  await toolbar(page).getByTestId('scope-one').check();
  await toolbar(page).getByTestId('new-action').click();
  const editor = toolbar(page).getByTestId('editor');
  await expect(editor.getByTestId('step-0-selector')).toHaveValue('[data-testid="add-to-cart-1"]');
  await expect(editor.getByTestId('page-count')).toHaveText('1 matching element outlined');
  await editor.getByRole('button', { name: 'Cancel' }).click();
  await pick(page, '[data-testid="add-to-cart-1"]');
  await expect(toolbar(page).getByTestId('scope-similar')).toBeChecked();
  await toolbar(page).getByTestId('new-action').click();
  await expect(editor.getByTestId('step-0-selector')).toHaveValue('[data-attr="add-to-cart"]');
  await expect(editor.getByTestId('page-count')).toHaveText('4 matching elements outlined');
  await expect(editor.getByTestId('save-action')).toBeDisabled();
  await editor.getByTestId('action-name').fill('Add to cart');
  await expect(editor.getByTestId('save-action')).toBeEnabled();
  await editor.getByTestId('save-action').click();
  await expect(toolbar(page).getByTestId('saved-action')).toHaveAttribute('data-name', 'Add to cart');
  await expect(toolbar(page).getByTestId('saved-page-count')).toContainText('4 on this page');
});

test('inspect keyboard: arrows walk the tree from the hovered element, Enter picks, Esc leaves', async ({ ext, site }) => {
  const page = await ext.context.newPage();
  await page.goto(`${site.url}/`);
  await openToolbar(ext, page);
  const label = () => page.locator('[data-lasso-ui]').evaluate((host) => host.shadowRoot!.querySelector<HTMLElement>('.lasso-hl-label')?.textContent ?? '');
  await toolbar(page).getByTestId('inspect').click();
  await page.locator('[data-testid="wishlist"] svg path').hover();
  // The svg's button is what a click records, so it is highlighted.
  await expect.poll(label).toMatch(/^button/);
  await page.keyboard.press('ArrowDown');
  await expect.poll(label).toMatch(/^svg/);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect.poll(label).toMatch(/^div/);
  await page.keyboard.press('Enter');
  await expect(toolbar(page).getByTestId('element-panel')).toContainText('<div>');
  await expect(toolbar(page).getByTestId('inspect')).toHaveAttribute('aria-pressed', 'false');

  await toolbar(page).getByTestId('inspect').click();
  await page.getByTestId('add-to-cart-2').hover();
  await page.keyboard.press('Escape');
  await expect(toolbar(page).getByTestId('inspect')).toHaveAttribute('aria-pressed', 'false');
  // Out of inspect mode, clicks reach the page again (and are captured).
  await page.getByTestId('add-to-cart-2').click();
  await waitForStored(ext, (all) => autocaptures(all).length === 1);
});
