// @ts-nocheck
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

/**
 * A dashboard view opened on `hash`: from the page's navigation to the first `ready` element in
 * the DOM (page load, its queries, first render), median of `reps` full loads.
 */
async function viewTiming(page: Page, id: string, name: string, hash: string, ready: string, reps: number) {
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    await page.goto('about:blank'); // a full load each time (a hash-only change would reuse the document)
    await page.goto(`chrome-extension://${id}/dashboard.html${hash}`);
    // Polled each animation frame: performance.now() counts from this document's navigation.
    const drawn = await page.waitForFunction((sel) => document.querySelector(sel) && performance.now(), ready, { timeout: 60_000 });
    times.push(Number(await drawn.jsonValue()));
  }
  return { name, medianMs: median(times), firstMs: times[0], reads: null };
}

/**
 * Scrolling the Events view's table: `steps` scrolls of `stepPx` (a fast trackpad), one per frame,
 * each followed by two animation frames; the renderer's main-thread work of each step
 * (CDP `Performance.getMetrics` TaskDuration: script, style, layout, paint, and the new pages the
 * table asks for) next to the same steps without scrolling (the measuring's own cost).
 */
async function scrollTiming(page: Page, id: string, steps = 150, stepPx = 120) {
  await page.goto('about:blank');
  await page.goto(`chrome-extension://${id}/dashboard.html#/events`);
  await page.waitForSelector('[data-testid="table-row"]', { timeout: 60_000 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskMs = async () => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
  const run = async (px: number) => {
    const work: number[] = [];
    for (let i = 0; i < steps; i++) {
      const before = await taskMs();
      await page.evaluate(
        (by) =>
          new Promise<void>((done) => {
            const body = document.querySelector('.table.virtual .table-body')!;
            body.scrollTop += by;
            requestAnimationFrame(() => requestAnimationFrame(() => done()));
          }),
        px,
      );
      work.push((await taskMs()) - before);
    }
    const sorted = [...work].sort((a, b) => a - b);
    const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] * 100) / 100;
    return { medianMs: at(0.5), p95Ms: at(0.95), maxMs: at(1) };
  };
  const idle = await run(0);
  const scrolled = await run(stepPx);
  const rowsDrawn = await page.locator('[data-testid="table-row"]').count();
  const scrollTop = await page.evaluate(() => document.querySelector('.table.virtual .table-body')!.scrollTop);
  await cdp.detach();
  return { name: `events table scrolled ${steps} × ${stepPx} px, main-thread work per frame`, scrolled, idle, rowsDrawn, scrollTop };
}

/** The Trends view on a 30-day daily trend of one action, the Events view's first rows, a person's profile. */
async function viewTimings(page: Page, id: string, actionId: string, person: string, reps: number) {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const trend = `#/trends?site=shop.test&series=action%3A${encodeURIComponent(actionId)}&from=${day(GENERATOR_NOW - 29 * DAY)}&to=${day(GENERATOR_NOW)}`;
  return [
    await viewTiming(page, id, 'trends view: 30-day action trend, chart drawn', trend, '.trend-chart canvas', reps),
    await viewTiming(page, id, 'events view: first rows drawn', '#/events', '[data-testid="table-row"]', reps),
    await viewTiming(page, id, 'person profile: distinct ids drawn', `#/persons/${encodeURIComponent(person)}`, '[data-testid="person-ids"] li', reps),
  ];
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
    rows.push(...(await viewTimings(page, id, actionId, person, reps)));
    const scroll = await scrollTiming(page, id);
    return { events: count, seedMs, rows, scroll, popup: await popupTimings(page, reps) };
  } finally {
    await close();
  }
}

/**
 * The popup's reads over the same store, in the popup's order: `store.siteDays` first (the stored
 * count and today's counts: what its first render with data shows), then the actions' list and
 * counts and their health together. Health is first timed alone with a cold cache; in the popup
 * runs it is cached (HEALTH_CACHE_MS), as on a popup reopened within 30 s.
 */
async function popupTimings(page: Page, reps: number) {
  const site = 'shop.test';
  const url = 'https://shop.test/';
  await ask(page, 'actions.save', { action: { site, name: 'Product link', steps: [{ event: '$autocapture', selector: 'a[href^="/product"]' }] } });
  const cold = await ask(page, 'actions.health', { site });
  const runs: { firstData: number; actions: number }[] = [];
  for (let i = 0; i < reps; i++) {
    runs.push(
      await page.evaluate(
        async ([s, u]) => {
          const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ res?: unknown; err?: { message: string } }> } } };
          const t0 = performance.now();
          const send = async (type: string, data: unknown) => {
            const reply = await chrome.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() });
            if (reply?.err) throw new Error(`${type}: ${reply.err.message}`);
            return performance.now() - t0;
          };
          const firstData = await send('store.siteDays', { site: s, days: 14, tzOffsetMinutes: 60 });
          const rest = await Promise.all([send('actions.list', { site: s }), send('actions.summary', { site: s, url: u, tzOffsetMinutes: 60 }), send('actions.health', { site: s })]);
          return { firstData, actions: Math.max(...rest) };
        },
        [site, url] as const,
      ),
    );
  }
  const row = (name: string, key: 'firstData' | 'actions') => ({ name, medianMs: median(runs.map((r) => r[key])), firstMs: runs[0][key], reads: null });
  return [
    row('popup: first data (stored count, today\'s events and sessions, 14 days)', 'firstData'),
    row('popup: then 2 actions\' counts, 14-day sparklines, health (cached)', 'actions'),
    { name: 'action health of the site, cold cache, alone (2 actions)', medianMs: cold.ms, firstMs: cold.ms, reads: null },
  ];
}
