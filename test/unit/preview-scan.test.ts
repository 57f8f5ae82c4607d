import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { CaptureEvent } from '../../src/events/types';
import { SCAN_CHUNK, scanSeries } from '../../src/preview/scan';
import { ingestEvents } from '../../src/store/events';
import { openLassoDB } from '../../src/store/schema';

/** scanSeries paging one series across transactions (SCAN_CHUNK events each), and no candidates at all. */
const NOW = Date.UTC(2026, 10, 28, 12, 30);
const uuid = (i: number) => `0190a0a0-0000-7000-8000-${String(i).padStart(12, '0')}`;
const pageview = (i: number): CaptureEvent => ({
  uuid: uuid(i), event: '$pageview', distinct_id: 'p', timestamp: new Date(NOW - i * 1000).toISOString(), properties: { $host: 'shop.test', $current_url: 'https://shop.test/', n: i },
});

describe('scanSeries', () => {
  // One series of two full chunks and one more event: three transactions, each event read once.
  // Pending: uuids 0 and 500; 500 is not a multiple of 3.
  it.each([
    ['every event matches', () => true, 1001, [0, 1, 2], [0, 500]],
    ['every third event matches (0, 3, …, 999)', (e: CaptureEvent) => (e.properties.n as number) % 3 === 0, 334, [0, 3, 6], [0]],
  ])('reads a series larger than a chunk once: %s', async (_name, matches, want, latest, pending) => {
    const db = await openLassoDB(new IDBFactory());
    expect(SCAN_CHUNK).toBe(500); // the table's numbers assume it
    const total = 1001;
    await ingestEvents(db, Array.from({ length: total }, (_, i) => pageview(i)));
    const series = await db.getAll('series');
    expect(series).toHaveLength(1);
    const progress: number[] = [];
    const { tally, counted } = await scanSeries(db, series, matches, { now: NOW, keep: 3, onProgress: (f) => progress.push(f), pending: new Set([uuid(0), uuid(500)]) });
    expect(tally.windows.all).toBe(want);
    expect(tally.latest.map((l) => l.uuid)).toEqual(latest.map(uuid));
    expect(progress).toEqual([500 / total, 1000 / total, 1]);
    expect([...counted].sort()).toEqual(pending.map(uuid));
  });

  it('with no candidates: an empty tally, progress 1, and onProgress may be left out', async () => {
    const db = await openLassoDB(new IDBFactory());
    const progress: number[] = [];
    expect((await scanSeries(db, [], () => true, { now: NOW, keep: 3, onProgress: (f) => progress.push(f) })).tally.windows.all).toBe(0);
    expect(progress).toEqual([1]);
    expect((await scanSeries(db, [], () => true, { now: NOW, keep: 3 })).tally.windows.all).toBe(0);
  });
});
