// @ts-nocheck
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { CaptureEvent } from '../../src/events/types';
import { personsFromEvents, type Person } from '../../src/persons';
import { sessionsFromEvents } from '../../src/sessions';
import { ingestEvents } from '../../src/store/events';
import { listSessions } from '../../src/store/sessions';
import { DB_VERSION, openLassoDB, type LassoDatabase } from '../../src/store/schema';
import { generateSiteEvents } from '../fixtures/people-data';
import { peopleStream, randomBatches } from '../support/people-stream';
import { v1DatabaseWith } from '../support/old-schema';

/** Every stored person in the definition's shape and order, and every warning (sorted: the store keeps them by event). */
async function storedPersons(db: LassoDatabase) {
  const rows = await db.getAll('persons');
  const persons: Person[] = rows
    .map(({ distinct_ids, properties, created_at, is_identified }) => ({ distinct_ids, properties, created_at, is_identified }))
    .sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at) || (a.distinct_ids[0] < b.distinct_ids[0] ? -1 : 1));
  const warnings = (await db.getAll('person_warnings')).map(({ uuid, reason }) => ({ uuid, reason }));
  return { persons, warnings: sortWarnings(warnings) };
}
const sortWarnings = (list: { uuid: string; reason: string }[]) =>
  [...list].sort((a, b) => (a.uuid < b.uuid ? -1 : a.uuid > b.uuid ? 1 : a.reason < b.reason ? -1 : 1));
const defined = (events: CaptureEvent[]) => {
  const { persons, warnings } = personsFromEvents(events);
  return { persons, warnings: sortWarnings(warnings) };
};

describe('persons in the store equal personsFromEvents (property test)', { timeout: 60_000 }, () => {
  it.each(Array.from({ length: 16 }, (_, i) => i + 1))('seed %i: random batches in random order', async (seed) => {
    const events = peopleStream(seed, 250);
    const db = await openLassoDB(new IDBFactory());
    for (const batch of randomBatches(events, seed * 13)) await ingestEvents(db, batch);
    expect(await storedPersons(db)).toEqual(defined(events));
    db.close();
  });

  it.each([1, 2, 3])('seed %i: in time order, one by one (the incremental path only)', async (seed) => {
    const events = [...peopleStream(seed + 100, 200)].sort((a, b) => a.timestamp.localeCompare(b.timestamp) || (a.uuid < b.uuid ? -1 : 1));
    const db = await openLassoDB(new IDBFactory());
    for (const event of events) await ingestEvents(db, [event]);
    expect(await storedPersons(db)).toEqual(defined(events));
    db.close();
  });
});

describe('persons and sessions in the store on realistic data (the seeded site generator, merge quirks on)', { timeout: 60_000 }, () => {
  const events = [...generateSiteEvents({ seed: 5, persons: 60, start: '2026-10-01T00:00:00.000Z', days: 10, quirks: true })];

  it.each([
    ['in time order, capture-sized batches', (list: CaptureEvent[]) => Array.from({ length: Math.ceil(list.length / 5) }, (_, i) => list.slice(i * 5, i * 5 + 5))],
    ['shuffled, random batches (an import of an unordered file)', (list: CaptureEvent[]) => randomBatches(list, 99, 200)],
  ])('%s', async (_name, batches) => {
    expect(events.length).toBeGreaterThan(1000);
    const db = await openLassoDB(new IDBFactory());
    for (const batch of batches(events)) await ingestEvents(db, batch);
    const stored = await storedPersons(db);
    expect(stored).toEqual(defined(events));
    // The data has merges: some person holds several distinct ids.
    expect(stored.persons.some((p) => p.distinct_ids.length > 1)).toBe(true);
    const sessions = (await listSessions(db, { limit: 100_000 })).rows.map(({ host: _, ...row }) => row).reverse();
    expect(sessions).toEqual(sessionsFromEvents(events));
    db.close();
  });
});

describe('persons: a late event re-derives only what it touches', { timeout: 60_000 }, () => {
  const at = (s: number) => new Date(Date.parse('2026-11-01T10:00:00.000Z') + s * 1000).toISOString();
  const ev = (uuid: string, s: number, distinct_id: string, event = '$pageview', properties: Record<string, unknown> = {}): CaptureEvent => ({
    uuid: `0190a0a0-0000-7000-8000-${uuid.padStart(12, '0')}`, event, distinct_id, timestamp: at(s), properties,
  });

  it('an identify arriving after later events of the anonymous id gives the same person as in time order', async () => {
    const events = [
      ev('1', 0, 'anon', '$pageview', { $set: { plan: 'free' } }),
      ev('3', 20, 'anon', '$pageview', { $set: { plan: 'pro' } }),
      ev('2', 10, 'user', '$identify', { $anon_distinct_id: 'anon', $set: { plan: 'team', email: 'u@x.com' } }),
    ];
    const db = await openLassoDB(new IDBFactory());
    for (const e of events) await ingestEvents(db, [e]);
    const { persons } = await storedPersons(db);
    expect(persons).toEqual(personsFromEvents(events).persons);
    // In time order the later $set wins: the identify's 'team' is overwritten by the event at 20 s.
    expect(persons).toEqual([expect.objectContaining({ distinct_ids: ['anon', 'user'], is_identified: true, properties: expect.objectContaining({ plan: 'pro' }) })]);
    db.close();
  });

  it('an unrelated person is left as it was (same key) when another is re-derived', async () => {
    const db = await openLassoDB(new IDBFactory());
    await ingestEvents(db, [ev('1', 0, 'other'), ev('2', 50, 'anon')]);
    const before = await db.getFromIndex('persons', 'ids', 'other');
    await ingestEvents(db, [ev('3', 10, 'anon', '$set', { $set: { late: true } })]);
    expect(await db.getFromIndex('persons', 'ids', 'other')).toEqual(before);
    expect((await db.getFromIndex('persons', 'ids', 'anon'))?.properties).toMatchObject({ late: true });
    db.close();
  });
});

describe('schema v5', { timeout: 60_000 }, () => {
  it('builds the persons of the events an older database holds (v1, the oldest, upgraded)', async () => {
    const events = peopleStream(31, 250);
    const factory = new IDBFactory();
    await v1DatabaseWith(factory, events);
    const db = await openLassoDB(factory);
    expect(db.version).toBe(DB_VERSION);
    expect(await storedPersons(db)).toEqual(defined(events));
    db.close();
  });
});
