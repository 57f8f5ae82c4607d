// @ts-nocheck
import type { CaptureEvent } from '../events/types';
import type { IndexWriteTx } from './filing';
import { eventMs, foldFiled, indexedParts, NONE, refMs, refsRange, seriesKeyOf, type Filed, type RefKey } from './rows';

/** What un-filing a batch removed from the small index stores (the catalog forgets these ids). */
export interface UnfiledBatch {
  chains: number[];
  urls: number[];
}

/**
 * Take `events` (being deleted in `tx`) out of the index: the reverse of `fileEvents`. Each
 * event's `refs` key is computed and deleted, its `counts` row and `series` row decremented
 * (dropped at 0; a series' first / last re-read from its remaining `refs` when the deleted event
 * was at an edge), and a chain or URL no series uses any more is deleted — "Delete this site's
 * data" must not leave the site's addresses behind. Awaits only requests of `tx`.
 */
export async function unfileEvents(tx: IndexWriteTx, events: CaptureEvent[]): Promise<UnfiledBatch> {
  const parts = events.map(indexedParts);
  const chainIds = await idsOf(tx, 'chains', parts.map((p) => p.chain));
  const urlIds = await idsOf(tx, 'urls', parts.map((p) => p.url));
  const filed: Filed[] = [];
  events.forEach((event, i) => {
    const ms = eventMs(event);
    const { chain, url, host, type } = parts[i];
    const chainId = chain === null ? NONE : chainIds.get(chain);
    const urlId = url === null ? NONE : urlIds.get(url);
    // Unindexable (no time) or never filed (ids missing): nothing in the index to take out.
    if (ms === null || chainId === undefined || urlId === undefined) return;
    filed.push({ event, ms, key: [event.event, chainId, urlId, host, type] });
  });
  const refs = tx.objectStore('refs');
  for (const f of filed) void refs.delete([...f.key, -f.ms, f.event.uuid] as RefKey);
  const { series, counts } = foldFiled(filed);
  const countsStore = tx.objectStore('counts');
  await Promise.all(
    [...counts.values()].map(async (less) => {
      const key: [...ReturnType<typeof seriesKeyOf>, number] = [...seriesKeyOf(less), less.hour];
      const stored = await countsStore.get(key);
      if (!stored) return;
      if (stored.n <= less.n) await countsStore.delete(key);
      else await countsStore.put({ ...stored, n: stored.n - less.n });
    }),
  );
  const seriesStore = tx.objectStore('series');
  const droppedChains = new Set<number>();
  const droppedUrls = new Set<number>();
  await Promise.all(
    [...series.values()].map(async (less) => {
      const key = seriesKeyOf(less);
      const stored = await seriesStore.get(key);
      if (!stored) return;
      if (stored.n <= less.n) {
        await seriesStore.delete(key);
        droppedChains.add(stored.chain);
        droppedUrls.add(stored.url);
        return;
      }
      const row = { ...stored, n: stored.n - less.n };
      // refs keys hold -ms: ascending gives the newest first, descending the oldest.
      if (less.last >= stored.last) row.last = refMs((await refs.openKeyCursor(refsRange(key)))!.key as RefKey);
      if (less.first <= stored.first) row.first = refMs((await refs.openKeyCursor(refsRange(key), 'prev'))!.key as RefKey);
      await seriesStore.put(row);
    }),
  );
  return { chains: await dropUnused(tx, 'chains', droppedChains), urls: await dropUnused(tx, 'urls', droppedUrls) };
}

/** Stored ids of the distinct non-null strings (absent ones are left out). */
async function idsOf(tx: IndexWriteTx, storeName: 'chains' | 'urls', values: (string | null)[]): Promise<Map<string, number>> {
  // Typed per store: the two unique indexes hold strings and give numeric keys.
  const index = tx.objectStore(storeName).index((storeName === 'chains' ? 'chain' : 'url') as never) as unknown as { getKey(v: string): Promise<IDBValidKey | undefined> };
  const ids = new Map<string, number>();
  await Promise.all(
    [...new Set(values)].map(async (v) => {
      if (v === null) return;
      const id = (await index.getKey(v)) as number | undefined;
      if (id !== undefined) ids.set(v, id);
    }),
  );
  return ids;
}

/** Delete the chains / urls among `ids` that no series refers to any more; returns them. */
async function dropUnused(tx: IndexWriteTx, storeName: 'chains' | 'urls', ids: Set<number>): Promise<number[]> {
  const index = tx.objectStore('series').index(storeName === 'chains' ? 'chain' : 'url');
  const store = tx.objectStore(storeName);
  const dropped: number[] = [];
  await Promise.all(
    [...ids].map(async (id) => {
      if (id === NONE || (await index.count(id)) > 0) return;
      dropped.push(id);
      await store.delete(id);
    }),
  );
  return dropped;
}
