// @ts-nocheck
import type { CaptureEvent } from '../../events/types';
import type { CohortMember } from '../../store/cohort-members';
import type { PersonListRow } from '../../store/queries/persons';
import { csvRow, valueAt } from './csv';

/** What a person's distinct ids are joined with in one persons-CSV cell. */
export const ID_SEPARATOR = ';';

/** Event columns offered first in the CSV column picker. */
export const COMMON_EVENT_COLUMNS = ['uuid', 'timestamp', 'event', 'distinct_id', 'properties.$current_url', 'properties.$session_id', 'properties.$host', 'properties.$el_text'] as const;

/**
 * Events as JSON Lines in capture shape: each line is exactly the stored event
 * (`{uuid, event, distinct_id, timestamp, properties}`), nothing added or renamed.
 */
export function eventsJsonl(events: readonly CaptureEvent[]): string {
  return events.map((e) => JSON.stringify(e) + '\n').join('');
}

/** The CSV header row of `columns` (paths such as `properties.$current_url`). */
export function csvHeader(columns: readonly string[]): string {
  return csvRow(columns);
}

/** Events as CSV records (no header), one column per path; nested values as JSON. */
export function eventsCsv(events: readonly CaptureEvent[], columns: readonly string[]): string {
  return events.map((e) => csvRow(columns.map((c) => valueAt(e, c)))).join('');
}

/** Columns of the persons CSV: the joined distinct ids, activity, then chosen person properties. */
export function personColumns(properties: readonly string[]): string[] {
  return ['distinct_ids', 'first_seen', 'last_seen', 'event_count', ...properties.map((p) => `properties.${p}`)];
}

/** Persons as CSV records (no header) for `personColumns(properties)`. */
export function personsCsv(persons: readonly PersonListRow[], properties: readonly string[]): string {
  return persons
    .map((p) => csvRow([p.distinct_ids.join(ID_SEPARATOR), p.firstSeen, p.lastSeen, p.eventCount, ...properties.map((k) => p.properties?.[k])]))
    .join('');
}

/**
 * Columns of the cohort members CSV: one row per distinct id, so the file imports back as a
 * static cohort in Lasso and PostHog (both read the `distinct_id` column); `person` is the
 * member's first distinct id, grouping the ids of one person.
 */
export const MEMBER_COLUMNS = ['distinct_id', 'person'] as const;

/** Cohort members as CSV records (no header) for `MEMBER_COLUMNS`. */
export function membersCsv(members: readonly CohortMember[]): string {
  return members.flatMap((m) => m.distinct_ids.map((id) => csvRow([id, m.distinct_ids[0]]))).join('');
}

/** Property keys seen in `records` (sorted), for the column pickers. */
export function propertyKeys(records: readonly { properties?: Record<string, unknown> }[]): string[] {
  const keys = new Set<string>();
  for (const r of records) for (const k of Object.keys(r.properties ?? {})) keys.add(k);
  return [...keys].sort();
}
