/**
 * Time windows of behavioral leaves, relative to `now`, exactly as PostHog computes them (UTC,
 * PostHog's default project timezone). PostHog builds each leaf from an insight query
 * (posthog/hogql_queries/hogql_cohort_query.py) with `date_from = "-{time_value}{time_interval[0]}"`:
 *
 * - Trends (performed_event, first_time, stopped, restarted) read it through
 *   posthog/hogql_queries/utils/query_date_range.py: `date_from` is `now − N unit` truncated
 *   (`always_truncate`) to the start of its hour for hours, else of its day; `date_to` is the end
 *   of today (or of the day of `date_to` when one is given); both bounds inclusive
 *   (trends_actors_query_builder.py `_date_where_expr`, total value: `>=` and `<=`).
 * - EventsQuery (performed_event_multiple, events_query_runner.py) uses
 *   `timestamp > now − N unit` exactly and `timestamp < now + 5 s`.
 *
 * Months and years step back by calendar (dateutil relativedelta: the day is clamped to the end
 * of a shorter month), weeks by 7 days.
 */
import type { TimeInterval } from './types';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** An inclusive [from, to] window in epoch ms, or exclusive (from, to) for EventsQuery. */
export interface Window {
  from: number;
  to: number;
  inclusive: boolean;
}

/** `now` minus n units, as dateutil's relativedelta subtracts them. */
export function minus(now: number, n: number, unit: TimeInterval): number {
  if (unit === 'hour') return now - n * HOUR;
  if (unit === 'day') return now - n * DAY;
  if (unit === 'week') return now - n * 7 * DAY;
  const d = new Date(now);
  const months = unit === 'month' ? n : 12 * n;
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() - months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(d.getUTCDate(), lastDay), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
}

const startOfDay = (ms: number): number => Math.floor(ms / DAY) * DAY;
const endOfDay = (ms: number): number => startOfDay(ms) + DAY - 1;

/** A trends `date_from` of "-{n}{unit}": truncated to the hour (hours) or the day (others). */
export function trendsFrom(now: number, n: number, unit: TimeInterval): number {
  const at = minus(now, n, unit);
  return unit === 'hour' ? Math.floor(at / HOUR) * HOUR : startOfDay(at);
}

/** Trends window from "-{n}{unit}" to the end of today. */
export function trendsWindow(now: number, n: number, unit: TimeInterval): Window {
  return { from: trendsFrom(now, n, unit), to: endOfDay(now), inclusive: true };
}

/** Trends window from "-{n}{unit}" to the end of the day of "-{seqN}{seqUnit}" (restarted's gap). */
export function trendsWindowUntil(now: number, n: number, unit: TimeInterval, seqN: number, seqUnit: TimeInterval): Window {
  return { from: trendsFrom(now, n, unit), to: endOfDay(minus(now, seqN, seqUnit)), inclusive: true };
}

/** EventsQuery window: after exactly now − n units, before now + 5 s, both exclusive. */
export function eventsQueryWindow(now: number, n: number, unit: TimeInterval): Window {
  return { from: minus(now, n, unit), to: now + 5000, inclusive: false };
}

export const inWindow = (ms: number, w: Window): boolean => (w.inclusive ? ms >= w.from && ms <= w.to : ms > w.from && ms < w.to);

/** Length of a window in seconds as PostHog compares them (INTERVAL_TO_SECONDS: month 30 d, year 365 d). */
export function intervalSeconds(n: number, unit: TimeInterval): number {
  const per: Record<TimeInterval, number> = { hour: 3600, day: 86_400, week: 604_800, month: 2_592_000, year: 31_536_000 };
  return n * per[unit];
}
