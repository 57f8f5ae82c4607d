// @ts-nocheck
// Hover work per pointer move in inspect mode on the ~5,000-element page (test/bench/page-hover.ts),
// next to the least any hover highlight must do, in the same page and run.
import { bundleIife, median, sized } from './util.mjs';

const MOVES = Number(process.env.BENCH_HOVER_MOVES ?? sized(2000, 40));

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

/** Median / p95 ms per move, Lasso and the reference, and their ratio (medians). */
export async function benchHover(browser, siteUrl) {
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


/** The page preview of three drafts on big.html (test/bench/page-preview.ts): cold and warm, next to querySelectorAll. */
export async function benchPagePreview(browser, siteUrl) {
  const code = await bundleIife('test/bench/page-preview.ts', 'lassoPagePreviewBench');
  const page = await browser.newPage();
  await page.goto(`${siteUrl}/big.html`);
  await page.waitForFunction(() => document.querySelectorAll('*').length > 4000);
  await page.addScriptTag({ content: code });
  const rows = await page.evaluate((runs) => window.lassoPagePreviewBench.benchPagePreview(document, runs), sized(7, 1));
  await page.close();
  return rows;
}
