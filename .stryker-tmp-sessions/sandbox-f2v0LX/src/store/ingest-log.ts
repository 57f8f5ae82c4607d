// @ts-nocheck
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
  const found = await eventsByUuid(tx.objectStore('events'), uuids);
  return keys.map((seq, i) => ({ entry: { seq, uuid: uuids[i] }, event: found.get(uuids[i]) ?? null }));
}

/**
 * How many stored events one range read may return per wanted event before reading them one by
 * one is cheaper: a request costs about as much as deserializing a few records.
 */
const RANGE_SLACK = 3;

/**
 * The stored events of `uuids`. UUIDv7s of a log stretch lie close together in key order (events
 * logged together were mostly made together), so one `getAll` over [smallest, largest] reads them
 * in one request instead of one request each (most of delivery's cost); a sparse stretch (imports
 * of random v4 ids) stops at a bound and the rest are read one by one.
 */
async function eventsByUuid(events: { getAll(range: IDBKeyRange, count: number): Promise<CaptureEvent[]>; get(key: string): Promise<CaptureEvent | undefined> }, uuids: string[]): Promise<Map<string, CaptureEvent>> {
  const found = new Map<string, CaptureEvent>();
  if (!uuids.length) return found;
  const sorted = [...uuids].sort();
  const bound = sorted.length * RANGE_SLACK;
  const read = await events.getAll(IDBKeyRange.bound(sorted[0], sorted[sorted.length - 1]), bound);
  const wanted = new Set(uuids);
  for (const event of read) if (wanted.has(event.uuid)) found.set(event.uuid, event);
  // Reaching the bound, the read covered keys up to its last record only: the rest one by one.
  const covered = read.length < bound ? sorted[sorted.length - 1] : read[read.length - 1].uuid;
  const rest = sorted.filter((uuid) => uuid > covered);
  const more = await Promise.all(rest.map((uuid) => events.get(uuid)));
  for (const event of more) if (event) found.set(event.uuid, event);
  return found;
}

/** The last ingest-order key (0 when nothing was ever stored): a cursor there starts "from now". */
export async function lastLogKey(db: LassoDatabase): Promise<number> {
  const cursor = await db.transaction('ingest_log').store.openKeyCursor(null, 'prev');
  return cursor ? cursor.key : 0;
}

/** Below this many keys after a cursor the log is counted row by row; above, keys are subtracted. */
export const EXACT_COUNT_UP_TO = 5_000;

/**
 * How many log entries lie after `after`: what a target still has to look at (deleted events
 * included). Counting walks every key (a 1M backlog takes seconds, and the popup asks every few
 * seconds), so a long backlog is `last key − after`: keys are handed out one by one and rows are
 * never deleted, so the two agree unless an ingest transaction aborted after taking keys (then it
 * overstates by those). Short backlogs, where "0 waiting" must be exact, are counted.
 */
export async function countLogAfter(db: LassoDatabase, after: number): Promise<number> {
  const span = (await lastLogKey(db)) - after;
  if (span <= 0) return 0;
  return span > EXACT_COUNT_UP_TO ? span : db.count('ingest_log', IDBKeyRange.lowerBound(after, true));
}
