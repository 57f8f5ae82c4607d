// @ts-nocheck
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CaptureEvent } from '../../src/events/types';
import { countEvents, ingestEvents, latestForWindow } from '../../src/store/events';
import { openLassoDB, type LassoDatabase } from '../../src/store/schema';
import { withFirst } from '../../src/store/prefix';

let db: LassoDatabase;
beforeEach(async () => {
  db = await openLassoDB(new IDBFactory());
});

const ev = (n: number, window = 'w1'): CaptureEvent => ({
  uuid: `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`,
  event: n % 2 ? '$autocapture' : '$pageview',
  distinct_id: 'd',
  timestamp: new Date(Date.UTC(2026, 10, 28, 10, 0, n)).toISOString(),
  properties: { $window_id: 'page-chosen', $lasso_window_id: window, $session_id: 's', $host: 'shop.test' },
});

describe('event store', () => {
  it('stores a batch and ignores uuids it already has (resends) or that repeat in the batch', async () => {
    expect((await ingestEvents(db, [ev(1), ev(2), ev(2)])).stored).toHaveLength(2);
    const again = await ingestEvents(db, [ev(1), ev(2), ev(3)]);
    expect(again.stored.map((e) => e.uuid)).toEqual([ev(3).uuid]);
    expect(again.duplicates).toEqual([ev(1).uuid, ev(2).uuid]);
    expect(await countEvents(db)).toBe(3);
    expect(await db.get('events', ev(1).uuid)).toEqual(ev(1));
  });

  it('reads the latest events of one window, newest first, by index', async () => {
    await ingestEvents(db, [ev(1), ev(2, 'w2'), ev(3), ev(4), ev(5, 'w2')]);
    expect((await latestForWindow(db, 'w1', 2)).map((e) => e.uuid)).toEqual([ev(4).uuid, ev(3).uuid]);
    expect(await latestForWindow(db, 'nope', 5)).toEqual([]);
  });

  it.each([
    [undefined, 4],
    ['shop.test', 2],
    ['shop.test:8080', 1],
    ['other.test', 1],
    ['nowhere.test', 0],
  ])('counts stored events of host %s (port included) from the host index: %i', async (host, expected) => {
    const at = (n: number, $host: string): CaptureEvent => ({ ...ev(n), properties: { ...ev(n).properties, $host } });
    await ingestEvents(db, [ev(1), ev(2), at(3, 'shop.test:8080'), at(4, 'other.test')]);
    expect(await countEvents(db, host)).toBe(expected);
  });

  it('indexes events by name, session, distinct id and host (v6: on the [field, timestamp] indexes only)', async () => {
    await ingestEvents(db, [ev(1), ev(2), ev(3)]);
    expect(await db.countFromIndex('events', 'event_time', withFirst('$autocapture'))).toBe(2);
    expect(await db.countFromIndex('events', 'session_time', withFirst('s'))).toBe(3);
    expect(await db.countFromIndex('events', 'distinct_time', withFirst('d'))).toBe(3);
    expect(await db.countFromIndex('events', 'host_time', withFirst('shop.test'))).toBe(3);
    expect([...db.transaction('events').store.indexNames].sort()).toEqual(['distinct_time', 'event_time', 'host_time', 'lasso_window_time', 'session_time', 'timestamp']);
  });

  // Upgrades from older versions are tested on frozen v1 / v2 schemas in store-index.test.ts.
  it('reopening the database (same version) keeps stored events', async () => {
    const factory = new IDBFactory();
    const first = await openLassoDB(factory);
    await ingestEvents(first, [ev(1)]);
    first.close();
    const reopened = await openLassoDB(factory);
    expect(await countEvents(reopened)).toBe(1);
  });
});
