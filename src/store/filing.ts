import type { IDBPTransaction, StoreNames } from 'idb';
import type { CaptureEvent } from '../events/types';
import { eventMs, foldFiled, indexedParts, mergeSeries, NONE, seriesKeyOf, type ChainRecord, type Filed, type RefKey, type SeriesRow, type UrlRecord } from './rows';
import type { LassoDB } from './schema';

/** A transaction that may write the index stores (ingest's readwrite or the upgrade's). */
export type IndexWriteTx = IDBPTransaction<LassoDB, StoreNames<LassoDB>[], 'readwrite' | 'versionchange'>;

/** Ids already known to be stored (a read-only view: new ids are returned, not written here). */
export interface KnownIds {
  chainIds: ReadonlyMap<string, number>;
  urlIds: ReadonlyMap<string, number>;
}

/** What filing a batch added or changed: the in-memory catalog applies it after commit. */
export interface FiledBatch {
  /** Chains / urls of the batch that `known` lacked (new, or stored by a batch it has not seen). */
  chains: ChainRecord[];
  urls: UrlRecord[];
  /** Series rows as now stored (totals after this batch). */
  series: SeriesRow[];
}

/**
 * File `events` (all new, not yet indexed) into chains, urls, series, counts and refs inside
 * `tx`. Awaits only requests of `tx`, so the transaction stays alive and everything commits or
 * aborts together with the events themselves.
 */
export async function fileEvents(tx: IndexWriteTx, events: CaptureEvent[], known: KnownIds): Promise<FiledBatch> {
  const parts = events.map(indexedParts);
  const [chainIds, chains] = await resolveIds(tx, 'chains', parts.map((p) => p.chain), known.chainIds);
  const [urlIds, urls] = await resolveIds(tx, 'urls', parts.map((p) => p.url), known.urlIds);
  const filed: Filed[] = [];
  events.forEach((event, i) => {
    const ms = eventMs(event);
    if (ms === null) return; // stored but unindexable; ingest validation makes this unreachable
    const { chain, url, host, type } = parts[i];
    filed.push({ event, ms, key: [event.event, chain === null ? NONE : chainIds.get(chain)!, url === null ? NONE : urlIds.get(url)!, host, type] });
  });
  const { series, counts } = foldFiled(filed);
  const seriesStore = tx.objectStore('series');
  const countsStore = tx.objectStore('counts');
  const refs = tx.objectStore('refs');
  for (const f of filed) void refs.add(0, [...f.key, -f.ms, f.event.uuid] as RefKey);
  const merged = await Promise.all(
    [...series.values()].map(async (add) => {
      const row = mergeSeries(await seriesStore.get(seriesKeyOf(add)), add);
      void seriesStore.put(row);
      return row;
    }),
  );
  await Promise.all(
    [...counts.values()].map(async (add) => {
      const stored = await countsStore.get([...seriesKeyOf(add), add.hour]);
      await countsStore.put(stored ? { ...stored, n: stored.n + add.n } : add);
    }),
  );
  return { chains, urls, series: merged };
}

/** Ids for the distinct non-null strings, looking up the store for unknown ones and adding new ones. */
async function resolveIds<S extends 'chains' | 'urls'>(
  tx: IndexWriteTx,
  storeName: S,
  values: (string | null)[],
  known: ReadonlyMap<string, number>,
): Promise<[Map<string, number>, (S extends 'chains' ? ChainRecord : UrlRecord)[]]> {
  const ids = new Map<string, number>();
  const added: (ChainRecord | UrlRecord)[] = [];
  const unknown = new Set<string>();
  for (const v of values) {
    if (v === null || ids.has(v)) continue;
    const id = known.get(v);
    if (id !== undefined) ids.set(v, id);
    else unknown.add(v);
  }
  const field = storeName === 'chains' ? 'chain' : 'url';
  const store = tx.objectStore(storeName);
  await Promise.all(
    [...unknown].map(async (v) => {
      // The unique index is the truth: the catalog may not have seen a just-committed batch.
      let id = (await store.index(field as never).getKey(v as never)) as number | undefined;
      if (id === undefined) id = (await store.add({ [field]: v } as never)) as number;
      added.push({ id, [field]: v } as unknown as ChainRecord | UrlRecord);
      ids.set(v, id);
    }),
  );
  return [ids, added as never];
}
