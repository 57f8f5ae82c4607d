// @ts-nocheck
// Bundled into a page by test/bench/ingest-profile.ts: runs ingest's steps one after another on
// a scratch database, counting IndexedDB requests by store and kind and timing each step
// (each step ends by waiting for every request it issued, so a step's time is its own).
import { unwrap } from 'idb';
import type { CaptureEvent } from '../../src/events/types';
import { loadCatalog, extendCatalog, loadedCatalog } from '../../src/store/catalog';
import { fileEvents } from '../../src/store/filing';
import { keepEventHours } from '../../src/store/event-hours';
import { keepGroups } from '../../src/store/groups';
import { keepPersons } from '../../src/store/persons';
import { keepSessions } from '../../src/store/sessions';
import { allowConstraintError, settled } from '../../src/store/requests';
import { INGEST_STORES, openLassoDB } from '../../src/store/schema';

type Counts = Record<string, number>;
const counts: Counts = {};
let current = 'events';

/** Count every request issued on object stores and indexes, under the running step. */
function instrument(): void {
  const wrap = (proto: object, kind: string, methods: string[]) => {
    for (const m of methods) {
      const original = (proto as Record<string, (...a: unknown[]) => unknown>)[m];
      (proto as Record<string, unknown>)[m] = function (this: IDBObjectStore | IDBIndex, ...args: unknown[]) {
        const store = 'objectStore' in this ? `${this.objectStore.name}.${this.name}` : this.name;
        const key = `${current} ${store} ${kind}${m}`;
        counts[key] = (counts[key] ?? 0) + 1;
        return original.apply(this, args);
      };
    }
  };
  wrap(IDBObjectStore.prototype, '', ['put', 'add', 'get', 'getAll', 'getAllKeys', 'getKey', 'delete', 'count', 'openCursor', 'openKeyCursor', 'clear']);
  wrap(IDBIndex.prototype, 'index.', ['get', 'getAll', 'getAllKeys', 'getKey', 'count', 'openCursor', 'openKeyCursor']);
}

export async function profileIngest(events: CaptureEvent[], batch = 500): Promise<{ ms: Record<string, number>; counts: Counts; total: number }> {
  instrument();
  const name = 'lasso-profile';
  await new Promise((done) => Object.assign(indexedDB.deleteDatabase(name), { onsuccess: done, onerror: done }));
  const db = await openLassoDB(indexedDB, name);
  await loadCatalog(db);
  const ms: Record<string, number> = {};
  const flush = async (tx: IDBTransaction) => settled(tx.objectStore('meta').get('x'));
  const t0 = performance.now();
  for (let i = 0; i < events.length; i += batch) {
    const slice = events.slice(i, i + batch);
    const tx = db.transaction([...INGEST_STORES], 'readwrite');
    const raw = unwrap(tx) as IDBTransaction;
    const step = async (label: string, run: () => Promise<unknown>) => {
      current = label;
      const s = performance.now();
      await run();
      await flush(raw);
      ms[label] = (ms[label] ?? 0) + performance.now() - s;
    };
    await step('events', async () => {
      let last: IDBRequest | undefined;
      for (const e of slice) {
        last = raw.objectStore('events').add(e);
        allowConstraintError(last);
      }
      if (last) await settled(last);
    });
    let filed;
    await step('filing', async () => (filed = await fileEvents(tx, slice, loadedCatalog(db)!)));
    await step('sessions', () => keepSessions(tx, slice));
    await step('persons', () => keepPersons(tx, slice));
    await step('groups', () => keepGroups(tx, slice));
    await step('event_hours', () => keepEventHours(tx, slice));
    const c = performance.now();
    await tx.done;
    ms.commit = (ms.commit ?? 0) + performance.now() - c;
    extendCatalog(db, filed!);
  }
  const total = performance.now() - t0;
  db.close();
  return { ms, counts, total };
}
