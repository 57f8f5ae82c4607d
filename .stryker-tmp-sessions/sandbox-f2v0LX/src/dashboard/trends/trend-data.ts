// @ts-nocheck
import type { TrendsResult } from '../../store/queries/trends';
import { routeHref } from '../route';
import type { Interval, SeriesRef, TrendSettings } from './trend-route';

/**
 * A `query.trends` answer turned into what the view draws (pure): one line per series, or per
 * series and breakdown value (top values, then "Other"); the uPlot data of those lines; the table's
 * rows; and, for every point, the Events view's route of the events it counts.
 */

/** What the Events view can narrow a line's events to besides its series and time. */
export type LineSlice = { kind: 'all' } | { kind: 'value'; value: string } | { kind: 'other'; top: string[] };

export interface ChartLine {
  /** Legend and column label. */
  label: string;
  series: SeriesRef;
  slice: LineSlice;
  /** Events per bucket (a bucket with none is 0). */
  counts: number[];
  total: number;
}

export interface TrendModel {
  /** Bucket labels as the background cut them (`2026-11-28`, `2026-11-28T14`, week start). */
  buckets: string[];
  /** Each bucket's [from, to) in ms, clipped to the asked range. */
  ranges: { from: number; to: number }[];
  lines: ChartLine[];
}

/** The label PostHog and the store give a missing breakdown value. */
export const NONE_VALUE = '(none)';
export const OTHER_LABEL = 'Other';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** The start (ms, browser time zone) of a bucket label, and where it ends. */
export function bucketRange(label: string, interval: Interval): { from: number; to: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}))?$/.exec(label);
  if (!m) throw new Error(`bucket label ${JSON.stringify(label)} is not YYYY-MM-DD or YYYY-MM-DDTHH`);
  const [y, mo, d, h] = [Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0)];
  if (interval === 'hour') return { from: new Date(y, mo, d, h).getTime(), to: new Date(y, mo, d, h + 1).getTime() };
  return { from: new Date(y, mo, d).getTime(), to: new Date(y, mo, d + (interval === 'week' ? 7 : 1)).getTime() };
}

/**
 * The model of an answer. `names` gives a series its label (an action's name; an event is its
 * name); `range` is the asked [from, to), which the first and last buckets are clipped to.
 */
export function trendModel(result: TrendsResult, series: SeriesRef[], interval: Interval, range: { from: number; to: number }, names: (s: SeriesRef) => string): TrendModel {
  const ranges = result.buckets.map((b) => {
    const r = bucketRange(b, interval);
    return { from: Math.max(r.from, range.from), to: Math.min(r.to, range.to) };
  });
  const fit = (counts: number[]) => result.buckets.map((_, i) => counts[i] ?? 0);
  const lines: ChartLine[] = [];
  result.lines.forEach((line, i) => {
    const ref = series[i];
    if (!ref) return;
    const name = names(ref);
    const prefix = series.length > 1 ? `${name} · ` : '';
    if (!line.breakdown) {
      const counts = fit(line.counts);
      lines.push({ label: name, series: ref, slice: { kind: 'all' }, counts, total: sum(counts) });
      return;
    }
    const top = line.breakdown.values.map((v) => v.value);
    for (const v of line.breakdown.values) {
      const counts = fit(v.counts);
      lines.push({ label: `${prefix}${v.value}`, series: ref, slice: { kind: 'value', value: v.value }, counts, total: sum(counts) });
    }
    const other = fit(line.breakdown.other);
    if (sum(other) > 0) lines.push({ label: `${prefix}${OTHER_LABEL}`, series: ref, slice: { kind: 'other', top }, counts: other, total: sum(other) });
  });
  return { buckets: result.buckets, ranges, lines };
}

/** uPlot's data: x = each bucket's start in seconds, then one y array per line. */
export function chartData(model: TrendModel): [number[], ...number[][]] {
  return [model.ranges.map((r) => r.from / 1000), ...model.lines.map((l) => l.counts)];
}

export interface TableRow {
  bucket: string;
  index: number;
  counts: number[];
}

/** The table's rows (one per bucket, one count per line) and the totals per line. */
export function tableRows(model: TrendModel): { rows: TableRow[]; totals: number[] } {
  return {
    rows: model.buckets.map((bucket, index) => ({ bucket, index, counts: model.lines.map((l) => l.counts[index]) })),
    totals: model.lines.map((l) => l.total),
  };
}

/**
 * The Events view's route of the events behind one point: the line's event or action, the
 * bucket's time range, the site, and for a breakdown the property's value (`exact`; `(none)`:
 * not set; Other: none of the top values).
 */
export function eventsHrefOf(model: TrendModel, line: number, bucket: number, settings: Pick<TrendSettings, 'site' | 'breakdown'>): string {
  const l = model.lines[line];
  const r = model.ranges[bucket];
  const q = new URLSearchParams();
  if (settings.site) q.set('site', settings.site);
  q.set('from', new Date(r.from).toISOString());
  q.set('to', new Date(r.to).toISOString());
  if (l.series.kind === 'event') q.append('event', l.series.event);
  else q.set('action', l.series.id);
  const key = settings.breakdown;
  if (key && l.slice.kind === 'value') q.append('prop', JSON.stringify(l.slice.value === NONE_VALUE ? { key, operator: 'is_not_set' } : { key, operator: 'exact', value: l.slice.value }));
  if (key && l.slice.kind === 'other') for (const v of l.slice.top) q.append('prop', JSON.stringify(v === NONE_VALUE ? { key, operator: 'is_set' } : { key, operator: 'is_not', value: v }));
  return routeHref('events', undefined, q);
}
