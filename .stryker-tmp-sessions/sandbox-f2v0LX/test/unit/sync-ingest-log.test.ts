// @ts-nocheck
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ingestEvents } from '../../src/store/events';
import { countLogAfter, EXACT_COUNT_UP_TO, lastLogKey, readLogAfter } from '../../src/store/ingest-log';
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

  it('counts what lies after a cursor: exactly in a short backlog (a gap of aborted keys is not counted), by keys in a long one', async () => {
    const db = await openLassoDB(new IDBFactory());
    await ingestEvents(db, events.slice(0, 100));
    // An ingest that took keys and aborted leaves a gap in the keys.
    const tx = db.transaction('ingest_log', 'readwrite');
    void tx.store.add('never-stored').catch(() => undefined);
    tx.abort();
    await tx.done.catch(() => undefined);
    await ingestEvents(db, events.slice(100, 110));
    expect(await countLogAfter(db, 0)).toBe(110);
    expect(await countLogAfter(db, 105)).toBe((await readLogAfter(db, 105, 1_000)).length);
    expect(await countLogAfter(db, await lastLogKey(db))).toBe(0);
    const many = generateEvents({ count: EXACT_COUNT_UP_TO + 50, seed: 3, days: 3 });
    for (let i = 0; i < many.length; i += 1_000) await ingestEvents(db, many.slice(i, i + 1_000));
    expect(await countLogAfter(db, 10)).toBe((await lastLogKey(db)) - 10);
  });

  it('a deleted event leaves its row, read as null (deleted before delivery)', async () => {
    const db = await openLassoDB(new IDBFactory());
    await ingestEvents(db, events.slice(0, 5));
    await db.delete('events', events[2].uuid);
    expect((await readLogAfter(db, 0, 10)).map((r) => r.event?.uuid ?? null)).toEqual([events[0].uuid, events[1].uuid, null, events[3].uuid, events[4].uuid]);
  });

  it.each([
    ['a dense stretch (one range read)', 0, 40],
    ['a sparse stretch of ids spread between the stored ones (the range read stops at its bound)', 200, 20],
    ['a sparse stretch larger than the rest', 200, 1_000],
  ])('reads every logged event of %s, deleted ones as null', async (_, after, limit) => {
    const db = await openLassoDB(new IDBFactory());
    await ingestEvents(db, events);
    // Late arrivals whose ids lie between stored ones all over key order (as an import of old events).
    const byKey = events.map((e) => e.uuid).sort();
    const late = events.slice(0, 30).map((e, i) => {
      const near = byKey[i * 6];
      return { ...e, uuid: `${near.slice(0, -1)}${near.endsWith('0') ? '1' : '0'}` };
    });
    await ingestEvents(db, late);
    const gone = [events[after + 3]?.uuid, late[5].uuid, late[17].uuid].filter(Boolean) as string[];
    for (const uuid of gone) await db.delete('events', uuid);
    const rows = await readLogAfter(db, after, limit);
    const logged = [...events, ...late].slice(after, after + limit);
    expect(rows.map((row) => row.entry.uuid)).toEqual(logged.map((e) => e.uuid));
    for (const row of rows) expect(row.event, row.entry.uuid).toEqual(gone.includes(row.entry.uuid) ? null : logged.find((e) => e.uuid === row.entry.uuid));
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
