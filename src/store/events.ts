import { unwrap } from 'idb';
import type { CaptureEvent } from '../events/types';
import { extendCatalog, loadedCatalog, publishIngested } from './catalog';
import { fileEvents } from './filing';
import { keepGroups } from './groups';
import { keepEventHours } from './event-hours';
import { keepEventPeople } from './event-people';
import { keepIngestLog } from './ingest-log';
import { keepPersons } from './persons';
import { keepSessions } from './sessions';
import { allowConstraintError, settled } from './requests';
import { INGEST_STORES, type LassoDatabase } from './schema';
import { withFirst } from './prefix';

const NO_IDS = { chainIds: new Map<string, number>(), urlIds: new Map<string, number>() };

export interface IngestResult {
  /** Events written now. */
  stored: CaptureEvent[];
  /** uuids that were already in the store (a resend): ignored, still acknowledged. */
  duplicates: string[];
}

/**
 * Store a batch of validated events in one transaction. A uuid already stored (or repeated in
 * the batch) is ignored, so resending after a lost acknowledgement never duplicates an event.
 * The same transaction files the new events into the index (chains, urls, series, counts,
 * refs), their sessions and persons, so none ever disagrees with the events. Resolves only after the transaction
 * commits: acknowledging earlier could lose events when the browser stops the service worker
 * mid-batch. After commit, the in-memory catalog is extended and ingest listeners are told.
 */
export async function ingestEvents(db: LassoDatabase, events: CaptureEvent[]): Promise<IngestResult> {
  // Default durability: 'relaxed' measured no faster in Chromium (README "Ingest speed") and
  // would let a power loss drop events already acknowledged.
  const tx = db.transaction([...INGEST_STORES], 'readwrite');
  const store = unwrap(tx.objectStore('events'));
  const seen = new Set<string>();
  const added: CaptureEvent[] = [];
  const existing = new Set<string>();
  const duplicates: string[] = [];
  let filed;
  let stored: CaptureEvent[] = [];
  try {
    // Dedupe without a read per event: `add` fails with ConstraintError on a stored uuid; that
    // error is handled (preventDefault), so it neither aborts the transaction nor reaches it.
    let last: IDBRequest | undefined;
    for (const event of events) {
      if (seen.has(event.uuid)) {
        duplicates.push(event.uuid);
        continue;
      }
      seen.add(event.uuid);
      added.push(event);
      const request = store.add(event);
      allowConstraintError(request, () => existing.add(event.uuid));
      last = request;
    }
    if (last) await settled(last);
    stored = existing.size ? added.filter((e) => !existing.has(e.uuid)) : added;
    for (const uuid of existing) duplicates.push(uuid);
    filed = stored.length ? await fileEvents(tx, stored, loadedCatalog(db) ?? NO_IDS) : undefined;
    await keepSessions(tx, stored);
    await keepPersons(tx, stored);
    await keepGroups(tx, stored);
    await keepEventHours(tx, stored);
    await keepEventPeople(tx, stored);
    await keepIngestLog(tx, stored);
  } catch (error) {
    // Requests already issued would otherwise commit: events without their index, or half a batch.
    abortQuietly(tx);
    throw error;
  }
  await tx.done;
  if (filed) extendCatalog(db, filed);
  publishIngested(db, stored);
  return { stored, duplicates };
}

function abortQuietly(tx: { abort(): void; done: Promise<void> }): void {
  tx.done.catch(() => undefined);
  try {
    tx.abort();
  } catch {
    // already finished or aborted
  }
}

/**
 * Number of stored events: all, or those of one site (`$host`, with its port) — counted on the
 * host index, never by reading events (a scan reads ~30k events/s; an index count stays instant).
 */
export function countEvents(db: LassoDatabase, host?: string): Promise<number> {
  return host === undefined ? db.count('events') : db.countFromIndex('events', 'host_time', withFirst(host));
}

/** The latest `limit` events of one of Lasso's tab windows (`$lasso_window_id`), newest first, read by index. */
export async function latestForWindow(db: LassoDatabase, windowId: string, limit: number): Promise<CaptureEvent[]> {
  const range = IDBKeyRange.bound([windowId, ''], [windowId, '\uffff']);
  const out: CaptureEvent[] = [];
  let cursor = await db.transaction('events').store.index('lasso_window_time').openCursor(range, 'prev');
  while (cursor && out.length < limit) {
    out.push(cursor.value);
    cursor = await cursor.continue();
  }
  return out;
}
