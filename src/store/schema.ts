import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { CaptureEvent } from '../events/types';

/**
 * The whole IndexedDB schema of Lasso, one type. Later versions add stores (chains, urls,
 * counts, actions, persons, sessions, cohorts, outbox) through `upgrade()` below.
 */
export interface LassoDB extends DBSchema {
  events: {
    key: string; // uuid
    value: CaptureEvent;
    indexes: {
      timestamp: string;
      event: string;
      distinct_id: string;
      session: string; // properties.$session_id
      host: string; // properties.$host
      window_time: [string, string]; // [properties.$window_id, timestamp]: a tab's latest events
    };
  };
}

export const DB_NAME = 'lasso';
export const DB_VERSION = 1;

/**
 * Create or migrate the schema from `oldVersion` to DB_VERSION. Each step only adds: data already
 * stored is never dropped by an upgrade.
 */
export function upgrade(db: IDBPDatabase<LassoDB>, oldVersion: number): void {
  if (oldVersion < 1) {
    const events = db.createObjectStore('events', { keyPath: 'uuid' });
    events.createIndex('timestamp', 'timestamp');
    events.createIndex('event', 'event');
    events.createIndex('distinct_id', 'distinct_id');
    events.createIndex('session', 'properties.$session_id');
    events.createIndex('host', 'properties.$host');
    events.createIndex('window_time', ['properties.$window_id', 'timestamp']);
  }
}

export type LassoDatabase = IDBPDatabase<LassoDB>;

/** Open (creating or upgrading) Lasso's database. `factory` lets tests pass a fresh IDBFactory. */
export function openLassoDB(factory: IDBFactory = indexedDB, name = DB_NAME): Promise<LassoDatabase> {
  // idb's openDB uses the global indexedDB; swap it in for the duration of the open call.
  const previous = globalThis.indexedDB;
  if (factory !== previous) (globalThis as { indexedDB: IDBFactory }).indexedDB = factory;
  try {
    return openDB<LassoDB>(name, DB_VERSION, { upgrade: (db, oldVersion) => upgrade(db, oldVersion) });
  } finally {
    if (factory !== previous) (globalThis as { indexedDB: IDBFactory }).indexedDB = previous;
  }
}
