// @ts-nocheck
import { planPreview } from '../../preview/plan';
import { selectSeries } from '../../preview/select';
import type { CaptureEvent } from '../../events/types';
import { loadCatalog, type Catalog } from '../catalog';
import type { SeriesRow } from '../rows';
import type { LassoDatabase } from '../schema';
import { compileFilter, seriesSteps, type EventFilter } from './filter';
import { isAfter, pageBounds, type Position } from './order';
import { applicableDrivers, chooseDriver, driverCoversFilter, type DriverCosts, type DriverName } from './plan';
import { indexSource, mergeSources, refsSource, type ReadCounter, type Visited } from './sources';
import { countDriver, type Total } from './total';
import { withFirst } from '../prefix';

/** Events a page may read before it returns short (a scan reads ~30k events/s: ≈ 0.15 s). */
export const DEFAULT_BUDGET = 5_000;

export interface EventPage {
  /** Newest first (ties: uuid ascending). */
  rows: CaptureEvent[];
  /** Pass as `cursor` for the next page; null when nothing is left. */
  next: Position | null;
  /** The page stopped at its read budget before filling (ask again with `next` to go on). */
  cutShort: boolean;
  /** Which source the query walked (README "Queries"). */
  driver: DriverName;
  /** Records read (events and refs keys). */
  reads: number;
  /** Only on a first page (no cursor). */
  total?: Total;
}

export interface EventPageOptions {
  limit?: number;
  cursor?: Position | null;
  budget?: number;
}

/**
 * One page of the events matching `filter`, newest first, read through the cheapest index (never
 * all events unless no filter narrows them): see README "Queries" for the drivers and totals.
 * Throws ActionValidationError (path `action.…` / `properties[i]…`) for a bad filter.
 */
export async function queryEvents(db: LassoDatabase, filter: EventFilter, { limit = 50, cursor = null, budget = DEFAULT_BUDGET }: EventPageOptions = {}): Promise<EventPage> {
  const compiled = compileFilter(filter);
  const catalog = await loadCatalog(db);
  const steps = seriesSteps(filter);
  const selection = steps && selectSeries(catalog, planPreview({ steps }), filter.site ?? null);
  const series = selection ? [...selection.exact, ...selection.candidates] : [];
  // A step with its own url left the query's URL to be judged per event.
  const seriesExact = !!selection && !selection.candidates.length && !(filter.url && filter.action?.steps.some((s) => s.url));
  const costs = await driverCosts(db, catalog, filter, series);
  const driver = chooseDriver(applicableDrivers(filter, !!selection), costs);
  const counter: ReadCounter = { reads: 0 };
  const { from, to } = pageBounds(filter.from, filter.to, cursor);

  const tx = db.transaction(['events', 'refs', 'persons']);
  const events = tx.objectStore('events');
  const keysOf = (): [Parameters<typeof indexSource>[0], (string | undefined)[]] => {
    if (driver === 'session') return [events.index('session_time'), sessionVariants(filter.session!)];
    if (driver === 'person') return [events.index('distinct_time'), filter.ids!];
    if (driver === 'event') return [events.index('event_time'), filter.events!];
    if (driver === 'host') return [events.index('host_time'), [filter.site!]];
    return [events.index('timestamp'), [undefined]];
  };
  let source: AsyncGenerator<Visited>;
  if (driver === 'series') source = refsSource(tx.objectStore('refs'), events, series, from, to, cursor, counter, Math.max(limit, 20));
  else {
    const [index, keys] = keysOf();
    source = mergeSources(keys.map((k) => indexSource(index, k, from, to, cursor, counter)));
  }

  const persons = new Map<string, { properties: Record<string, unknown> } | undefined>();
  const personOf = async (id: string) => {
    if (!persons.has(id)) persons.set(id, await tx.objectStore('persons').index('ids').get(id));
    return persons.get(id);
  };
  const rows: CaptureEvent[] = [];
  let last: Position | null = null;
  let exhausted = true;
  for await (const v of source) {
    if (!isAfter(v, cursor)) continue;
    last = v;
    if (compiled.matches(v.event, compiled.needsPerson ? await personOf(v.event.distinct_id) : undefined)) rows.push(v.event);
    if (rows.length >= limit || counter.reads >= budget) {
      exhausted = false;
      break;
    }
  }
  const cutShort = !exhausted && rows.length < limit;
  const page: EventPage = { rows, next: exhausted || !last ? null : { ms: last.ms, uuid: last.uuid }, cutShort, driver, reads: counter.reads };
  if (!cursor) {
    const covered = driverCoversFilter(driver, filter, seriesExact);
    page.total = exhausted
      ? { exact: rows.length }
      : await countDriver(db, driver, filter, { covered, cost: costs[driver] ?? Infinity, seriesTotal: series.reduce((n, s) => n + s.n, 0), found: rows.length });
  }
  return page;
}

/** The stored spellings a session id is looked up under (the index holds the raw property). */
export const sessionVariants = (id: string): string[] => [...new Set([id, id.toLowerCase(), id.toUpperCase()])];

/** What each applicable driver would visit: index counts for a session or person, catalog sums otherwise. */
async function driverCosts(db: LassoDatabase, catalog: Catalog, filter: EventFilter, series: SeriesRow[]): Promise<DriverCosts> {
  const costs: DriverCosts = { series: series.reduce((n, s) => n + s.n, 0) };
  let all = 0;
  let host = 0;
  let named = 0;
  const names = new Set(filter.events ?? []);
  for (const s of catalog.series.values()) {
    all += s.n;
    const inHost = filter.site === undefined || s.host.toLowerCase() === filter.site;
    if (inHost) host += s.n;
    // The event driver walks a name's events on every site: its cost ignores the site.
    if (names.has(s.event)) named += s.n;
  }
  Object.assign(costs, { all, host, event: named });
  const tx = db.transaction('events');
  if (filter.session !== undefined) {
    const counts = await Promise.all(sessionVariants(filter.session).map((id) => tx.store.index('session_time').count(withFirst(id))));
    costs.session = counts.reduce((a, b) => a + b, 0);
  }
  if (filter.ids) costs.person = (await Promise.all(filter.ids.map((id) => tx.store.index('distinct_time').count(withFirst(id))))).reduce((a, b) => a + b, 0);
  return costs;
}
