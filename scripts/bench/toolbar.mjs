// The toolbar (issue 4): injection to interactive with the built extension, hover work per
// pointer move on the ~5,000-element page, and the gzipped size of its on-demand bundle.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { bundleIife, CHROMIUM_ARGS, chromiumPath, median } from './util.mjs';

const RUNS = Number(process.env.BENCH_TOOLBAR_RUNS ?? 20);
const MOVES = Number(process.env.BENCH_HOVER_MOVES ?? 2000);
const EXTENSION = resolve('.output/chrome-mv3');
const PAGES = ['/', '/big.html', '/csp.html'];

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * q))];
};
const gz = (bytes) => gzipSync(bytes).length;

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
      const host = document.querySelector('lasso-toolbar');
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
  const seen = await within(10_000, `the toolbar on ${path}`, page.evaluate(() => window.__lassoBenchPanel)).catch(async (e) => {
    const host = await page.evaluate(() => !!document.querySelector('lasso-toolbar'));
    const execd = await sw.evaluate(() => globalThis.__lassoBenchExec);
    const state = await sw.evaluate((key) => chrome.storage.session.get(key), `toolbar:${tabId}`);
    const popupText = await popup.evaluate(() => document.body.innerText);
    console.error({ host, execd, state, popupText });
    throw e;
  });
  const exec = await within(5000, 'the service worker', sw.evaluate(() => globalThis.__lassoBenchExec));
  if (exec === undefined) throw new Error(`toolbar bench: executeScript was not called on ${path} (toolbar already loaded?)`);
  // Untimed check that the panel measured is a working one: its Collapse button collapses it.
  await page.evaluate(() => document.querySelector('lasso-toolbar').shadowRoot.querySelector('[aria-label="Collapse"]').click());
  await page.waitForFunction(() => document.querySelector('lasso-toolbar').shadowRoot.querySelector('.lasso-panel--collapsed'));
  // Close it with the toggle (the tab's state says closed), then forget the tab's state entirely.
  await clickToggle(popup);
  await page.waitForFunction(() => !document.querySelector('lasso-toolbar'));
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
 * script is then cached compiled in that renderer), and `RUNS` fresh tabs (a new renderer each).
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

/**
 * The reference for hover: the least any hover highlight does per move — hit-test the pointer
 * (elementFromPoint), read that element's rect, move one fixed box there (so, like the toolbar,
 * each move pays for the layout the previous one invalidated). Same random on-screen elements.
 */
function referenceHover(moves) {
  const all = [...document.body.querySelectorAll('*')].filter((el) => !['SCRIPT', 'STYLE'].includes(el.tagName));
  const points = all
    .map((el) => el.getBoundingClientRect())
    .filter((r) => r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth)
    .map((r) => [Math.min(innerWidth - 1, Math.max(0, r.left + r.width / 2)), Math.min(innerHeight - 1, Math.max(0, r.top + r.height / 2))]);
  const host = document.createElement('div');
  const box = document.createElement('div');
  box.style.cssText = 'position:fixed;left:0;top:0;pointer-events:none;outline:2px solid #4f46e5';
  host.attachShadow({ mode: 'open' }).append(box);
  document.documentElement.append(host);
  let seed = 42;
  const next = () => {
    // mulberry32, as in test/bench/page-hover.ts
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const step = () => {
    const [x, y] = points[Math.floor(next() * points.length)];
    const r = document.elementFromPoint(x, y)?.getBoundingClientRect();
    if (!r) return;
    box.style.transform = `translate(${r.left}px, ${r.top}px)`;
    box.style.width = `${r.width}px`;
    box.style.height = `${r.height}px`;
  };
  for (let i = 0; i < 20; i++) step(); // warm-up
  const times = [];
  for (let i = 0; i < moves; i++) {
    const t0 = performance.now();
    step();
    times.push(performance.now() - t0);
  }
  host.remove();
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(moves / 2)], p95Ms: times[Math.floor(moves * 0.95)] };
}

async function benchHoverWork(browser, siteUrl) {
  const code = await bundleIife('test/bench/page-hover.ts', 'lassoHoverBench');
  const page = await browser.newPage();
  // Cross-origin isolated (COOP + COEP on the document): performance.now() then has 5 µs steps,
  // not 100 µs, fine enough for one move. The page and its same-origin resources are unchanged.
  await page.route('**/big.html', async (route) => {
    const response = await route.fetch();
    const isolation = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
    await route.fulfill({ response, headers: { ...response.headers(), ...isolation } });
  });
  await page.goto(`${siteUrl}/big.html`);
  await page.waitForFunction(() => document.querySelectorAll('*').length > 4000);
  await page.addScriptTag({ content: code });
  const { elements, isolated } = await page.evaluate(() => ({ elements: document.querySelectorAll('body *').length, isolated: crossOriginIsolated }));
  // Alternate the two a few times so drift (GC, thermal) hits both alike.
  const lasso = [];
  const reference = [];
  for (let round = 0; round < 3; round++) {
    lasso.push(await page.evaluate((n) => window.lassoHoverBench.benchHover(window, n), MOVES));
    reference.push(await page.evaluate(referenceHover, MOVES));
  }
  await page.close();
  const mid = (rs, k) => median(rs.map((r) => r[k]));
  const lassoMs = { median: mid(lasso, 'medianMs'), p95: mid(lasso, 'p95Ms') };
  const referenceMs = { median: mid(reference, 'medianMs'), p95: mid(reference, 'p95Ms') };
  return { elements, moves: MOVES, rounds: lasso.length, timerStepMs: isolated ? 0.005 : 0.1, lassoMs, referenceMs, ratio: lassoMs.median / referenceMs.median };
}

/** What re2js adds to the toolbar: the same minified build of the toolbar with and without it. */
async function re2jsShare() {
  const { default: preact } = await import('@preact/preset-vite');
  const stubDir = mkdtempSync(join(tmpdir(), 'lasso-re2js-stub-'));
  const stub = join(stubDir, 're2js-stub.mjs');
  writeFileSync(stub, 'export class RE2JS { static compile() { throw new Error("stub"); } }\n');
  const toolbarGzip = async (alias) => {
    const out = await build({
      configFile: false,
      logLevel: 'silent',
      plugins: [preact()],
      resolve: { alias },
      define: { __LASSO_VERSION__: '"bench"' },
      build: { write: false, minify: true, lib: { entry: 'src/toolbar/toolbar.ts', formats: ['iife'], name: 'lassoToolbar' } },
    });
    return gz(Buffer.from(out[0].output[0].code));
  };
  try {
    const withRe2 = await toolbarGzip({});
    const without = await toolbarGzip({ re2js: stub });
    return { rebuiltToolbar: withRe2, rebuiltWithoutRe2js: without, re2jsInToolbar: withRe2 - without };
  } finally {
    rmSync(stubDir, { recursive: true, force: true });
  }
}

async function benchSize() {
  const file = (p) => gz(readFileSync(p));
  return {
    toolbar: file('.output/chrome-mv3/content-scripts/toolbar.js'),
    capture: file('.output/chrome-mv3/content-scripts/capture.js'),
    re2jsDist: file('node_modules/re2js/build/index.js'),
    ...(await re2jsShare()),
  };
}

/** Every toolbar figure; `browser` is the plain Chromium of the other page benches (hover). */
export async function benchToolbar(browser, siteUrl) {
  return {
    injection: await benchInjection(siteUrl),
    hover: await benchHoverWork(browser, siteUrl),
    gzipBytes: await benchSize(),
  };
}
