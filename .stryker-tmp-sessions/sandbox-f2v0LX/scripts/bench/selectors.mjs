// @ts-nocheck
// Selector candidates for one element on a ~5,000-element page (test/fixtures/site/big.html).
import { bundleIife, sized } from './util.mjs';

export async function benchSelectors(browser, siteUrl) {
  const code = await bundleIife('test/bench/page-selectors.ts', 'lassoSelectorsBench');
  const page = await browser.newPage();
  await page.goto(`${siteUrl}/big.html`);
  await page.waitForFunction(() => document.querySelectorAll('*').length > 4000);
  await page.addScriptTag({ content: code });
  const result = await page.evaluate((n) => window.lassoSelectorsBench.run(n), sized(60, 3));
  await page.close();
  return result;
}
