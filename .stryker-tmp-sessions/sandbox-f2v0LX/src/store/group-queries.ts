// @ts-nocheck
import type { CaptureEvent } from '../events/types';
import type { Group } from '../persons/groups';
import { groupOf } from './groups';
import { indexedTypes } from './group-rules';
import type { LassoDatabase } from './schema';

/** A group type that has an index (at most five), in index order. */
export interface GroupType {
  group_type: string;
  group_type_index: number;
}

/** The group types with an index, read from `group_types` (a handful of rows). */
export async function listGroupTypes(db: LassoDatabase): Promise<GroupType[]> {
  const indexed = indexedTypes(await db.getAll('group_types'));
  return [...indexed].map(([group_type, group_type_index]) => ({ group_type, group_type_index })).sort((a, b) => a.group_type_index - b.group_type_index);
}

export interface GroupPage {
  groups: Group[];
  /** Pass as `after` for the next page; null at the end. */
  next: string | null;
}

/**
 * Groups of one type by key (code-unit order), `limit` per page, read by key range; `after`
 * continues after a page's last key. A type without an index (over the limit, or unknown) has none.
 */
export async function listGroups(db: LassoDatabase, type: string, { limit = 50, after }: { limit?: number; after?: string } = {}): Promise<GroupPage> {
  const tx = db.transaction(['group_types', 'groups']);
  const index = indexedTypes(await tx.objectStore('group_types').getAll()).get(type);
  if (index === undefined) return { groups: [], next: null };
  const range = after === undefined ? IDBKeyRange.bound([type], [type, []]) : IDBKeyRange.bound([type, after], [type, []], true);
  const rows = await tx.objectStore('groups').getAll(range, limit + 1);
  const page = rows.slice(0, limit);
  return { groups: page.map((row) => groupOf(row, index)), next: rows.length > limit ? page[page.length - 1].group_key : null };
}

/**
 * One group with its properties and its latest `limit` events (those whose `$groups[type]` is
 * the key), newest first, read from `group_events` by key range. Undefined when there is no such group.
 */
export async function getGroup(db: LassoDatabase, type: string, key: string, limit = 50): Promise<{ group: Group; events: CaptureEvent[] } | undefined> {
  const tx = db.transaction(['group_types', 'groups', 'group_events', 'events']);
  const index = indexedTypes(await tx.objectStore('group_types').getAll()).get(type);
  const row = await tx.objectStore('groups').get([type, key]);
  if (index === undefined || !row) return undefined;
  // Keys hold -ms: ascending keys are newest first.
  const keys = await tx.objectStore('group_events').getAllKeys(IDBKeyRange.bound([type, key], [type, key, []]), limit);
  const events = await Promise.all(keys.map((k) => tx.objectStore('events').get(k[3])));
  return { group: groupOf(row, index), events: events.filter((e): e is CaptureEvent => e !== undefined) };
}
