// @ts-nocheck
import type { IDBPTransaction, StoreNames } from 'idb';
import { fileEvents } from './filing';
import type { LassoDB } from './schema';

/** Events read per step of the backfill: big enough to amortize requests, small in memory. */
const CHUNK = 1000;

/**
 * Build the index (chains, urls, series, counts, refs) from the events an older database holds,
 * inside the upgrade transaction: it commits with the schema change or not at all.
 * Reads events in primary-key chunks with getAll (much faster than a cursor in Chromium).
 */
export async function backfillIndex(tx: IDBPTransaction<LassoDB, StoreNames<LassoDB>[], 'versionchange'>): Promise<void> {
  const events = tx.objectStore('events');
  const chainIds = new Map<string, number>();
  const urlIds = new Map<string, number>();
  let after: string | undefined;
  for (;;) {
    const chunk = await events.getAll(after === undefined ? undefined : IDBKeyRange.lowerBound(after, true), CHUNK);
    if (!chunk.length) return;
    const filed = await fileEvents(tx, chunk, { chainIds, urlIds });
    for (const c of filed.chains) chainIds.set(c.chain, c.id);
    for (const u of filed.urls) urlIds.set(u.url, u.id);
    after = chunk[chunk.length - 1].uuid;
  }
}
