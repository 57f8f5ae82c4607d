// @ts-nocheck
// Bundled for Node by scripts/bench/ingest.mjs: bulk ingest through the real import path
// (file → import page → background → store, index included) next to bare IndexedDB puts of the
// same events in the same browser, same run.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import type { CaptureEvent } from '../../src/events/types';
import { generateEvents } from '../fixtures/generate-events';

/**
 * How bare writes of the same events go, 500 per transaction, events/s, into a scratch database:
 * - `plain`: one put per event into a store without indexes (the "bare idb puts");
 * - `indexed`: into a store with the events store's six indexes (v6);
 * - `rows`: the indexed put plus one `refs` add, one `counts` put and one `series` put per event
 *   (the index rows ingest writes on data where nearly every event opens a series-hour), with no
 *   reads and no JS work: the floor of what ingest into this schema can reach.
 */
type BareMode = 'plain' | 'indexed' | 'rows';
async function barePuts(page: Page, events: CaptureEvent[], mode: BareMode): Promise<number> {
  await page.evaluate(() => ((globalThis as unknown as { benchEvents: unknown[] }).benchEvents = []));
  for (let i = 0; i < events.length; i += 5_000) {
    await page.evaluate((chunk) => (globalThis as unknown as { benchEvents: unknown[] }).benchEvents.push(...chunk), events.slice(i, i + 5_000));
  }
  const ms = await page.evaluate(async (mode) => {
    const all = (globalThis as unknown as { benchEvents: CaptureEvent[] }).benchEvents;
    const name = `lasso-bench-bare-${mode}`;
    const indexed = mode !== 'plain';
    await new Promise((done) => Object.assign(indexedDB.deleteDatabase(name), { onsuccess: done, onerror: done }));
    const db = await new Promise<IDBDatabase>((done, fail) => {
      const open = indexedDB.open(name, 1);
      open.onupgradeneeded = () => {
        const store = open.result.createObjectStore('events', { keyPath: 'uuid' });
        // The same indexes as Lasso's `events` store (src/store/schema.ts, v6).
        if (indexed) {
          store.createIndex('timestamp', 'timestamp');
          for (const [index, first] of [['lasso_window_time', 'properties.$lasso_window_id'], ['host_time', 'properties.$host'], ['distinct_time', 'distinct_id'], ['session_time', 'properties.$session_id'], ['event_time', 'event']])
            store.createIndex(index, [first, 'timestamp']);
        }
        open.result.createObjectStore('refs');
        const series = open.result.createObjectStore('series', { keyPath: ['event', 'chain', 'url', 'host', 'type'] });
        series.createIndex('chain', 'chain');
        series.createIndex('url', 'url');
        open.result.createObjectStore('counts', { keyPath: ['event', 'chain', 'url', 'host', 'type', 'hour'] });
      };
      open.onsuccess = () => done(open.result);
      open.onerror = () => fail(open.error);
    });
    const t0 = performance.now();
    for (let i = 0; i < all.length; i += 500) {
      const tx = db.transaction(['events', 'refs', 'series', 'counts'], 'readwrite');
      all.slice(i, i + 500).forEach((e, j) => {
        tx.objectStore('events').put(e);
        if (mode !== 'rows') return;
        // Synthetic ids: distinct per event, as on the generator's data (a worst case for series).
        const parts = { event: e.event, chain: i + j, url: (i + j) % 800, host: String(e.properties.$host), type: '' };
        const ms = Date.parse(e.timestamp);
        tx.objectStore('refs').add(0, [parts.event, parts.chain, parts.url, parts.host, parts.type, -ms, e.uuid]);
        tx.objectStore('counts').put({ ...parts, hour: Math.floor(ms / 3_600_000), n: 1 });
        tx.objectStore('series').put({ ...parts, n: 1, first: ms, last: ms });
      });
      await new Promise((done, fail) => Object.assign(tx, { oncomplete: done, onerror: () => fail(tx.error) }));
    }
    const elapsed = performance.now() - t0;
    db.close();
    indexedDB.deleteDatabase(name);
    (globalThis as unknown as { benchEvents: unknown[] }).benchEvents = [];
    return elapsed;
  }, mode);
  return events.length / (ms / 1000);
}

/** Import `file` through the import page; events/s (from the Import click to the report) and the report's counts. */
async function importThroughPage(page: Page, file: string, count: number) {
  await page.locator('#import-file').setInputFiles(file);
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const report = page.getByTestId('import-report');
  await report.waitFor({ timeout: 30 * 60_000 });
  const ms = Date.now() - t0;
  const imported = Number(await report.getByTestId('imported').textContent());
  if (imported !== count) throw new Error(`import stored ${imported} of ${count} events: ${await report.textContent()}`);
  return { perSec: count / (ms / 1000), ms };
}

export async function ingestTiming(executablePath: string, args: string[], count: number) {
  // BENCH_EXTENSION: another build's directory (e.g. main's, to compare in the same conditions).
  const ext = resolve(process.env.BENCH_EXTENSION ?? '.output/chrome-mv3');
  const profile = mkdtempSync(join(tmpdir(), 'lasso-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`, ...args],
  });
  try {
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const page = await context.newPage();
    await page.goto(`chrome-extension://${new URL(sw.url()).host}/import.html`);
    const events = generateEvents({ count, seed: 2026 });
    const file = join(profile, 'events.jsonl');
    writeFileSync(file, events.map((e) => JSON.stringify(e)).join('\n') + '\n');
    const bare = await barePuts(page as never, events, 'plain');
    const bareIndexed = await barePuts(page as never, events, 'indexed');
    const rowsFloor = await barePuts(page as never, events, 'rows');
    const imported = await importThroughPage(page as never, file, count);
    return { events: count, bytes: events.reduce((n, e) => n + JSON.stringify(e).length + 1, 0), barePerSec: bare, bareIndexedPerSec: bareIndexed, rowsFloorPerSec: rowsFloor, importPerSec: imported.perSec, importMs: imported.ms, ratio: imported.perSec / bare };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
