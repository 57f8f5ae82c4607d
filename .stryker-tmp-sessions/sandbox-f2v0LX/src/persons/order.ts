/**
 * Event order and the event-level checks shared by persons and groups.
 *
 * PostHog applies events in ingestion order; Lasso applies them in (timestamp, uuid) order so the
 * same events give the same persons whatever order they arrive in (see README.md).
 *
 * Sources (facts only), PostHog/posthog:
 * - nodejs/src/ingestion/event-preprocessing/validate-event-metadata.ts: distinct_id over 400
 *   characters drops the event (`skipping_event_invalid_distinct_id`).
 * - nodejs/src/ingestion/event-preprocessing/validate-event-properties.ts: a `$groupidentify`
 *   whose `$group_key` is over 400 characters is dropped (`group_key_too_long`).
 * - nodejs/src/ingestion/event-processing/normalize-process-person-flag-step.ts
 *   (`decideProcessPerson`): only a boolean `false` in
 *   `$process_person_profile` turns person processing off; `$identify`, `$create_alias`,
 *   `$merge_dangerously` and `$groupidentify` with it are dropped
 *   (`invalid_event_when_process_person_profile_is_false`); any non-boolean value is a warning
 *   (`invalid_process_person_profile`) and counts as true.
 */
// @ts-nocheck

import type { CaptureEvent } from '../events/types';

/** PostHog's MAX_DISTINCT_ID_LENGTH and the `$group_key` limit. */
export const MAX_ID_LENGTH = 400;

/** Events that need person processing; PostHog drops them when it is turned off. */
export const PERSON_ONLY_EVENTS: readonly string[] = ['$identify', '$create_alias', '$merge_dangerously', '$groupidentify'];

/** Milliseconds since the epoch of the event's timestamp, or NaN when it does not parse. */
export function eventTime(event: CaptureEvent): number {
  return typeof event.timestamp === 'string' ? Date.parse(event.timestamp) : NaN;
}

/** Sorts a copy of `events` by (timestamp, uuid); uuids compare by code unit (UUIDv7 sorts by time). */
export function sortEvents(events: readonly CaptureEvent[]): CaptureEvent[] {
  const keyed = events.map((event) => ({ event, time: eventTime(event), uuid: String(event.uuid) }));
  keyed.sort((a, b) => compareKeys(a.time, a.uuid, b.time, b.uuid));
  return keyed.map((k) => k.event);
}

/** Compares two (time, uuid) keys; unparseable times (NaN) sort first and are skipped later. */
export function compareKeys(timeA: number, uuidA: string, timeB: number, uuidB: string): number {
  const a = Number.isNaN(timeA) ? -Infinity : timeA;
  const b = Number.isNaN(timeB) ? -Infinity : timeB;
  if (a !== b) return a < b ? -1 : 1;
  return uuidA < uuidB ? -1 : uuidA > uuidB ? 1 : 0;
}

/** What `$process_person_profile` says: process, personless, or a drop/warning reason. */
export type PersonMode = { process: boolean; drop?: string; warn?: string };

/** PostHog's decision on person processing for one event. */
export function personMode(event: CaptureEvent): PersonMode {
  const props = event.properties ?? {};
  if (!Object.prototype.hasOwnProperty.call(props, '$process_person_profile')) return { process: true };
  const flag = props.$process_person_profile;
  if (flag === false) {
    if (PERSON_ONLY_EVENTS.includes(event.event)) {
      return { process: false, drop: `event dropped: ${event.event} with $process_person_profile=false (invalid_event_when_process_person_profile_is_false)` };
    }
    return { process: false };
  }
  if (flag === true) return { process: true };
  return { process: true, warn: `invalid $process_person_profile ${JSON.stringify(flag) ?? String(flag)}: only a boolean is valid, treated as true (invalid_process_person_profile)` };
}

/**
 * Why the whole event is dropped before persons and groups see it, or undefined. Covers an
 * unparseable timestamp (Lasso-only: PostHog would use its server time, which Lasso does not
 * have), PostHog's distinct_id length limit and its `$group_key` length limit.
 */
export function dropReason(event: CaptureEvent): string | undefined {
  if (Number.isNaN(eventTime(event))) return `event skipped: timestamp ${JSON.stringify(event.timestamp) ?? 'missing'} is not a valid ISO time`;
  if (String(event.distinct_id).length > MAX_ID_LENGTH) return `event dropped: distinct_id longer than ${MAX_ID_LENGTH} characters (skipping_event_invalid_distinct_id)`;
  const key = event.event === '$groupidentify' ? event.properties?.$group_key : undefined;
  if (key && String(key).length > MAX_ID_LENGTH) return `event dropped: $group_key longer than ${MAX_ID_LENGTH} characters (group_key_too_long)`;
  return undefined;
}
