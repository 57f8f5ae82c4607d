// @ts-nocheck
import { expect, test } from '@playwright/test';
import type { ElementHandle, Page } from 'puppeteer-core';
import { clickCentre, openExtensionPage, storedActions, toggleFromPopup, until, useFirefoxAndSite } from './support';

// Issue 9 in Firefox (the toolbar runs in an Xray content script there): a page that focuses
// Delete, covers the toolbar with a pointer-events: none popover, or listens for keys, with
// real input (BiDi). See test/e2e/toolbar-hostile.spec.ts for the Chromium cases.

const env = useFirefoxAndSite();

const inToolbar = (page: Page, selector: string): Promise<ElementHandle<Element>> =>
  until(() => page.$(`pierce/${selector}`), `toolbar never showed ${selector}`);


/** The refusal the toolbar shows (read through its open shadow root), or ''. */
const refusal = (page: Page) =>
  page.evaluate(() => document.querySelector('[data-lasso-ui]')?.shadowRoot?.querySelector('[data-testid="guard-refused"]')?.textContent ?? '');

const storedNames = async (ext: Page) => (await storedActions(ext)).map((a) => a.name);

test('strict-CSP page: typing stays in the toolbar; a scripted focus on Delete and a covering popover do not delete; the user’s own click does', async () => {
  const page = await env.ff.browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  await page.goto(`${env.site.url}/csp.html`);
  const ext = await openExtensionPage(env.ff, 'popup.html', 'main.popup');
  await toggleFromPopup(env.ff, page, ext);
  await inToolbar(page, '[data-testid="lasso-panel"]');

  // The page listens for keys on the document (capture) and on the window (added now, after the toolbar).
  await page.evaluate(() => {
    const seen: string[] = [];
    Object.assign(window, { seenKeys: seen });
    for (const type of ['keydown', 'keyup', 'keypress', 'beforeinput', 'input']) {
      document.addEventListener(type, (e) => seen.push(`document ${e.type}`), true);
      window.addEventListener(type, (e) => seen.push(`window ${e.type}`), true);
    }
  });
  await clickCentre(page, await inToolbar(page, '[data-testid="new-action-menu"]'));
  await clickCentre(page, await inToolbar(page, '[data-testid="new-pageview"]'));
  await clickCentre(page, await inToolbar(page, '[data-testid="action-name"]'));
  await page.keyboard.type('Keep me');
  const save = await inToolbar(page, '[data-testid="save-action"]');
  await until(async () => (await save.evaluate((b) => b.getAttribute('aria-disabled'))) === 'false', 'the typed name never reached the editor');
  await clickCentre(page, save);
  const del = await inToolbar(page, '[data-testid="saved-action"][data-name="Keep me"] .lasso-danger');
  expect(await page.evaluate(() => (window as unknown as { seenKeys: string[] }).seenKeys)).toEqual([]);

  // (a) The page focuses Delete after the user clicked the page; the user presses Enter.
  await clickCentre(page, (await page.$('h1'))!);
  expect(await page.evaluate(() => {
    const button = document.querySelector('[data-lasso-ui]')?.shadowRoot?.querySelector<HTMLButtonElement>('[data-testid="saved-action"] .lasso-danger');
    button?.focus();
    return !!button && document.querySelector('[data-lasso-ui]')?.shadowRoot?.activeElement === button;
  })).toBe(true);
  await page.keyboard.press('Enter');
  await until(async () => (await refusal(page)).includes('The page moved the focus'), 'the toolbar never answered the Enter');
  expect(await storedNames(ext)).toEqual(['Keep me']);

  // (b) An opaque top-layer popover the pointer passes through covers the toolbar.
  await page.evaluate(() => {
    const cover = document.createElement('div');
    cover.id = 'cover';
    cover.setAttribute('popover', 'manual');
    for (const [k, v] of Object.entries({ 'pointer-events': 'none', 'position': 'fixed', 'inset': '0', 'width': '100vw', 'height': '100vh', 'margin': '0', 'background': 'white' })) cover.style.setProperty(k, v);
    document.body.append(cover);
    cover.showPopover();
  });
  await clickCentre(page, del);
  await until(async () => (await refusal(page)).includes('The page shows something over the toolbar'), 'the toolbar never answered the covered click');
  expect(await storedNames(ext)).toEqual(['Keep me']);

  // Uncovered, the user's click deletes.
  await page.evaluate(() => (document.getElementById('cover') as HTMLElement).hidePopover());
  await clickCentre(page, del);
  await until(async () => (await storedNames(ext)).length === 0, 'the user’s own click never deleted the action');
});
