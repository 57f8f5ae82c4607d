/**
 * Group type → index (0–4), assigned the first time a type is seen, at most 5 types.
 *
 * Source (facts only): PostHog/posthog nodejs/src/worker/ingestion/group-type-manager.ts
 * (MAX_GROUP_TYPES_PER_TEAM = 5; a new type takes the smallest unused index),
 * groups/repositories/postgres-group-repository.ts `insertGroupType` (an index >= 5 gives null:
 * the type is not stored) and nodejs/src/ingestion/event-processing/process-groups-step.ts (a
 * `$groupidentify` with a non-null `$group_type` and
 * `$group_set` registers its type first, then the event's `$groups` types in key order, then
 * `$groupidentify` resolves its type again for the upsert).
 */
// @ts-nocheck

import { type Dict, dictGet, dictSet } from './dict';

/** PostHog's MAX_GROUP_TYPES_PER_TEAM. */
export const MAX_GROUP_TYPES = 5;

/**
 * The index of `groupType`, assigning the smallest free one to a new type.
 * @returns the index, or null when five types already exist (the type is not stored).
 */
export function groupTypeIndex(types: Dict<number>, groupType: string): number | null {
  const known = dictGet(types, groupType);
  if (known !== undefined) return known;
  const used = new Set(Object.values(types));
  let next = 0;
  while (used.has(next)) next++;
  if (next >= MAX_GROUP_TYPES) return null;
  dictSet(types, groupType, next);
  return next;
}

/** The warning for a type refused by the limit. */
export function typeLimitReason(groupType: string): string {
  return `group type '${groupType}' not stored: at most ${MAX_GROUP_TYPES} group types`;
}
