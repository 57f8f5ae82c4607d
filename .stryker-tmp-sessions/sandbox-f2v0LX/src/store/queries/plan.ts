// @ts-nocheck
import type { EventFilter } from './filter';

/**
 * Which source a query walks, newest first; every other filter is judged per event read.
 * - `session`: `session_time` [$session_id, timestamp] (the id as given, lower and upper case)
 * - `person`: `distinct_time` [distinct_id, timestamp], one range per id of the person, merged
 * - `series`: the `refs` keys of the series an action / URL selects (preview's selection), merged
 * - `event`: `event_time` [event, timestamp], one range per name, merged
 * - `host`: `host_time` [$host, timestamp]
 * - `all`: the `timestamp` index
 */
export type DriverName = 'session' | 'person' | 'series' | 'event' | 'host' | 'all';

/** Events each applicable driver would visit at most (before the time range), from index counts or the catalog. */
export type DriverCosts = Partial<Record<DriverName, number>>;

/** The drivers a filter allows (`all` always). */
export function applicableDrivers(filter: EventFilter, seriesUsable: boolean): DriverName[] {
  const out: DriverName[] = [];
  if (filter.session !== undefined) out.push('session');
  if (filter.ids) out.push('person');
  if (seriesUsable) out.push('series');
  if (filter.events) out.push('event');
  if (filter.site !== undefined) out.push('host');
  out.push('all');
  return out;
}

/**
 * The cheapest driver: fewest events to visit; ties go to the earlier (more specific) one.
 * A driver with no known cost is never chosen over one with a cost (except `all`, the fallback).
 */
export function chooseDriver(drivers: DriverName[], costs: DriverCosts): DriverName {
  let best: DriverName = 'all';
  let bestCost = Infinity;
  for (const d of drivers) {
    const c = costs[d];
    if (c !== undefined && c < bestCost) {
      best = d;
      bestCost = c;
    }
  }
  return best;
}

/**
 * Whether the driver alone decides every filter set (then a count of its ranges is the exact
 * total). `seriesExact`: the series driver selected only exact series (no raw-event conditions).
 */
export function driverCoversFilter(driver: DriverName, filter: EventFilter, seriesExact: boolean): boolean {
  const rest = { ...filter } as Record<string, unknown>;
  delete rest.from;
  delete rest.to;
  if (driver === 'session') delete rest.session;
  if (driver === 'person') delete rest.ids;
  if (driver === 'event') delete rest.events;
  if (driver === 'host') delete rest.site;
  if (driver === 'series') {
    if (!seriesExact) return false;
    for (const k of ['action', 'url', 'events', 'site']) delete rest[k];
    // With a time range the series total (all time) is not the range's: counted separately.
    if (filter.from !== undefined || filter.to !== undefined) return false;
  }
  return Object.values(rest).every((v) => v === undefined);
}
