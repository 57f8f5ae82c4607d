// @ts-nocheck
import { test as base, chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startDemoServer } from '../fixtures/serve.mjs';
import { CHROMIUM_QUIET_ARGS, chromiumPath } from '../support/browsers';
import type { CaptureEvent } from '../../src/events/types';
import type { StoredAction } from '../../src/actions/types';

/**
 * The e2e build (`wxt build --mode e2e`): the production code with the toolbar's shadow root open,
 * so that locators find its controls. `PRODUCTION_DIR` is what users install (closed root).
 */
export const EXTENSION_DIR = resolve('.output/chrome-mv3-e2e');
export const PRODUCTION_DIR = resolve('.output/chrome-mv3');

export interface Extension {
  context: BrowserContext;
  /** The background service worker (re-read after it was stopped). */
  background(): Promise<Worker>;
  id: string;
}

/**
 * Launch Chromium with the built extension in a fresh profile; headless unless `display` (an X
 * display, see test/support/display.ts) is given.
 */
export async function launchWithExtension(display?: string, dir = EXTENSION_DIR): Promise<{ ext: Extension; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'lasso-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: !display,
    ...(display && { env: { ...process.env, DISPLAY: display } }),
    args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, ...CHROMIUM_QUIET_ARGS],
  });
  const background = async () => context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL((await background()).url()).host;
  return {
    ext: { context, background, id },
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Every stored event, read inside the background from IndexedDB (oldest first). Right after the
 * service worker was stopped, the handle Playwright still lists can hang: give up on it after
 * 3 s and ask again (reading wakes or finds the new worker).
 */
export async function storedEvents(ext: Extension): Promise<CaptureEvent[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await Promise.race([
        readStore(ext),
        new Promise<never>((_, fail) => setTimeout(() => fail(new Error('background did not answer in 3 s')), 3000)),
      ]);
    } catch (error) {
      if (attempt >= 5) throw error;
      await ext.context.newPage().then((p) => p.goto(`chrome-extension://${ext.id}/popup.html`).then(() => p.close()));
    }
  }
}

async function readStore(ext: Extension): Promise<CaptureEvent[]> {
  const sw = await ext.background();
  const events = await sw.evaluate(
    () =>
      new Promise<unknown[]>((done, fail) => {
        const open = indexedDB.open('lasso');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('events')) return done([]);
          const req = db.transaction('events').objectStore('events').index('timestamp').getAll();
          req.onsuccess = () => {
            done(req.result);
            db.close();
          };
          req.onerror = () => fail(req.error);
        };
      }),
  );
  return events as CaptureEvent[];
}

/** Every saved action, read inside the background from IndexedDB. */
export async function storedActions(ext: Extension): Promise<StoredAction[]> {
  const sw = await ext.background();
  const actions = await sw.evaluate(
    () =>
      new Promise<unknown[]>((done, fail) => {
        const open = indexedDB.open('lasso');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('actions').objectStore('actions').getAll();
          req.onsuccess = () => done(req.result);
          req.onerror = () => fail(req.error);
        };
      }),
  );
  return actions as StoredAction[];
}

/** Stop the extension's service worker the way Chrome does when it goes idle. */
export async function stopServiceWorker(ext: Extension): Promise<void> {
  const page = await ext.context.newPage();
  const cdp = await ext.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  await page.close();
}

/** Poll the store until `predicate` holds for its events; returns them. */
export async function waitForStored(
  ext: Extension,
  predicate: (events: CaptureEvent[]) => boolean,
  timeoutMs = 10_000,
): Promise<CaptureEvent[]> {
  const deadline = Date.now() + timeoutMs;
  let events: CaptureEvent[] = [];
  while (Date.now() < deadline) {
    events = await storedEvents(ext);
    if (predicate(events)) return events;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`store never satisfied the condition; it holds ${events.length} events: ${events.map((e) => e.event).join(', ')}`);
}

/**
 * Wait until capture runs in the page (or frame) at `pathname`: its `$pageview` is stored, which
 * capture sends right after attaching its listeners — a click before that is not seen (capture
 * starts at document_idle, after reading its settings, ids and session).
 */
export async function captureReady(ext: Extension, pathname: string): Promise<void> {
  await waitForStored(ext, (all) => all.some((e) => e.event === '$pageview' && e.properties.$pathname === pathname));
}

/**
 * Go to `url` and wait until capture runs there (and in each of `frameUrls`): a new `$pageview`
 * of that exact URL is stored. Unlike `captureReady`, an earlier visit's pageview of the same path
 * (another test step, another port) does not count.
 */
export async function gotoCaptured(ext: Extension, page: Page, url: string, frameUrls: string[] = []): Promise<void> {
  const hrefs = [url, ...frameUrls].map((u) => new URL(u).href);
  const pageviewsOf = (all: CaptureEvent[], href: string) =>
    all.filter((e) => e.event === '$pageview' && e.properties.$current_url === href).length;
  const before = await storedEvents(ext);
  const counts = hrefs.map((href) => pageviewsOf(before, href));
  await page.goto(url);
  await waitForStored(ext, (all) => hrefs.every((href, i) => pageviewsOf(all, href) > counts[i]!));
}

/** The `$autocapture` events stored, optionally only those whose chain starts with `tag`. */
export const autocaptures = (events: CaptureEvent[]) => events.filter((e) => e.event === '$autocapture');

interface Fixtures {
  ext: Extension;
}
interface WorkerFixtures {
  site: { url: string; close(): Promise<void> };
}

/** Playwright test with a demo site (per worker) and a fresh browser + extension (per test). */
export const test = base.extend<Fixtures, WorkerFixtures>({
  site: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startDemoServer({ host: '127.0.0.1', port: 0 });
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  // eslint-disable-next-line no-empty-pattern
  ext: async ({}, use) => {
    const { ext, close } = await launchWithExtension();
    await use(ext);
    await close();
  },
});

export { expect } from '@playwright/test';
