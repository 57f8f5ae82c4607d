// @ts-nocheck
import type { CaptureEvent } from '../events/types';
import { HOUR_MS, hourOf } from '../store/rows';

/** The preview's time windows, ending at the query's `now` (an event counts when time ≥ now − w). */
export const WINDOWS = { '1h': HOUR_MS, '24h': 24 * HOUR_MS, '7d': 7 * 24 * HOUR_MS, '30d': 30 * 24 * HOUR_MS } as const;
export type WindowName = keyof typeof WINDOWS | 'all';
export const WINDOW_NAMES = [...Object.keys(WINDOWS), 'all'] as WindowName[];

/** One of the latest matches: newest first by time, then uuid ascending (the `refs` key order). */
export interface LatestEntry {
  ms: number;
  uuid: string;
  event: CaptureEvent;
}

/**
 * What a preview has counted so far. Hourly counts feed the per-day series in any whole-hour
 * time zone; window counts are kept exact separately (a window starts mid-hour).
 */
export interface Tally {
  now: number;
  hourly: Map<number, number>;
  windows: Record<WindowName, number>;
  /** The windows split by `$event_type` ('' = none): `$autocapture` counts clicks, changes and submits. */
  types: Map<string, Record<WindowName, number>>;
  latest: LatestEntry[];
}

const noWindows = (): Record<WindowName, number> => ({ '1h': 0, '24h': 0, '7d': 0, '30d': 0, all: 0 });

export function emptyTally(now: number): Tally {
  return { now, hourly: new Map(), windows: noWindows(), types: new Map(), latest: [] };
}

/** The windows of one `$event_type` in `t`, created empty on first use. */
export function typeWindows(t: Tally, type: string): Record<WindowName, number> {
  let w = t.types.get(type);
  if (!w) t.types.set(type, (w = noWindows()));
  return w;
}

/** An event's `$event_type` as the index files it ('' when missing or not a string). */
export const eventTypeOf = (event: CaptureEvent): string => (typeof event.properties?.$event_type === 'string' ? event.properties.$event_type : '');

/** Window start times (ms) for `now`. */
export function windowStarts(now: number): [Exclude<WindowName, 'all'>, number][] {
  return (Object.keys(WINDOWS) as Exclude<WindowName, 'all'>[]).map((w) => [w, now - WINDOWS[w]]);
}

/** Newest first, ties by uuid ascending. */
export const byRecency = (a: { ms: number; uuid: string }, b: { ms: number; uuid: string }): number =>
  b.ms - a.ms || (a.uuid < b.uuid ? -1 : a.uuid > b.uuid ? 1 : 0);

/** Count one matching event (from a scan or a new batch). */
export function addEvent(t: Tally, event: CaptureEvent, ms: number, keep: number): void {
  const hour = hourOf(ms);
  t.hourly.set(hour, (t.hourly.get(hour) ?? 0) + 1);
  const byType = typeWindows(t, eventTypeOf(event));
  t.windows.all++;
  byType.all++;
  for (const [w, start] of windowStarts(t.now)) {
    if (ms < start) continue;
    t.windows[w]++;
    byType[w]++;
  }
  addLatest(t, [{ ms, uuid: event.uuid, event }], keep);
}

/** Merge entries into the latest list, keeping the newest `keep`. */
export function addLatest(t: Tally, entries: LatestEntry[], keep: number): void {
  if (!entries.length) return;
  t.latest = [...t.latest, ...entries].sort(byRecency).slice(0, keep);
}

/** Add `b` into `a` (both for the same `now`; their events are disjoint). */
export function mergeTally(a: Tally, b: Tally, keep: number): void {
  for (const [h, n] of b.hourly) a.hourly.set(h, (a.hourly.get(h) ?? 0) + n);
  for (const w of WINDOW_NAMES) a.windows[w] += b.windows[w];
  for (const [type, windows] of b.types) {
    const into = typeWindows(a, type);
    for (const w of WINDOW_NAMES) into[w] += windows[w];
  }
  addLatest(a, b.latest, keep);
}

/**
 * Matches per local day, ascending, days without matches left out. `tzOffsetMinutes` is added
 * to UTC to get local time (`-new Date().getTimezoneOffset()`); exact for whole-hour offsets,
 * since counts are hourly.
 */
export function perDay(hourly: Map<number, number>, tzOffsetMinutes: number): { day: string; count: number }[] {
  const days = new Map<string, number>();
  for (const [hour, n] of hourly) {
    if (!n) continue;
    const day = new Date(hour * HOUR_MS + tzOffsetMinutes * 60_000).toISOString().slice(0, 10);
    days.set(day, (days.get(day) ?? 0) + n);
  }
  return [...days].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, count]) => ({ day, count }));
}
