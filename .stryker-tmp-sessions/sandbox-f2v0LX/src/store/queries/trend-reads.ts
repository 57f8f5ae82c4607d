// @ts-nocheck
import { groupId } from '../../preview/index-query';
import { inSite } from '../../preview/select';
import type { Catalog } from '../catalog';
import { HOUR_MS, seriesId, seriesKeyOf, type CountRow, type SeriesRow } from '../rows';
import type { LassoDatabase } from '../schema';
import type { ReadCounter } from './sources';
import { breakdownValue, foldTopN } from './topn';
import type { TrendLine } from './trends';

/** The stored hourly counts a trend reads: the `event_hours` rollup, or `counts` per series. */

/**
 * Event names' line from `event_hours`: one hour-bounded range per (name, site the catalog knows
 * that name on) (the site asked, or every site), optionally broken down by `$host`. Several names
 * add up (an action whose steps are bare event names: each event matches one name).
 */
export async function fromEventHours(
  db: LassoDatabase,
  catalog: Catalog,
  line: { name: string; events: string[] },
  site: string | undefined,
  fromHour: number,
  toHour: number,
  indexOfHour: (hour: number) => number,
  buckets: number,
  breakdownLimit: number | undefined,
  counter: ReadCounter,
): Promise<TrendLine> {
  const names = new Set(line.events);
  const keys = new Map<string, [string, string]>();
  for (const s of catalog.series.values()) if (names.has(s.event) && inSite(s.host, site ?? null)) keys.set(`${s.event}\u0000${s.host}`, [s.event, s.host]);
  const store = db.transaction('event_hours').store;
  const lists = await Promise.all([...keys.values()].map(([event, host]) => store.getAll(IDBKeyRange.bound([event, host, fromHour], [event, host, toHour], false, true))));
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

/** At most how many `counts` rows a series has in [fromHour, toHour): one per hour it had an event in. */
function rowsWithin(s: SeriesRow, fromHour: number, toHour: number): number {
  const first = Math.max(fromHour, Math.floor(s.first / HOUR_MS));
  const last = Math.min(toHour - 1, Math.floor(s.last / HOUR_MS));
  return last < first ? 0 : Math.min(s.n, last - first + 1);
}

const groupRows = new WeakMap<Catalog, { size: number; rows: Map<string, number> }>();

/**
 * Rows a whole-group read visits, per (event, chain) group: every hour of every series of the
 * group, whatever its site. Only a cost estimate, so it is recounted when the catalog gains a
 * series, not when totals grow (one pass over tens of thousands of series is not free).
 */
function groupRowsOf(catalog: Catalog): Map<string, number> {
  const known = groupRows.get(catalog);
  if (known && known.size === catalog.series.size) return known.rows;
  const rows = new Map<string, number>();
  for (const s of catalog.series.values()) rows.set(groupId(s), (rows.get(groupId(s)) ?? 0) + rowsWithin(s, -Infinity, Infinity));
  groupRows.set(catalog, { size: catalog.series.size, rows });
  return rows;
}

/**
 * Hourly rows of `series` in [fromHour, toHour). A series with no event in the range is not read.
 * Series of one (event, chain) are adjacent in `counts` (key order event, chain, url, …), so per
 * such group the cheaper of two reads (requests, not rows, dominate): one hour-bounded range per
 * series, or one range over the whole group (all its series and hours), filtered. All requests go
 * out at once in one transaction.
 */
export async function readCounts(db: LassoDatabase, catalog: Catalog, series: SeriesRow[], fromHour: number, toHour: number, counter: ReadCounter): Promise<CountRow[]> {
  const groups = new Map<string, SeriesRow[]>();
  for (const s of series) {
    if (rowsWithin(s, fromHour, toHour) === 0) continue;
    const list = groups.get(groupId(s));
    if (list) list.push(s);
    else groups.set(groupId(s), [s]);
  }
  if (!groups.size) return [];
  const rowsOf = groupRowsOf(catalog);
  const store = db.transaction('counts').store;
  const lists = await Promise.all(
    [...groups].map(async ([gid, members]) => {
      const perSeries = members.reduce((cost, s) => cost + ROWS_PER_REQUEST + rowsWithin(s, fromHour, toHour), 0);
      if (members.length > 1 && ROWS_PER_REQUEST + (rowsOf.get(gid) ?? Infinity) < perSeries) {
        const wanted = new Set(members.map(seriesId));
        const { event, chain } = members[0];
        const rows = await store.getAll(IDBKeyRange.bound([event, chain], [event, chain, []]));
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
