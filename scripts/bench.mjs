// `npm run bench`: side-by-side figures in one Chromium run, medians.
//  1. time per click spent in Lasso's capture handler vs posthog-js's autocapture, same page,
//     same elements, same clicks (each measured as dispatch time with the tool on minus off);
//  2. gzipped size of the always-on content script next to posthog-js's bundles.
import { readFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { startDemoServer } from '../test/fixtures/serve.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const chromiumPath = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find(existsSync);
if (!chromiumPath) {
  console.error('Chromium not found: install it with `apt-get install chromium`');
  process.exit(1);
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

async function lassoBundle() {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    define: { __LASSO_VERSION__: '"bench"' },
    build: { write: false, minify: true, lib: { entry: 'test/bench/page-capture.ts', formats: ['iife'], name: 'lassoBench' } },
  });
  return out[0].output[0].code;
}

/**
 * Per-click times (ms) for every [data-parity] element: each sample is one pass over all of them,
 * divided by their number (performance.now() is coarsened to 0.1 ms, too coarse for one click).
 */
async function clickTimes(page) {
  return page.evaluate((rounds) => {
    const els = [...document.querySelectorAll('[data-parity]')].filter((el) => el.tagName !== 'FORM');
    const times = [];
    for (let r = 0; r < rounds; r++) {
      const t0 = performance.now();
      for (const el of els) {
        el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, clientX: r * 100, clientY: 0 }));
      }
      times.push((performance.now() - t0) / els.length);
    }
    return times;
  }, ROUNDS);
}

const server = await startDemoServer({ port: 0 });
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
});
const lasso = await lassoBundle();
const runs = { off: [], posthog: [], lasso: [] };
// Interleave the three setups over several page loads so drift hits them equally.
for (let pass = 0; pass < 5; pass++) {
  for (const setup of ['off', 'posthog', 'lasso']) {
    const page = await browser.newPage();
    await page.goto(`${server.url}/posthog.html${setup === 'posthog' ? '' : '?posthog=off'}`);
    if (setup === 'posthog') await page.waitForFunction(() => window.__phLoaded === true);
    if (setup === 'lasso') await page.addScriptTag({ content: lasso });
    await clickTimes(page); // warm-up pass: JIT, style caches
    runs[setup].push(...(await clickTimes(page)));
    await page.close();
  }
}
await browser.close();
await server.close();

const base = median(runs.off);
const lassoMs = median(runs.lasso) - base;
const posthogMs = median(runs.posthog) - base;
const script = readFileSync('.output/chrome-mv3/content-scripts/capture.js');
const sizes = {
  lassoContentScript: gzipSync(script).length,
  posthogArrayFull: gzipSync(readFileSync('node_modules/posthog-js/dist/array.full.js')).length,
  posthogArray: gzipSync(readFileSync('node_modules/posthog-js/dist/array.js')).length,
};
const results = {
  date: new Date().toISOString(),
  samplesPerSetup: runs.off.length,
  capturePerClickMs: { lasso: +lassoMs.toFixed(4), posthog: +posthogMs.toFixed(4), ratio: +(lassoMs / posthogMs).toFixed(3) },
  gzipBytes: sizes,
};
console.log(`\nCapture handler per click (median of ${runs.off.length} passes over the parity page's elements, minus no-tool baseline ${base.toFixed(4)} ms):`);
console.log(`  Lasso      ${lassoMs.toFixed(4)} ms`);
console.log(`  posthog-js ${posthogMs.toFixed(4)} ms`);
console.log(`  ratio      ${(lassoMs / posthogMs).toFixed(2)} (goal ≤ 0.5)`);
console.log('\nGzipped size:');
console.log(`  Lasso always-on content script   ${kb(sizes.lassoContentScript)} (goal ≤ 12 KB)`);
console.log(`  posthog-js array.js (core)       ${kb(sizes.posthogArray)}`);
console.log(`  posthog-js array.full.js         ${kb(sizes.posthogArrayFull)}`);
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/capture.json', JSON.stringify(results, null, 2));
