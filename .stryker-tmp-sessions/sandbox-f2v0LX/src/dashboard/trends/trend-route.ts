// @ts-nocheck
import type { RequestData } from '../use-request';

/**
 * The Trends view's settings as they live in the route's query string, and the `query.trends`
 * request they mean (pure). Keys:
 *
 *   site=<host[:port]>  series=<event name> | action:<action id> (repeatable, 1–10)
 *   interval=hour|day|week (default day)  last=7d|30d|90d (default 30d)  or  from/to=<YYYY-MM-DD>
 *   breakdown=<property>
 *
 * `from` / `to` are days in the browser's time zone, both included; `last` wins over them. A
 * value that cannot be read is named ("problems") and left out, never guessed.
 */
export type Interval = 'hour' | 'day' | 'week';
export const INTERVALS: readonly Interval[] = ['hour', 'day', 'week'];
export const RANGE_PRESETS = { '7d': 7, '30d': 30, '90d': 90 } as const;
export type RangePreset = keyof typeof RANGE_PRESETS;

/** One chosen line: an event name or a saved action (by id). */
export type SeriesRef = { kind: 'event'; event: string } | { kind: 'action'; id: string };

export interface TrendSettings {
  site: string;
  series: SeriesRef[];
  interval: Interval;
  /** '' when a fixed `from`/`to` range is used. */
  last: RangePreset | '';
  from: string;
  to: string;
  breakdown: string;
}

export const DEFAULT_SETTINGS: TrendSettings = { site: '', series: [], interval: 'day', last: '30d', from: '', to: '', breakdown: '' };
/** The background draws at most this many lines (`query.trends`: series of 1–10). */
export const MAX_SERIES = 10;
/** A breakdown's top values; the rest are summed as "Other". */
export const BREAKDOWN_LIMIT = 10;

const ACTION_PREFIX = 'action:';
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The route value of a series (`$pageview`, `action:<id>`). */
export const seriesKey = (s: SeriesRef): string => (s.kind === 'event' ? s.event : `${ACTION_PREFIX}${s.id}`);

/** The series of a route value. */
export function parseSeries(value: string): SeriesRef | null {
  const v = value.trim();
  if (!v) return null;
  if (v.startsWith(ACTION_PREFIX)) {
    const id = v.slice(ACTION_PREFIX.length).trim();
    return id ? { kind: 'action', id } : null;
  }
  return { kind: 'event', event: v };
}

/** Local midnight (ms) of a `YYYY-MM-DD` day, or null if it is not a real day. */
export function dayStart(day: string, dayOffset = 0): number | null {
  const m = DAY_RE.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(y, mo - 1, d);
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return null;
  return new Date(y, mo - 1, d + dayOffset).getTime();
}

const isPreset = (x: string): x is RangePreset => Object.hasOwn(RANGE_PRESETS, x);

/** The settings of a route query, and what in it could not be read. */
export function settingsFromQuery(query: URLSearchParams): { settings: TrendSettings; problems: string[] } {
  const problems: string[] = [];
  const text = (key: string) => query.get(key)?.trim() ?? '';
  const seen = new Set<string>();
  const series: SeriesRef[] = [];
  for (const raw of query.getAll('series')) {
    const s = parseSeries(raw);
    if (!s) {
      problems.push(`"series" must be an event name or action:<id>, not ${JSON.stringify(raw)}`);
      continue;
    }
    const key = seriesKey(s);
    if (seen.has(key)) continue;
    seen.add(key);
    if (series.length === MAX_SERIES) {
      problems.push(`at most ${MAX_SERIES} series: ${key} left out`);
      continue;
    }
    series.push(s);
  }
  const interval = text('interval');
  if (interval && !INTERVALS.includes(interval as Interval)) problems.push(`"interval" must be one of ${INTERVALS.join(', ')}, not ${interval}`);
  const last = text('last');
  if (last && !isPreset(last)) problems.push(`"last" must be one of ${Object.keys(RANGE_PRESETS).join(', ')}, not ${last}`);
  const day = (key: string) => {
    const v = text(key);
    if (v && dayStart(v) === null) {
      problems.push(`"${key}" is not a day YYYY-MM-DD: ${v}`);
      return '';
    }
    return v;
  };
  let from = day('from');
  let to = day('to');
  if (from && to && from > to) {
    problems.push(`"from" (${from}) is after "to" (${to})`);
    from = to = '';
  }
  const fixed = !isPreset(last) && Boolean(from || to);
  const settings: TrendSettings = {
    site: text('site'),
    series,
    interval: INTERVALS.includes(interval as Interval) ? (interval as Interval) : 'day',
    last: isPreset(last) ? last : fixed ? '' : DEFAULT_SETTINGS.last,
    from: fixed ? from : '',
    to: fixed ? to : '',
    breakdown: text('breakdown'),
  };
  return { settings, problems };
}

/** The route query of `settings`, in one fixed key order; defaults leave no key. */
export function queryFromSettings(s: TrendSettings): URLSearchParams {
  const q = new URLSearchParams();
  const set = (key: string, value: string) => value && q.append(key, value);
  set('site', s.site);
  for (const x of s.series) set('series', seriesKey(x));
  if (s.interval !== DEFAULT_SETTINGS.interval) set('interval', s.interval);
  if (s.last) {
    if (s.last !== DEFAULT_SETTINGS.last) set('last', s.last);
  } else {
    set('from', s.from);
    set('to', s.to);
  }
  set('breakdown', s.breakdown);
  return q;
}

const HOUR_MS = 3_600_000;

/**
 * The time range [from, to) in ms of `settings` at `now`: a preset runs from local midnight
 * `N - 1` days ago to the end of the current hour (so the request stays the same within an hour);
 * fixed days run from the first's midnight to the midnight after the last (a missing `from` is 30
 * days before `to`; a missing `to` is now).
 */
export function timeRange(s: TrendSettings, now: number): { from: number; to: number } {
  const endOfHour = Math.ceil((now + 1) / HOUR_MS) * HOUR_MS;
  const today = new Date(now);
  if (s.last) return { from: new Date(today.getFullYear(), today.getMonth(), today.getDate() - RANGE_PRESETS[s.last] + 1).getTime(), to: endOfHour };
  const to = (s.to ? dayStart(s.to, 1) : null) ?? endOfHour;
  const end = new Date(to - 1);
  const from = (s.from ? dayStart(s.from) : null) ?? new Date(end.getFullYear(), end.getMonth(), end.getDate() - RANGE_PRESETS['30d'] + 1).getTime();
  return { from, to };
}

/** The `query.trends` payload of `settings` at `now` in `timeZone`, or null while there is nothing to chart. */
export function trendsRequest(s: TrendSettings, now: number, timeZone: string): RequestData<'query.trends'> | null {
  if (!s.series.length) return null;
  const { from, to } = timeRange(s, now);
  return {
    series: s.series.map((x) => (x.kind === 'event' ? { name: x.event, event: x.event } : { name: x.id, actionId: x.id })),
    ...(s.site && { site: s.site }),
    from,
    to,
    interval: s.interval,
    timeZone,
    ...(s.breakdown && { breakdown: { property: s.breakdown, limit: BREAKDOWN_LIMIT } }),
  };
}
