// @ts-nocheck
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

/** A database as schema v2 created it (frozen history): series, counts, refs keyed without the type. */
async function v2Database(factory: IDBFactory, stored: typeof events) {
  await v1Database(factory, stored);
  const db = await openDB('lasso', 2, {
    upgrade(db) {
      db.createObjectStore('chains', { keyPath: 'id', autoIncrement: true }).createIndex('chain', 'chain', { unique: true });
      db.createObjectStore('urls', { keyPath: 'id', autoIncrement: true }).createIndex('url', 'url', { unique: true });
      const series = db.createObjectStore('series', { keyPath: ['event', 'chain', 'url', 'host'] });
      series.createIndex('host', 'host');
      series.createIndex('event', 'event');
      const counts = db.createObjectStore('counts', { keyPath: ['event', 'chain', 'url', 'host', 'hour'] });
      counts.createIndex('hour', 'hour');
      counts.createIndex('host_hour', ['host', 'hour']);
      db.createObjectStore('refs');
      db.createObjectStore('actions', { keyPath: 'id' }).createIndex('site', 'site');
    },
  });
  // A v2 index row of the old shape (and a chain id the rebuild must reuse), plus a saved action.
  await db.put('chains', { chain: 'stale:' });
  await db.put('series', { event: '$autocapture', chain: 1, url: 0, host: 'shop.test', n: 99, first: 0, last: 0 });
  await db.put('refs', 0, ['$autocapture', 1, 0, 'shop.test', -1, 'gone']);
  await db.put('actions', ACTION);
  await db.put('actions', BLOG_ACTION);
  db.close();
}
/** v2 actions are scoped by hostname: blog.test's events were all stored on blog.test:8080. */
const BLOG_ACTION = { id: 'b1', site: 'blog.test', name: 'Read', steps: [{ event: '$pageview' }], created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z' };
const ACTION = { id: 'a1', site: 'shop.test', name: 'Kept', steps: [{ event: '$pageview' }], created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z' };

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
    // v4: tab lists go by Lasso's window id; the index on the page-settable `$window_id` is gone.
    expect([...migrated.transaction('events').store.indexNames]).toEqual(expect.arrayContaining(['lasso_window_time']));
    expect(migrated.transaction('events').store.indexNames.contains('window_time' as never)).toBe(false);
  });

  it('a v1 database without events upgrades to empty tables', async () => {
    const factory = new IDBFactory();
    await v1Database(factory, []);
    const migrated = await openLassoDB(factory);
    expect(await indexOf(migrated)).toEqual(expectedIndexOf([]));
  });
});

describe('schema v3 (series keyed by $event_type)', () => {
  it('v2 → v3 in one upgrade: the index rebuilt with the type, old rows gone, every event kept, actions moved to host with port', async () => {
    const factory = new IDBFactory();
    await v2Database(factory, events);
    const migrated = await openLassoDB(factory);
    expect(migrated.version).toBe(DB_VERSION);
    expect(await countEvents(migrated)).toBe(events.length);
    const index = await indexOf(migrated);
    const want = expectedIndexOf(events);
    expect({ ...index, chains: index.chains.filter((c) => c !== 'stale:') }).toEqual(want);
    expect(await migrated.getAll('actions')).toEqual([ACTION, { ...BLOG_ACTION, site: 'blog.test:8080' }]);
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
