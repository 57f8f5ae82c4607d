import type { CaptureEvent } from '../events/types';

/** What walking the stored events needs of a transaction (any mode). */
interface EventsReader {
  objectStore(name: 'events'): { getAll(query?: IDBKeyRange, count?: number): Promise<CaptureEvent[]> };
}

/**
 * Hand every stored event to `use`, `chunk` at a time in primary-key order, inside `tx` (the
 * upgrade backfills: big enough chunks to amortize requests, small in memory; getAll by key
 * range is much faster than a cursor in Chromium).
 */
export async function forEachEventChunk(tx: EventsReader, use: (events: CaptureEvent[]) => Promise<unknown>, chunk = 1000): Promise<void> {
  const events = tx.objectStore('events');
  let after: string | undefined;
  for (;;) {
    const batch = await events.getAll(after === undefined ? undefined : IDBKeyRange.lowerBound(after, true), chunk);
    if (!batch.length) return;
    await use(batch);
    after = batch[batch.length - 1].uuid;
  }
}
