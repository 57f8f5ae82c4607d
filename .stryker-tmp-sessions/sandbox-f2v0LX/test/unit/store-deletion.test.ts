// @ts-nocheck
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { CaptureEvent } from '../../src/events/types';
import { loadCatalog } from '../../src/store/catalog';
import { deleteBatch, deleteEvents, deleteEverything, planDeletion } from '../../src/store/deletion';
import { ingestEvents } from '../../src/store/events';
import type { DeletionUpkeep } from '../../src/store/forget';
import { openLassoDB, type LassoDatabase } from '../../src/store/schema';
import { groupsFromEvents } from '../../src/persons/groups';
import { listGroups, listGroupTypes } from '../../src/store/group-queries';
import { derivedOf, expectedDerivedOf } from '../support/derived-snapshot';
import { groupStream } from '../support/group-stream';
import { peopleStream, prng, randomBatches } from '../support/people-stream';
import { at, identify, view } from '../support/person-events';

const CHAINS = ['button.buy:nth-child="1"nth-of-type="1"', 'a:href="/docs"nth-child="2"nth-of-type="1"', 'div.card:nth-child="3"nth-of-type="2"'];

/** peopleStream with element chains on autocaptures, so chains are filed and unfiled too. */
function stream(seed: number, count: number): CaptureEvent[] {
  const r = prng(seed + 500);
  return peopleStream(seed, count).map((e) =>
    e.event === '$autocapture' ? { ...e, properties: { ...e.properties, $elements_chain: CHAINS[Math.floor(r() * CHAINS.length)] } } : e,
  );
}

async function stored(events: CaptureEvent[], seed: number): Promise<LassoDatabase> {
  const db = await openLassoDB(new IDBFactory());
  for (const batch of randomBatches(events, seed)) await ingestEvents(db, batch);
  return db;
}

/** The store after a deletion must equal the store (and the definitions) of the remaining events alone. */
async function expectConsistent(db: LassoDatabase, remaining: CaptureEvent[]) {
  const fresh = await openLassoDB(new IDBFactory());
  if (remaining.length) await ingestEvents(fresh, remaining);
  const freshDerived = await derivedOf(fresh);
  const derived = await derivedOf(db);
  expect(derived).toEqual(expectedDerivedOf(remaining, freshDerived.links));
  expect(derived).toEqual(freshDerived);
  fresh.close();
}

describe('deleting events keeps the index, sessions and persons equal to the remaining events (property test)', () => {
  it.each(Array.from({ length: 10 }, (_, i) => i + 1))('seed %i: by age, at a random cut-off, in random batch sizes', async (seed) => {
    const events = stream(seed, 220);
    const db = await stored(events, seed * 3);
    const r = prng(seed * 17);
    const times = [...new Set(events.map((e) => e.timestamp))].sort();
    const cutoff = times[Math.floor(r() * times.length)];
    const batch = 1 + Math.floor(r() * 40);
    const { deleted, cancelled } = await deleteEvents(db, { kind: 'before', timestamp: cutoff }, { batch });
    const remaining = events.filter((e) => e.timestamp >= cutoff);
    expect({ deleted, cancelled }).toEqual({ deleted: events.length - remaining.length, cancelled: false });
    await expectConsistent(db, remaining);
    db.close();
  });

  it.each([1, 2, 3, 4])('seed %i: one site', async (seed) => {
    const events = stream(seed + 40, 220);
    const db = await stored(events, seed);
    const { deleted } = await deleteEvents(db, { kind: 'site', site: 'shop.test' }, { batch: 1 + seed * 9 });
    const remaining = events.filter((e) => e.properties.$host !== 'shop.test');
    expect(deleted).toBe(events.length - remaining.length);
    await expectConsistent(db, remaining);
    db.close();
  });

  it.each([1, 2, 3])('seed %i: the oldest N (what a full quota takes)', async (seed) => {
    const events = stream(seed + 80, 200);
    const db = await stored(events, seed);
    const n = 30 + seed * 25;
    await deleteEvents(db, { kind: 'oldest' }, { max: n, batch: 17 });
    const order = [...events].sort((a, b) => a.timestamp.localeCompare(b.timestamp) || (a.uuid < b.uuid ? -1 : 1));
    await expectConsistent(db, order.slice(n));
    db.close();
  });

  it('everything: events and all derived data go, actions stay unless asked for', async () => {
    const db = await stored(stream(7, 150), 7);
    await db.put('actions', { id: 'a1', site: 'shop.test', name: 'Buy' } as never);
    await deleteEverything(db);
    await expectConsistent(db, []);
    expect(await db.count('actions')).toBe(1);
    await deleteEverything(db, { actions: true });
    expect(await db.count('actions')).toBe(0);
    db.close();
  });
});

describe('deletion batches', () => {
  it('a failing upkeep aborts its whole batch: events and derived data unchanged', async () => {
    const events = stream(3, 120);
    const db = await stored(events, 3);
    const before = await derivedOf(db);
    const failing: DeletionUpkeep = { name: 'broken', stores: ['meta'], deleted: () => Promise.reject(new Error('upkeep failed')), cleared: async () => undefined };
    await expect(deleteBatch(db, { kind: 'oldest' }, 50, [failing])).rejects.toThrow('upkeep failed');
    expect(await derivedOf(db)).toEqual(before);
    db.close();
  });

  it('cancelling stops between batches: what went is whole batches, and the store stays consistent', async () => {
    const events = stream(4, 150);
    const db = await stored(events, 4);
    const controller = new AbortController();
    const seen: number[] = [];
    const result = await deleteEvents(db, { kind: 'oldest' }, {
      batch: 20,
      signal: controller.signal,
      onProgress: (n) => {
        seen.push(n);
        if (n >= 40) controller.abort();
      },
    });
    expect(result).toEqual({ deleted: 40, cancelled: true });
    expect(seen).toEqual([20, 40]);
    const order = [...events].sort((a, b) => a.timestamp.localeCompare(b.timestamp) || (a.uuid < b.uuid ? -1 : 1));
    await expectConsistent(db, order.slice(40));
    db.close();
  });

  it('the catalog is reloaded after a deletion (no series or chain of deleted events)', async () => {
    const events = stream(5, 150);
    const db = await stored(events, 5);
    expect((await loadCatalog(db)).chains.size).toBe(3);
    await deleteEvents(db, { kind: 'before', timestamp: '2100-01-01T00:00:00.000Z' });
    const catalog = await loadCatalog(db);
    expect({ chains: catalog.chains.size, urls: catalog.urls.size, series: catalog.series.size }).toEqual({ chains: 0, urls: 0, series: 0 });
    db.close();
  });
});

describe('persons after a deletion (Lasso differs from PostHog here: its persons are derived from the stored events)', () => {
  const persons = async (db: LassoDatabase) => (await db.getAll('persons')).map((p) => ({ ids: p.distinct_ids, properties: p.properties, identified: p.is_identified }));

  it('a person with no event left is deleted; PostHog would keep it', async () => {
    const db = await openLassoDB(new IDBFactory());
    await ingestEvents(db, [view(1, 'gone', { $host: 'old.test', $set: { plan: 'pro' } }), view(2, 'stays', { $host: 'new.test' })]);
    await deleteEvents(db, { kind: 'site', site: 'old.test' });
    expect(await persons(db)).toEqual([{ ids: ['stays'], properties: { $creator_event_uuid: 'u02' }, identified: false }]);
    db.close();
  });

  it('a merge whose $identify is deleted is undone, and the properties only it set go', async () => {
    const db = await openLassoDB(new IDBFactory());
    await ingestEvents(db, [view(1, 'anon', { $set: { a: 1 } }), identify(2, 'user', 'anon', { $set: { email: 'u@x.test' } }), view(3, 'user')]);
    expect(await persons(db)).toEqual([{ ids: ['anon', 'user'], properties: { $creator_event_uuid: 'u01', a: 1, email: 'u@x.test' }, identified: true }]);
    await deleteEvents(db, { kind: 'before', timestamp: at(3) });
    // The person is re-created by its first remaining event.
    expect(await persons(db)).toEqual([{ ids: ['user'], properties: { $creator_event_uuid: 'u03' }, identified: false }]);
    expect(await db.count('person_links')).toBe(0);
    db.close();
  });
});

describe('planDeletion (dry run)', () => {
  it('counts a site\'s events, sessions, persons and actions without changing anything', async () => {
    const events = stream(6, 200);
    const db = await stored(events, 6);
    await db.put('actions', { id: 'a1', site: 'shop.test', name: 'Buy' } as never);
    const before = await derivedOf(db);
    const plan = await planDeletion(db, 'shop.test');
    const siteSessions = (await db.getAll('sessions')).filter((s) => s.host === 'shop.test');
    const ids = new Set(siteSessions.flatMap((s) => s.ids));
    const persons = (await db.getAll('persons')).filter((p) => p.distinct_ids.some((id) => ids.has(id)));
    expect(plan).toEqual({ events: events.filter((e) => e.properties.$host === 'shop.test').length, sessions: siteSessions.length, persons: persons.length, actions: 1 });
    expect(await planDeletion(db)).toEqual({ events: events.length, sessions: await db.count('sessions'), persons: await db.count('persons'), actions: 1 });
    expect(await derivedOf(db)).toEqual(before);
    db.close();
  });
});

describe('deleting events keeps groups equal to the remaining events (property test)', () => {
  const sorted = (list: { uuid: string; reason: string }[]) => [...list].sort((a, b) => (a.uuid < b.uuid ? -1 : a.uuid > b.uuid ? 1 : a.reason < b.reason ? -1 : 1));
  /** Every stored group (all types, all pages) and every group warning, and the type rows. */
  async function groupsOf(db: LassoDatabase) {
    const groups = [];
    for (const { group_type } of await listGroupTypes(db)) groups.push(...(await listGroups(db, group_type, { limit: 10_000 })).groups);
    const warnings = sorted((await db.getAll('group_warnings')).map(({ uuid, reason }) => ({ uuid, reason })));
    return { groups, warnings, types: await db.getAll('group_types'), identifies: await db.getAllKeys('group_identifies'), events: await db.getAllKeys('group_events') };
  }

  it.each(Array.from({ length: 8 }, (_, i) => i + 1))('seed %i: by age at a random cut-off (types first seen in deleted events move or go)', async (seed) => {
    const events = groupStream(seed, 200);
    const db = await stored(events, seed * 5);
    const r = prng(seed * 31);
    const times = [...new Set(events.map((e) => e.timestamp))].sort();
    const cutoff = times[Math.floor(r() * times.length)];
    await deleteEvents(db, { kind: 'before', timestamp: cutoff }, { batch: 1 + Math.floor(r() * 30) });
    const remaining = events.filter((e) => e.timestamp >= cutoff);
    const fresh = await openLassoDB(new IDBFactory());
    if (remaining.length) await ingestEvents(fresh, remaining);
    const got = await groupsOf(db);
    const { groups, warnings } = groupsFromEvents(remaining);
    expect({ groups: got.groups, warnings: got.warnings }).toEqual({ groups, warnings: sorted(warnings) });
    expect(got).toEqual(await groupsOf(fresh));
    fresh.close();
    db.close();
  });
});
