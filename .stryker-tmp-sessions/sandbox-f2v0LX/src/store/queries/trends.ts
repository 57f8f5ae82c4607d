// @ts-nocheck
import type { ActionStep } from '../../actions/types';
import type { CaptureEvent } from '../../events/types';
import { planPreview, type PreviewPlan } from '../../preview/plan';
import { selectSeries } from '../../preview/select';
import { loadCatalog, type Catalog } from '../catalog';
import { hourOf, HOUR_MS, indexedParts, NONE, seriesId, type CountRow, type RefKey, type SeriesRow } from '../rows';
import type { LassoDatabase } from '../schema';
import { hourBuckets, type Interval } from './buckets';
import { refsSource, type ReadCounter } from './sources';
import { fromEventHours, readCounts } from './trend-reads';
import { breakdownValue, foldTopN, type Breakdown } from './topn';

/** One line of a trend: an event name or an action's steps. */
export type TrendSeries = { name: string; event: string } | { name: string; action: { steps: ActionStep[] } };

export interface TrendsQuery {
  series: TrendSeries[];
  site?: string;
  /** [from, to) in ms, widened to whole UTC hours (counts are hourly). */
  from: number;
  to: number;
  interval: Interval;
  /** IANA zone the buckets are cut in; default UTC. */
  timeZone?: string;
  weekStartsOn?: 0 | 1;
  /** Split each line by a property: top `limit` values (default 5) + other. */
  breakdown?: { property: string; limit?: number };
  /** Events a breakdown on a non-indexed property (or an action's raw conditions) may read; default 20,000. */
  budget?: number;
}

/** Properties the `counts` rows carry in their key: a breakdown on them reads no events. */
export const INDEXED_BREAKDOWNS = ['$host', '$current_url', '$event_type'] as const;

export interface TrendLine {
  name: string;
  /** Events per bucket. Exact from `counts` unless `scanned` says the line needed events read. */
  counts: number[];
  breakdown?: Breakdown & {
    /** Events per bucket the breakdown did not see (its read budget ran out; newest were read first). */
    notScanned?: number[];
  };
}

export interface TrendsResult {
  buckets: string[];
  lines: TrendLine[];
  /** Records read (counts rows, refs keys, events). */
  reads: number;
  /** Set when a budget cut the work: what was left out. */
  bounded?: string;
}

/** A line's compiled plan and selected series ids, per catalog (see selectLine). */
interface Selected {
  plan: PreviewPlan;
  /** catalog.series.size when selected: a new series may match, an existing one never changes parts. */
  size: number;
  exact: string[];
  candidates: string[];
}
const selections = new WeakMap<Catalog, Map<string, Selected>>();
/** Selections kept per catalog (a dashboard shows a handful of lines). */
const KEEP = 32;

/**
 * Series selected by one trend line: exact ones counted from `counts`, candidates only by reading
 * their events. Kept per catalog and line until the catalog gains a series (a deletion replaces
 * the catalog), so redrawing a chart neither recompiles the action nor re-judges every series;
 * rows are looked up afresh each time (their totals and time spans grow with ingest).
 */
function selectLine(catalog: Catalog, line: TrendSeries, site: string | undefined): { plan: PreviewPlan; exact: SeriesRow[]; candidates: SeriesRow[] } {
  const steps = 'event' in line ? [{ event: line.event }] : line.action.steps;
  const key = JSON.stringify([steps, site ?? null]);
  let cache = selections.get(catalog);
  if (!cache) selections.set(catalog, (cache = new Map()));
  let known = cache.get(key);
  if (!known || known.size !== catalog.series.size) {
    const plan = known?.plan ?? planPreview({ steps });
    const selection = selectSeries(catalog, plan, site ?? null);
    known = { plan, size: catalog.series.size, exact: selection.exact.map(seriesId), candidates: selection.candidates.map(seriesId) };
    cache.delete(key);
    if (cache.size >= KEEP) cache.delete(cache.keys().next().value as string);
    cache.set(key, known);
  }
  const rows = (ids: string[]) => ids.map((id) => catalog.series.get(id)).filter((s): s is SeriesRow => s !== undefined);
  return { plan: known.plan, exact: rows(known.exact), candidates: rows(known.candidates) };
}

/** The event names of an action whose every step is a bare event name (no other condition), else null. */
function bareEventNames(plan: PreviewPlan): string[] | null {
  const plain = plan.steps.every((s) => s.event !== null && !s.chain && !s.url && !s.type && !s.raw);
  return plain ? [...new Set(plan.steps.map((s) => s.event as string))] : null;
}

/** The per-bucket counts of a trend query; see README "Queries" for what it reads. */
export async function queryTrends(db: LassoDatabase, q: TrendsQuery): Promise<TrendsResult> {
  const fromHour = hourOf(q.from);
  const toHour = Math.ceil(q.to / HOUR_MS);
  const { labels, indexOfHour } = hourBuckets(fromHour, toHour, q.interval, q.timeZone ?? 'UTC', q.weekStartsOn ?? 0);
  const catalog = await loadCatalog(db);
  const counter: ReadCounter = { reads: 0 };
  const budget = q.budget ?? 20_000;
  const property = q.breakdown?.property;
  const indexed = property === undefined || (INDEXED_BREAKDOWNS as readonly string[]).includes(property);
  const bounded: string[] = [];
  const lines: TrendLine[] = [];
  for (const line of q.series) {
    const rollup = property === undefined || property === '$host';
    const hostLimit = property === '$host' ? (q.breakdown?.limit ?? 5) : undefined;
    if ('event' in line && rollup) {
      // An event name: the hourly rollup per site (≤ 24 rows a day a site), no series, no events.
      lines.push(await fromEventHours(db, catalog, { name: line.name, events: [line.event] }, q.site, fromHour, toHour, indexOfHour, labels.length, hostLimit, counter));
      continue;
    }
    const { plan, ...selection } = selectLine(catalog, line, q.site);
    const names = rollup ? bareEventNames(plan) : null;
    if (names) {
      // An action of bare event names counts exactly those events: the same rollup.
      lines.push(await fromEventHours(db, catalog, { name: line.name, events: names }, q.site, fromHour, toHour, indexOfHour, labels.length, hostLimit, counter));
      continue;
    }
    const counts = new Array<number>(labels.length).fill(0);
    const byValue = new Map<string, number[]>();
    const add = (value: string, bucket: number, n: number) => {
      let list = byValue.get(value);
      if (!list) byValue.set(value, (list = new Array<number>(labels.length).fill(0)));
      list[bucket] += n;
    };
    for (const row of await readCounts(db, catalog, selection.exact, fromHour, toHour, counter)) {
      const b = indexOfHour(row.hour);
      if (b < 0) continue;
      counts[b] += row.n;
      if (property !== undefined && indexed) add(indexedValue(catalog, row, property), b, row.n);
    }
    // Events must be read: candidates (raw conditions) always, every series for a breakdown on an event property.
    const scan = property !== undefined && !indexed ? [...selection.exact, ...selection.candidates] : selection.candidates;
    const exactIds = new Set(selection.exact.map(seriesId));
    const scannedPerBucket = new Array<number>(labels.length).fill(0);
    let cut = false;
    if (scan.length) {
      const tx = db.transaction(['refs', 'events']);
      for await (const v of refsSource(tx.objectStore('refs'), tx.objectStore('events'), scan, fromHour * HOUR_MS, toHour * HOUR_MS, null, counter, 500)) {
        const b = indexOfHour(hourOf(v.ms));
        const exact = exactIds.has(seriesIdOfRef(v.ref!));
        if (b >= 0 && (exact || plan.full.matches(v.event))) {
          if (!exact) counts[b]++;
          scannedPerBucket[b]++;
          if (property !== undefined) add(indexed ? eventIndexedValue(v.event, property) : breakdownValue(v.event.properties?.[property]), b, 1);
        }
        if (counter.reads >= budget) {
          cut = true;
          break;
        }
      }
    }
    if (cut) bounded.push(`${line.name}: read budget of ${budget} reached; ${selection.candidates.length ? 'conditions on raw events counted for the newest events only' : 'breakdown covers the newest events only'}`);
    const out: TrendLine = { name: line.name, counts };
    if (property !== undefined) {
      out.breakdown = foldTopN(byValue, labels.length, q.breakdown?.limit ?? 5);
      if (!indexed) out.breakdown.notScanned = counts.map((n, i) => n - scannedPerBucket[i]);
    }
    lines.push(out);
  }
  return { buckets: labels, lines, reads: counter.reads, ...(bounded.length && { bounded: bounded.join('; ') }) };
}

/** The series id a `refs` key belongs to. */
const seriesIdOfRef = ([event, chain, url, host, type]: RefKey): string => seriesId({ event, chain, url, host, type });

/** A breakdown value read from a counts row's key. */
function indexedValue(catalog: Catalog, row: CountRow, property: string): string {
  if (property === '$host') return breakdownValue(row.host);
  if (property === '$event_type') return breakdownValue(row.type);
  return row.url === NONE ? '(none)' : breakdownValue(catalog.urls.get(row.url));
}

/** The same value read from an event (as filing keys it: rows.ts indexedParts). */
function eventIndexedValue(event: CaptureEvent, property: string): string {
  const parts = indexedParts(event);
  return breakdownValue(property === '$host' ? parts.host : property === '$event_type' ? parts.type : parts.url);
}
