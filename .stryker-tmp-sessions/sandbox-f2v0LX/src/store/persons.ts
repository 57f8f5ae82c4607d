// @ts-nocheck
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { CaptureEvent } from '../events/types';
import { applyEvent, compareKeys, emptyPersonsState, sortEvents, type PersonRecord, type PersonsState } from '../persons';
import { mergeRequest } from '../persons/merge';
import { eventTime } from '../persons/order';
import type { LassoDB } from './schema';
import { withFirst } from './prefix';

/**
 * Persons in the store: the same rules as `personsFromEvents` (src/persons), kept up to date in
 * the ingest transaction. Events in time order are folded into the persons they touch (one read
 * per distinct id of the batch); an event older than what a person already applied re-derives
 * that person's whole merge component from its stored events, so the result never depends on
 * arrival order.
 */
export interface PersonRow extends PersonRecord {
  /** Internal key (`p1`, `p2`, …), never shown. */
  key: string;
  /** The latest (time, uuid) applied to this person: an event before it is late. */
  last: [number, string];
}

/** A refused merge, an illegal id or a dropped event, by event uuid (`n`: its place among the event's warnings). */
export interface PersonWarningRow {
  uuid: string;
  n: number;
  distinct_id: string;
  reason: string;
}

type PersonsTx = IDBPTransaction<LassoDB, StoreNames<LassoDB>[], 'readwrite' | 'versionchange'>;

/** The ids an event can touch: its distinct_id and the id it asks to merge. */
function idsOf(event: CaptureEvent): string[] {
  const other = mergeRequest(event)?.other;
  const own = String(event.distinct_id);
  return other === undefined || other === own ? [own] : [own, other];
}

const keyOf = (event: CaptureEvent): [number, string] => [eventTime(event), String(event.uuid)];

/**
 * Apply `events` (new to the store, already added to `events` in `tx`) to the persons.
 */
export async function keepPersons(tx: PersonsTx, events: CaptureEvent[]): Promise<void> {
  if (!events.length) return;
  const persons = tx.objectStore('persons');
  const links = tx.objectStore('person_links');
  // Merge requests link two ids, whatever their outcome: the component a re-derivation reads.
  for (const event of events) {
    const [a, b] = idsOf(event);
    if (b !== undefined) {
      void links.put(0, [a, b]);
      void links.put(0, [b, a]);
    }
  }
  const touched = new Set(events.flatMap(idsOf));
  const owners = new Map<string, PersonRow | undefined>();
  await Promise.all([...touched].map(async (id) => owners.set(id, await persons.index('ids').get(id))));
  const late = events.filter((event) => idsOf(event).some((id) => {
    const owner = owners.get(id);
    return owner !== undefined && compareKeys(...keyOf(event), ...owner.last) < 0;
  }));
  const rederived = late.length ? await rederive(tx, late.flatMap(idsOf)) : new Set<string>();
  const inOrder = events.filter((event) => !idsOf(event).some((id) => rederived.has(id)));
  if (inOrder.length) await foldInOrder(tx, inOrder, owners);
}

/**
 * Apply `events` to `state` in (timestamp, uuid) order, noting in `last` the latest event each
 * person applied; returns the events by uuid (for the warnings' distinct ids).
 */
function fold(state: PersonsState, events: CaptureEvent[], last: Map<string, [number, string]>): Map<string, CaptureEvent> {
  const byUuid = new Map<string, CaptureEvent>();
  for (const event of sortEvents(events)) {
    byUuid.set(String(event.uuid), event);
    applyEvent(state, event);
    const id = String(event.distinct_id);
    if (Object.prototype.hasOwnProperty.call(state.personByDistinctId, id)) last.set(state.personByDistinctId[id], keyOf(event));
  }
  return byUuid;
}

/** The next person key number, kept in `meta`. */
async function nextId(tx: PersonsTx): Promise<number> {
  return ((await tx.objectStore('meta').get('nextPerson')) as number | undefined) ?? 1;
}

/** Fold events that come after everything their persons applied into those persons. */
async function foldInOrder(tx: PersonsTx, events: CaptureEvent[], owners: Map<string, PersonRow | undefined>): Promise<void> {
  const state: PersonsState = { ...emptyPersonsState(), nextId: await nextId(tx) };
  // Only the owners of these events' ids: others may just have been re-derived.
  const loaded = new Map<string, PersonRow>();
  for (const id of new Set(events.flatMap(idsOf))) {
    const row = owners.get(id);
    if (row) loaded.set(row.key, row);
  }
  for (const row of loaded.values()) {
    const { key, last: _, ...person } = row;
    state.persons[key] = person;
    for (const id of person.distinct_ids) state.personByDistinctId[id] = key;
  }
  const last = new Map<string, [number, string]>([...loaded].map(([key, row]) => [key, row.last]));
  await writeBack(tx, [...loaded.keys()], state, last, fold(state, events, last));
}

/**
 * Re-derive every person of the merge components of `ids`: read the components' stored events
 * (by distinct_id), fold them in time order, replace their persons and warnings. Returns the ids
 * of those components. Deletion (src/store/forget.ts) calls it after taking events out: persons
 * then follow the remaining events.
 */
export async function rederive(tx: PersonsTx, ids: string[]): Promise<Set<string>> {
  const persons = tx.objectStore('persons');
  const links = tx.objectStore('person_links');
  const component = new Set<string>();
  const old = new Map<string, PersonRow>();
  const queue = [...new Set(ids)];
  while (queue.length) {
    const id = queue.pop() as string;
    if (component.has(id)) continue;
    component.add(id);
    const linked = await links.getAllKeys(IDBKeyRange.bound([id, ''], [id, []]));
    for (const [, other] of linked as [string, string][]) if (!component.has(other)) queue.push(other);
    const owner = await persons.index('ids').get(id);
    if (owner && !old.has(owner.key)) {
      old.set(owner.key, owner);
      for (const other of owner.distinct_ids) if (!component.has(other)) queue.push(other);
    }
  }
  const byId = tx.objectStore('events').index('distinct_time');
  const events = (await Promise.all([...component].map((id) => byId.getAll(withFirst(id))))).flat();
  const warnings = tx.objectStore('person_warnings');
  await Promise.all(events.map((event) => warnings.delete(IDBKeyRange.bound([event.uuid, -Infinity], [event.uuid, Infinity]))));
  const state: PersonsState = { ...emptyPersonsState(), nextId: await nextId(tx) };
  const last = new Map<string, [number, string]>();
  await writeBack(tx, [...old.keys()], state, last, fold(state, events, last));
  return component;
}

/** Replace the persons `before` (keys) with those of `state`, and add its warnings. Deletes go first: an id moves between persons. */
async function writeBack(tx: PersonsTx, before: string[], state: PersonsState, last: Map<string, [number, string]>, byUuid: Map<string, CaptureEvent>): Promise<void> {
  const persons = tx.objectStore('persons');
  for (const key of before) if (!Object.prototype.hasOwnProperty.call(state.persons, key)) void persons.delete(key);
  const writes: Promise<unknown>[] = [];
  for (const key of Object.keys(state.persons)) {
    writes.push(persons.put({ ...state.persons[key], key, last: last.get(key) ?? [-Infinity, ''] }));
  }
  const counts = new Map<string, number>();
  const warnings = tx.objectStore('person_warnings');
  for (const { uuid, reason } of state.warnings) {
    const n = counts.get(uuid) ?? 0;
    counts.set(uuid, n + 1);
    writes.push(warnings.put({ uuid, n, reason, distinct_id: String(byUuid.get(uuid)?.distinct_id ?? '') }));
  }
  writes.push(tx.objectStore('meta').put(state.nextId, 'nextPerson'));
  await Promise.all(writes);
}

/** Build the persons of every stored event (a v5 upgrade), in time order, in the upgrade transaction. */
export async function backfillPersons(tx: PersonsTx, chunk = 1000): Promise<void> {
  const index = tx.objectStore('events').index('timestamp');
  let after: [string, string] | undefined;
  for (;;) {
    // Keyset on (timestamp, uuid): the index sorts equal timestamps by primary key.
    const batch: CaptureEvent[] = [];
    let cursor = await index.openCursor(after ? IDBKeyRange.lowerBound(after[0]) : undefined);
    while (cursor && batch.length < chunk) {
      const event = cursor.value;
      if (!after || event.timestamp > after[0] || event.uuid > after[1]) batch.push(event);
      cursor = await cursor.continue();
    }
    if (!batch.length) return;
    await keepPersons(tx, batch);
    const tail = batch[batch.length - 1];
    after = [tail.timestamp, tail.uuid];
  }
}

/** The current properties of the persons of `distinctIds` (one index read each), for matching person filters. */
export async function personsOfIds(db: IDBPDatabase<LassoDB>, distinctIds: Iterable<string>): Promise<Map<string, { properties: Record<string, unknown> }>> {
  const ids = [...new Set(distinctIds)];
  const index = db.transaction('persons').store.index('ids');
  const found = await Promise.all(ids.map((id) => index.get(id)));
  const out = new Map<string, { properties: Record<string, unknown> }>();
  ids.forEach((id, i) => {
    const person = found[i];
    if (person) out.set(id, { properties: person.properties });
  });
  return out;
}
