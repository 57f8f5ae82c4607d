// v7's `event_people` keys (src/store/event-people.ts): who did which event when, with the instant
// cohort membership reads from the timestamp, and the ranges cohorts read them by.
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { CaptureEvent } from '../../src/events/types';
import { eventFromKey, eventPeopleKeys, eventPersonKey, keyReader } from '../../src/store/event-people';
import { ingestEvents } from '../../src/store/events';
import { openLassoDB } from '../../src/store/schema';

const ev = (uuid: string, timestamp: unknown, distinct_id: unknown = 'u1', event = 'x'): CaptureEvent =>
  ({ uuid, event, distinct_id, timestamp, properties: {} }) as unknown as CaptureEvent;

const T = Date.UTC(2026, 10, 24, 10, 0, 0);

describe('eventPersonKey: [event, instant, distinct_id, uuid]', () => {
  it.each<[string, CaptureEvent, ReturnType<typeof eventPersonKey>]>([
    ['an ISO UTC timestamp', ev('a', '2026-11-24T10:00:00.000Z'), ['x', T, 'u1', 'a']],
    ['a zone offset: its instant', ev('b', '2026-11-24T15:00:00+05:00'), ['x', T, 'u1', 'b']],
    ['a space instead of T, no zone (PostHog reads it as UTC)', ev('c', '2026-11-24 10:00:00'), ['x', T, 'u1', 'c']],
    ['more than three fraction digits', ev('d', '2026-11-24T10:00:00.1234567Z'), ['x', T + 123, 'u1', 'd']],
    ['a numeric distinct_id: as a string', ev('e', '2026-11-24T10:00:00Z', 42), ['x', T, '42', 'e']],
    ['an unreadable timestamp: no key', ev('f', 'yesterday-ish'), null],
    ['a relative date is no instant: no key', ev('g', '-7d'), null],
    ['a non-string timestamp: no key', ev('h', 1_700_000_000_000), null],
    ['an empty timestamp: no key', ev('i', ''), null],
  ])('%s', (_name, event, key) => {
    expect(eventPersonKey(event)).toEqual(key);
  });
});

describe('reading keys by name and inclusive range', () => {
  const events = [
    ev('e1', new Date(T - 1).toISOString(), 'early'),
    ev('e2', new Date(T).toISOString(), 'first-ms'),
    ev('e3', new Date(T + 500).toISOString(), 'middle'),
    ev('e4', new Date(T + 1000).toISOString(), 'last-ms'),
    ev('e5', new Date(T + 1001).toISOString(), 'late'),
    ev('o1', new Date(T + 500).toISOString(), 'other', 'y'),
  ];

  it.each<[string, [number, number], string[]]>([
    ['both ends inclusive, to the millisecond', [T, T + 1000], ['first-ms', 'middle', 'last-ms']],
    ['one instant', [T + 500, T + 500], ['middle']],
    ['unbounded below', [-Infinity, T], ['early', 'first-ms']],
    ['unbounded above', [T + 1000, Infinity], ['last-ms', 'late']],
    ['everything', [-Infinity, Infinity], ['early', 'first-ms', 'middle', 'last-ms', 'late']],
    ['an end before the start: nothing', [T + 10, T], []],
  ])('%s', async (_name, range, ids) => {
    const db = await openLassoDB(new IDBFactory());
    await ingestEvents(db, events);
    const store = db.transaction('event_people').store;
    const keys = await eventPeopleKeys(store, 'x', range);
    expect(keys.map((k) => k[2])).toEqual(ids); // in time order, the other name left out
    db.close();
  });

  it('eventFromKey gives the event its name, instant, person and uuid, and only the properties it is given', async () => {
    const db = await openLassoDB(new IDBFactory());
    await ingestEvents(db, [ev('z1', '2026-11-24T15:00:00.250+05:00', 'zoned')]);
    const [key] = await eventPeopleKeys(db.transaction('event_people').store, 'x', [T, T + 1000]);
    expect(eventFromKey(key)).toEqual({ uuid: 'z1', event: 'x', distinct_id: 'zoned', timestamp: '2026-11-24T10:00:00.250Z', properties: {} });
    expect(eventFromKey(key, { $host: 'shop.test' }).properties).toEqual({ $host: 'shop.test' });
    db.close();
  });

  it('keyReader reads each name and range once, counting the keys it read', async () => {
    const db = await openLassoDB(new IDBFactory());
    await ingestEvents(db, events);
    const store = db.transaction('event_people').store;
    let requests = 0;
    const counting = { getAllKeys: (range: IDBKeyRange) => (requests++, store.getAllKeys(range)) };
    const counter = { reads: 0 };
    const keysOf = keyReader(counting, counter);
    const [a, b] = await Promise.all([keysOf('x', [T, T + 1000]), keysOf('x', [T, T + 1000])]);
    expect(b).toBe(a);
    expect(a.map((k) => k[3])).toEqual(['e2', 'e3', 'e4']);
    expect([requests, counter.reads]).toEqual([1, 3]);
    // Another range or another name is another read.
    await keysOf('x', [T, T + 500]);
    await keysOf('y', [T, T + 1000]);
    expect([requests, counter.reads]).toEqual([3, 3 + 2 + 1]);
    db.close();
  });
});
