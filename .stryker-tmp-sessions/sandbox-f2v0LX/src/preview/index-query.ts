// @ts-nocheck
import type { LassoDatabase } from '../store/schema';
import { countsRange, hourOf, HOUR_MS, refMs, refsRange, refUuid, seriesId, seriesKeyOf, type CountRow, type RefKey, type SeriesRow } from '../store/rows';
import { addLatest, emptyTally, typeWindows, windowStarts, type Tally, type WindowName } from './tally';

/** Series whose latest keys are read at once while looking for the newest matches. */
const LATEST_BATCH = 16;

export interface IndexAnswer {
  tally: Tally;
  /** Milliseconds per phase: hourly counts, partial-hour counts, latest refs, latest events. */
  phases: { counts: number; boundary: number; latest: number; events: number };
  /** Of the `pending` uuids, those this answer already counted (present in its snapshot). */
  counted: Set<string>;
}

/**
 * Count the events of `series` (all of whose events match) from the index alone, in ONE
 * readonly transaction, so counts, boundary counts and latest events are one consistent
 * snapshot. Reads: each series' hourly counts; for each window's first (partial) hour, an exact
 * `refs` count; the newest `keep` refs, visiting series newest-first and stopping early; then
 * `keep` events by uuid. `pending()` lists uuids announced by ingest since the query began;
 * those inside the snapshot are returned as counted.
 */
export async function queryIndex(
  db: LassoDatabase,
  series: SeriesRow[],
  opts: {
    now: number;
    keep: number;
    signal?: AbortSignal;
    pending?: () => Iterable<[string, boolean]>;
    /** Events per groupId() over all series (matched or not): decides when one range read beats many. */
    groupTotals?: ReadonlyMap<string, number>;
  },
): Promise<IndexAnswer> {
  const { now, keep, signal } = opts;
  const tally = emptyTally(now);
  const tx = db.transaction(['counts', 'refs', 'events']);
  const counts = tx.objectStore('counts');
  const refs = tx.objectStore('refs');

  let t = performance.now();
  const lap = () => -t + (t = performance.now());
  const rows = await readCounts(counts, series, opts.groupTotals);
  const phases = { counts: lap(), boundary: 0, latest: 0, events: 0 };
  signal?.throwIfAborted();
  for (const list of rows) for (const r of list) tally.hourly.set(r.hour, (tally.hourly.get(r.hour) ?? 0) + r.n);

  // A window starts inside an hour: whole hours after it come from counts, that hour from refs.
  // Counted per series, so the split by type (part of the series key) is exact as well.
  const starts = windowStarts(now).map(([w, start]) => ({ w, start, first: hourOf(start) }));
  const partial = await Promise.all(
    series.map((s, i) =>
      Promise.all(starts.map(({ start, first }) => (rows[i].some((r) => r.hour === first) ? refs.count(refsRange(seriesKeyOf(s), start, (first + 1) * HOUR_MS)) : 0))),
    ),
  );
  series.forEach((s, i) => {
    const byType = typeWindows(tally, s.type);
    const add = (w: WindowName, n: number) => {
      tally.windows[w] += n;
      byType[w] += n;
    };
    for (const r of rows[i]) {
      add('all', r.n);
      for (const { w, first } of starts) if (r.hour > first) add(w, r.n);
    }
    starts.forEach(({ w }, j) => add(w, partial[i][j]));
  });
  signal?.throwIfAborted();
  phases.boundary = lap();

  const latest = await latestRefs(refs, series, keep);
  phases.latest = lap();
  const events = await Promise.all(latest.map((k) => tx.objectStore('events').get(refUuid(k))));
  phases.events = lap();
  addLatest(
    tally,
    latest.flatMap((k, i) => (events[i] ? [{ ms: refMs(k), uuid: refUuid(k), event: events[i]! }] : [])),
    keep,
  );

  const counted = new Set<string>();
  const pending = [...(opts.pending?.() ?? [])];
  const present = await Promise.all(pending.map(([uuid]) => tx.objectStore('events').getKey(uuid)));
  pending.forEach(([uuid, exactSeries], i) => exactSeries && present[i] !== undefined && counted.add(uuid));
  return { tally, counted, phases };
}

/** Series of one event name and chain are adjacent in `counts` (key order event, chain, url, …). */
export const groupId = (s: { event: string; chain: number }): string => `${s.event}\u0000${s.chain}`;

/**
 * Hourly rows of each series (same order as `series`). Where the matched series cover at least
 * half the events of their (event, chain) group, one range read of the whole group (then a
 * filter) replaces one request per series: requests, not rows, dominate the cost.
 */
async function readCounts(
  counts: { getAll(range: IDBKeyRange): Promise<CountRow[]> },
  series: SeriesRow[],
  groupTotals: ReadonlyMap<string, number> = new Map(),
): Promise<CountRow[][]> {
  const groups = new Map<string, SeriesRow[]>();
  for (const s of series) {
    const list = groups.get(groupId(s));
    if (list) list.push(s);
    else groups.set(groupId(s), [s]);
  }
  const bySeries = new Map<string, CountRow[]>(series.map((s) => [seriesId(s), []]));
  await Promise.all(
    [...groups].map(async ([gid, members]) => {
      const matched = members.reduce((n, s) => n + s.n, 0);
      if (members.length > 1 && 2 * matched >= (groupTotals.get(gid) ?? Infinity)) {
        const { event, chain } = members[0];
        for (const r of await counts.getAll(IDBKeyRange.bound([event, chain], [event, chain, []]))) bySeries.get(seriesId(r))?.push(r);
      } else {
        await Promise.all(members.map(async (s) => bySeries.get(seriesId(s))!.push(...(await counts.getAll(countsRange(seriesKeyOf(s)))))));
      }
    }),
  );
  return series.map((s) => bySeries.get(seriesId(s))!);
}

/** The newest `keep` refs over `series`, newest first; a series older than the current cut-off is never read. */
async function latestRefs(
  refs: { getAllKeys(range: IDBKeyRange, count?: number): Promise<RefKey[]> },
  series: SeriesRow[],
  keep: number,
): Promise<RefKey[]> {
  const order = [...series].sort((a, b) => b.last - a.last);
  let best: RefKey[] = [];
  for (let i = 0; i < order.length && keep > 0; i += LATEST_BATCH) {
    const cutoff = best.length >= keep ? refMs(best[keep - 1]) : -Infinity;
    const batch = order.slice(i, i + LATEST_BATCH).filter((s) => s.last >= cutoff);
    if (!batch.length) break; // sorted by last: every later series is older still
    const lists = await Promise.all(batch.map((s) => refs.getAllKeys(refsRange(seriesKeyOf(s)), keep)));
    best = [...best, ...lists.flat()].sort(compareRefs).slice(0, keep);
  }
  return best;
}

/** `refs` key order: [-ms, uuid] ascending = newest first. */
const compareRefs = (a: RefKey, b: RefKey): number => refMs(b) - refMs(a) || (refUuid(a) < refUuid(b) ? -1 : refUuid(a) > refUuid(b) ? 1 : 0);
