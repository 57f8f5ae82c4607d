// @ts-nocheck
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/store/catalog';
import { ingestEvents } from '../../src/store/events';
import { openLassoDB, type LassoDatabase } from '../../src/store/schema';
import { generateEvents, rng } from '../fixtures/generate-events';
import { expectedIndexOf, indexOf } from '../support/index-snapshot';

// Ingest merges series totals from the loaded catalog and reads a counts row only inside a
// series' stored [first, last] span (src/store/README.md "Ingest speed"). These tests hold the
// index equal to a naive pass whatever the arrival: shuffled, late events inside a span,
// resends, batches sent without waiting (as the import pipeline does), catalog loaded or not.

const events = generateEvents({ count: 900, seed: 21, days: 2 });

let db: LassoDatabase;
beforeEach(async () => {
  db = await openLassoDB(new IDBFactory());
});

/** `list` shuffled by a seeded generator. */
function shuffled<T>(list: T[], seed: number): T[] {
  const r = rng(seed);
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** `list` cut into batches of random sizes (1–150), some repeating a slice of earlier events. */
function batches<T>(list: T[], seed: number): T[][] {
  const r = rng(seed);
  const out: T[][] = [];
  for (let i = 0; i < list.length; ) {
    const size = 1 + Math.floor(r() * 150);
    const resend = i > 0 && r() < 0.3 ? list.slice(Math.max(0, i - 20), i) : [];
    out.push([...list.slice(i, i + size), ...resend]);
    i += size;
  }
  return out;
}

describe('ingest keeps the index exact whatever the arrival', () => {
  it.each([
    ['in time order, catalog loaded', 1, false, true, true],
    ['shuffled (late events inside stored spans), catalog loaded', 2, true, true, true],
    ['shuffled, catalog not loaded', 3, true, false, true],
    ['shuffled, batches sent without waiting for the previous one', 4, true, true, false],
    ['newest first, batches sent without waiting', 5, 'reverse', true, false],
  ] as const)('%s', async (_name, seed, order, withCatalog, sequential) => {
    if (withCatalog) await loadCatalog(db);
    const list = order === 'reverse' ? [...events].reverse() : order ? shuffled(events, seed) : events;
    const sent = batches(list, seed);
    if (sequential) for (const batch of sent) await ingestEvents(db, batch);
    else await Promise.all(sent.map((batch) => ingestEvents(db, batch)));
    expect(await indexOf(db)).toEqual(expectedIndexOf(events));
    if (withCatalog) {
      const catalog = await loadCatalog(db);
      const stored = await db.getAll('series');
      expect(stored.length).toBe(catalog.series.size);
      for (const row of stored) expect(catalog.series.get(`${row.event}\u0000${row.chain}\u0000${row.url}\u0000${row.host}\u0000${row.type}`)).toEqual(row);
    }
  });

  it('reports each event once as stored and every resend as a duplicate, even for batches in flight together', async () => {
    await loadCatalog(db);
    const sent = batches(shuffled(events, 9), 9);
    const results = await Promise.all(sent.map((batch) => ingestEvents(db, batch)));
    const stored = results.flatMap((r) => r.stored.map((e) => e.uuid));
    expect(stored.sort()).toEqual(events.map((e) => e.uuid).sort());
    expect(results.reduce((n, r) => n + r.duplicates.length, 0)).toBe(sent.flat().length - events.length);
  });
});
