import type { IDBPTransaction, StoreNames } from 'idb';
import type { CaptureEvent } from '../events/types';
import { addEvent, emptySession, finish, sessionKey, type SessionAccumulator } from '../sessions';
import type { LassoDatabase, LassoDB } from './schema';
import { forEachEventChunk } from './event-chunks';

/**
 * One session as stored: the accumulator (`src/sessions/aggregate.ts`, order-independent, so a
 * late event is simply added) plus the fields the list queries run on.
 */
export interface SessionRecord {
  /** The canonical `$session_id` (lower-case UUIDv7). */
  id: string;
  acc: SessionAccumulator;
  /** `$host` of the session's entry event (host with port; '' when it had none). */
  host: string;
  /** Entry and end event time (ms). */
  start: number;
  end: number;
  /** Every distinct_id the session's events carried, sorted (a person's sessions are found by any of their ids). */
  ids: string[];
}

type SessionTx = IDBPTransaction<LassoDB, StoreNames<LassoDB>[], 'readwrite' | 'versionchange'>;

function insertSorted(list: string[], value: string): void {
  if (list.includes(value)) return;
  list.push(value);
  list.sort();
}

/**
 * Add `events` (new to the store: each uuid once) to their sessions inside `tx`: one get and one
 * put per distinct session of the batch, whatever order the events come in.
 */
export async function keepSessions(tx: SessionTx, events: CaptureEvent[]): Promise<void> {
  const bySession = new Map<string, CaptureEvent[]>();
  for (const event of events) {
    const key = sessionKey(event);
    if (key === null) continue;
    const list = bySession.get(key);
    if (list) list.push(event);
    else bySession.set(key, [event]);
  }
  if (!bySession.size) return;
  const store = tx.objectStore('sessions');
  await Promise.all(
    [...bySession].map(async ([id, batch]) => {
      const record = (await store.get(id)) ?? { id, acc: emptySession(), host: '', start: 0, end: 0, ids: [] };
      for (const event of batch) {
        addEvent(record.acc, event);
        if (typeof event.distinct_id === 'string' && event.distinct_id) insertSorted(record.ids, event.distinct_id);
      }
      const { first, last } = record.acc;
      record.host = first?.props.$host ?? '';
      record.start = first?.ms ?? 0;
      record.end = last?.ms ?? 0;
      await store.put(record);
    }),
  );
}

/** Build the sessions of every stored event (a v5 upgrade of a database that has events), in the upgrade transaction. */
export function backfillSessions(tx: SessionTx, chunk = 1000): Promise<void> {
  return forEachEventChunk(tx, (batch) => keepSessions(tx, batch), chunk);
}

/** A session row as PostHog's sessions table has it (`finish`), plus the store's host. */
export type SessionRow = Record<string, unknown> & { $session_id: string; host: string };

const rowOf = (record: SessionRecord): SessionRow => ({ ...finish(record.acc), host: record.host }) as SessionRow;

/** One session's row, or undefined. */
export async function getSession(db: LassoDatabase, id: string): Promise<SessionRow | undefined> {
  const record = await db.get('sessions', id.toLowerCase());
  return record && rowOf(record);
}

export interface SessionPage {
  rows: SessionRow[];
  /** Pass as `before` for the next page; null at the end. */
  next: { start: number; id: string } | null;
}

/**
 * Sessions newest first (by start), `limit` per page, optionally of one site (entry `$host`),
 * read by index (never all sessions). `before` continues after the last row of a page.
 */
export async function listSessions(
  db: LassoDatabase,
  { host, limit = 50, before }: { host?: string; limit?: number; before?: { start: number; id: string } } = {},
): Promise<SessionPage> {
  const tx = db.transaction('sessions');
  const rows: SessionRow[] = [];
  // Keyset paging on [host, start, id] (the primary key breaks start ties).
  const index = tx.store.index(host === undefined ? 'start' : 'host_start');
  const low = host === undefined ? -Infinity : [host, -Infinity];
  const high = host === undefined ? (before ? before.start : Infinity) : [host, before ? before.start : Infinity];
  let cursor = await index.openCursor(IDBKeyRange.bound(low as never, high as never), 'prev');
  let last: SessionRecord | null = null;
  while (cursor && rows.length < limit) {
    const record = cursor.value;
    // Same start as the page's last row: only ids below it (the cursor walks ids downwards too).
    if (!before || record.start < before.start || record.id < before.id) {
      rows.push(rowOf(record));
      last = record;
    }
    cursor = await cursor.continue();
  }
  return { rows, next: cursor && last ? { start: last.start, id: last.id } : null };
}

/** The sessions any of `distinctIds` took part in, newest first. */
export async function sessionsOf(db: LassoDatabase, distinctIds: string[], limit = 100): Promise<SessionRow[]> {
  const tx = db.transaction('sessions');
  const index = tx.store.index('ids');
  const found = new Map<string, SessionRecord>();
  for (const id of distinctIds) for (const record of await index.getAll(id)) found.set(record.id, record);
  return [...found.values()]
    .sort((a, b) => b.start - a.start || (a.id < b.id ? 1 : -1))
    .slice(0, limit)
    .map(rowOf);
}
