// @ts-nocheck
import { unwrap, type IDBPTransaction, type StoreNames } from 'idb';
import type { CaptureEvent } from '../events/types';
import { eventMs, foldFiled, hourOf, indexedParts, mergeSeries, NONE, seriesId, seriesKeyOf, type ChainRecord, type CountRow, type Filed, type RefKey, type SeriesRow, type UrlRecord } from './rows';
import { allowConstraintError, results, settled } from './requests';
import type { LassoDB } from './schema';

/** A transaction that may write the index stores (ingest's readwrite or the upgrade's). */
export type IndexWriteTx = IDBPTransaction<LassoDB, StoreNames<LassoDB>[], 'readwrite' | 'versionchange'>;

/** Ids already known to be stored (a read-only view: new ids are returned, not written here). */
export interface KnownIds {
  chainIds: ReadonlyMap<string, number>;
  urlIds: ReadonlyMap<string, number>;
  /**
   * Every stored series row by seriesId(), exact as of every committed batch (the loaded
   * catalog): filing then reads no series row. Without it each series of the batch is read.
   */
  series?: ReadonlyMap<string, SeriesRow>;
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
  // Raw requests: only reads get a listener (see requests.ts); writes are fire-and-forget inside
  // the transaction, which fails as a whole if any of them fails.
  const seriesStore = unwrap(tx.objectStore('series'));
  const countsStore = unwrap(tx.objectStore('counts'));
  const refs = unwrap(tx.objectStore('refs'));
  for (const f of filed) refs.add(0, [...f.key, -f.ms, f.event.uuid] as RefKey);
  const adds = [...series.values()];
  const before = known.series
    ? adds.map((add) => known.series!.get(seriesId(add)))
    : await results(adds.map((add) => seriesStore.get(seriesKeyOf(add)) as IDBRequest<SeriesRow | undefined>));
  const storedSeries = new Map<string, SeriesRow>();
  const merged = adds.map((add, i) => {
    if (before[i]) storedSeries.set(seriesId(add), before[i]);
    const row = mergeSeries(before[i], add);
    seriesStore.put(row);
    return row;
  });
  // A series' [first, last] covers every hour it has a counts row for (both written together),
  // so an hour outside the stored span has no row yet: put it without reading. Imports and live
  // capture mostly add hours after `last`, so most count rows need no read.
  const toRead: CountRow[] = [];
  for (const add of counts.values()) {
    const stored = storedSeries.get(seriesId(add));
    if (stored && add.hour >= hourOf(stored.first) && add.hour <= hourOf(stored.last)) toRead.push(add);
    else countsStore.put(add);
  }
  const current = await results(toRead.map((add) => countsStore.get([...seriesKeyOf(add), add.hour]) as IDBRequest<CountRow | undefined>));
  toRead.forEach((add, i) => countsStore.put(current[i] ? { ...current[i], n: current[i].n + add.n } : add));
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
  const store = unwrap(tx.objectStore(storeName));
  const fresh = [...unknown];
  // Add first: a value the catalog lacks is nearly always new. When it is stored already (a
  // batch the catalog has not seen), the unique index refuses the add — that error is handled
  // (no abort) and the stored id is read instead.
  const requests = fresh.map((v) => {
    const request = store.add({ [field]: v } as never) as IDBRequest<number>;
    allowConstraintError(request);
    return request;
  });
  if (requests.length) await settled(requests[requests.length - 1]);
  const refused = fresh.filter((_, i) => requests[i].error);
  const storedIds = await results(refused.map((v) => store.index(field).getKey(v) as IDBRequest<number>));
  fresh.forEach((v, i) => {
    const id = requests[i].error ? storedIds[refused.indexOf(v)] : requests[i].result;
    added.push({ id, [field]: v } as unknown as ChainRecord | UrlRecord);
    ids.set(v, id);
  });
  return [ids, added as never];
}
