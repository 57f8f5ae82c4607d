// @ts-nocheck
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

/**
 * Schema v5 exactly as it shipped (frozen history: never follow the current schema): every store
 * and index, empty, in `factory`. Fill it with `ingestEvents` (v6 writes the same records; it
 * only has fewer indexes) and close it before opening with the current code.
 */
export async function v5Database(factory: IDBFactory) {
  (globalThis as { indexedDB: IDBFactory }).indexedDB = factory;
  return openDB('lasso', 5, {
    upgrade(db) {
      const events = db.createObjectStore('events', { keyPath: 'uuid' });
      for (const [name, path] of [['timestamp', 'timestamp'], ['event', 'event'], ['distinct_id', 'distinct_id'], ['session', 'properties.$session_id'], ['host', 'properties.$host']]) events.createIndex(name, path);
      for (const [name, first] of [['lasso_window_time', 'properties.$lasso_window_id'], ['host_time', 'properties.$host'], ['distinct_time', 'distinct_id'], ['session_time', 'properties.$session_id'], ['event_time', 'event']]) events.createIndex(name, [first, 'timestamp']);
      db.createObjectStore('chains', { keyPath: 'id', autoIncrement: true }).createIndex('chain', 'chain', { unique: true });
      db.createObjectStore('urls', { keyPath: 'id', autoIncrement: true }).createIndex('url', 'url', { unique: true });
      db.createObjectStore('actions', { keyPath: 'id' }).createIndex('site', 'site');
      const series = db.createObjectStore('series', { keyPath: ['event', 'chain', 'url', 'host', 'type'] });
      for (const name of ['host', 'event', 'chain', 'url']) series.createIndex(name, name);
      const counts = db.createObjectStore('counts', { keyPath: ['event', 'chain', 'url', 'host', 'type', 'hour'] });
      counts.createIndex('hour', 'hour');
      counts.createIndex('host_hour', ['host', 'hour']);
      db.createObjectStore('refs');
      const sessions = db.createObjectStore('sessions', { keyPath: 'id' });
      sessions.createIndex('start', 'start');
      sessions.createIndex('host_start', ['host', 'start']);
      sessions.createIndex('ids', 'ids', { multiEntry: true });
      const persons = db.createObjectStore('persons', { keyPath: 'key' });
      persons.createIndex('ids', 'distinct_ids', { unique: true, multiEntry: true });
      persons.createIndex('created_at', 'created_at');
      db.createObjectStore('person_links');
      db.createObjectStore('person_warnings', { keyPath: ['uuid', 'n'] }).createIndex('distinct_id', 'distinct_id');
      db.createObjectStore('meta');
      db.createObjectStore('group_types', { keyPath: 'type' });
      db.createObjectStore('groups', { keyPath: ['group_type', 'group_key'] });
      db.createObjectStore('group_identifies');
      db.createObjectStore('group_events');
      db.createObjectStore('group_warnings', { keyPath: ['uuid', 'n'] });
      db.createObjectStore('cohorts', { keyPath: 'id' }).createIndex('name', 'name');
      db.createObjectStore('event_hours', { keyPath: ['event', 'host', 'hour'] });
    },
  });
}
