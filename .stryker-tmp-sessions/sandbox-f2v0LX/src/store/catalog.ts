// @ts-nocheck
import type { CaptureEvent } from '../events/types';
import type { FiledBatch, KnownIds } from './filing';
import { seriesId, type SeriesRow } from './rows';
import type { LassoDatabase } from './schema';

/**
 * The background's in-memory mirror of the small index stores: every distinct chain and URL
 * (with its id) and every series with its totals. Loaded once per database, then extended by
 * each committed ingest, so interactive queries (preview) match against distinct values without
 * touching the events. Parsed chains live in the action matcher's own cache, keyed by string.
 */
export interface Catalog extends KnownIds {
  chains: Map<number, string>;
  chainIds: Map<string, number>;
  urls: Map<number, string>;
  urlIds: Map<string, number>;
  /** By seriesId(). */
  series: Map<string, SeriesRow>;
}

/** Called after a batch commits, with the events newly stored. */
export type IngestListener = (stored: CaptureEvent[]) => void;

const catalogs = new WeakMap<LassoDatabase, Promise<Catalog>>();
const loaded = new WeakMap<LassoDatabase, Catalog>();
const listeners = new WeakMap<LassoDatabase, Set<IngestListener>>();

/** The catalog of `db`, loading it on first use (three getAll reads of small stores). */
export function loadCatalog(db: LassoDatabase): Promise<Catalog> {
  let promise = catalogs.get(db);
  if (!promise) {
    const reading: Promise<Catalog> = readCatalog(db).then((catalog) => {
      // A deletion may have dropped this load while it read (forgetCatalog): then it is not kept.
      if (catalogs.get(db) === reading) loaded.set(db, catalog);
      return catalog;
    });
    promise = reading;
    promise.catch(() => catalogs.delete(db)); // retry on next use
    catalogs.set(db, promise);
  }
  return promise;
}

async function readCatalog(db: LassoDatabase): Promise<Catalog> {
  const tx = db.transaction(['chains', 'urls', 'series']);
  const [chains, urls, series] = await Promise.all([tx.objectStore('chains').getAll(), tx.objectStore('urls').getAll(), tx.objectStore('series').getAll()]);
  const catalog: Catalog = { chains: new Map(), chainIds: new Map(), urls: new Map(), urlIds: new Map(), series: new Map() };
  applyFiled(catalog, { chains, urls, series });
  return catalog;
}

/**
 * Drop `db`'s catalog (deleting events may remove series, chains and URLs); the next use reloads
 * it. Ingest then resolves ids from the stores' unique indexes, which are the truth.
 */
export function forgetCatalog(db: LassoDatabase): void {
  catalogs.delete(db);
  loaded.delete(db);
  // Events were deleted: whatever was derived from them in memory (cohort members) is stale.
  for (const listener of forgetListeners.get(db) ?? []) {
    try {
      listener();
    } catch (error) {
      console.error('Lasso: a deletion listener failed', error);
    }
  }
}

const forgetListeners = new WeakMap<LassoDatabase, Set<() => void>>();

/** Be told when events are deleted (retention, "Delete this site's data"); returns the unsubscribe. */
export function onForgotten(db: LassoDatabase, listener: () => void): () => void {
  let set = forgetListeners.get(db);
  if (!set) forgetListeners.set(db, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

/** The catalog if already loaded (ingest uses it as an id cache without forcing a load). */
export const loadedCatalog = (db: LassoDatabase): Catalog | undefined => loaded.get(db);

/**
 * Extend `db`'s catalog with a committed batch: now if loaded, or once a load in flight ends (that
 * load's read may have started before the batch committed).
 */
export function extendCatalog(db: LassoDatabase, batch: FiledBatch): void {
  const catalog = loaded.get(db);
  if (catalog) applyFiled(catalog, batch);
  else void catalogs.get(db)?.then((c) => applyFiled(c, batch), () => undefined);
}

/**
 * Extend a catalog with a committed batch. Idempotent, and a series row only replaces one with
 * a smaller total, so a load racing with an ingest never double counts or goes backwards.
 */
export function applyFiled(catalog: Catalog, batch: FiledBatch): void {
  for (const { id, chain } of batch.chains) {
    catalog.chains.set(id, chain);
    catalog.chainIds.set(chain, id);
  }
  for (const { id, url } of batch.urls) {
    catalog.urls.set(id, url);
    catalog.urlIds.set(url, id);
  }
  for (const row of batch.series) {
    const sid = seriesId(row);
    const current = catalog.series.get(sid);
    if (!current || current.n <= row.n) catalog.series.set(sid, row);
  }
}

/** Subscribe to batches committed to `db`; returns the unsubscribe function. */
export function onIngested(db: LassoDatabase, listener: IngestListener): () => void {
  let set = listeners.get(db);
  if (!set) listeners.set(db, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

/** Tell subscribers about a committed batch (a throwing listener never breaks ingest). */
export function publishIngested(db: LassoDatabase, stored: CaptureEvent[]): void {
  if (!stored.length) return;
  for (const listener of listeners.get(db) ?? []) {
    try {
      listener(stored);
    } catch (error) {
      console.error('Lasso: ingest listener failed', error);
    }
  }
}
