// @ts-nocheck
import { expect, test } from '@playwright/test';
import { openExtensionPage, stored, until, useFirefoxAndSite } from './support';

const env = useFirefoxAndSite();

test('Firefox MV2: the site\'s own posthog-js traffic, opted in, is stored and marked (webRequest with the request body)', async () => {
  const popup = await openExtensionPage(env.ff, 'popup.html', 'main.popup');
  const answer = await popup.evaluate(() => {
    const { browser } = globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<{ res?: { enabled: boolean } }> } } };
    return browser.runtime.sendMessage({ id: 1, type: 'sources.set', data: { site: '127.0.0.1', enabled: true }, timestamp: Date.now() });
  });
  expect(answer.res?.enabled).toBe(true);

  const page = await env.ff.browser.newPage();
  await page.goto(`${env.site.url}/posthog.html`);
  const anonId = await until(
    () => page.evaluate(() => (window as unknown as { posthog?: { get_distinct_id?(): string } }).posthog?.get_distinct_id?.()),
    'posthog-js did not load',
  );
  const fromPage = await until(async () => {
    const events = (await stored(popup)).filter((e) => e.properties.$lasso_source === 'page' && e.event === '$pageview');
    return events.length ? events : null;
  }, 'posthog-js\'s $pageview was not stored', 20_000);
  expect(fromPage).toHaveLength(1);
  expect((fromPage[0] as unknown as { distinct_id: string }).distinct_id).toBe(anonId);
});
