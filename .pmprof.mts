import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { bundleForPage } from '/work/main/test/support/bundle.ts';
import { chromiumPath, CHROMIUM_QUIET_ARGS } from '/work/main/test/support/browsers.ts';
const code = await bundleForPage('lassoPM', ['src/toolbar/draft/page-matches.ts', 'src/actions/index.ts', 'src/autocapture/elements.ts']);
const html = readFileSync('/work/main/test/fixtures/site/big.html', 'utf8').replace('<script src="/shop.js"></script>', '');
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_QUIET_ARGS });
const page = await browser.newPage();
await page.route('http://bench.test/**', (r) => r.fulfill({ contentType: 'text/html', body: html }));
await page.goto('http://bench.test/big.html');
await page.addScriptTag({ content: code });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
await page.evaluate(() => {
  const api = (window as any).lassoPM;
  const buttons = [...document.querySelectorAll('[data-attr="big-buy"]')];
  for (let k = 0; k < 10; k++) buttons.forEach((b) => api.captureElements(b, true));
});
const { profile } = await cdp.send('Profiler.stop') as any;
const self = new Map<string, number>();
const total = profile.samples.length;
const counts = new Map<number, number>();
for (const s of profile.samples) counts.set(s, (counts.get(s) ?? 0) + 1);
for (const n of profile.nodes) {
  const k = `${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber}`;
  self.set(k, (self.get(k) ?? 0) + (counts.get(n.id) ?? 0));
}
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `${(100 * v / total).toFixed(1)}% ${k}`).join('\n'));
await browser.close();
