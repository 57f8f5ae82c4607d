// @ts-nocheck
import { expect, test } from '@playwright/test';
import { FIREFOX_PRODUCTION_DIR, openExtensionPage, storedActions, toggleFromPopup, until, useFirefoxAndSite } from './support';

// The Firefox build users install: the toolbar's shadow root is closed and, on the sites capture
// runs on, the key gate runs before the page's first script. Puppeteer cannot look inside a closed
// root, so the test moves into the toolbar with the real Tab key and judges from the page's side.

const env = useFirefoxAndSite({}, FIREFOX_PRODUCTION_DIR);

test('production build: the page cannot read the toolbar, and its first-script key logger hears nothing typed there', async () => {
  const ext = await openExtensionPage(env.ff, 'popup.html', 'main.popup');
  const site = new URL(env.site.url).host;
  await ext.evaluate(async (s) => {
    const api = (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser;
    await api.runtime.sendMessage({ id: 1, type: 'actions.save', data: { action: { site: s, name: 'Secret launch plan', steps: [{ event: '$pageview' }] } }, timestamp: Date.now() });
  }, site);
  expect((await storedActions(ext)).map((a) => a.name)).toEqual(['Secret launch plan']);

  const page = await env.ff.browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  await page.goto(`${env.site.url}/keys.html`);
  await toggleFromPopup(env.ff, page, ext);
  await until(() => page.evaluate(() => !!document.querySelector('[data-lasso-ui]')), 'the toolbar never opened');
  expect(await page.evaluate(() => {
    const host = document.querySelector('[data-lasso-ui]');
    return { shadowRoot: host?.shadowRoot ?? null, text: document.body.innerText.includes('Secret launch plan') };
  })).toEqual({ shadowRoot: null, text: false });

  // Into the toolbar with Tab from the page's last control (the host is the last thing on the page).
  await page.click('#subscribe');
  await page.keyboard.press('Tab');
  await until(() => page.evaluate(() => document.activeElement?.hasAttribute('data-lasso-ui') ?? false), 'Tab never moved into the toolbar');
  await page.keyboard.type('xyz');
  // Marker: typing on the page is heard; anything the toolbar's keys leaked would be logged before it.
  await page.click('#page-input');
  await page.keyboard.type('b');
  const seen = await until(async () => {
    const log = await page.evaluate(() => (window as unknown as { seenKeys: string[] }).seenKeys);
    return log.includes('window keydown b') ? log : null;
  }, 'the page never heard its own input');
  expect(seen.filter((entry) => /[xyz]$/.test(entry))).toEqual([]);
  expect(seen).toEqual(expect.arrayContaining(['window keydown b', 'document keydown b', 'window input b']));
});
