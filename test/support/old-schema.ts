import { openDB } from 'idb';
import type { CaptureEvent } from '../../src/events/types';

/**
 * A database exactly as schema v1 created it (frozen history: never follow the current schema),
 * holding `events`, in `factory`. Upgrade tests open it with the current code afterwards.
 */
export async function v1DatabaseWith(factory: IDBFactory, events: CaptureEvent[]): Promise<void> {
  (globalThis as { indexedDB: IDBFactory }).indexedDB = factory;
  const db = await openDB('lasso', 1, {
    upgrade(db) {
      const store = db.createObjectStore('events', { keyPath: 'uuid' });
      for (const [name, path] of [['timestamp', 'timestamp'], ['event', 'event'], ['distinct_id', 'distinct_id'], ['session', 'properties.$session_id'], ['host', 'properties.$host']]) store.createIndex(name, path);
      store.createIndex('window_time', ['properties.$window_id', 'timestamp']);
    },
  });
  const tx = db.transaction('events', 'readwrite');
  for (const event of events) void tx.store.put(event);
  await tx.done;
  db.close();
}
