/**
 * For how long a cohort's members stay the same while only `now` moves (no new data).
 *
 * Trends windows (performed_event, _first_time, stopped, restarted: src/cohorts/windows.ts) start
 * at the start of an hour or a day, or at a fixed ISO time, and end at the end of a day, so within
 * one UTC hour they select the same events: members computed at any moment of that hour hold for
 * all of it. performed_event_multiple's window starts at `now` minus its length exactly (and ends
 * at now + 5 s), relative date filters (`is_date_before -30d`) move with `now` too, and legacy
 * `groups` behaviour may count: those cohorts are exact to the millisecond.
 */
// @ts-nocheck

import type { CohortDefinition } from '../cohorts';

const HOUR = 3_600_000;

/** True when anything under `value` moves continuously with `now`. */
function continuous(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(continuous);
  if (typeof value !== 'object' || value === null) return false;
  const o = value as Record<string, unknown>;
  if (o.value === 'performed_event_multiple' || /^is_date_/.test(String(o.operator)) || 'event_id' in o || 'action_id' in o) return true;
  return Object.values(o).some(continuous);
}

/**
 * The bucket `now` falls in for `definitions` (a cohort, and every cohort and action it reaches):
 * the start of its UTC hour when they use only trends windows, else `now` itself.
 */
export function timeBucket(definitions: Array<CohortDefinition | object | undefined>, now: number): number {
  return definitions.some(continuous) ? now : Math.floor(now / HOUR) * HOUR;
}
