// @ts-nocheck
import type { IDBPIndex, IDBPObjectStore, StoreNames } from 'idb';
import type { CaptureEvent } from '../../events/types';
import { eventMs, refMs, refUuid, seriesKeyOf, type RefKey, type SeriesRow } from '../rows';
import type { LassoDB } from '../schema';
import { compareOrder, isAfter, isoOf, type Position } from './order';

/** An event read by a query, with its position in query order. */
export interface Visited extends Position {
  event: CaptureEvent;
  /** The `refs` key it was found by (refs-driven sources only): names its series. */
  ref?: RefKey;
}

/** Records read so far (events and `refs` keys): the work a query did, what tests assert. */
export interface ReadCounter {
  reads: number;
}

type EventsIndex = IDBPIndex<LassoDB, StoreNames<LassoDB>[], 'events', 'host_time' | 'distinct_time' | 'session_time' | 'event_time' | 'timestamp', 'readonly'>;
type Store<N extends StoreNames<LassoDB>> = IDBPObjectStore<LassoDB, StoreNames<LassoDB>[], N, 'readonly'>;

/**
 * Events of one key of a `[key, timestamp]` index (or of the `timestamp` index when `key` is
 * undefined) in [from, to), after `cursor`, in query order. The index walks timestamps
 * downwards; events of one timestamp are buffered and given uuid ascending.
 */
export async function* indexSource(index: EventsIndex, key: string | undefined, from: number, to: number, cursor: Position | null, counter: ReadCounter): AsyncGenerator<Visited> {
  const low = key === undefined ? isoOf(from) : [key, isoOf(from)];
  const high = key === undefined ? isoOf(to) : [key, isoOf(to)];
  let c = await index.openCursor(IDBKeyRange.bound(low, high, false, true) as never, 'prev');
  let group: Visited[] = [];
  let groupTs: string | null = null;
  const flush = (): Visited[] => group.sort(compareOrder).filter((v) => isAfter(v, cursor));
  while (c) {
    counter.reads++;
    const event = c.value;
    if (event.timestamp !== groupTs) {
      yield* flush();
      group = [];
      groupTs = event.timestamp;
    }
    const ms = eventMs(event);
    if (ms !== null) group.push({ ms, uuid: event.uuid, event });
    c = await c.continue();
  }
  yield* flush();
}

/** Several sources in query order (each already in query order). */
export async function* mergeSources(sources: AsyncGenerator<Visited>[]): AsyncGenerator<Visited> {
  const heads = await Promise.all(sources.map((s) => s.next()));
  for (;;) {
    let best = -1;
    for (let i = 0; i < heads.length; i++) {
      const h = heads[i];
      if (!h.done && (best < 0 || compareOrder(h.value, (heads[best] as IteratorYieldResult<Visited>).value) < 0)) best = i;
    }
    if (best < 0) return;
    yield (heads[best] as IteratorYieldResult<Visited>).value;
    heads[best] = await sources[best].next();
  }
}

/** Series whose newest keys are read at once (as the preview's latest list does). */
const SERIES_BATCH = 16;

/**
 * The next `count` refs keys after `after` over `series`, time in [from, to), in query order.
 * Series are visited newest-last first; once `count` keys are known, a series whose last event
 * is older than the count-th is never read.
 */
export async function nextRefs(refs: Store<'refs'>, series: SeriesRow[], after: Position | null, from: number, to: number, count: number): Promise<RefKey[]> {
  const order = series.filter((s) => s.last >= from && s.first < to && (!after || s.first <= after.ms)).sort((a, b) => b.last - a.last);
  let best: RefKey[] = [];
  for (let i = 0; i < order.length; i += SERIES_BATCH) {
    const cutoff = best.length >= count ? refMs(best[count - 1]) : -Infinity;
    const batch = order.slice(i, i + SERIES_BATCH).filter((s) => s.last >= cutoff);
    if (!batch.length) break;
    const lists = await Promise.all(batch.map((s) => refs.getAllKeys(refsAfter(s, after, from, to), count)));
    best = [...best, ...lists.flat()].sort((a, b) => compareOrder(pos(a), pos(b))).slice(0, count);
  }
  return best;
}

const pos = (k: RefKey): Position => ({ ms: refMs(k), uuid: refUuid(k) });

/** One series' refs in [from, to) strictly after `after` (keys ascend in query order). */
function refsAfter(s: SeriesRow, after: Position | null, from: number, to: number): IDBKeyRange {
  const key = seriesKeyOf(s);
  const upper = Number.isFinite(from) ? [...key, -from, []] : [...key, Infinity];
  if (after && after.ms < to) return IDBKeyRange.bound([...key, -after.ms, after.uuid], upper, true, false);
  return IDBKeyRange.bound(Number.isFinite(to) ? [...key, -to, []] : [...key, -Infinity], upper);
}

/** The events of `series` in query order, read `chunk` refs at a time, each event by uuid. */
export async function* refsSource(refs: Store<'refs'>, events: Store<'events'>, series: SeriesRow[], from: number, to: number, cursor: Position | null, counter: ReadCounter, chunk = 100): AsyncGenerator<Visited> {
  let after = cursor;
  for (;;) {
    const keys = await nextRefs(refs, series, after, from, to, chunk);
    const found = await Promise.all(keys.map((k) => events.get(refUuid(k))));
    counter.reads += keys.length;
    for (let i = 0; i < keys.length; i++) {
      const event = found[i];
      if (event) yield { ...pos(keys[i]), event, ref: keys[i] };
    }
    if (keys.length < chunk) return;
    after = pos(keys[keys.length - 1]);
  }
}
