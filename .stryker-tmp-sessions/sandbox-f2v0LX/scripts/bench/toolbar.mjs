// @ts-nocheck
// The toolbar (issue 4): injection to interactive with the built extension, hover work per
// pointer move on the ~5,000-element page, and the gzipped size of its on-demand bundle.
// BENCH_TOOLBAR_RUNS (default 20) opens per page and mode; BENCH_VERBOSE=1 prints each open.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { benchHover, benchPagePreview } from './toolbar-hover.mjs';
import { benchToolbarSize } from './toolbar-size.mjs';
import { CHROMIUM_ARGS, chromiumPath, median, sized } from './util.mjs';

const RUNS = Number(process.env.BENCH_TOOLBAR_RUNS ?? sized(20, 1));
// The e2e build: the same code with the toolbar's shadow root open, so the bench can see the panel.
const EXTENSION = resolve('.output/chrome-mv3-e2e');
const PAGES = ['/', '/big.html', '/csp.html'];

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * q))];
};

/** `promise`, or an error naming `what` after `ms` (a page or worker that never answers must not hang the run). */
const within = (ms, what, promise) =>
  Promise.race([promise, new Promise((_, fail) => setTimeout(() => fail(new Error(`toolbar bench: ${what} took over ${ms} ms`)), ms).unref())]);

/**
 * In the page's main world, before the toggle: note (on the clock every context shares,
 * timeOrigin + now) when the toolbar's host appears and when its panel holds the header buttons.
 * Preact sets a button's listeners before inserting it, so a rendered button is a clickable one.
 */
function watchForPanel() {
  const now = () => performance.timeOrigin + performance.now();
  window.__lassoBenchPanel = new Promise((done) => {
    const seen = {};
    const observer = new MutationObserver(() => {
      const host = document.querySelector('[data-lasso-ui]');
      if (!host) return;
      seen.host ??= now();
      const panel = host.shadowRoot?.querySelector('.lasso-panel');
      if (!panel?.querySelector('[data-testid="inspect"]') || !panel.querySelector('[data-testid="close-toolbar"]')) {
        // Host there, panel not yet: watch inside the shadow root too (observe() again is a no-op).
        if (host.shadowRoot) observer.observe(host.shadowRoot, { childList: true, subtree: true });
        return;
      }
      seen.panel = now();
      observer.disconnect();
      // The next frame after the panel exists: when it is on screen.
      requestAnimationFrame(() => setTimeout(() => done({ ...seen, frame: now() }), 0));
    });
    observer.observe(document.documentElement, { childList: true });
  });
}

/** In the service worker: note when the background calls scripting.executeScript (same clock). */
function markExecuteScript() {
  for (const api of new Set([globalThis.chrome, globalThis.browser].filter(Boolean))) {
    const scripting = api.scripting;
    if (!scripting || scripting.__lassoBench) continue;
    const original = scripting.executeScript.bind(scripting);
    scripting.executeScript = (...args) => {
      globalThis.__lassoBenchExec = performance.timeOrigin + performance.now();
      return original(...args);
    };
    scripting.__lassoBench = true;
  }
  globalThis.__lassoBenchExec = undefined;
}

/** Toggle the toolbar the way the popup's button does; returns when it was clicked (shared clock). */
const clickToggle = (popup) =>
  popup.evaluate(() => {
    const t = performance.timeOrigin + performance.now();
    document.querySelector('[data-testid="toolbar-toggle"]').click();
    return t;
  });

/** One open on a loaded page: toggle from the popup, wait for the panel, close it and forget the tab's state. */
async function openOnce(page, popup, sw, path, tabId) {
  if (path === '/big.html') await page.waitForFunction(() => document.querySelectorAll('*').length > 4000);
  await page.waitForTimeout(150); // let the page's own load work (capture script hello) settle
  await page.evaluate(watchForPanel);
  await within(5000, 'the service worker', sw.evaluate(markExecuteScript));
  const toggle = await clickToggle(popup);
  const seen = await within(10_000, `the toolbar on ${path}`, page.evaluate(() => window.__lassoBenchPanel)).catch(async (error) => {
    // The popup shows why the toggle failed (e.g. "Could not load file" while .output is being rebuilt).
    const shown = await popup.evaluate(() => document.querySelector('.error')?.textContent);
    throw new Error(`${error.message}${shown ? `; the popup says: ${shown}` : ''}`);
  });
  const exec = await within(5000, 'the service worker', sw.evaluate(() => globalThis.__lassoBenchExec));
  if (exec === undefined) throw new Error(`toolbar bench: executeScript was not called on ${path} (toolbar already loaded?)`);
  // Untimed check that the panel measured is a working one: its Collapse button collapses it.
  // A real (trusted) click: the toolbar ignores clicks a script dispatches.
  await page.locator('[data-lasso-ui] [aria-label="Collapse"]').click();
  await page.waitForFunction(() => document.querySelector('[data-lasso-ui]').shadowRoot.querySelector('.lasso-panel--collapsed'));
  // Close it with the toggle (the tab's state says closed), then forget the tab's state entirely.
  await clickToggle(popup);
  await page.waitForFunction(() => !document.querySelector('[data-lasso-ui]'));
  await within(5000, 'the service worker', sw.evaluate((key) => chrome.storage.session.remove(key), `toolbar:${tabId}`));
  const row = { execToPanel: seen.panel - exec, toggleToPanel: seen.panel - toggle, execToFrame: seen.frame - exec };
  if (process.env.BENCH_VERBOSE) console.error(`toolbar ${path}: ${row.execToPanel.toFixed(1)} ms`);
  return row;
}

/** A tab at `url` and a popup page aimed at it (`?tab=`, as the e2e helpers open it). */
async function openTab(context, sw, url) {
  const page = await context.newPage();
  await page.goto(url);
  const tabId = await within(5000, 'the service worker', sw.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, url));
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${new URL(sw.url()).host}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('[data-testid="toolbar-toggle"]');
  await page.bringToFront();
  return { page, popup, tabId };
}

const stats = (rows, key) => ({ median: median(rows.map((r) => r[key])), p95: quantile(rows.map((r) => r[key]), 0.95), n: rows.length });

/**
 * Injection → interactive on one page of the demo site: `RUNS` reloads of one tab (the toolbar
 * script is then already compiled in that renderer), and `RUNS` fresh tabs (a new renderer process
 * each, so the script is compiled again). The first open in the reloaded tab is reported apart.
 */
async function injectionRuns(context, sw, siteUrl, path) {
  const url = siteUrl + path;
  const reloads = [];
  const tab = await openTab(context, sw, url);
  for (let run = 0; run <= RUNS; run++) {
    if (run > 0) await tab.page.reload();
    reloads.push(await openOnce(tab.page, tab.popup, sw, path, tab.tabId));
  }
  await tab.popup.close();
  await tab.page.close();
  const fresh = [];
  for (let run = 0; run < RUNS; run++) {
    // A query of its own: the tab just closed may still be listed with the same URL.
    const t = await openTab(context, sw, `${url}?run=${run}`);
    fresh.push(await openOnce(t.page, t.popup, sw, path, t.tabId));
    await t.popup.close();
    await t.page.close();
  }
  const [first, ...reloaded] = reloads;
  return {
    page: path,
    firstMs: first.execToPanel,
    reload: { execToPanelMs: stats(reloaded, 'execToPanel'), toggleToPanelMs: stats(reloaded, 'toggleToPanel'), execToFrameMs: stats(reloaded, 'execToFrame') },
    freshTab: { execToPanelMs: stats(fresh, 'execToPanel'), toggleToPanelMs: stats(fresh, 'toggleToPanel'), execToFrameMs: stats(fresh, 'execToFrame') },
  };
}

async function benchInjection(siteUrl) {
  const profile = mkdtempSync(join(tmpdir(), 'lasso-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: [`--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`, ...CHROMIUM_ARGS],
  });
  try {
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const rows = [];
    for (const path of PAGES) rows.push(await injectionRuns(context, sw, siteUrl, path));
    return rows;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Every toolbar figure; `browser` is the plain Chromium of the other page benches (hover). */
export async function benchToolbar(browser, siteUrl) {
  return {
    injection: await benchInjection(siteUrl),
    hover: await benchHover(browser, siteUrl),
    pagePreview: await benchPagePreview(browser, siteUrl),
    gzipBytes: await benchToolbarSize(),
  };
}
