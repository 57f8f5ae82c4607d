// @ts-nocheck
import { expect, test } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { CONSENT_WITHDRAWN } from '../../src/sync/consent';
import { startCaptureServer } from '../fixtures/capture-server.mjs';
import { openExtensionPage, stored, until, useFirefoxAndSite } from './support';

// Sync on the Firefox build: a target added on the options page (the click also asks Firefox's
// data-collection consent; the pref answers its prompt with yes, as a user would) receives a
// captured click; with the consent withdrawn, nothing more is sent and the target says why.
const env = useFirefoxAndSite({ 'extensions.webextOptionalPermissionPrompts': false });

/** A message from an extension page, in @webext-core/messaging's envelope. */
async function ask<T>(page: Page, type: string, data: unknown = {}): Promise<T> {
  const reply = await page.evaluate(
    async (type, data) => {
      const { browser } = globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<{ res?: unknown; err?: { message: string } }> } } };
      return browser.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() });
    },
    type,
    data,
  );
  if (reply.err) throw new Error(reply.err.message);
  return reply.res as T;
}

const consent = (page: Page) =>
  page.evaluate(async () => {
    const { browser } = globalThis as unknown as { browser: { permissions: { getAll(): Promise<{ data_collection?: string[] }> } } };
    return (await browser.permissions.getAll()).data_collection ?? [];
  });

test('Firefox: a target added on the options page asks consent, receives a click, and stops when consent is withdrawn', async () => {
  const server = (await startCaptureServer({ posthogKey: 'phc_firefox' })) as { url: string; events(kind?: string): { uuid: string; event: string }[]; close(): Promise<void> };
  try {
    const options = await openExtensionPage(env.ff, 'options.html', 'main.options');
    expect(await consent(options)).toEqual([]);
    await options.locator('::-p-aria(Add a target[role="button"])').click();
    await options.waitForSelector('#t-name');
    await options.type('#t-name', 'Local');
    await options.select('#t-preset', 'custom');
    await options.type('#t-host', server.url);
    await options.type('#t-key', 'phc_firefox');
    await options.click('form[aria-label="Add a target"] button[type="submit"]');
    await until(async () => (await ask<unknown[]>(options, 'sync.targets')).length === 1, 'the target was not saved');
    expect((await consent(options)).sort()).toEqual(['browsingActivity', 'websiteActivity', 'websiteContent']);

    const page = await env.ff.browser.newPage();
    await page.goto(`${env.site.url}/`);
    await page.locator('[data-testid="add-to-cart-1"]').click();
    const click = await until(async () => ((await stored(options)) as unknown as { uuid: string; event: string }[]).find((e) => e.event === '$autocapture') ?? null, 'the click was not stored');
    await until(async () => server.events('posthog').find((e) => e.uuid === click.uuid) ?? null, 'the click never reached the capture server', 30_000);

    // Withdrawn (as about:addons does): the next run sends nothing and the target says why.
    await options.evaluate(async () => {
      const { browser } = globalThis as unknown as { browser: { permissions: { remove(p: object): Promise<boolean> } } };
      await browser.permissions.remove({ data_collection: ['browsingActivity', 'websiteActivity', 'websiteContent'] });
    });
    await page.locator('[data-testid="add-to-cart-2"]').click();
    const second = await until(async () => ((await stored(options)) as unknown as { uuid: string; event: string }[]).filter((e) => e.event === '$autocapture')[1] ?? null, 'the second click was not stored');
    await ask(options, 'sync.run');
    const [status] = await ask<{ waiting: number; lastError: string | null }[]>(options, 'sync.status');
    expect(status).toMatchObject({ lastError: CONSENT_WITHDRAWN });
    expect(status!.waiting).toBeGreaterThan(0);
    expect(server.events('posthog').some((e) => e.uuid === second.uuid)).toBe(false);
  } finally {
    await server.close();
  }
});
