import { inSite } from '../../preview/select';
import type { Catalog } from '../catalog';
import { seriesId, seriesKeyOf, type CountRow, type SeriesRow } from '../rows';
import type { LassoDatabase } from '../schema';
import type { ReadCounter } from './sources';
import { breakdownValue, foldTopN } from './topn';
import type { TrendLine } from './trends';

/** The stored hourly counts a trend reads: the `event_hours` rollup, or `counts` per series. */

/**
 * One event name's line from `event_hours`: one hour-bounded range per site the catalog knows
 * that event on (the site asked, or every site), optionally broken down by `$host`.
 */
export async function fromEventHours(
  db: LassoDatabase,
  catalog: Catalog,
  line: { name: string; event: string },
  site: string | undefined,
  fromHour: number,
  toHour: number,
  indexOfHour: (hour: number) => number,
  buckets: number,
  breakdownLimit: number | undefined,
  counter: ReadCounter,
): Promise<TrendLine> {
  const hosts = new Set<string>();
  for (const s of catalog.series.values()) if (s.event === line.event && inSite(s.host, site ?? null)) hosts.add(s.host);
  const store = db.transaction('event_hours').store;
  const lists = await Promise.all([...hosts].map((host) => store.getAll(IDBKeyRange.bound([line.event, host, fromHour], [line.event, host, toHour], false, true))));
  const counts = new Array<number>(buckets).fill(0);
  const byHost = new Map<string, number[]>();
  for (const row of lists.flat()) {
    counter.reads++;
    const b = indexOfHour(row.hour);
    if (b < 0) continue;
    counts[b] += row.n;
    if (breakdownLimit === undefined) continue;
    const value = breakdownValue(row.host);
    if (!byHost.has(value)) byHost.set(value, new Array<number>(buckets).fill(0));
    byHost.get(value)![b] += row.n;
  }
  return { name: line.name, counts, ...(breakdownLimit !== undefined && { breakdown: foldTopN(byHost, buckets, breakdownLimit) }) };
}

/** One request costs about as much as reading this many small rows in one range (measured in Chromium, roughly). */
const ROWS_PER_REQUEST = 10;

/**
 * Hourly rows of `series` in [fromHour, toHour): one hour-bounded range per series, or — when
 * that means more requests than the name's rows are worth — one range over that name's rows
 * (at most its events, all time), filtered.
 */
export async function readCounts(db: LassoDatabase, catalog: Catalog, series: SeriesRow[], fromHour: number, toHour: number, counter: ReadCounter): Promise<CountRow[]> {
  const eventTotals = new Map<string, number>();
  for (const s of catalog.series.values()) eventTotals.set(s.event, (eventTotals.get(s.event) ?? 0) + s.n);
  const byEvent = new Map<string, SeriesRow[]>();
  for (const s of series) byEvent.set(s.event, [...(byEvent.get(s.event) ?? []), s]);
  const store = db.transaction('counts').store;
  const lists = await Promise.all(
    [...byEvent].map(async ([event, members]) => {
      if (members.length * ROWS_PER_REQUEST > (eventTotals.get(event) ?? 0)) {
        const wanted = new Set(members.map(seriesId));
        const rows = await store.getAll(IDBKeyRange.bound([event], [event, []]));
        counter.reads += rows.length;
        return rows.filter((r) => r.hour >= fromHour && r.hour < toHour && wanted.has(seriesId(r)));
      }
      const per = await Promise.all(members.map((s) => store.getAll(IDBKeyRange.bound([...seriesKeyOf(s), fromHour], [...seriesKeyOf(s), toHour], false, true))));
      const rows = per.flat();
      counter.reads += rows.length;
      return rows;
    }),
  );
  return lists.flat();
}
