import { expect, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startDemoServer } from '../fixtures/serve.mjs';
import { firefoxPath } from '../support/browsers';

// Playwright cannot drive a stock Firefox; puppeteer-core can, over WebDriver BiDi.
const GECKO_ID = 'lasso@lasso.dev';
const FIREFOX_DIR = resolve('.output/firefox-mv2');

let browser: Browser;
let site: { url: string; close(): Promise<void> };
let profile: string;
const uuid = randomUUID();

test.beforeAll(async () => {
  site = await startDemoServer({ host: '127.0.0.1', port: 0 });
  profile = mkdtempSync(join(tmpdir(), 'lasso-ff-'));
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    userDataDir: profile,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }) },
  });
  await browser.installExtension(FIREFOX_DIR);
});

test.afterAll(async () => {
  await browser?.close();
  await site?.close();
  rmSync(profile, { recursive: true, force: true });
});

/** Open an extension page: its load event never fires in Firefox, so poll until it rendered. */
async function openExtensionPage(path: string, ready: string): Promise<Page> {
  const page = await browser.newPage();
  void page.goto(`moz-extension://${uuid}/${path}`).catch(() => {});
  for (let i = 0; i < 100; i++) {
    if (await page.evaluate((sel) => !!document.querySelector(sel), ready).catch(() => false)) return page;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`extension page ${path} never showed ${ready}`);
}

/** Stored events, read from the extension's IndexedDB inside one of its pages. */
async function stored(page: Page): Promise<{ event: string; properties: Record<string, unknown> }[]> {
  return page.evaluate(
    () =>
      new Promise<{ event: string; properties: Record<string, unknown> }[]>((done, fail) => {
        const open = indexedDB.open('lasso');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('events').objectStore('events').getAll();
          req.onsuccess = () => done(req.result);
          req.onerror = () => fail(req.error);
        };
      }),
  );
}

test('the Firefox build loads and a click on the demo site is stored', async () => {
  const page = await browser.newPage();
  await page.goto(`${site.url}/`);
  await page.locator('[data-testid="add-to-cart-1"]').click();
  const popup = await openExtensionPage('popup.html', 'main.popup');
  let events: Awaited<ReturnType<typeof stored>> = [];
  for (let i = 0; i < 50 && !events.some((e) => e.event === '$autocapture'); i++) {
    await new Promise((r) => setTimeout(r, 200));
    events = await stored(popup);
  }
  const click = events.find((e) => e.event === '$autocapture');
  expect(click?.properties.$elements_chain).toMatch(/^button:.*attr__data-attr="add-to-cart"/);
  expect(click?.properties.$browser).toBe('Firefox');
  expect(events.some((e) => e.event === '$pageview')).toBe(true);
});
