/**
 * Groups derived from events as PostHog derives them: a group exists once a `$groupidentify`
 * names it (`$group_type`, `$group_key`), its properties are the `$group_set`s merged key by key,
 * and `$groups` on any event only registers types (the store uses `groupColumns` to file an
 * event under its groups, PostHog's `$group_0`…`$group_4`).
 *
 * Sources (facts only), PostHog/posthog:
 * - nodejs/src/ingestion/event-processing/process-groups-step.ts (`upsertGroup`: falsy
 *   `$group_type` or `$group_key` is ignored, the key is stringified; groups only with person
 *   processing) and groups.ts beside it (`addGroupProperties`: `$groups` must be a non-array
 *   object).
 * - nodejs/src/worker/ingestion/groups/group-update.ts `calculateUpdate`: each `$group_set` key is
 *   written when missing or loosely different (`!=`), later events win.
 * - nodejs/src/worker/ingestion/groups/batch-writing-group-store.ts: `created_at` is the earliest
 *   upsert time.
 * - A non-object `$group_set` drops the event (`invalid_group_set`, listed in PostHog's
 *   ingestion-warning types).
 */
// @ts-nocheck

import type { CaptureEvent } from '../events/types';
import { type Dict, dictGet, dictHas, dictSet, isPlainObject } from './dict';
import { groupTypeIndex, typeLimitReason } from './group-types';
import { dropReason, personMode, sortEvents, eventTime } from './order';
import type { EventWarning } from './state';

/** One group as the views see it. */
export interface Group {
  group_type: string;
  group_type_index: number;
  group_key: string;
  properties: Record<string, unknown>;
  /** ISO time of its first `$groupidentify`. */
  created_at: string;
}

/** JSON-serializable groups state for incremental use (`applyGroupEvent`). */
export interface GroupsState {
  /** group type → index. */
  types: Dict<number>;
  /** `<index>` → group key → group. */
  groups: Dict<Dict<Group>>;
  warnings: EventWarning[];
}

/** An empty groups state. */
export function emptyGroupsState(): GroupsState {
  return { types: {}, groups: {}, warnings: [] };
}

/**
 * PostHog's `$group_<index>` columns for `event`: the key of each `$groups` type that has an
 * index in `state`. Call after `applyGroupEvent` for the same event.
 */
export function groupColumns(state: GroupsState, event: CaptureEvent): Record<string, string> {
  const columns: Record<string, string> = {};
  const groups = event.properties?.$groups;
  if (!isPlainObject(groups) || personMode(event).process === false) return columns;
  for (const type of Object.keys(groups)) {
    const index = dictGet(state.types, type);
    if (index !== undefined) columns[`$group_${index}`] = String(groups[type]);
  }
  return columns;
}

/** Registers a type for `event`, warning (once per type and event) when the limit refuses it. */
function register(state: GroupsState, event: CaptureEvent, type: string, warned: Set<string>): number | null {
  const index = groupTypeIndex(state.types, type);
  if (index === null && !warned.has(type)) {
    warned.add(type);
    state.warnings.push({ uuid: event.uuid, reason: typeLimitReason(type) });
  }
  return index;
}

/** Applies `event` to `state` in place; call in (timestamp, uuid) order (`sortEvents`). */
export function applyGroupEvent(state: GroupsState, event: CaptureEvent): void {
  // Dropped and personless events are reported by the persons derivation; nothing to do here.
  if (dropReason(event) || !personMode(event).process) return;
  const props = event.properties ?? {};
  const identify = event.event === '$groupidentify';
  const { $group_type: rawType, $group_key: rawKey, $group_set: groupSet } = props;
  if (identify && groupSet != null && !isPlainObject(groupSet)) {
    state.warnings.push({ uuid: event.uuid, reason: '$groupidentify dropped: $group_set must be an object (invalid_group_set)' });
    return;
  }
  const warned = new Set<string>();
  // PostHog registers a $groupidentify's type first (when it has a $group_set), then $groups.
  if (identify && rawType != null && groupSet != null) register(state, event, String(rawType), warned);
  if (isPlainObject(props.$groups)) {
    for (const type of Object.keys(props.$groups)) register(state, event, type, warned);
  }
  if (!identify || !rawType || !rawKey) return;
  const type = String(rawType);
  const index = register(state, event, type, warned);
  if (index === null) return;
  upsert(state, index, type, String(rawKey), isPlainObject(groupSet) ? groupSet : {}, new Date(eventTime(event)).toISOString());
}

/** Creates or updates one group with `$group_set` values (loose inequality, as PostHog). */
function upsert(state: GroupsState, index: number, type: string, key: string, set: Dict<unknown>, at: string): void {
  let byKey = dictGet(state.groups, String(index));
  if (!byKey) {
    byKey = {};
    dictSet(state.groups, String(index), byKey);
  }
  let group = dictGet(byKey, key);
  if (!group) {
    group = { group_type: type, group_type_index: index, group_key: key, properties: {}, created_at: at };
    dictSet(byKey, key, group);
  } else if (Date.parse(at) < Date.parse(group.created_at)) {
    group.created_at = at;
  }
  for (const k of Object.keys(set)) {
    // PostHog compares with `!=`: 1 then '1' keeps the first value.
    if (!dictHas(group.properties, k) || set[k] != group.properties[k]) dictSet(group.properties, k, set[k]);
  }
}

/** The groups of `state`, by type index then key (code-unit order), copied. */
export function groupsOf(state: GroupsState): { groups: Group[]; warnings: EventWarning[] } {
  const groups: Group[] = [];
  for (const index of Object.keys(state.groups).sort((a, b) => Number(a) - Number(b))) {
    const byKey = state.groups[index];
    for (const key of Object.keys(byKey).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
      const g = byKey[key];
      groups.push({ ...g, properties: { ...g.properties } });
    }
  }
  return { groups, warnings: state.warnings.map((w) => ({ ...w })) };
}

/**
 * Every group the events define, and a warning for each event whose group type is over the
 * 5-type limit or whose `$group_set` is not an object. Any input order gives the same result.
 */
export function groupsFromEvents(events: CaptureEvent[]): { groups: Group[]; warnings: EventWarning[] } {
  const state = emptyGroupsState();
  for (const event of sortEvents(events)) applyGroupEvent(state, event);
  return groupsOf(state);
}
