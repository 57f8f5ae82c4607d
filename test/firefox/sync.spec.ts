import { expect, test } from '@playwright/test';
import { startCaptureServer } from '../fixtures/capture-server.mjs';
import { openExtensionPage, stored, until, useFirefoxAndSite } from './support';

const env = useFirefoxAndSite();

test('Firefox: a sync target receives a click captured on the demo site', async () => {
  const server = (await startCaptureServer({ posthogKey: 'phc_firefox' })) as { url: string; events(kind?: string): { uuid: string; event: string }[]; close(): Promise<void> };
  try {
    const options = await openExtensionPage(env.ff, 'options.html', 'main.options');
    // The options page's own message, in @webext-core/messaging's envelope.
    const reply = await options.evaluate(async (host) => {
      const { browser } = globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<{ res?: unknown; err?: { message: string } }> } } };
      return browser.runtime.sendMessage({ id: 1, type: 'sync.save', data: { target: { kind: 'posthog', name: 'Local', hostPreset: 'custom', host, apiKey: 'phc_firefox', start: 'now' } }, timestamp: Date.now() });
    }, server.url);
    expect(reply.err).toBeUndefined();
    const page = await env.ff.browser.newPage();
    await page.goto(`${env.site.url}/`);
    await page.locator('[data-testid="add-to-cart-1"]').click();
    const click = await until(async () => ((await stored(options)) as unknown as { uuid: string; event: string }[]).find((e) => e.event === '$autocapture') ?? null, 'the click was not stored');
    await until(async () => server.events('posthog').find((e) => e.uuid === click.uuid) ?? null, 'the click never reached the capture server', 30_000);
  } finally {
    await server.close();
  }
});
