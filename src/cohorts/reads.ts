/**
 * Which events a cohort's behavioral leaves can look at, and in which time ranges, so a store
 * reads only those (an index range per event name and range) instead of every event of the
 * names. Read from the same date fields and windows membership uses (leaf-time.ts, windows.ts):
 *
 * - performed_event: its trends window; performed_event_multiple: its EventsQuery window;
 *   stopped_performing_event: the whole window (the recent one lies inside it).
 * - performed_event_first_time and restarted_performing_event look for the person's first match
 *   ever (up to the window's end): everything before the window's end.
 *
 * Ranges are inclusive supersets ([from, to] in epoch ms; from may be -Infinity); membership still
 * judges each event exactly. A leaf whose dates do not validate, or a legacy `groups` leaf, reads
 * all time (membership then throws, or counts `days` back, as it always did).
 */
import type { StoredAction } from '../actions/types';
import { BEHAVIORAL_VALUES } from './behavioral';
import type { CompileEnv } from './compiled';
import { leafTime } from './leaf-time';
import type { CohortDefinition } from './types';
import { walkCohortLeaves } from './walk';
import { eventsQueryWindow, trendsWindow } from './windows';

/** An inclusive time range in epoch ms. */
export type TimeRange = [from: number, to: number];

export interface CohortReads {
  /** Per event name: the ranges whose events of that name a leaf can count. */
  events: Map<string, TimeRange[]>;
  /** Per action id: the ranges whose events an action leaf can match. */
  actions: Map<string, TimeRange[]>;
  /**
   * Event names a leaf with `event_filters` (or of the legacy format) reads: membership looks at
   * those events' properties. Every other leaf of `events` needs only an event's name, instant
   * and distinct_id, which a store can read without the properties.
   */
  withProperties: Set<string>;
}

const ALL: TimeRange = [-Infinity, Infinity];

/** The time range one behavioral leaf reads at `now`. */
function leafRange(leaf: Record<string, unknown>, now: number): TimeRange {
  const kind = leaf.value as string;
  if (!(BEHAVIORAL_VALUES as readonly string[]).includes(kind)) return ALL;
  const env = { errors: [], now } as unknown as CompileEnv;
  const time = leafTime(leaf, kind, '', env);
  if (!time || env.errors.length) return ALL;
  if (kind === 'performed_event_multiple') {
    const w = eventsQueryWindow(now, time.range);
    return [w.from, w.to];
  }
  const w = trendsWindow(now, time.range);
  if (kind === 'performed_event') return [w.from, w.to];
  if (kind === 'performed_event_first_time') return [-Infinity, w.to];
  if (!time.recent || !time.gap) return ALL;
  const recent = trendsWindow(now, time.recent);
  if (kind === 'stopped_performing_event') return [Math.min(w.from, recent.from), Math.max(w.to, recent.to)];
  return [-Infinity, Math.max(recent.to, trendsWindow(now, time.gap).to)];
}

/** Sorted, overlapping or touching ranges joined; empty ones (an end before the start) dropped. */
export function mergeRanges(ranges: TimeRange[]): TimeRange[] {
  const sorted = ranges.filter(([from, to]) => from <= to).sort((a, b) => a[0] - b[0]);
  const out: TimeRange[] = [];
  for (const [from, to] of sorted) {
    const last = out[out.length - 1];
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

/**
 * The event names and actions `cohort` (and every cohort it reaches) counts behaviour of, each
 * with the merged time ranges its leaves can look at when evaluated at `now` (ms). Static cohorts
 * read no events.
 */
export function cohortReads(
  cohort: CohortDefinition,
  ctx: { cohorts?: Record<string, CohortDefinition>; actions?: Record<string, StoredAction>; now: number },
): CohortReads {
  const events = new Map<string, TimeRange[]>();
  const actions = new Map<string, TimeRange[]>();
  const withProperties = new Set<string>();
  const add = (map: Map<string, TimeRange[]>, key: string, range: TimeRange) => map.set(key, [...(map.get(key) ?? []), range]);
  walkCohortLeaves(cohort, ctx.cohorts, (v, legacy) => {
    if (v.type !== 'behavioral') return;
    // A deprecated group's event or action counts over all time.
    const at = legacy ? ALL : leafRange(v, ctx.now);
    add(v.event_type === 'actions' ? actions : events, String(v.key), at);
    const filters = v.event_filters;
    if (v.event_type !== 'actions' && (legacy || (filters !== undefined && filters !== null && !(Array.isArray(filters) && !filters.length)))) withProperties.add(String(v.key));
  });
  for (const map of [events, actions]) for (const [key, ranges] of map) map.set(key, mergeRanges(ranges));
  return { events, actions, withProperties };
}
