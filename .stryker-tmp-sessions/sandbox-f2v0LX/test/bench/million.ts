// @ts-nocheck
// Bundled for Node by scripts/bench/million.mjs: fills a store with the people generator's events
// through the real ingest (`store.import` → background → ingestEvents, all upkeep), and at each
// checkpoint (100k, 1M) times the dashboard's reads, the preview, stored bytes per event and the
// service worker's JS heap, in the same browser and run.
import type { BrowserContext, Page } from 'playwright-core';
import { launchBenchExtension } from './extension';
import { ask } from './queries';
import { chunked, generateSiteEvents } from '../fixtures/people-data';
import { previewThroughPort, seedThroughExtensionPage } from '../support/seed';
import { MAX_IMPORT_BATCH } from '../../src/messaging/validate';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const DAY = 86_400_000;
/** The fixture README's 1M data set: 13,000 persons over 30 days (1,001,882 events, cut at the last checkpoint). */
const START = '2026-10-29T00:00:00Z';
const END = Date.parse(START) + 30 * DAY;

/** The service worker's used JS heap (bytes), over CDP (`Runtime.getHeapUsage` on the worker target). */
async function workerHeap(context: BrowserContext): Promise<number | null> {
  const page = context.pages()[0];
  const cdp = await context.newCDPSession(page);
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
    const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes('background'));
    if (!sw) return null;
    // Not flattened: the worker's replies come back as messages on this page's session.
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: sw.targetId, flatten: false })) as { sessionId: string };
    const usage = new Promise<{ usedSize: number }>((resolve) => {
      cdp.on('Target.receivedMessageFromTarget' as never, ((e: { message: string }) => {
        const m = JSON.parse(e.message) as { id?: number; result?: { usedSize: number } };
        if (m.id === 1 && m.result) resolve(m.result);
      }) as never);
    });
    await cdp.send('Target.sendMessageToTarget' as never, { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.getHeapUsage' }) } as never);
    const { usedSize } = await usage;
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    return usedSize;
  } finally {
    await cdp.detach();
  }
}

async function timed(reps: number, run: () => Promise<number>): Promise<{ medianMs: number; firstMs: number }> {
  const times: number[] = [];
  for (let i = 0; i < reps; i++) times.push(await run());
  return { medianMs: median(times), firstMs: times[0] };
}

/** The reads the Performance list names, `reps` times each (median), and the store's size. */
async function measure(context: BrowserContext, page: Page, stored: number, person: string, reps: number) {
  const rows: { name: string; medianMs: number; firstMs: number }[] = [];
  const heap: number[] = [];
  const query = async (name: string, type: string, data: unknown) => {
    rows.push({ name, ...(await timed(reps, async () => (await ask(page, type, data)).ms)) });
    const used = await workerHeap(context);
    if (used !== null) heap.push(used);
  };
  await query('events first page', 'query.events', { filter: {}, limit: 50 });
  await query('daily $pageview counts over 30 days', 'query.trends', { series: [{ name: 'pv', event: '$pageview' }], from: END - 30 * DAY, to: END, interval: 'day', timeZone: 'Europe/Berlin' });
  await query('session list page', 'query.sessions', { filter: {}, limit: 50 });
  await query('person profile', 'query.person', { distinctId: person });
  const preview = { action: { steps: [{ event: '$autocapture', selector: 'div.product-actions > button[data-attr="add-to-cart"]' }] }, site: null, now: END, latest: 50 };
  rows.push({ name: "one action's preview (all windows + per day + latest 50)", ...(await timed(reps, async () => (await previewThroughPort(page as never, preview)).ms)) });
  const estimate = await page.evaluate(() => navigator.storage.estimate());
  return { events: stored, rows, usageBytes: estimate.usage ?? null, bytesPerEvent: estimate.usage ? estimate.usage / stored : null, heapBytes: heap.length ? Math.max(...heap) : null };
}

/** Fill up to the last checkpoint, measuring at each; `persons` sizes the generator (13,000 ≈ 1M events over 30 days). */
export async function millionTimings(executablePath: string, args: string[], checkpoints: number[], persons: number, reps = 5) {
  const { context, id, close } = await launchBenchExtension(executablePath, args);
  try {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/popup.html`);
    const results = [];
    let stored = 0;
    let person = '';
    let fillMs = 0;
    const goal = checkpoints[checkpoints.length - 1];
    const events = generateSiteEvents({ seed: 2026, persons, start: START, days: 30, limit: goal });
    let next = 0;
    // Slices no bigger than the first checkpoint, so each checkpoint is measured where it falls.
    for (const slice of chunked(events, Math.min(10_000, checkpoints[0]))) {
      const t0 = Date.now();
      stored += await seedThroughExtensionPage(page as never, slice, 10_000, MAX_IMPORT_BATCH); // as the import page sends
      fillMs += Date.now() - t0;
      // Progress on stderr: filling 1M takes most of an hour on a loaded machine.
      if (stored % 100_000 < slice.length) console.error(`  million: ${stored} events stored, ${Math.round(stored / (fillMs / 1000))} events/s`);
      person ||= String(slice.find((e) => e.event === '$identify')?.distinct_id ?? '');
      if (stored >= checkpoints[next]) {
        results.push({ ...(await measure(context, page, stored, person, reps)), fillMs, fillPerSec: stored / (fillMs / 1000) });
        console.error(`  million: checkpoint ${JSON.stringify(results[results.length - 1])}`); // kept if a later one never comes
        next++;
        if (next === checkpoints.length) break;
      }
    }
    return { checkpoints: results };
  } finally {
    await close();
  }
}
