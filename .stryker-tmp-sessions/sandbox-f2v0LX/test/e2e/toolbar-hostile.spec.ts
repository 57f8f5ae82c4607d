// @ts-nocheck
import type { Page } from '@playwright/test';
import { expect, storedActions, test, type Extension } from './harness';
import { openToolbar, toolbar } from './toolbar-support';

// A hostile page against the toolbar, driven with real input (Playwright mouse / keyboard). The
// page's scripts run through page.evaluate in the page's own world. This is the e2e build, whose
// shadow root is open (users get a closed one: toolbar-closed.spec.ts), so the page's scripts
// here reach into it as a page could into an open root — the stronger attacker.

const savedRow = (page: Page, name: string) => toolbar(page).locator(`[data-testid="saved-action"][data-name="${name}"]`);
const deleteButton = (page: Page, name: string) => savedRow(page, name).getByRole('button', { name: 'Delete' });
const refused = (page: Page) => toolbar(page).getByTestId('guard-refused');

/** Save a page-view action named `name` (from the list's menu) and wait for it in the list. */
async function savePageview(page: Page, name: string): Promise<void> {
  await toolbar(page).getByTestId('new-action-menu').click();
  await toolbar(page).getByTestId('new-pageview').click();
  const editor = toolbar(page).getByTestId('editor');
  await editor.getByTestId('action-name').fill(name);
  await editor.getByTestId('save-action').click();
  await expect(savedRow(page, name)).toBeVisible();
}

const storedNames = async (ext: Extension) => (await storedActions(ext)).map((a) => a.name).sort();

/** The page's script, in the page: the Delete button of the row named `name`, from the open shadow root. */
const focusDeleteFromPage = (page: Page, name: string) =>
  page.evaluate((n) => {
    const root = document.querySelector('[data-lasso-ui]')?.shadowRoot;
    const row = root?.querySelector(`[data-testid="saved-action"][data-name="${n}"]`);
    const button = [...(row?.querySelectorAll('button') ?? [])].find((b) => b.textContent === 'Delete');
    button?.focus();
    return root?.activeElement === button && !!button;
  }, name);

test('(a) a page that focuses Delete does not turn the user’s next Enter into a delete', async ({ ext, site }) => {
  const page = await ext.context.newPage();
  await page.goto(`${site.url}/index.html`);
  await openToolbar(ext, page);
  await savePageview(page, 'Keep me');
  // The user last clicked the page, then the page moves the focus to Delete.
  await page.getByTestId('add-to-cart-1').click();
  expect(await focusDeleteFromPage(page, 'Keep me')).toBe(true);
  await page.keyboard.press('Enter');
  // Marker: the toolbar handled the Enter and said why it did nothing.
  await expect(refused(page)).toContainText('The page moved the focus to this button');
  expect(await storedNames(ext)).toEqual(['Keep me']);
  await expect(savedRow(page, 'Keep me')).toBeVisible();

  // The user moves the focus there with the keyboard: Enter deletes.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(savedRow(page, 'Keep me')).toHaveCount(0);
  expect(await storedNames(ext)).toEqual([]);
});

test('(a) a page that focuses Delete from a timer started during the user’s typing in the toolbar: Enter still does not delete', async ({ ext, site }) => {
  const page = await ext.context.newPage();
  // From the page's first script (so before the toolbar's listeners): every key press schedules a focus on Delete.
  await page.addInitScript(() => {
    window.addEventListener('keydown', () => {
      setTimeout(() => {
        const root = document.querySelector('[data-lasso-ui]')?.shadowRoot;
        [...(root?.querySelectorAll<HTMLButtonElement>('[data-testid="saved-action"] button') ?? [])].find((b) => b.textContent === 'Delete')?.focus();
      }, 0);
    }, true);
  });
  await page.goto(`${site.url}/index.html`);
  await openToolbar(ext, page);
  await savePageview(page, 'Keep me');
  await toolbar(page).getByRole('searchbox', { name: 'Search actions' }).click();
  await page.keyboard.press('K');
  // The page's timer moved the focus to Delete; the user, still "typing", presses Enter.
  await expect.poll(() => page.evaluate(() => document.querySelector('[data-lasso-ui]')?.shadowRoot?.activeElement?.textContent)).toBe('Delete');
  await page.keyboard.press('Enter');
  await expect(refused(page)).toContainText('The page moved the focus to this button');
  expect(await storedNames(ext)).toEqual(['Keep me']);
});

test('(a) a page that focuses “Save changes” does not turn Enter into an overwrite of the saved action', async ({ ext, site }) => {
  const page = await ext.context.newPage();
  await page.goto(`${site.url}/index.html`);
  await openToolbar(ext, page);
  await savePageview(page, 'Keep me');
  await savedRow(page, 'Keep me').getByRole('button', { name: 'Edit' }).click();
  const editor = toolbar(page).getByTestId('editor');
  await editor.getByTestId('action-name').fill('Renamed');
  // The user clicks the page; the page focuses Save changes; the user presses Enter.
  await page.getByTestId('add-to-cart-1').click();
  expect(await page.evaluate(() => {
    const root = document.querySelector('[data-lasso-ui]')?.shadowRoot;
    const save = root?.querySelector<HTMLButtonElement>('[data-testid="save-action"]');
    save?.focus();
    return !!save && root?.activeElement === save;
  })).toBe(true);
  await page.keyboard.press('Enter');
  await expect(refused(page)).toContainText('The page moved the focus to this button');
  expect(await storedNames(ext)).toEqual(['Keep me']);
  // Clicked by the user, it saves.
  await editor.getByTestId('save-action').click();
  await expect(savedRow(page, 'Renamed')).toBeVisible();
  expect(await storedNames(ext)).toEqual(['Renamed']);
});

test('(b) a top-layer popover with pointer-events: none over the toolbar: the click on the hidden Delete does nothing (strict-CSP page)', async ({ ext, site }) => {
  const page = await ext.context.newPage();
  await page.goto(`${site.url}/csp.html`);
  await openToolbar(ext, page);
  await savePageview(page, 'Keep me');
  const box = await deleteButton(page, 'Keep me').boundingBox();
  if (!box) throw new Error('Delete has no box');
  // The page covers everything with an opaque popover the pointer passes through (CSSOM: CSP allows it).
  await page.evaluate(() => {
    const cover = document.createElement('div');
    cover.id = 'cover';
    cover.setAttribute('popover', 'manual');
    for (const [k, v] of Object.entries({ 'pointer-events': 'none', 'position': 'fixed', 'inset': '0', 'width': '100vw', 'height': '100vh', 'margin': '0', 'background': 'white', 'border': '0' })) cover.style.setProperty(k, v);
    document.body.append(cover);
    cover.showPopover();
  });
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(refused(page)).toContainText('The page shows something over the toolbar');
  expect(await storedNames(ext)).toEqual(['Keep me']);

  // Uncovered, the same click deletes.
  await page.evaluate(() => (document.getElementById('cover') as HTMLElement).hidePopover());
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(savedRow(page, 'Keep me')).toHaveCount(0);
  expect(await storedNames(ext)).toEqual([]);
});

test('(c) keys typed in the toolbar’s search box never reach the page’s key listeners', async ({ ext, site }) => {
  const page = await ext.context.newPage();
  // Listeners from the page's first script: document, capture and bubble.
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { seenKeys: seen });
    for (const type of ['keydown', 'keyup', 'keypress', 'beforeinput', 'input']) {
      document.addEventListener(type, (e) => seen.push(`document ${e.type} ${(e as KeyboardEvent).key ?? (e as InputEvent).data}`), true);
      document.addEventListener(type, (e) => seen.push(`bubble ${e.type} ${(e as KeyboardEvent).key ?? (e as InputEvent).data}`));
    }
  });
  await page.goto(`${site.url}/index.html`);
  await openToolbar(ext, page);
  await savePageview(page, 'Keep me');
  // A window capture listener the page adds once the toolbar is open (one from the page's first
  // script: toolbar-closed.spec.ts, with the key gate).
  await page.evaluate(() => {
    const seen = (window as unknown as { seenKeys: string[] }).seenKeys;
    for (const type of ['keydown', 'keyup', 'keypress', 'beforeinput', 'input']) {
      window.addEventListener(type, (e) => seen.push(`window ${e.type} ${(e as KeyboardEvent).key ?? (e as InputEvent).data}`), true);
    }
  });
  await toolbar(page).getByRole('searchbox', { name: 'Search actions' }).click();
  await page.keyboard.type('zq');
  // Marker: the toolbar got the typing (the search hides the only action).
  await expect(savedRow(page, 'Keep me')).toHaveCount(0);
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await expect(savedRow(page, 'Keep me')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { seenKeys: string[] }).seenKeys)).toEqual([]);

  // The same listeners do hear typing on the page itself.
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.id = 'page-input';
    document.body.prepend(input);
  });
  await page.locator('#page-input').click();
  await page.keyboard.type('a');
  const seen = await page.evaluate(() => (window as unknown as { seenKeys: string[] }).seenKeys);
  expect(seen).toEqual(expect.arrayContaining(['window keydown a', 'document keydown a', 'bubble keydown a']));
});

test('(d) a page that removes the toolbar’s host 50 times, each time it comes back, does not lose the toolbar', async ({ ext, site }) => {
  const page = await ext.context.newPage();
  await page.goto(`${site.url}/index.html`);
  await openToolbar(ext, page);
  // The page's script removes the host whenever it is attached, until it removed it 50 times.
  await page.evaluate(() => {
    const state = { removed: 0 };
    Object.assign(window, { hostile: state });
    const removeHost = () => {
      const host = document.querySelector('[data-lasso-ui]');
      if (!host) return;
      host.remove();
      if (++state.removed === 50) observer.disconnect();
    };
    const observer = new MutationObserver(removeHost);
    observer.observe(document.documentElement, { childList: true });
    removeHost();
  });
  // Each removal after the first needs the toolbar to have put its host back.
  await expect.poll(() => page.evaluate(() => (window as unknown as { hostile: { removed: number } }).hostile.removed), { message: 'the host kept coming back' }).toBe(50);
  await expect(toolbar(page)).toBeVisible();
  // Moved into a hidden element of the page, it goes back under <html> too.
  await page.evaluate(() => {
    const hidden = document.createElement('div');
    hidden.style.setProperty('display', 'none');
    document.body.append(hidden);
    hidden.append(document.querySelector('[data-lasso-ui]')!);
  });
  await expect(toolbar(page)).toBeVisible();
  expect(await page.evaluate(() => document.querySelector('[data-lasso-ui]')?.parentElement === document.documentElement)).toBe(true);
  // Still working: the toolbar answers the user.
  await toolbar(page).getByTestId('new-action-menu').click();
  await expect(toolbar(page).getByRole('menuitem').first()).toBeVisible();
});
