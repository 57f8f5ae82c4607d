// Bundled for Node by scripts/bench/queries.mjs: the dashboard's queries, timed through messaging
// from an extension page, with the built extension loaded and `count` events seeded.
import { launchBenchExtension } from './extension';
import type { Page } from 'playwright-core';
import type { CaptureEvent } from '../../src/events/types';
import { generateEvents, GENERATOR_NOW } from '../fixtures/generate-events';
import { uuidAt } from '../support/people-stream';
import { seedThroughExtensionPage } from '../support/seed';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const DAY = 86_400_000;

/** The generator's session ids are not UUIDv7 (the sessions store skips them): give each one. */
function withSessionUuids(events: CaptureEvent[], ids: Map<string, string>): CaptureEvent[] {
  return events.map((e) => {
    const raw = String(e.properties.$session_id);
    if (!ids.has(raw)) ids.set(raw, uuidAt(Date.parse(e.timestamp), ids.size));
    return { ...e, properties: { ...e.properties, $session_id: ids.get(raw) } };
  });
}

/** Send one protocol message from the page; resolve with the answer and its wall time in the page. */
export async function ask(page: Page, type: string, data: unknown): Promise<{ ms: number; res: Record<string, unknown> }> {
  return page.evaluate(
    async ([t, d]) => {
      const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ res?: Record<string, unknown>; err?: { message: string } }> } } };
      const t0 = performance.now();
      const reply = await chrome.runtime.sendMessage({ id: 1, type: t, data: d, timestamp: Date.now() });
      const ms = performance.now() - t0;
      if (reply?.err) throw new Error(`${t}: ${reply.err.message}`);
      return { ms, res: reply.res! };
    },
    [type, data] as const,
  );
}

/** Seed `count` events, then time each dashboard query `reps` times (median, and what it read). */
export async function queryTimings(executablePath: string, args: string[], count: number, reps = 7) {
  const { context, id, close } = await launchBenchExtension(executablePath, args);
  try {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/popup.html`);
    const t0 = Date.now();
    const ids = new Map<string, string>();
    let person = '';
    for (let offset = 0; offset < count; offset += 100_000) {
      const slice = withSessionUuids(generateEvents({ count: Math.min(100_000, count - offset), seed: 2026 + offset }), ids);
      person ||= slice[slice.length - 1].distinct_id;
      await seedThroughExtensionPage(page as never, slice);
    }
    const seedMs = Date.now() - t0;
    const saved = await ask(page, 'actions.save', { action: { site: 'shop.test', name: 'Add to cart', steps: [{ event: '$autocapture', selector: 'div.card > button[data-attr="add-to-cart"]' }] } });
    const actionId = String(saved.res.id);
    const queries: [string, string, unknown][] = [
      ['events first page', 'query.events', { filter: {}, limit: 50 }],
      ['events first page, one site + $pageview', 'query.events', { filter: { site: 'shop.test', events: ['$pageview'] }, limit: 50 }],
      ['daily $pageview counts over 30 days (Europe/Berlin)', 'query.trends', { series: [{ name: 'pv', event: '$pageview' }], from: GENERATOR_NOW - 30 * DAY, to: GENERATOR_NOW, interval: 'day', timeZone: 'Europe/Berlin' }],
      ['daily $pageview counts over 30 days, one site', 'query.trends', { series: [{ name: 'pv', event: '$pageview' }], site: 'shop.test', from: GENERATOR_NOW - 30 * DAY, to: GENERATOR_NOW, interval: 'day', timeZone: 'Europe/Berlin' }],
      ['daily counts of an action (add to cart) over 30 days', 'query.trends', { series: [{ name: 'cart', actionId }], from: GENERATOR_NOW - 30 * DAY, to: GENERATOR_NOW, interval: 'day', timeZone: 'Europe/Berlin' }],
      ['session list page', 'query.sessions', { filter: {}, limit: 50 }],
      ['person profile', 'query.person', { distinctId: person }],
    ];
    const rows = [];
    for (const [name, type, data] of queries) {
      const times: number[] = [];
      let last: Record<string, unknown> = {};
      for (let i = 0; i < reps; i++) {
        const { ms, res } = await ask(page, type, data);
        times.push(ms);
        last = res;
      }
      rows.push({ name, medianMs: median(times), firstMs: times[0], reads: last.reads ?? null });
    }
    return { events: count, seedMs, rows };
  } finally {
    await close();
  }
}
