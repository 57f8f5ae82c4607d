// @ts-nocheck
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import type { CaptureEvent } from '../../src/events/types';
import { groupsFromEvents } from '../../src/persons/groups';
import { ingestEvents } from '../../src/store/events';
import { getGroup, listGroups, listGroupTypes } from '../../src/store/group-queries';
import { DB_VERSION, openLassoDB, type LassoDatabase } from '../../src/store/schema';
import { groupStream } from '../support/group-stream';
import { randomBatches } from '../support/people-stream';
import { at, ev } from '../support/person-events';

const sortWarnings = (list: { uuid: string; reason: string }[]) =>
  [...list].sort((a, b) => (a.uuid < b.uuid ? -1 : a.uuid > b.uuid ? 1 : a.reason < b.reason ? -1 : 1));

/** Every stored group through the queries (all pages), and every warning (sorted). */
async function storedGroups(db: LassoDatabase) {
  const groups = [];
  for (const { group_type } of await listGroupTypes(db)) {
    let after: string | undefined;
    do {
      const page = await listGroups(db, group_type, { limit: 2, after });
      groups.push(...page.groups);
      after = page.next ?? undefined;
    } while (after !== undefined);
  }
  const warnings = (await db.getAll('group_warnings')).map(({ uuid, reason }) => ({ uuid, reason }));
  return { groups, warnings: sortWarnings(warnings) };
}
const defined = (events: CaptureEvent[]) => {
  const { groups, warnings } = groupsFromEvents(events);
  return { groups, warnings: sortWarnings(warnings) };
};

describe('groups in the store equal groupsFromEvents (property test)', () => {
  it.each(Array.from({ length: 16 }, (_, i) => i + 1))('seed %i: random batches in random order', async (seed) => {
    const events = groupStream(seed, 200);
    const db = await openLassoDB(new IDBFactory());
    for (const batch of randomBatches(events, seed * 7, 25)) await ingestEvents(db, batch);
    expect(await storedGroups(db)).toEqual(defined(events));
    db.close();
  });

  it.each([1, 2])('seed %i: in time order, one by one (the incremental path only)', async (seed) => {
    const events = [...groupStream(seed + 50, 120)].sort((a, b) => a.timestamp.localeCompare(b.timestamp) || (a.uuid < b.uuid ? -1 : 1));
    const db = await openLassoDB(new IDBFactory());
    for (const event of events) await ingestEvents(db, [event]);
    expect(await storedGroups(db)).toEqual(defined(events));
    db.close();
  });
});

const gid = (n: number, type: string, key: string, set: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) =>
  ev(n, '$groupidentify', 'user', { $group_type: type, $group_key: key, $group_set: set, ...extra });

describe('groups: late events', () => {
  it.each<[string, CaptureEvent[], Array<[string, number, string]>]>([
    ['a late event with an earlier new type shifts the indexes of later types',
      [gid(5, 'company', 'acme'), gid(1, 'project', 'p1')], [['project', 0, 'p1'], ['company', 1, 'acme']]],
    ['a late sixth type first seen before the others pushes the last-seen type out',
      [gid(10, 't0', 'k'), gid(11, 't1', 'k'), gid(12, 't2', 'k'), gid(13, 't3', 'k'), gid(14, 't4', 'k'), gid(0, 'early', 'k')],
      [['early', 0, 'k'], ['t0', 1, 'k'], ['t1', 2, 'k'], ['t2', 3, 'k'], ['t3', 4, 'k']]],
  ])('%s', async (_name, events, expected) => {
    const db = await openLassoDB(new IDBFactory());
    for (const event of events) await ingestEvents(db, [event]);
    const { groups } = await storedGroups(db);
    expect(groups.map((g) => [g.group_type, g.group_type_index, g.group_key])).toEqual(expected);
    expect(await storedGroups(db)).toEqual(defined(events));
    db.close();
  });

  it('a late $groupidentify re-derives the group: the latest $group_set by event time wins', async () => {
    const db = await openLassoDB(new IDBFactory());
    await ingestEvents(db, [gid(2, 'company', 'acme', { plan: 'paid' })]);
    await ingestEvents(db, [gid(1, 'company', 'acme', { plan: 'free', name: 'Acme' })]);
    expect((await getGroup(db, 'company', 'acme'))?.group).toEqual({ group_type: 'company', group_type_index: 0, group_key: 'acme', properties: { plan: 'paid', name: 'Acme' }, created_at: at(1) });
    db.close();
  });
});

describe('groups: queries', () => {
  it('one group with its latest events (by $groups), newest first; other groups’ events are not among them', async () => {
    const db = await openLassoDB(new IDBFactory());
    await ingestEvents(db, [
      gid(0, 'company', 'acme', { name: 'Acme' }),
      ev(1, '$pageview', 'a', { $groups: { company: 'acme' } }),
      ev(2, '$pageview', 'b', { $groups: { company: 'globex' } }),
      ev(3, 'signed_up', 'a', { $groups: { company: 'acme', project: 'p' } }),
    ]);
    const found = await getGroup(db, 'company', 'acme');
    expect(found?.group.properties).toEqual({ name: 'Acme' });
    expect(found?.events.map((e) => e.uuid)).toEqual(['u03', 'u01']);
    expect((await getGroup(db, 'company', 'acme', 1))?.events.map((e) => e.uuid)).toEqual(['u03']);
    expect(await getGroup(db, 'company', 'globex')).toBeUndefined(); // never identified: no group
    expect(await listGroupTypes(db)).toEqual([{ group_type: 'company', group_type_index: 0 }, { group_type: 'project', group_type_index: 1 }]);
    db.close();
  });
});

describe('groups: the v5 upgrade builds them from stored events', () => {
  it('a v1 database (the oldest) with group events gets the groups groupsFromEvents defines', async () => {
    const events = groupStream(77, 200);
    const factory = new IDBFactory();
    (globalThis as { indexedDB: IDBFactory }).indexedDB = factory;
    const v1 = await openDB('lasso', 1, {
      upgrade(db) {
        const s = db.createObjectStore('events', { keyPath: 'uuid' });
        for (const [name, path] of [['timestamp', 'timestamp'], ['event', 'event'], ['distinct_id', 'distinct_id'], ['session', 'properties.$session_id'], ['host', 'properties.$host']]) s.createIndex(name, path);
      },
    });
    for (const e of events) await v1.put('events', e);
    v1.close();
    const db = await openLassoDB(factory);
    expect(db.version).toBe(DB_VERSION);
    expect(await storedGroups(db)).toEqual(defined(events));
    db.close();
  });
});
