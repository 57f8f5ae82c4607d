import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ingestEvents } from '../../src/store/events';
import { countLogAfter, lastLogKey, readLogAfter } from '../../src/store/ingest-log';
import { openLassoDB } from '../../src/store/schema';
import { generateEvents, rng } from '../fixtures/generate-events';
import { v1DatabaseWith } from '../support/old-schema';

// v6's ingest order (src/store/ingest-log.ts): one log row per newly stored event, in the ingest
// transaction; an upgraded database logs its existing events in timestamp order.

const events = generateEvents({ count: 200, seed: 17, days: 3 });

describe('ingest log', () => {
  it('logs each newly stored event once, in arrival order (resends and repeats are not logged)', async () => {
    const db = await openLassoDB(new IDBFactory());
    await ingestEvents(db, events.slice(100));
    await ingestEvents(db, [...events.slice(0, 100), ...events.slice(150, 160), events[0]]);
    const log = await readLogAfter(db, 0, 1_000);
    expect(log.map((r) => r.entry.uuid)).toEqual([...events.slice(100), ...events.slice(0, 100)].map((e) => e.uuid));
    expect(log.every((r) => r.event !== null)).toBe(true);
    expect(await lastLogKey(db)).toBe(200);
    expect(await countLogAfter(db, 150)).toBe(50);
  });

  it('a deleted event leaves its row, read as null (deleted before delivery)', async () => {
    const db = await openLassoDB(new IDBFactory());
    await ingestEvents(db, events.slice(0, 5));
    await db.delete('events', events[2].uuid);
    expect((await readLogAfter(db, 0, 10)).map((r) => r.event?.uuid ?? null)).toEqual([events[0].uuid, events[1].uuid, null, events[3].uuid, events[4].uuid]);
  });

  it('upgrading an older database logs its stored events in timestamp order', async () => {
    const factory = new IDBFactory();
    const r = rng(4);
    await v1DatabaseWith(factory, [...events].sort(() => r() - 0.5));
    const db = await openLassoDB(factory);
    const log = await readLogAfter(db, 0, 1_000);
    const byTime = [...events].sort((a, b) => (a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : a.uuid < b.uuid ? -1 : 1));
    expect(log.map((x) => x.entry.uuid)).toEqual(byTime.map((e) => e.uuid));
  });
});
