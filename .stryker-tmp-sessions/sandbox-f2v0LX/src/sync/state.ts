// @ts-nocheck
import type { LassoDatabase } from '../store/schema';

/** A target's cursor and status (IndexedDB `sync_state`, one row per target). */
export interface SyncStateRow {
  id: string;
  /** Every `ingest_log` key ≤ cursor was delivered, set aside, filtered out or found deleted. */
  cursor: number;
  /** Keys ≤ this belong to the backfill (PostHog `historical_migration`); 0: none. */
  backfillUntil: number;
  delivered: number;
  setAside: number;
  /** Events retention (or a deletion) removed before this target got them. */
  deletedBeforeDelivery: number;
  /** ms of the last accepted batch. */
  lastSuccess: number | null;
  /** Plain words, secrets redacted. */
  lastError: string | null;
  lastErrorAt: number | null;
  /** Failed attempts in a row (backoff exponent). */
  attempts: number;
  /** ms before which the target is not tried again (backoff, Retry-After). */
  nextAttempt: number;
}

/** An event a target's server refused, kept with the server's reason until retried or dropped. */
export interface AsideRow {
  target: string;
  seq: number;
  uuid: string;
  reason: string;
  at: number;
}

/** A fresh state: `cursor` is 0 for a backfill or the current last ingest key for "from now". */
export function newState(id: string, cursor: number, backfillUntil: number): SyncStateRow {
  return { id, cursor, backfillUntil, delivered: 0, setAside: 0, deletedBeforeDelivery: 0, lastSuccess: null, lastError: null, lastErrorAt: null, attempts: 0, nextAttempt: 0 };
}

export function getState(db: LassoDatabase, id: string): Promise<SyncStateRow | undefined> {
  return db.get('sync_state', id);
}

/** Write a state and set-aside rows in one transaction (the cursor never passes an event whose aside row is lost). */
export async function commitState(db: LassoDatabase, state: SyncStateRow, asides: AsideRow[] = [], dropped: [string, number][] = []): Promise<void> {
  const tx = db.transaction(['sync_state', 'sync_aside'], 'readwrite');
  void tx.objectStore('sync_state').put(state);
  for (const row of asides) void tx.objectStore('sync_aside').put(row, [row.target, row.seq]);
  for (const key of dropped) void tx.objectStore('sync_aside').delete(key);
  await tx.done;
}

/** A target's set-aside events, oldest first (at most `limit`). */
export function listAside(db: LassoDatabase, id: string, limit = 200): Promise<AsideRow[]> {
  return db.getAll('sync_aside', IDBKeyRange.bound([id, -Infinity], [id, Infinity]), limit);
}

/** Forget a removed target: its state and set-aside rows. */
export async function deleteTargetState(db: LassoDatabase, id: string): Promise<void> {
  const tx = db.transaction(['sync_state', 'sync_aside'], 'readwrite');
  void tx.objectStore('sync_state').delete(id);
  void tx.objectStore('sync_aside').delete(IDBKeyRange.bound([id, -Infinity], [id, Infinity]));
  await tx.done;
}
