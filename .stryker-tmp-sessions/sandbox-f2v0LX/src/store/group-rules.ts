/**
 * Pure pieces of keeping groups in the store (src/store/groups.ts), each the store's reading of a
 * rule of `applyGroupEvent` (src/persons/groups.ts): which types an event registers and in what
 * order, which types get an index, and an event's group warnings once the indexed types are known.
 */
// @ts-nocheck

import type { CaptureEvent } from '../events/types';
import { isPlainObject } from '../persons/dict';
import { MAX_GROUP_TYPES, typeLimitReason } from '../persons/group-types';
import { compareKeys, dropReason, eventTime, personMode } from '../persons/order';

/** Where a type was first seen: (event time, uuid, place among the event's registrations). */
export type FirstSeen = [number, string, number];

/** One `group_types` row. */
export interface GroupTypeRow {
  type: string;
  first: FirstSeen;
}

const INVALID_SET = '$groupidentify dropped: $group_set must be an object (invalid_group_set)';

/** Whether `event` is a `$groupidentify` whose `$group_set` makes `applyGroupEvent` drop it. */
function invalidSet(event: CaptureEvent): boolean {
  const set = event.properties?.$group_set;
  return event.event === '$groupidentify' && set != null && !isPlainObject(set);
}

/**
 * The group types `event` registers, in `applyGroupEvent`'s order (with repeats): a
 * `$groupidentify`'s own type first when it has a `$group_set`, then the `$groups` keys, then the
 * `$groupidentify`'s type again for its upsert. Empty for dropped, personless and invalid events.
 */
export function registrations(event: CaptureEvent): string[] {
  if (dropReason(event) || !personMode(event).process || invalidSet(event)) return [];
  const props = event.properties ?? {};
  const identify = event.event === '$groupidentify';
  const out: string[] = [];
  if (identify && props.$group_type != null && props.$group_set != null) out.push(String(props.$group_type));
  if (isPlainObject(props.$groups)) out.push(...Object.keys(props.$groups));
  if (identify && props.$group_type && props.$group_key) out.push(String(props.$group_type));
  return out;
}

/** Orders first-seen keys: time, uuid, then place within the event. */
export function compareFirst(a: FirstSeen, b: FirstSeen): number {
  return compareKeys(a[0], a[1], b[0], b[1]) || a[2] - b[2];
}

/**
 * Type → index: the first MAX_GROUP_TYPES types by first-seen get 0, 1, … in that order (PostHog
 * gives a new type the smallest free index and never frees one, so the index is its rank).
 */
export function indexedTypes(rows: Iterable<GroupTypeRow>): Map<string, number> {
  const sorted = [...rows].sort((a, b) => compareFirst(a.first, b.first));
  return new Map(sorted.slice(0, MAX_GROUP_TYPES).map((row, i) => [row.type, i]));
}

/** The groups warnings of `event` once `indexed` holds the types that got an index (as `groupsFromEvents` gives them). */
export function groupWarningsOf(event: CaptureEvent, indexed: Map<string, number>): string[] {
  if (dropReason(event) || !personMode(event).process) return [];
  if (invalidSet(event)) return [INVALID_SET];
  const refused = new Set(registrations(event).filter((type) => !indexed.has(type)));
  return [...refused].map(typeLimitReason);
}

/** The key an event files under in `group_events` / `group_identifies`, or null for an unparseable time. */
export function eventMs(event: CaptureEvent): number | null {
  const ms = eventTime(event);
  return Number.isNaN(ms) ? null : ms;
}
