import type { CaptureEvent } from '../events/types';
import type { LassoDatabase } from './schema';

export interface IngestResult {
  /** Events written now. */
  stored: CaptureEvent[];
  /** uuids that were already in the store (a resend): ignored, still acknowledged. */
  duplicates: string[];
}

/**
 * Store a batch of validated events in one transaction. A uuid already stored (or repeated in
 * the batch) is ignored, so resending after a lost acknowledgement never duplicates an event.
 * Resolves only after the transaction commits: acknowledging earlier could lose events when
 * the browser stops the service worker mid-batch.
 */
export async function ingestEvents(db: LassoDatabase, events: CaptureEvent[]): Promise<IngestResult> {
  const tx = db.transaction('events', 'readwrite');
  const seen = new Set<string>();
  const stored: CaptureEvent[] = [];
  const duplicates: string[] = [];
  await Promise.all(
    events.map(async (event) => {
      if (seen.has(event.uuid)) return duplicates.push(event.uuid);
      seen.add(event.uuid);
      if ((await tx.store.getKey(event.uuid)) !== undefined) return duplicates.push(event.uuid);
      await tx.store.add(event);
      stored.push(event);
    }),
  );
  await tx.done;
  return { stored, duplicates };
}

/** Number of stored events. */
export function countEvents(db: LassoDatabase): Promise<number> {
  return db.count('events');
}

/** The latest `limit` events of one tab window (`$window_id`), newest first, read by index. */
export async function latestForWindow(db: LassoDatabase, windowId: string, limit: number): Promise<CaptureEvent[]> {
  const range = IDBKeyRange.bound([windowId, ''], [windowId, '\uffff']);
  const out: CaptureEvent[] = [];
  let cursor = await db.transaction('events').store.index('window_time').openCursor(range, 'prev');
  while (cursor && out.length < limit) {
    out.push(cursor.value);
    cursor = await cursor.continue();
  }
  return out;
}
