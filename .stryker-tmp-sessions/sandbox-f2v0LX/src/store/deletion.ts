// @ts-nocheck
import type { StoreNames } from 'idb';
import type { CaptureEvent } from '../events/types';
import { forgetCatalog } from './catalog';
import type { IndexWriteTx } from './filing';
import { DELETION_UPKEEPS, type DeletionUpkeep } from './forget';
import type { LassoDatabase, LassoDB } from './schema';
import { unfileEvents } from './unfile';
import { withFirst } from './prefix';

/** Which events a deletion takes: older than an ISO time, the oldest whatever their age, or one site's (`$host`). */
export type Selection = { kind: 'before'; timestamp: string } | { kind: 'oldest' } | { kind: 'site'; site: string };

/** The index stores (the general index, src/store/README.md) a deletion always updates. */
const INDEX_STORES = ['events', 'chains', 'urls', 'series', 'counts', 'refs'] as const;

function storesFor(upkeeps: readonly DeletionUpkeep[]): StoreNames<LassoDB>[] {
  return [...new Set<StoreNames<LassoDB>>([...INDEX_STORES, ...upkeeps.flatMap((u) => u.stores)])];
}

/** Up to `limit` events of `selection`, read inside `tx`, oldest first by time. */
function pick(tx: IndexWriteTx, selection: Selection, limit: number): Promise<CaptureEvent[]> {
  const events = tx.objectStore('events');
  switch (selection.kind) {
    case 'before':
      // ISO timestamps (as capture and import store them) sort as strings in time order.
      return events.index('timestamp').getAll(IDBKeyRange.upperBound(selection.timestamp, true), limit);
    case 'oldest':
      return events.index('timestamp').getAll(undefined, limit);
    case 'site':
      return events.index('host_time').getAll(withFirst(selection.site), limit);
  }
}

function abortQuietly(tx: IndexWriteTx): void {
  tx.done.catch(() => undefined);
  try {
    tx.abort();
  } catch {
    // already finished
  }
}

/**
 * Delete one bounded batch (at most `limit` events) of `selection` in ONE readwrite transaction:
 * the events, their index entries and every upkeep (sessions, persons, …) commit together or
 * not at all. Returns the number deleted (0: nothing left to delete).
 */
export async function deleteBatch(db: LassoDatabase, selection: Selection, limit: number, upkeeps: readonly DeletionUpkeep[] = DELETION_UPKEEPS): Promise<number> {
  const tx = db.transaction(storesFor(upkeeps), 'readwrite');
  let count = 0;
  try {
    const events = await pick(tx, selection, limit);
    count = events.length;
    if (count) {
      const store = tx.objectStore('events');
      for (const event of events) void store.delete(event.uuid);
      await unfileEvents(tx, events);
      for (const upkeep of upkeeps) await upkeep.deleted(tx, events);
      // The catalog may hold ids just deleted: drop it now (a miss only costs a lookup) and after commit.
      forgetCatalog(db);
    }
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
  await tx.done;
  if (count) forgetCatalog(db);
  return count;
}

export interface DeletionOptions {
  /** Events per transaction (default 2,000: a person or session touched by several batches is re-derived once per batch). */
  batch?: number;
  /** Stop after this many (default: all of the selection). */
  max?: number;
  /** Checked between batches: a batch is never left half done. */
  signal?: AbortSignal;
  /** After each committed batch, with the total deleted so far. */
  onProgress?: (deleted: number) => void;
  upkeeps?: readonly DeletionUpkeep[];
}

/** Delete `selection` batch by batch until none is left, `max` is reached or `signal` aborts. */
export async function deleteEvents(db: LassoDatabase, selection: Selection, options: DeletionOptions = {}): Promise<{ deleted: number; cancelled: boolean }> {
  const { batch = 2000, max = Infinity, signal, onProgress, upkeeps } = options;
  let deleted = 0;
  while (deleted < max) {
    if (signal?.aborted) return { deleted, cancelled: true };
    const n = await deleteBatch(db, selection, Math.min(batch, max - deleted), upkeeps);
    if (!n) break;
    deleted += n;
    onProgress?.(deleted);
  }
  return { deleted, cancelled: false };
}

/**
 * Delete every event and everything derived from them in one transaction (clearing is as quick
 * as it gets, and atomic). Definitions stay: actions unless `actions` is true.
 */
export async function deleteEverything(db: LassoDatabase, { actions = false, upkeeps = DELETION_UPKEEPS }: { actions?: boolean; upkeeps?: readonly DeletionUpkeep[] } = {}): Promise<void> {
  const stores = storesFor(upkeeps);
  if (actions) stores.push('actions');
  const tx = db.transaction(stores, 'readwrite');
  try {
    await Promise.all(INDEX_STORES.map((name) => tx.objectStore(name).clear()));
    for (const upkeep of upkeeps) await upkeep.cleared(tx);
    if (actions) await tx.objectStore('actions').clear();
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
  forgetCatalog(db);
  await tx.done;
  forgetCatalog(db);
}

/** What a deletion would take, counted from indexes (nothing is read in bulk, nothing written). */
export interface DeletionPlan {
  events: number;
  /** Sessions that start on the site (all sessions for everything): deleted, or rebuilt when they also hold other sites' events. */
  sessions: number;
  /** Persons with a distinct id in those sessions (all persons for everything): deleted when no other event remains, re-derived otherwise. */
  persons: number;
  /** Action definitions of the site (of every site): kept unless the deletion asks for them too. */
  actions: number;
}

/** Dry run of "Delete this site's data" (`site`) or "Delete everything" (no site). */
export async function planDeletion(db: LassoDatabase, site?: string): Promise<DeletionPlan> {
  if (site === undefined) {
    const [events, sessions, persons, actions] = await Promise.all([db.count('events'), db.count('sessions'), db.count('persons'), db.count('actions')]);
    return { events, sessions, persons, actions };
  }
  const tx = db.transaction(['events', 'sessions', 'persons', 'actions']);
  const range = IDBKeyRange.bound([site, -Infinity], [site, Infinity]);
  const [events, sessionIds, actions] = await Promise.all([
    tx.objectStore('events').index('host_time').count(withFirst(site)),
    collectIds(tx.objectStore('sessions').index('host_start').iterate(range)),
    tx.objectStore('actions').index('site').count(site),
  ]);
  const ownersIndex = tx.objectStore('persons').index('ids');
  const owners = new Set((await Promise.all([...sessionIds.ids].map((id) => ownersIndex.getKey(id)))).filter((k) => k !== undefined));
  return { events, sessions: sessionIds.sessions, persons: owners.size, actions };
}

async function collectIds(cursors: AsyncIterable<{ value: { ids: string[] } }>): Promise<{ sessions: number; ids: Set<string> }> {
  const ids = new Set<string>();
  let sessions = 0;
  for await (const cursor of cursors) {
    sessions++;
    for (const id of cursor.value.ids) ids.add(id);
  }
  return { sessions, ids };
}
