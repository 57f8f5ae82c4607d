// @ts-nocheck
// Capture handler time per click, Lasso vs posthog-js, same page and clicks; content-script size.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { bundleIife, median, sized } from './util.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? sized(30, 2));
const PASSES = sized(5, 1);

/**
 * Per-click times (ms) for every [data-parity] element: each sample is one pass over all of them,
 * divided by their number (performance.now() is coarsened to 0.1 ms, too coarse for one click).
 */
function clickTimes(page) {
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

export async function benchCapture(browser, siteUrl) {
  const lasso = await bundleIife('test/bench/page-capture.ts', 'lassoBench');
  const runs = { off: [], posthog: [], lasso: [] };
  // Interleave the three setups over several page loads so drift hits them equally.
  for (let pass = 0; pass < PASSES; pass++) {
    for (const setup of ['off', 'posthog', 'lasso']) {
      const page = await browser.newPage();
      await page.goto(`${siteUrl}/posthog.html?ratelimit=off${setup === 'posthog' ? '' : '&posthog=off'}`);
      if (setup === 'posthog') await page.waitForFunction(() => window.__phLoaded === true);
      if (setup === 'lasso') await page.addScriptTag({ content: lasso });
      await clickTimes(page); // warm-up pass: JIT, style caches
      runs[setup].push(...(await clickTimes(page)));
      await page.close();
    }
  }
  const base = median(runs.off);
  const lassoMs = median(runs.lasso) - base;
  const posthogMs = median(runs.posthog) - base;
  const gz = (path) => gzipSync(readFileSync(path)).length;
  return {
    samples: runs.off.length,
    baselineMs: base,
    perClickMs: { lasso: lassoMs, posthog: posthogMs, ratio: lassoMs / posthogMs },
    gzipBytes: {
      lassoContentScript: gz('.output/chrome-mv3/content-scripts/capture.js'),
      posthogArray: gz('node_modules/posthog-js/dist/array.js'),
      posthogArrayFull: gz('node_modules/posthog-js/dist/array.full.js'),
    },
  };
}
