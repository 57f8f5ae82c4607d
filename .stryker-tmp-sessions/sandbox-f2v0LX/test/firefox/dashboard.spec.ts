// @ts-nocheck
import { expect, test } from '@playwright/test';
import type { CaptureEvent } from '../../src/events/types';
import { generateSiteEvents } from '../fixtures/people-data';
import { byQueryOrder } from '../support/query-brute';
import { launchFirefox, openExtensionPage, until, type Firefox } from './support';

// Issue 12: the dashboard opens on the Firefox build and shows the seeded events.

let ff: Firefox;
test.beforeAll(async () => {
  ff = await launchFirefox();
});
test.afterAll(async () => {
  await ff?.close();
});

test('Firefox: the dashboard’s Events view shows the stored events, newest first, with their total', async () => {
  const events: CaptureEvent[] = [...generateSiteEvents({ seed: 5, persons: 15, start: '2026-10-01T00:00:00.000Z', days: 3 })];
  const page = await openExtensionPage(ff, 'dashboard.html#/events', '.dashboard');
  const stored = await page.evaluate(async (batch) => {
    const { browser } = globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<{ res?: { stored: number }; err?: { message: string } }> } } };
    let n = 0;
    for (let i = 0; i < batch.length; i += 500) {
      const reply = await browser.runtime.sendMessage({ id: i, type: 'store.import', data: { events: batch.slice(i, i + 500) }, timestamp: Date.now() });
      if (reply?.err) throw new Error(reply.err.message);
      n += reply!.res!.stored;
    }
    return n;
  }, events);
  expect(stored).toBe(events.length);

  void page.reload().catch(() => {});
  const want = `${events.length.toLocaleString('en')} events`;
  await until(() => page.evaluate((text) => document.querySelector('[data-testid="events-total"]')?.textContent === text, want), `the total never read ${want}`);
  const newest = [...events].sort(byQueryOrder).slice(0, 5).map((e) => e.uuid);
  const shown = await until(async () => {
    const keys = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-testid="table-row"]')].slice(0, 5).map((r) => r.dataset.key));
    return keys.length === 5 ? keys : null;
  }, 'no rows were drawn');
  expect(shown).toEqual(newest);
});
