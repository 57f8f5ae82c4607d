// @ts-nocheck
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { LassoDatabase } from '../../src/store/schema';
import { countEvents, ingestEvents } from '../../src/store/events';
import { deleteEvents, planDeletion } from '../../src/store/deletion';
import { personProfile } from '../../src/store/queries/persons';
import { DB_VERSION, openLassoDB } from '../../src/store/schema';
import { generateSiteEvents } from '../fixtures/people-data';
import { derivedOf } from '../support/derived-snapshot';
import { v5Database } from '../support/old-schema';
import { randomBatches } from '../support/people-stream';

const events = [...generateSiteEvents({ seed: 6, persons: 40, start: '2026-10-01T00:00:00Z', days: 10, quirks: true })];
const indexNames = (db: LassoDatabase, store: 'events' | 'series' | 'counts') => [...db.transaction(store).store.indexNames].sort();

/**
 * A v5 database holding `events` and what v5 derives from them, opened with the current code.
 * Today's ingest also writes v6's stores (the sync's ingest log), so the records are made by
 * ingesting into a current store in random batches and copied into every store v5 has.
 */
async function upgradedFrom5(factory: IDBFactory): Promise<LassoDatabase> {
  const source = await openLassoDB(new IDBFactory());
  for (const batch of randomBatches(events, 6)) await ingestEvents(source, batch);
  const old = await v5Database(factory);
  for (const name of [...old.objectStoreNames]) {
    const from = source.transaction(name as never).store as unknown as IDBObjectStoreLike;
    const [keys, values] = await Promise.all([from.getAllKeys(), from.getAll()]);
    const to = old.transaction(name as never, 'readwrite');
    const store = to.store as unknown as IDBObjectStoreLike;
    values.forEach((value, i) => void (store.keyPath === null ? store.put(value, keys[i]) : store.put(value)));
    await to.done;
  }
  source.close();
  old.close();
  return openLassoDB(factory);
}

interface IDBObjectStoreLike {
  keyPath: string | string[] | null;
  getAll(): Promise<unknown[]>;
  getAllKeys(): Promise<IDBValidKey[]>;
  put(value: unknown, key?: IDBValidKey): Promise<unknown>;
}

describe('schema v5 → v6: the unread indexes go, every record stays', () => {
  it('keeps events and everything derived from them, equal to a fresh v6 store of the same events', async () => {
    const db = await upgradedFrom5(new IDBFactory());
    const fresh = await openLassoDB(new IDBFactory());
    for (const batch of randomBatches(events, 6)) await ingestEvents(fresh, batch);
    expect(db.version).toBe(DB_VERSION);
    expect(await db.count('events')).toBe(events.length);
    expect(await derivedOf(db)).toEqual(await derivedOf(fresh));
    expect(indexNames(db, 'events')).toEqual(['distinct_time', 'event_time', 'host_time', 'lasso_window_time', 'session_time', 'timestamp']);
    expect(indexNames(db, 'series')).toEqual(['chain', 'url']);
    expect(indexNames(db, 'counts')).toEqual([]);
    expect(indexNames(db, 'events')).toEqual(indexNames(fresh, 'events'));
    db.close();
    fresh.close();
  });

  it('answers the reads that used the dropped indexes from the compound ones (per site count, person profile, site deletion)', async () => {
    const db = await upgradedFrom5(new IDBFactory());
    const site = String(events[0].properties.$host);
    const ofSite = events.filter((e) => e.properties.$host === site);
    expect(await countEvents(db, site)).toBe(ofSite.length);
    expect((await planDeletion(db, site)).events).toBe(ofSite.length);
    const id = String(events[events.length - 1].distinct_id);
    const profile = await personProfile(db, id);
    const ids = new Set(profile.distinctIds);
    expect(profile.distinctIds).toContain(id);
    expect(profile.eventCount).toBe(events.filter((e) => ids.has(String(e.distinct_id))).length);
    await deleteEvents(db, { kind: 'site', site });
    expect(await countEvents(db, site)).toBe(0);
    expect(await db.count('events')).toBe(events.length - ofSite.length);
    db.close();
  });
});
