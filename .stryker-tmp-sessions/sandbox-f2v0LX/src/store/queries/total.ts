// @ts-nocheck
import type { LassoDatabase } from '../schema';
import type { EventFilter } from './filter';
import { isoOf } from './order';
import type { DriverName } from './plan';

/**
 * A result's size: exact when an index count or the catalog's series totals give it cheaply,
 * else bounded — at least the matches found so far, at most what the driver's range holds —
 * with `how` saying where the bound comes from.
 */
export type Total = { exact: number } | { atLeast: number; atMost: number; how: string };

/** Index ranges counted key by key at most this big (a count walks the index: ~10× a read's speed, not free). */
export const COUNT_LIMIT = 200_000;

const INDEX: Record<Exclude<DriverName, 'series'>, 'session_time' | 'distinct_time' | 'event_time' | 'host_time' | 'timestamp'> = {
  session: 'session_time',
  person: 'distinct_time',
  event: 'event_time',
  host: 'host_time',
  all: 'timestamp',
};

/** Index keys a driver reads (undefined: the plain timestamp index). */
function driverKeys(driver: DriverName, filter: EventFilter): (string | undefined)[] {
  if (driver === 'session') return [...new Set([filter.session!, filter.session!.toLowerCase(), filter.session!.toUpperCase()])];
  if (driver === 'person') return filter.ids!;
  if (driver === 'event') return filter.events!;
  if (driver === 'host') return [filter.site!];
  return [undefined];
}

/**
 * The total of a first page that did not reach the end. `covered`: the driver alone decides
 * every filter; `cost`: events in the driver's range over all time (catalog or index count).
 */
export async function countDriver(
  db: LassoDatabase,
  driver: DriverName,
  filter: EventFilter,
  { covered, cost, seriesTotal, found }: { covered: boolean; cost: number; seriesTotal: number; found: number },
): Promise<Total> {
  const timed = filter.from !== undefined || filter.to !== undefined;
  if (driver === 'series') {
    return covered ? { exact: seriesTotal } : { atLeast: found, atMost: seriesTotal, how: "events of the series the action / URL selects (all time), before the other filters" };
  }
  let inRange = cost;
  if (timed && cost <= COUNT_LIMIT) {
    const from = isoOf(filter.from ?? -Infinity);
    const to = isoOf(filter.to ?? Infinity);
    const index = db.transaction('events').store.index(INDEX[driver]);
    const counts = await Promise.all(
      driverKeys(driver, filter).map((k) => index.count(IDBKeyRange.bound(k === undefined ? from : [k, from], k === undefined ? to : [k, to], false, true) as never)),
    );
    inRange = counts.reduce((a, b) => a + b, 0);
  }
  if (covered && (!timed || cost <= COUNT_LIMIT)) return { exact: inRange };
  const range = timed && cost <= COUNT_LIMIT ? 'in the time range' : 'over all time';
  return { atLeast: found, atMost: inRange, how: `events in the ${INDEX[driver]} index range ${range}, before the other filters` };
}
