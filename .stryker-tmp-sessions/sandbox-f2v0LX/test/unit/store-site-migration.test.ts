// @ts-nocheck
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StoredAction } from '../../src/actions/types';
import type { CaptureEvent } from '../../src/events/types';
import { listActions } from '../../src/store/actions';
import { countEvents, ingestEvents } from '../../src/store/events';
import { DB_VERSION, openLassoDB, upgrade, type LassoDB } from '../../src/store/schema';
import { rescopePlan } from '../../src/store/site-migration';

const at = '2026-11-01T10:00:00.000Z';
const action = (id: string, site: string, name = `action ${id}`): StoredAction => ({
  id, site, name, description: 'why it matters', tags: ['t'], steps: [{ event: '$autocapture', selector: `button.${id}` }], created_at: at, updated_at: at,
});
let n = 0;
const event = (host: string): CaptureEvent => ({
  uuid: `0190a0a0-0000-7000-8000-${String(n++).padStart(12, '0')}`, event: '$autocapture', distinct_id: 'd', timestamp: at,
  properties: { $host: host, $current_url: `http://${host}/`, $elements_chain: 'button:nth-child="1"nth-of-type="1"', $event_type: 'click' },
});
const ids = () => {
  let i = 0;
  return () => `new-${++i}`;
};

describe('rescopePlan: which v3 sites a v2 (hostname) action goes to', () => {
  it.each<[string, StoredAction[], [string, number][], StoredAction[]]>([
    ['one host with a port: moves there, same id', [action('a', '127.0.0.1')], [['127.0.0.1:8123', 4]], [action('a', '127.0.0.1:8123')]],
    ['events only on the default port: stays (nothing written)', [action('a', 'shop.test')], [['shop.test', 9]], []],
    ['no events for its hostname: stays', [action('a', 'gone.test')], [['shop.test', 9], ['127.0.0.1:80', 1]], []],
    [
      'several ports: its id on the busiest, a copy with a new id on each other',
      [action('a', '127.0.0.1')],
      [['127.0.0.1:5174', 2], ['127.0.0.1:8123', 7], ['127.0.0.1', 1]],
      [action('a', '127.0.0.1:8123'), { ...action('a', '127.0.0.1:5174'), id: 'new-1' }, { ...action('a', '127.0.0.1'), id: 'new-2' }],
    ],
    ['equally busy: the first site in sort order keeps the id', [action('a', 'localhost')], [['localhost:5000', 3], ['localhost:3000', 3]],
      [action('a', 'localhost:3000'), { ...action('a', 'localhost:5000'), id: 'new-1' }]],
    ['IPv6', [action('a', '[::1]')], [['[::1]:8080', 1]], [action('a', '[::1]:8080')]],
    ['a trailing dot was stripped from v2 sites', [action('a', 'shop.test')], [['shop.test.:8443', 1]], [action('a', 'shop.test.:8443')]],
    ['other hostnames are left alone', [action('a', 'a.test'), action('b', 'b.test')], [['a.test:1', 1]], [action('a', 'a.test:1')]],
  ])('%s', (_name, actions, hosts, writes) => {
    expect(rescopePlan(actions, new Map(hosts), ids())).toEqual(writes);
  });
});

/**
 * Actions and events as a v2 database holds them. The stores come from the current upgrade() run
 * to version 2 (so the index has v3's keys); test/unit/store-index.test.ts runs the migration on a
 * frozen v2 schema, index rebuild and action move together.
 */
async function v2Database(factory: IDBFactory, events: CaptureEvent[], actions: StoredAction[]): Promise<void> {
  (globalThis as { indexedDB: IDBFactory }).indexedDB = factory;
  const db = await openDB<LassoDB>('lasso', 2, { upgrade: (d, old, _new, tx) => void upgrade(d, old, tx) });
  await ingestEvents(db, events);
  const tx = db.transaction('actions', 'readwrite');
  for (const a of actions) void tx.store.put(a);
  await tx.done;
  db.close();
}

const EVENTS = [
  ...Array.from({ length: 3 }, () => event('127.0.0.1:8123')),
  event('127.0.0.1:5174'),
  ...Array.from({ length: 2 }, () => event('localhost:3000')),
  event('Shop.Test'), // an imported event with an upper-case $host
  event('other.test:9000'),
];
const OLD = [action('checkout', '127.0.0.1', 'Checkout'), action('signup', 'localhost', 'Sign up'), action('gone', 'nowhere.test', 'Gone'), action('shop', 'shop.test', 'Buy')];

describe('schema v2 → v3 moves actions to host with port', () => {
  afterEach(() => vi.restoreAllMocks());

  it('moves or copies every action, keeps every event and every field', async () => {
    const factory = new IDBFactory();
    await v2Database(factory, EVENTS, OLD);
    const db = await openLassoDB(factory);
    expect(db.version).toBe(DB_VERSION);
    expect(await countEvents(db)).toBe(EVENTS.length);

    expect(await listActions(db, '127.0.0.1:8123')).toEqual([action('checkout', '127.0.0.1:8123', 'Checkout')]);
    const [copy] = await listActions(db, '127.0.0.1:5174');
    expect(copy).toEqual({ ...action('checkout', '127.0.0.1:5174', 'Checkout'), id: copy.id });
    expect(copy.id).not.toBe('checkout');
    expect(await listActions(db, 'localhost:3000')).toEqual([action('signup', 'localhost:3000', 'Sign up')]);
    expect(await listActions(db, 'nowhere.test')).toEqual([action('gone', 'nowhere.test', 'Gone')]);
    expect(await listActions(db, 'shop.test')).toEqual([action('shop', 'shop.test', 'Buy')]);
    expect(await listActions(db, '127.0.0.1')).toEqual([]);
    expect(await listActions(db, 'localhost')).toEqual([]);
    expect(await db.count('actions')).toBe(OLD.length + 1);
    db.close();

    // Opening the v3 database again changes nothing.
    const again = await openLassoDB(factory);
    expect(await again.count('actions')).toBe(OLD.length + 1);
    expect((await listActions(again, '127.0.0.1:5174'))[0].id).toBe(copy.id);
  });

  it('a failing migration aborts the upgrade: the database stays v2 with its actions as they were', async () => {
    const factory = new IDBFactory();
    await v2Database(factory, EVENTS, OLD);
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
      if (this.name === 'actions') throw new DOMException('disk full', 'QuotaExceededError');
      return put.apply(this, args);
    });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(openLassoDB(factory)).rejects.toThrow();
    vi.restoreAllMocks();

    const v2 = await openDB<LassoDB>('lasso', 2);
    expect(v2.version).toBe(2);
    expect((await v2.getAll('actions')).sort((a, b) => a.id.localeCompare(b.id))).toEqual([...OLD].sort((a, b) => a.id.localeCompare(b.id)));
    expect(await v2.count('events')).toBe(EVENTS.length);
    v2.close();
    // … and the next start migrates it.
    const db = await openLassoDB(factory);
    expect(await listActions(db, '127.0.0.1:8123')).toHaveLength(1);
  });

  it('a v2 database without actions upgrades untouched', async () => {
    const factory = new IDBFactory();
    await v2Database(factory, EVENTS, []);
    const db = await openLassoDB(factory);
    expect(await db.count('actions')).toBe(0);
    expect(await countEvents(db)).toBe(EVENTS.length);
  });
});
