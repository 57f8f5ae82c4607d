/**
 * Time windows of behavioral leaves, relative to `now`, exactly as PostHog computes them (UTC,
 * PostHog's default project timezone). PostHog builds each leaf from an insight query
 * (posthog/hogql_queries/hogql_cohort_query.py) whose `date_from` is `explicit_datetime` or
 * `"-{time_value}{time_interval[0]}"` and whose `date_to` is `explicit_datetime_to` or none:
 *
 * - Trends (performed_event, first_time, stopped, restarted) read them through
 *   posthog/hogql_queries/utils/query_date_range.py: a relative `date_from` is truncated
 *   (`always_truncate`) to the start of its hour when it counts hours, else of its day; an ISO one
 *   is kept; `date_to` is the end of its day (the end of today when absent); both inclusive
 *   (trends_actors_query_builder.py `_date_where_expr`, total value: `>=` and `<=`).
 * - EventsQuery (performed_event_multiple, events_query_runner.py): `timestamp > date_from`
 *   exactly, and `timestamp < date_to`, which defaults to now + 5 s.
 */
// @ts-nocheck

import { parsePostHogDate, type ParsedDate } from './posthog-dates';
import type { TimeInterval } from './types';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** An inclusive [from, to] window in epoch ms, or exclusive (from, to) for EventsQuery. */
export interface Window {
  from: number;
  to: number;
  inclusive: boolean;
}

/** Both readings of one leaf's date range: the trends one and the EventsQuery one. */
export interface LeafRange {
  from: ParsedDate;
  to: ParsedDate | null;
}

const endOfDay = (ms: number): number => Math.floor(ms / DAY) * DAY + DAY - 1;

/** The relative date string PostHog makes of time_value / time_interval. */
export const relativeOf = (n: number, unit: TimeInterval): string => `-${n}${unit[0]}`;

/** Parses `-{n}{unit}` (always valid). */
export function relativeRange(now: number, n: number, unit: TimeInterval): ParsedDate {
  return parsePostHogDate(relativeOf(n, unit), now) as ParsedDate;
}

/** Trends window of a date range. */
export function trendsWindow(now: number, range: LeafRange): Window {
  const { from } = range;
  const start = !from.relative ? from.at : from.hours ? Math.floor(from.at / HOUR) * HOUR : Math.floor(from.at / DAY) * DAY;
  return { from: start, to: endOfDay(range.to ? range.to.at : now), inclusive: true };
}

/** EventsQuery window of a date range. */
export function eventsQueryWindow(now: number, range: LeafRange): Window {
  return { from: range.from.at, to: range.to ? range.to.at : now + 5000, inclusive: false };
}

export const inWindow = (ms: number, w: Window): boolean => (w.inclusive ? ms >= w.from && ms <= w.to : ms > w.from && ms < w.to);

/** Length of a window in seconds as PostHog compares them (INTERVAL_TO_SECONDS: month 30 d, year 365 d). */
export function intervalSeconds(n: number, unit: TimeInterval): number {
  const per: Record<TimeInterval, number> = { hour: 3600, day: 86_400, week: 604_800, month: 2_592_000, year: 31_536_000 };
  return n * per[unit];
}
