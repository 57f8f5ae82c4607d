import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadCatalog } from '../../src/store/catalog';
import { countEvents, ingestEvents } from '../../src/store/events';
import { DB_VERSION, openLassoDB, type LassoDatabase } from '../../src/store/schema';
import { generateEvents } from '../fixtures/generate-events';
import { expectedIndexOf, indexOf } from '../support/index-snapshot';

const events = generateEvents({ count: 1500, seed: 7 });

/** A database exactly as schema v1 created it (the v1 upgrade is frozen history). */
async function v1Database(factory: IDBFactory, stored: typeof events) {
  (globalThis as { indexedDB: IDBFactory }).indexedDB = factory;
  const db = await openDB('lasso', 1, {
    upgrade(db) {
      const s = db.createObjectStore('events', { keyPath: 'uuid' });
      s.createIndex('timestamp', 'timestamp');
      s.createIndex('event', 'event');
      s.createIndex('distinct_id', 'distinct_id');
      s.createIndex('session', 'properties.$session_id');
      s.createIndex('host', 'properties.$host');
      s.createIndex('window_time', ['properties.$window_id', 'timestamp']);
    },
  });
  const tx = db.transaction('events', 'readwrite');
  for (const e of stored) void tx.store.put(e);
  await tx.done;
  db.close();
}

let db: LassoDatabase;
beforeEach(async () => {
  db = await openLassoDB(new IDBFactory());
});
afterEach(() => vi.restoreAllMocks());

describe('schema v2', () => {
  it('migrates a v1 database: every event kept, chains/urls/series/counts/refs backfilled', async () => {
    const factory = new IDBFactory();
    await v1Database(factory, events);
    const migrated = await openLassoDB(factory);
    expect(migrated.version).toBe(DB_VERSION);
    expect(await countEvents(migrated)).toBe(events.length);
    expect((await migrated.getAll('events')).sort((a, b) => (a.uuid < b.uuid ? -1 : 1))).toEqual([...events].sort((a, b) => (a.uuid < b.uuid ? -1 : 1)));
    expect(await indexOf(migrated)).toEqual(expectedIndexOf(events));
    expect(migrated.objectStoreNames.contains('actions')).toBe(true);
  });

  it('a v1 database without events upgrades to empty tables', async () => {
    const factory = new IDBFactory();
    await v1Database(factory, []);
    const migrated = await openLassoDB(factory);
    expect(await indexOf(migrated)).toEqual(expectedIndexOf([]));
  });
});

describe('ingest files events into the index', () => {
  it('builds the same index as a naive pass over the events, across batches', async () => {
    for (let i = 0; i < events.length; i += 200) await ingestEvents(db, events.slice(i, i + 200));
    expect(await indexOf(db)).toEqual(expectedIndexOf(events));
  });

  it('dedupes by uuid: a resent batch changes neither events nor counts', async () => {
    const batch = events.slice(0, 300);
    await ingestEvents(db, batch);
    const again = await ingestEvents(db, [...batch, batch[0], events[300]]);
    expect(again.stored.map((e) => e.uuid)).toEqual([events[300].uuid]);
    expect(again.duplicates).toHaveLength(301);
    expect(await indexOf(db)).toEqual(expectedIndexOf(events.slice(0, 301)));
  });

  it('writes events and index in one transaction: a failing index write stores nothing', async () => {
    await ingestEvents(db, events.slice(0, 10));
    const before = await indexOf(db);
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
      if (this.name === 'counts') throw new DOMException('disk full', 'QuotaExceededError');
      return put.apply(this, args);
    });
    await expect(ingestEvents(db, events.slice(10, 20))).rejects.toThrow();
    vi.restoreAllMocks();
    expect(await countEvents(db)).toBe(10);
    expect(await indexOf(db)).toEqual(before);
    await ingestEvents(db, events.slice(10, 20)); // the resend then succeeds
    expect(await indexOf(db)).toEqual(expectedIndexOf(events.slice(0, 20)));
  });

  it('extends a loaded catalog with new chains, urls and series after commit', async () => {
    await ingestEvents(db, events.slice(0, 100));
    const catalog = await loadCatalog(db);
    await ingestEvents(db, events.slice(100, 400));
    const expected = expectedIndexOf(events.slice(0, 400));
    expect([...catalog.chains.values()].sort()).toEqual(expected.chains);
    expect([...catalog.urls.values()].sort()).toEqual(expected.urls);
    expect([...catalog.series.values()].reduce((n, s) => n + s.n, 0)).toBe(400);
  });
});
