import type { IDBPTransaction, StoreNames } from 'idb';
import type { CaptureEvent } from '../events/types';
import type { LassoDatabase, LassoDB } from './schema';

/**
 * v6: the ingest order. Every event stored gets one `ingest_log` row (auto-increment key → uuid)
 * in the ingest transaction, so a sync cursor ("delivered up to key n") also covers events that
 * arrive late with old timestamps (imports, the page's own traffic): a cursor on `timestamp`
 * would skip them. Rows are never rewritten; a row whose event was deleted (retention) tells the
 * sync that the event went before delivery.
 */
type Tx = IDBPTransaction<LassoDB, StoreNames<LassoDB>[], 'readwrite' | 'versionchange'>;

/** Log `events` (new to the store) in ingest order, inside the ingest transaction. */
export async function keepIngestLog(tx: Tx, events: CaptureEvent[]): Promise<void> {
  if (!events.length) return;
  const store = tx.objectStore('ingest_log');
  let last: Promise<unknown> | undefined;
  for (const event of events) last = store.add(event.uuid);
  await last;
}

/** v5 → v6: events already stored enter the log in timestamp order (a key cursor: no event is read). */
export async function backfillIngestLog(tx: Tx): Promise<void> {
  const log = tx.objectStore('ingest_log');
  let cursor = await tx.objectStore('events').index('timestamp').openKeyCursor();
  while (cursor) {
    void log.add(cursor.primaryKey);
    cursor = await cursor.continue();
  }
}

/** One logged event: its ingest-order key and uuid. */
export interface LogEntry {
  seq: number;
  uuid: string;
}

/** Up to `limit` log entries after `after` (exclusive), in ingest order, with their events (null: deleted since). */
export async function readLogAfter(db: LassoDatabase, after: number, limit: number): Promise<{ entry: LogEntry; event: CaptureEvent | null }[]> {
  const tx = db.transaction(['ingest_log', 'events']);
  const range = IDBKeyRange.lowerBound(after, true);
  const log = tx.objectStore('ingest_log');
  const [keys, uuids] = await Promise.all([log.getAllKeys(range, limit), log.getAll(range, limit)]);
  const events = tx.objectStore('events');
  const found = await Promise.all(uuids.map((uuid) => events.get(uuid)));
  return keys.map((seq, i) => ({ entry: { seq, uuid: uuids[i] }, event: found[i] ?? null }));
}

/** The last ingest-order key (0 when nothing was ever stored): a cursor there starts "from now". */
export async function lastLogKey(db: LassoDatabase): Promise<number> {
  const cursor = await db.transaction('ingest_log').store.openKeyCursor(null, 'prev');
  return cursor ? cursor.key : 0;
}

/** How many log entries lie after `after`: what a target still has to look at (deleted events included). */
export function countLogAfter(db: LassoDatabase, after: number): Promise<number> {
  return db.count('ingest_log', IDBKeyRange.lowerBound(after, true));
}
