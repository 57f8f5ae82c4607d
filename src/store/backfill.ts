import type { IDBPTransaction, StoreNames } from 'idb';
import { forEachEventChunk } from './event-chunks';
import { fileEvents } from './filing';
import type { LassoDB } from './schema';

/**
 * Build the index (chains, urls, series, counts, refs) from the events an older database holds,
 * inside the upgrade transaction: it commits with the schema change or not at all.
 * Reads events in primary-key chunks (forEachEventChunk).
 */
export async function backfillIndex(tx: IDBPTransaction<LassoDB, StoreNames<LassoDB>[], 'versionchange'>): Promise<void> {
  const chainIds = new Map<string, number>();
  const urlIds = new Map<string, number>();
  await forEachEventChunk(tx, async (chunk) => {
    const filed = await fileEvents(tx, chunk, { chainIds, urlIds });
    for (const c of filed.chains) chainIds.set(c.chain, c.id);
    for (const u of filed.urls) urlIds.set(u.url, u.id);
  });
}
