// @ts-nocheck
import type { CaptureEvent } from '../events/types';
import { eventMs, refsRange, refUuid, seriesKeyOf, type RefKey, type SeriesRow } from '../store/rows';
import type { LassoDatabase } from '../store/schema';
import { addEvent, emptyTally, type Tally } from './tally';

/** Events read per transaction: short transactions keep ingest responsive during a long scan. */
export const SCAN_CHUNK = 500;

export interface ScanOptions {
  now: number;
  keep: number;
  /** Fraction of the candidate events read so far, 0…1, after each chunk. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  /** uuids announced by ingest since the query began: a scanned match among them is reported as counted. */
  pending?: ReadonlySet<string> | { has(uuid: string): boolean };
  /** Read each event's person (current properties, as PostHog joins persons) for `matches`. */
  withPersons?: boolean;
}

/** A person as the matcher reads it. */
export type MatchPerson = { properties: Record<string, unknown> };

/**
 * Read and judge every event of the `candidates` series (the fallback for conditions only a
 * stored event can answer). Reads only those series, by `refs` key ranges, a chunk per
 * transaction; reports progress and stops with an AbortError as soon as `signal` aborts.
 */
export async function scanSeries(
  db: LassoDatabase,
  candidates: SeriesRow[],
  matches: (event: CaptureEvent, person?: MatchPerson) => boolean,
  opts: ScanOptions,
): Promise<{ tally: Tally; counted: Set<string> }> {
  const tally = emptyTally(opts.now);
  const counted = new Set<string>();
  const total = candidates.reduce((sum, s) => sum + s.n, 0);
  let done = 0;
  for (const group of chunkSeries(candidates)) {
    // One cursor position per series of the group; a big series is paged across transactions.
    const after = new Map<SeriesRow, RefKey | undefined>(group.map((s) => [s, undefined]));
    while (after.size) {
      opts.signal?.throwIfAborted();
      const tx = db.transaction(opts.withPersons ? ['refs', 'events', 'persons'] : ['refs', 'events']);
      const refs = tx.objectStore('refs');
      const lists = await Promise.all(
        [...after].map(([s, last]) => {
          const all = refsRange(seriesKeyOf(s));
          const range = last ? IDBKeyRange.bound(last, all.upper, true, false) : all;
          return refs.getAllKeys(range, SCAN_CHUNK);
        }),
      );
      const keys = lists.flat();
      const events = await Promise.all(keys.map((k) => tx.objectStore('events').get(refUuid(k))));
      const persons = opts.withPersons ? await personsById(tx.objectStore('persons'), events) : undefined;
      opts.signal?.throwIfAborted();
      for (const event of events) {
        if (!event || !matches(event, persons?.get(String(event.distinct_id)))) continue;
        addEvent(tally, event, eventMs(event)!, opts.keep);
        if (opts.pending?.has(event.uuid)) counted.add(event.uuid);
      }
      [...after.keys()].forEach((s, i) => {
        if (lists[i].length < SCAN_CHUNK) after.delete(s);
        else after.set(s, lists[i][lists[i].length - 1]);
      });
      done += keys.length;
      opts.onProgress?.(total ? Math.min(1, done / total) : 1);
    }
  }
  if (!total) opts.onProgress?.(1);
  return { tally, counted };
}

/** The persons of `events`' distinct ids (one index read per distinct id). */
async function personsById(
  persons: { index(name: 'ids'): { get(id: string): Promise<MatchPerson | undefined> } },
  events: (CaptureEvent | undefined)[],
): Promise<Map<string, MatchPerson>> {
  const ids = [...new Set(events.flatMap((e) => (e ? [String(e.distinct_id)] : [])))];
  const found = await Promise.all(ids.map((id) => persons.index('ids').get(id)));
  const out = new Map<string, MatchPerson>();
  ids.forEach((id, i) => found[i] && out.set(id, { properties: found[i]!.properties }));
  return out;
}

/** Group series so one transaction reads about SCAN_CHUNK events. */
function chunkSeries(series: SeriesRow[]): SeriesRow[][] {
  const groups: SeriesRow[][] = [];
  let group: SeriesRow[] = [];
  let size = 0;
  for (const s of series) {
    if (group.length && size + s.n > SCAN_CHUNK) {
      groups.push(group);
      group = [];
      size = 0;
    }
    group.push(s);
    size += s.n;
  }
  if (group.length) groups.push(group);
  return groups;
}
