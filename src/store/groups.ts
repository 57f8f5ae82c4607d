import type { IDBPTransaction, StoreNames } from 'idb';
import type { CaptureEvent } from '../events/types';
import { dictGet, dictSet, isPlainObject } from '../persons/dict';
import { applyGroupEvent, emptyGroupsState, type Group } from '../persons/groups';
import { compareKeys, eventTime, sortEvents } from '../persons/order';
import { compareFirst, eventMs, groupWarningsOf, indexedTypes, registrations, type GroupTypeRow } from './group-rules';
import type { LassoDB } from './schema';
import { forEachEventChunk } from './event-chunks';

/**
 * Groups in the store: the same result as `groupsFromEvents` (src/persons/groups.ts), kept in the
 * ingest transaction. A group's properties depend only on its own `$groupidentify` events (found
 * by key in `group_identifies`); type indexes depend on the order types were first seen (kept per
 * type in `group_types`), so the index is computed at read time and a late event that pushes a
 * type out of the first five (or brings one in) deletes or re-derives that type's groups and
 * re-derives the warnings of its events. See README.md "Groups".
 */
export interface GroupRow {
  group_type: string;
  group_key: string;
  properties: Record<string, unknown>;
  created_at: string;
  /** The latest (time, uuid) of the `$groupidentify` events applied: an earlier one is late. */
  last: [number, string];
}

/** A group warning by event (`n`: its place among the event's warnings). */
export interface GroupWarningRow {
  uuid: string;
  n: number;
  reason: string;
}

type GroupsTx = IDBPTransaction<LassoDB, StoreNames<LassoDB>[], 'readwrite' | 'versionchange'>;

const typeRange = (type: string) => IDBKeyRange.bound([type], [type, []]);
const groupRange = (type: string, key: string) => IDBKeyRange.bound([type, key], [type, key, []]);
const keyOf = (event: CaptureEvent): [number, string] => [eventTime(event), String(event.uuid)];
const isIdentify = (event: CaptureEvent) => event.event === '$groupidentify' && event.properties?.$group_type != null;

/**
 * Fold `events` (one group's `$groupidentify` events) onto `row` with `applyGroupEvent`, the
 * type's index preset so the fold never depends on other types. Undefined when no group results.
 */
export function foldGroup(type: string, key: string, row: GroupRow | undefined, events: CaptureEvent[]): GroupRow | undefined {
  const state = emptyGroupsState();
  dictSet(state.types, type, 0);
  if (row) state.groups['0'] = { [key]: { group_type: type, group_type_index: 0, group_key: key, properties: { ...row.properties }, created_at: row.created_at } };
  let last = row?.last ?? ([-Infinity, ''] as [number, string]);
  for (const event of sortEvents(events)) {
    applyGroupEvent(state, event);
    if (compareKeys(...keyOf(event), ...last) > 0) last = keyOf(event);
  }
  const group = dictGet(state.groups, '0') && dictGet(state.groups['0'], key);
  return group && { group_type: type, group_key: key, properties: group.properties, created_at: group.created_at, last };
}

/** The stored events of `keys` (`group_events` / `group_identifies` keys end with the uuid). */
async function eventsByKeys(tx: GroupsTx, keys: IDBValidKey[]): Promise<CaptureEvent[]> {
  const events = tx.objectStore('events');
  const uuids = [...new Set(keys.map((k) => (k as unknown[])[3] as string))];
  const found = await Promise.all(uuids.map((uuid) => events.get(uuid)));
  return found.filter((e): e is CaptureEvent => e !== undefined);
}

/** Re-derive one group from all its stored `$groupidentify` events. */
async function refold(tx: GroupsTx, type: string, key: string): Promise<void> {
  const events = await eventsByKeys(tx, await tx.objectStore('group_identifies').getAllKeys(groupRange(type, key)));
  const row = foldGroup(type, key, undefined, events);
  await (row ? tx.objectStore('groups').put(row) : tx.objectStore('groups').delete([type, key]));
}

/** Re-derive every group of `type` (it just got an index). */
async function rebuildType(tx: GroupsTx, type: string): Promise<void> {
  const keys = await tx.objectStore('group_identifies').getAllKeys(typeRange(type));
  const byGroup = new Map<string, IDBValidKey[]>();
  for (const k of keys) {
    const groupKey = (k as unknown[])[1] as string;
    byGroup.set(groupKey, [...(byGroup.get(groupKey) ?? []), k]);
  }
  await Promise.all([...byGroup].map(async ([groupKey, list]) => {
    const row = foldGroup(type, groupKey, undefined, await eventsByKeys(tx, list));
    if (row) await tx.objectStore('groups').put(row);
  }));
}

/** The stored events that register `types` (their `$groups` mentions and `$groupidentify`s). */
async function eventsOfTypes(tx: GroupsTx, types: string[]): Promise<CaptureEvent[]> {
  const keys: IDBValidKey[] = [];
  for (const type of types) {
    keys.push(...(await tx.objectStore('group_events').getAllKeys(typeRange(type))));
    keys.push(...(await tx.objectStore('group_identifies').getAllKeys(typeRange(type))));
  }
  return eventsByKeys(tx, keys);
}

/**
 * Write the group warnings of `events` as the indexed types give them now; `replace`: they may
 * have some already (events of a type that just gained or lost its index), delete those first.
 */
async function writeWarnings(tx: GroupsTx, events: CaptureEvent[], indexed: Map<string, number>, replace: boolean): Promise<void> {
  const store = tx.objectStore('group_warnings');
  await Promise.all(events.map(async (event) => {
    if (replace) await store.delete(IDBKeyRange.bound([event.uuid, -Infinity], [event.uuid, Infinity]));
    await Promise.all(groupWarningsOf(event, indexed).map((reason, n) => store.put({ uuid: event.uuid, n, reason })));
  }));
}

/** File `event` under its groups (`$groups`) and, for a `$groupidentify`, under its own type and key. */
function fileEvent(tx: GroupsTx, event: CaptureEvent): void {
  const ms = eventMs(event);
  if (ms === null) return;
  const props = event.properties ?? {};
  if (isPlainObject(props.$groups)) {
    for (const type of Object.keys(props.$groups)) void tx.objectStore('group_events').put(0, [type, String(props.$groups[type]), -ms, event.uuid]);
  }
  if (isIdentify(event)) void tx.objectStore('group_identifies').put(0, [String(props.$group_type), String(props.$group_key ?? ''), ms, event.uuid]);
}

/**
 * The types that got an index (`come`) or lost it (`gone`) now that the type rows are `rows`:
 * the groups of one that lost it are dropped, those of one that got it rebuilt.
 */
async function applyIndexChange(tx: GroupsTx, before: Map<string, number>, rows: Iterable<GroupTypeRow>) {
  const after = indexedTypes(rows);
  const gone = [...before.keys()].filter((t) => !after.has(t));
  const come = [...after.keys()].filter((t) => !before.has(t));
  for (const type of gone) await tx.objectStore('groups').delete(typeRange(type));
  for (const type of come) await rebuildType(tx, type);
  return { after, gone, come };
}

/** Apply `events` (new to the store, already added to `events` in `tx`) to the groups. */
export async function keepGroups(tx: GroupsTx, events: CaptureEvent[]): Promise<void> {
  const relevant = events.filter((e) => e.event === '$groupidentify' || isPlainObject(e.properties?.$groups));
  if (!relevant.length) return;
  for (const event of relevant) fileEvent(tx, event);
  const typeStore = tx.objectStore('group_types');
  const rows = new Map((await typeStore.getAll()).map((row) => [row.type, row]));
  const before = indexedTypes(rows.values());
  for (const event of relevant) {
    registrations(event).forEach((type, place) => {
      const first: GroupTypeRow['first'] = [eventTime(event), String(event.uuid), place];
      const row = rows.get(type);
      if (row && compareFirst(row.first, first) <= 0) return;
      rows.set(type, { type, first });
      void typeStore.put({ type, first });
    });
  }
  const { after, gone, come } = await applyIndexChange(tx, before, rows.values());
  // Groups this batch identifies (types just rebuilt already hold them).
  const touched = new Map<string, CaptureEvent[]>();
  for (const event of relevant) {
    const { $group_type: type, $group_key: key } = event.properties;
    if (!isIdentify(event) || !type || !key || !after.has(String(type)) || come.includes(String(type))) continue;
    const id = JSON.stringify([String(type), String(key)]);
    touched.set(id, [...(touched.get(id) ?? []), event]);
  }
  await Promise.all([...touched].map(async ([id, batch]) => {
    const [type, key] = JSON.parse(id) as [string, string];
    const row = await tx.objectStore('groups').get([type, key]);
    if (row && batch.some((e) => compareKeys(...keyOf(e), ...row.last) < 0)) return refold(tx, type, key);
    const next = foldGroup(type, key, row, batch);
    if (next) await tx.objectStore('groups').put(next);
  }));
  // New events have no warnings yet; those of a type that gained or lost its index are rewritten.
  const flipped = [...gone, ...come];
  const rewritten = flipped.length ? await eventsOfTypes(tx, flipped) : [];
  const again = new Set(rewritten.map((e) => e.uuid));
  await writeWarnings(tx, relevant.filter((e) => !again.has(e.uuid)), after, false);
  await writeWarnings(tx, rewritten, after, true);
}

/** Build the groups of every stored event (a v5 upgrade), in the upgrade transaction. */
export function backfillGroups(tx: GroupsTx, chunk = 1000): Promise<void> {
  return forEachEventChunk(tx, (batch) => keepGroups(tx, batch), chunk);
}

/** A stored group as the views see it (`groupsFromEvents`' shape), with its type's current index. */
export function groupOf(row: GroupRow, index: number): Group {
  return { group_type: row.group_type, group_type_index: index, group_key: row.group_key, properties: row.properties, created_at: row.created_at };
}

/**
 * Groups follow the remaining events after `deleted` are gone from `events` in `tx` (retention,
 * "Delete this site's data"): their `group_events` / `group_identifies` keys and warnings go, each
 * type they registered is first seen again by its earliest remaining registration (or forgotten),
 * a type that gains or loses its index is rebuilt or dropped with its events' warnings rewritten,
 * and each group they identified is re-derived from its remaining `$groupidentify` events.
 */
export async function forgetGroups(tx: GroupsTx, deleted: CaptureEvent[]): Promise<void> {
  const relevant = deleted.filter((e) => e.event === '$groupidentify' || isPlainObject(e.properties?.$groups));
  if (!relevant.length) return;
  const warnings = tx.objectStore('group_warnings');
  const touchedTypes = new Set<string>();
  const touchedGroups = new Map<string, [string, string]>();
  for (const event of relevant) {
    void warnings.delete(IDBKeyRange.bound([event.uuid, -Infinity], [event.uuid, Infinity]));
    const ms = eventMs(event);
    const props = event.properties ?? {};
    if (isPlainObject(props.$groups)) {
      for (const type of Object.keys(props.$groups)) {
        touchedTypes.add(type);
        if (ms !== null) void tx.objectStore('group_events').delete([type, String(props.$groups[type]), -ms, event.uuid]);
      }
    }
    if (isIdentify(event)) {
      const [type, key] = [String(props.$group_type), String(props.$group_key ?? '')];
      touchedTypes.add(type);
      touchedGroups.set(JSON.stringify([type, key]), [type, key]);
      if (ms !== null) void tx.objectStore('group_identifies').delete([type, key, ms, event.uuid]);
    }
    for (const type of registrations(event)) touchedTypes.add(type);
  }
  const typeStore = tx.objectStore('group_types');
  const rows = new Map((await typeStore.getAll()).map((row) => [row.type, row]));
  const before = indexedTypes(rows.values());
  for (const type of touchedTypes) {
    let first: GroupTypeRow['first'] | null = null;
    for (const event of await eventsOfTypes(tx, [type])) {
      registrations(event).forEach((t, place) => {
        const seen: GroupTypeRow['first'] = [eventTime(event), String(event.uuid), place];
        if (t === type && (first === null || compareFirst(seen, first) < 0)) first = seen;
      });
    }
    if (first === null) {
      rows.delete(type);
      void typeStore.delete(type);
    } else {
      rows.set(type, { type, first });
      void typeStore.put({ type, first });
    }
  }
  const { after, gone, come } = await applyIndexChange(tx, before, rows.values());
  for (const [type, key] of touchedGroups.values()) if (after.has(type) && !come.includes(type)) await refold(tx, type, key);
  // An index that moved (another type went) changes no warning text; one gained or lost does.
  const flipped = [...gone, ...come];
  if (flipped.length) await writeWarnings(tx, await eventsOfTypes(tx, flipped), after, true);
}
