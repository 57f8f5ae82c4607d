// @ts-nocheck
// Screenshots of the toolbar for the README (issue 4), from the built Chrome extension on the demo
// shop. Not part of `npm test`: it asserts only what it needs to take the pictures.
//
//   node scripts/screenshots.mjs          builds the Chrome e2e extension first (SKIP_BUILD=1 to reuse .output/chrome-mv3-e2e)
//
// Writes docs/screenshots/toolbar-inspect.png, toolbar-element.png, toolbar-editor.png,
// toolbar-editor-dark.png, toolbar-heatmap.png (1280×800), popup.png and popup-dark.png (420 wide),
// and each dashboard view light and dark (dashboard-<view>.png, dashboard-<view>-dark.png, 1280 wide,
// cut to the content; see screenshots-dashboard.mjs).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startDemoServer } from '../test/fixtures/serve.mjs';
import { CHROMIUM_ARGS, chromiumPath, importTs } from './bench/util.mjs';
import { shootDashboard } from './screenshots-dashboard.mjs';

// The e2e build: the toolbar's shadow root open, so the script finds its controls.
const EXTENSION = resolve('.output/chrome-mv3-e2e');
const OUT = resolve('docs/screenshots');
const VIEWPORT = { width: 1280, height: 800 };

/**
 * Real clicks to seed the store with (button → clicks): uneven, so the heatmap has a gradient.
 * Clicks on one button stay ≥ 550 ms apart: three within a second would be a rage click.
 */
const CLICKS = { 'add-to-cart-1': 12, 'add-to-cart-2': 7, 'add-to-cart-3': 4, 'add-to-cart-4': 2, wishlist: 5, 'wishlist-2': 3, 'promo-card': 3 };
const SAME_BUTTON_GAP_MS = 550;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

if (!process.env.SKIP_BUILD) {
  const { status } = spawnSync('npx', ['wxt', 'build', '--mode', 'e2e'], { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}

/** Stored `$autocapture` events, counted in the service worker's IndexedDB. */
async function storedClicks(sw) {
  return sw.evaluate(
    () =>
      new Promise((done, fail) => {
        const open = indexedDB.open('lasso');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('events')) return done(0);
          const req = db.transaction('events').objectStore('events').getAll();
          req.onsuccess = () => done(req.result.filter((e) => e.event === '$autocapture').length);
          req.onerror = () => fail(req.error);
        };
      }),
  );
}

/** Round-robin over the buttons, keeping each button's clicks apart; waits until all are stored. */
async function seedClicks(page, sw) {
  const left = { ...CLICKS };
  const last = {};
  const total = Object.values(CLICKS).reduce((a, b) => a + b, 0);
  while (Object.values(left).some((n) => n > 0)) {
    for (const id of Object.keys(left)) {
      if (!left[id]) continue;
      const wait = (last[id] ?? 0) + SAME_BUTTON_GAP_MS - Date.now();
      if (wait > 0) await sleep(wait);
      await page.getByTestId(id).click({ delay: 5 });
      last[id] = Date.now();
      left[id]--;
    }
  }
  for (let i = 0; (await storedClicks(sw)) < total; i++) {
    if (i > 100) throw new Error(`only ${await storedClicks(sw)} of ${total} clicks were stored`);
    await sleep(100);
  }
  return total;
}

/** The toolbar's panel (Playwright locators pierce its open shadow root). */
const toolbar = (page) => page.getByTestId('lasso-panel');

/** Open the toolbar with the popup's button, as a user does. */
async function openToolbar(context, sw, extensionId, page) {
  const tabId = await sw.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, page.url());
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await popup.getByTestId('toolbar-toggle').click();
  await popup.close();
  await page.bringToFront();
  await toolbar(page).waitFor();
}

/** Wait for the overlay to settle (label text, outline positions are written on animation frames). */
const settle = (page, ms = 400) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r()))).then(() => sleep(ms));

const profile = mkdtempSync(join(tmpdir(), 'lasso-shots-'));
const server = await startDemoServer({ host: '127.0.0.1', port: 0 });
const LAUNCH = {
  executablePath: chromiumPath(),
  headless: true,
  viewport: VIEWPORT,
  deviceScaleFactor: 1,
  args: [`--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`, ...CHROMIUM_ARGS],
};
const context = await chromium.launchPersistentContext(profile, LAUNCH);
try {
  mkdirSync(OUT, { recursive: true });
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(sw.url()).host;
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  const seeded = await seedClicks(page, sw);
  // A fresh load: the seeding flash and the revealed promo code are gone, the cart badge stays.
  await page.reload();
  await openToolbar(context, sw, extensionId, page);

  // 1. Inspect mode, resting on a product button: highlight box and label with the best selector.
  await toolbar(page).getByTestId('inspect').click();
  await page.getByTestId('add-to-cart-2').hover();
  await settle(page, 600);
  await page.screenshot({ path: join(OUT, 'toolbar-inspect.png') });

  // 2. The element panel: one of 4 similar product buttons, all of them by default.
  await page.getByTestId('add-to-cart-2').click();
  await toolbar(page).getByTestId('similar-count').waitFor();
  await page.mouse.move(640, 780);
  await settle(page);
  await page.screenshot({ path: join(OUT, 'toolbar-element.png') });

  // 3. Editor: the pre-filled step covers the 4 similar buttons; name it.
  await toolbar(page).getByTestId('new-action').click();
  const editor = toolbar(page).getByTestId('editor');
  await editor.getByTestId('step-0-selector').fill('[data-attr="add-to-cart"]');
  await editor.getByTestId('action-name').fill('Add to cart');
  await editor.getByTestId('page-count').filter({ hasText: '4 matching elements outlined' }).waitFor();
  const addToCart = CLICKS['add-to-cart-1'] + CLICKS['add-to-cart-2'] + CLICKS['add-to-cart-3'] + CLICKS['add-to-cart-4'];
  await editor.getByTestId('stored-preview').locator('[data-window="all"]').filter({ hasText: String(addToCart) }).waitFor();
  await page.mouse.move(640, 780);
  await settle(page);
  await page.screenshot({ path: join(OUT, 'toolbar-editor.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await settle(page);
  await page.screenshot({ path: join(OUT, 'toolbar-editor-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });

  // 4. Save it, then the heatmap: stored clicks drawn on the live elements.
  await editor.getByTestId('save-action').click();
  await toolbar(page).getByTestId('saved-action').waitFor();
  await toolbar(page).getByTestId('heatmap').click();
  await toolbar(page).getByTestId('heatmap-legend').filter({ hasText: `${seeded} stored clicks` }).waitFor();
  await settle(page);
  await page.screenshot({ path: join(OUT, 'toolbar-heatmap.png') });

  // 5. The popup on the checkout page, after 14 days of history whose checkout button's markup
  // changed on day 9 (test/fixtures/markup-change.ts): counts, actions, the broken badge opened.
  const { generateMarkupChange } = await importTs('test/fixtures/markup-change.ts');
  const host = new URL(server.url).host;
  const day = 86_400_000;
  const history = generateMarkupChange({ origin: server.url, start: Math.floor(Date.now() / day) * day - 14 * day, days: 14, changeDay: 9, viewsPerDay: 20, clickRate: 0.5 });
  const cart = await context.newPage();
  await cart.goto(`${server.url}/cart.html`);
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 420, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.evaluate(async ({ events, site }) => {
    const send = async (type, data) => {
      const reply = await chrome.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() });
      if (reply?.err) throw new Error(`${type}: ${reply.err.message}`);
    };
    for (let i = 0; i < events.length; i += 500) await send('store.import', { events: events.slice(i, i + 500) });
    await send('actions.save', { action: { site, name: 'Checkout', steps: [{ event: '$autocapture', selector: 'button[data-attr="checkout"]' }] } });
    await send('actions.save', { action: { site, name: 'Help link', steps: [{ event: '$autocapture', selector: 'a[href="/help"]' }] } });
  }, { events: history, site: host });
  const cartTab = await sw.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id, `${server.url}/cart.html`);
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${cartTab}`);
  await popup.getByTestId('broken-badge').click();
  await popup.getByTestId('health-details').waitFor();
  await settle(popup);
  await popup.screenshot({ path: join(OUT, 'popup.png') });
  await popup.emulateMedia({ colorScheme: 'dark' });
  await settle(popup);
  await popup.screenshot({ path: join(OUT, 'popup-dark.png') });

  console.log(`${seeded} clicks seeded; wrote ${['toolbar-inspect', 'toolbar-element', 'toolbar-editor', 'toolbar-editor-dark', 'toolbar-heatmap', 'popup', 'popup-dark'].map((n) => `docs/screenshots/${n}.png`).join(', ')}`);
} finally {
  await context.close();
  await server.close();
  rmSync(profile, { recursive: true, force: true });
}

// 6. The dashboard's views, in a fresh profile: only the generated history is in its store.
const dashProfile = mkdtempSync(join(tmpdir(), 'lasso-shots-'));
const dashContext = await chromium.launchPersistentContext(dashProfile, LAUNCH);
try {
  const sw = dashContext.serviceWorkers()[0] ?? (await dashContext.waitForEvent('serviceworker'));
  const files = await shootDashboard(dashContext, new URL(sw.url()).host, OUT);
  console.log(`wrote ${files.map((n) => `docs/screenshots/${n}`).join(', ')}`);
} finally {
  await dashContext.close();
  rmSync(dashProfile, { recursive: true, force: true });
}
