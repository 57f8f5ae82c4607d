// @ts-nocheck
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { test } from '@playwright/test';
import { startDemoServer } from '../fixtures/serve.mjs';
import { firefoxPath } from '../support/browsers';

// Playwright cannot drive a stock Firefox; puppeteer-core can, over WebDriver BiDi.
export const GECKO_ID = 'lasso@lasso.dev';
/** The e2e build: the toolbar's shadow root open for puppeteer (see test/e2e/harness.ts). */
export const FIREFOX_DIR = resolve('.output/firefox-mv2-e2e');
/** What users install: the toolbar's shadow root closed. */
export const FIREFOX_PRODUCTION_DIR = resolve('.output/firefox-mv2');

export interface Firefox {
  browser: Browser;
  /** The extension's pinned moz-extension:// host. */
  uuid: string;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Launch Firefox ESR in a fresh profile (plus `prefs`) with the Firefox build installed as a temporary add-on. */
export async function launchFirefox(prefs: Record<string, unknown> = {}, dir = FIREFOX_DIR): Promise<Firefox> {
  const uuid = randomUUID();
  const profile = mkdtempSync(join(tmpdir(), 'lasso-ff-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    userDataDir: profile,
    // Without it Firefox refuses to navigate a BiDi-driven tab to moz-extension://.
    args: ['--remote-allow-system-access'],
    // Pinning the UUID makes moz-extension://<uuid>/popup.html predictable.
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }), ...prefs },
  });
  await browser.installExtension(dir);
  return {
    browser,
    uuid,
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Poll `check` (every 100 ms) until it returns a truthy value; throws `message` after `timeoutMs`. */
export async function until<T>(check: () => Promise<T>, message: string, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(message);
    await sleep(100);
  }
}

/** Open an extension page: its load event never fires in Firefox, so poll until it rendered. */
export async function openExtensionPage(ff: Firefox, path: string, ready: string): Promise<Page> {
  const page = await ff.browser.newPage();
  void page.goto(`moz-extension://${ff.uuid}/${path}`).catch(() => {});
  await until(() => page.evaluate((sel) => !!document.querySelector(sel), ready), `extension page ${path} never showed ${ready}`);
  return page;
}

export interface StoredEvent {
  event: string;
  properties: Record<string, unknown>;
}

/** Stored events, read from the extension's IndexedDB inside one of its pages. */
export async function stored(page: Page): Promise<StoredEvent[]> {
  return page.evaluate(
    () =>
      new Promise<StoredEvent[]>((done, fail) => {
        const open = indexedDB.open('lasso');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('events')) return done([]);
          const req = db.transaction('events').objectStore('events').getAll();
          req.onsuccess = () => {
            done(req.result);
            db.close();
          };
          req.onerror = () => fail(req.error);
        };
      }),
  );
}

/** Saved actions, read from an extension page (IndexedDB). */
export async function storedActions(page: Page): Promise<{ name: string; site: string; steps: { selector?: string; event?: string }[] }[]> {
  return page.evaluate(
    () =>
      new Promise<{ name: string; site: string; steps: { selector?: string; event?: string }[] }[]>((done, fail) => {
        const open = indexedDB.open('lasso');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('actions').objectStore('actions').getAll();
          req.onsuccess = () => {
            done(req.result);
            open.result.close();
          };
          req.onerror = () => fail(req.error);
        };
      }),
  );
}

/** Open (or close) the toolbar for the tab showing `page` with the popup's button (the popup page opened in a tab with ?tab=). */
export async function toggleFromPopup(ff: Firefox, page: Page, ext: Page): Promise<void> {
  const tabId = await tabIdOf(ext, page.url());
  const popup = await openExtensionPage(ff, `popup.html?tab=${tabId}`, '[data-testid="toolbar-toggle"]');
  await (await popup.$('[data-testid="toolbar-toggle"]'))!.click();
  await page.bringToFront();
  await popup.close();
}

/** The tab id of the tab showing `url`, asked from an extension page. */
export async function tabIdOf(extensionPage: Page, url: string): Promise<number> {
  const id = await extensionPage.evaluate(async (u) => {
    const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).browser;
    return (await api.tabs.query({})).find((t) => t.url === u)?.id;
  }, url);
  if (id === undefined) throw new Error(`no tab at ${url}`);
  return id;
}

/**
 * One Firefox with the extension and one demo site for a spec file (started before its tests,
 * closed after). Read `env.ff` / `env.site` inside tests.
 */
export function useFirefoxAndSite(prefs: Record<string, unknown> = {}, dir = FIREFOX_DIR): { ff: Firefox; site: { url: string; close(): Promise<void> } } {
  const env = {} as { ff: Firefox; site: { url: string; close(): Promise<void> } };
  test.beforeAll(async () => {
    env.site = await startDemoServer({ host: '127.0.0.1', port: 0 });
    env.ff = await launchFirefox(prefs, dir);
  });
  test.afterAll(async () => {
    await env.ff?.close();
    await env.site?.close();
  });
  return env;
}

/**
 * Click Lasso's toolbar button the way Firefox's own button handler does (its `triggerAction`,
 * run in the browser window over BiDi, which `--remote-allow-system-access` permits): a BiDi
 * session cannot reach the browser's toolbar with input. As for a user's click, Firefox grants
 * `activeTab` for the selected tab, so the popup can read that tab's URL without `tabs`.
 */
export async function clickLassoButton(ff: Firefox): Promise<void> {
  type Reply = { result: { contexts?: { context: string; url: string }[]; type?: string; exceptionDetails?: { text: string } } };
  const connection = (ff.browser as unknown as { connection: { send(method: string, params: object): Promise<Reply> } }).connection;
  const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const chrome = tree.result.contexts?.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (!chrome) throw new Error('no Firefox browser window over BiDi');
  const reply = await connection.send('script.evaluate', {
    expression: `(async () => {
      const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
      const extension = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(GECKO_ID)});
      await ExtensionParent.apiManager.global.browserActionFor(extension).triggerAction(window);
    })()`,
    target: { context: chrome.context },
    awaitPromise: true,
  });
  if (reply.result.type !== 'success') throw new Error(`clicking Lasso's button failed: ${reply.result.exceptionDetails?.text ?? 'unknown error'}`);
}

/**
 * Click the centre of `el` with the real pointer (the toolbar ignores scripted clicks), moving
 * there first. Waits until `el` stopped moving (two equal boxes 100 ms apart): content loading
 * above it on a slow machine would otherwise take the click somewhere else.
 */
export async function clickCentre(page: Page, el: ElementHandle<Element>): Promise<void> {
  await el.evaluate((e) => e.scrollIntoView({ block: 'nearest' }));
  let box = await el.boundingBox();
  const still = await until(async () => {
    await sleep(100);
    const next = await el.boundingBox();
    const same = !!box && !!next && box.x === next.x && box.y === next.y && box.width === next.width && box.height === next.height;
    box = next;
    return same ? next : null;
  }, 'the element never stopped moving');
  const x = still.x + still.width / 2;
  const y = still.y + still.height / 2;
  await page.mouse.move(x - 20, y - 10);
  await page.mouse.move(x, y, { steps: 4 });
  await page.mouse.click(x, y);
}
