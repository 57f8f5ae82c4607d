// @ts-nocheck
import { test as plain } from '@playwright/test';
import { startDemoServer } from '../fixtures/serve.mjs';
import { startVirtualDisplay } from '../support/display';
import { autocaptures, expect, launchWithExtension, storedEvents, test, waitForStored } from './harness';
import { openToolbar, pick, toolbar, toggleFromPopup } from './toolbar-support';

// Browser shortcuts never see keys sent through CDP: this test runs a headed Chromium on a
// virtual X display and presses the keys through the window system.
plain('Alt+Shift+L opens and closes the toolbar (real key presses on a virtual display)', async () => {
  const screen = await startVirtualDisplay();
  const server = await startDemoServer({ host: '127.0.0.1', port: 0 });
  const { ext, close } = await launchWithExtension(screen.display);
  try {
    const commands = await (await ext.background()).evaluate(async () => {
      const { chrome } = globalThis as unknown as { chrome: { commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> } } };
      return chrome.commands.getAll();
    });
    expect(commands.find((c) => c.name === 'toggle-toolbar')?.shortcut).toBe('Alt+Shift+L');
    const page = ext.context.pages()[0] ?? (await ext.context.newPage());
    await page.goto(`${server.url}/`);
    await page.bringToFront();
    screen.key('alt+shift+l');
    await expect(toolbar(page)).toBeVisible();
    screen.key('alt+shift+l');
    await expect(page.locator('[data-lasso-ui]')).toHaveCount(0);
    screen.key('alt+shift+l');
    await expect(toolbar(page)).toBeVisible();
  } finally {
    await close();
    await server.close();
    screen.close();
  }
});

test('open state and draft survive a reload and SPA routes; closing is remembered', async ({ ext, site }) => {
  const page = await ext.context.newPage();
  await page.goto(`${site.url}/app/`);
  await openToolbar(ext, page);
  await pick(page, '[data-testid="dashboard-refresh"]');
  await toolbar(page).getByTestId('new-action').click();
  await toolbar(page).getByTestId('action-name').fill('Refresh orders');

  // SPA route: the same toolbar stays, the page preview follows the new DOM.
  await page.getByTestId('route-settings').click();
  await expect(page.getByTestId('view')).toContainText('Settings');
  await expect(toolbar(page)).toBeVisible();
  await expect(toolbar(page).getByTestId('page-count')).toHaveText('0 matching elements outlined');
  await page.getByTestId('route-home').click();
  await expect(toolbar(page).getByTestId('page-count')).toHaveText('1 matching element outlined');

  // Reload: injected again, with the unsaved draft.
  await page.waitForTimeout(500); // the draft is saved 300 ms after the last change
  await page.reload();
  await expect(toolbar(page)).toBeVisible();
  await expect(toolbar(page).getByTestId('action-name')).toHaveValue('Refresh orders');
  await expect(page.locator('[data-lasso-ui]')).toHaveCount(1);

  // Closed with its button: a reload does not bring it back.
  await toolbar(page).getByTestId('close-toolbar').click();
  await expect(page.locator('[data-lasso-ui]')).toHaveCount(0);
  const pageviews = (await storedEvents(ext)).filter((e) => e.event === '$pageview').length;
  await page.reload();
  // The reload's page view is stored after the tab completed loading, when a toolbar left open
  // is brought back: by then it would be there.
  await waitForStored(ext, (all) => all.filter((e) => e.event === '$pageview').length > pageviews);
  await expect(page.locator('[data-lasso-ui]')).toHaveCount(0);

  // And the popup opens it again.
  await toggleFromPopup(ext, page);
  await expect(toolbar(page)).toBeVisible();
});

test('strict-CSP page: the toolbar is styled, inspects and saves an action', async ({ ext, site }) => {
  const page = await ext.context.newPage();
  const violations: string[] = [];
  page.on('console', (m) => m.text().includes('Content Security Policy') && violations.push(m.text()));
  await page.goto(`${site.url}/csp.html`);
  await openToolbar(ext, page);
  const style = await toolbar(page).evaluate((el) => {
    const s = getComputedStyle(el);
    return { position: s.position, radius: s.borderTopLeftRadius, width: s.width };
  });
  expect(style).toEqual({ position: 'fixed', radius: '10px', width: '380px' });
  await pick(page, '[data-testid="gift-50"]');
  await toolbar(page).getByTestId('new-action').click();
  await toolbar(page).getByTestId('action-name').fill('Gift card');
  await toolbar(page).getByTestId('save-action').click();
  await expect(toolbar(page).getByTestId('saved-action')).toHaveAttribute('data-name', 'Gift card');
  expect(violations).toEqual([]);
});

test("the toolbar's own clicks and keys are never captured and never reach the page's listeners", async ({ ext, site }) => {
  const page = await ext.context.newPage();
  await page.goto(`${site.url}/`);
  await waitForStored(ext, (all) => all.some((e) => e.event === '$pageview'));
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seen: string[] }).seen = seen;
    for (const type of ['click', 'keydown', 'input']) document.addEventListener(type, (e) => seen.push(`${type}:${(e.target as Element).tagName}`));
  });
  await openToolbar(ext, page);
  await toolbar(page).getByTestId('heatmap').click();
  await toolbar(page).getByTestId('heatmap').click();
  await toolbar(page).getByRole('searchbox').fill('anything');
  await toolbar(page).getByRole('searchbox').press('Enter');
  // The page's listeners run synchronously: they saw nothing of the toolbar's input.
  expect(await page.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual([]);
  // Capture still works for the page itself, and that click is the marker: once it is stored, an
  // event from the toolbar's clicks (captured before it, same outbox) would be too.
  await page.getByTestId('add-to-cart-2').click();
  const stored = autocaptures(await waitForStored(ext, (all) => autocaptures(all).length >= 1));
  expect(stored.map((e) => /data-testid="([^"]+)"/.exec(String(e.properties.$elements_chain))?.[1])).toEqual(['add-to-cart-2']);
  expect(await page.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual(['click:BUTTON']);
});

test('a hostile page: its CSS cannot hide or restyle the toolbar, and removing the host brings it back', async ({ ext, site }) => {
  const page = await ext.context.newPage();
  await page.goto(`${site.url}/`);
  await page.addStyleTag({ content: '* { all: unset !important; } div, button, [data-lasso-ui] { display: none !important; visibility: hidden !important; } html > * { opacity: 0 !important; }' });
  await openToolbar(ext, page);
  await expect(toolbar(page).getByTestId('inspect')).toBeVisible();
  expect(await toolbar(page).evaluate((el) => getComputedStyle(el).borderTopLeftRadius)).toBe('10px');
  // The page throws the host out: it is put back, with its state.
  await page.evaluate(() => document.querySelector('[data-lasso-ui]')!.remove());
  await expect(toolbar(page).getByTestId('inspect')).toBeVisible();
  await expect(page.locator('[data-lasso-ui]')).toHaveCount(1);
});

test('a page cannot operate the toolbar: its scripted clicks and input events are ignored', async ({ ext, site }) => {
  const page = await ext.context.newPage();
  await page.goto(`${site.url}/`);
  await openToolbar(ext, page);
  await page.evaluate(() => {
    const root = document.querySelector('[data-lasso-ui]')!.shadowRoot!;
    (root.querySelector('[data-testid="heatmap"]') as HTMLElement).click();
    const search = root.querySelector('input[type="search"]') as HTMLInputElement;
    search.value = 'typed by the page';
    search.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await expect(toolbar(page).getByTestId('heatmap')).toHaveAttribute('aria-pressed', 'false');
  await expect(toolbar(page).getByTestId('heatmap-legend')).toHaveCount(0);
  // The user's own click still works.
  await toolbar(page).getByTestId('heatmap').click();
  await expect(toolbar(page).getByTestId('heatmap')).toHaveAttribute('aria-pressed', 'true');
});
