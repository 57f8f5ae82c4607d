// @ts-nocheck
// Bundled for Node by scripts/bench/queries.mjs: cohort members with behavioral leaves, timed
// through messaging from an extension page, over persons made by the people-data generator.
import type { Page } from 'playwright-core';
import { chunked, generateSiteEvents } from '../fixtures/people-data';
import { seedThroughExtensionPage } from '../support/seed';
import { launchBenchExtension } from './extension';

const HOUR = 3_600_000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One protocol message from the page: the answer and its wall time measured in the page. */
async function ask(page: Page, type: string, data: unknown): Promise<{ ms: number; res: Record<string, unknown> }> {
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

const behavioral = (key: string, eventType: 'events' | 'actions', days: number) => ({
  filters: { properties: { type: 'OR', values: [{ type: 'AND', values: [{ type: 'behavioral', value: 'performed_event', key, event_type: eventType, time_value: days, time_interval: 'day' }] }] } },
});

/**
 * Seed `persons` generated persons (their events over `days` days), then time `cohorts.members`
 * for cohorts with one behavioral leaf: each computed `reps` times (each at another UTC hour of
 * the same day, so the cache, which holds trends windows for an hour, never answers), then once
 * more at the last hour (answered from the cache).
 */
export async function cohortTimings(executablePath: string, args: string[], persons: number, days = 2, reps = 5) {
  const { context, id, close } = await launchBenchExtension(executablePath, args);
  try {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/popup.html`);
    const start = Date.UTC(2026, 10, 1);
    const t0 = Date.now();
    let events = 0;
    for (const batch of chunked(generateSiteEvents({ seed: 2026, persons, start: new Date(start).toISOString(), days }), 10_000)) {
      events += batch.length;
      await seedThroughExtensionPage(page as never, batch);
    }
    const seedMs = Date.now() - t0;
    const saved = await ask(page, 'actions.save', { action: { site: 'shop.example.com', name: 'Add to cart', steps: [{ event: '$autocapture', selector: 'button[data-attr="add-to-cart"]' }] } });
    const cohorts: [string, object][] = [
      ['$pageview in the last 30 days', behavioral('$pageview', 'events', 30)],
      ['$pageview in the last day', behavioral('$pageview', 'events', 1)],
      ['the action (add to cart) in the last 30 days', behavioral(String(saved.res.id), 'actions', 30)],
    ];
    const end = start + days * 24 * HOUR; // the generated events end here; `now` is within the next day
    const rows = [];
    for (const [name, definition] of cohorts) {
      const cohort = await ask(page, 'cohorts.save', { cohort: { name, definition } });
      const times: number[] = [];
      let count = 0;
      for (let i = 0; i < reps; i++) {
        const { ms, res } = await ask(page, 'cohorts.members', { id: cohort.res.id, now: end + (i + 1) * HOUR, limit: 1 });
        times.push(ms);
        count = Number(res.count);
      }
      const cached = await ask(page, 'cohorts.members', { id: cohort.res.id, now: end + reps * HOUR, limit: 1 });
      rows.push({ name, medianMs: median(times), firstMs: times[0], cachedMs: cached.ms, members: count });
    }
    return { persons, days, events, seedMs, rows };
  } finally {
    await close();
  }
}
