import type { IDBPTransaction, StoreNames } from 'idb';
import { parseInstant } from '../cohorts/posthog-dates';
import type { CaptureEvent } from '../events/types';
import type { LassoDB } from './schema';
import { forEachEventChunk } from './event-chunks';

/**
 * v7: one key per event, `[event, ms, distinct_id, uuid]` (value unused) — who did which event
 * when, without the event's properties. A cohort's behavioral leaf without event filters needs
 * only that, and reading these keys costs about an eighth of reading the events themselves
 * (Chromium, 52,800 `$pageview` of ~1.3 KB: 1.5 s of keys against 11 s of events, measured side
 * by side under load; src/store/README.md "Cohorts"). `ms` is the instant membership gives the
 * timestamp (`parseInstant`); an event without one is never counted by a cohort, and has no key.
 * Kept in the ingest transaction; deleting events deletes their keys.
 */
export type EventPersonKey = [event: string, ms: number, distinctId: string, uuid: string];

type Tx = IDBPTransaction<LassoDB, StoreNames<LassoDB>[], 'readwrite' | 'versionchange'>;

/** Beyond this, `new Date(ms)` has no ISO string (and membership could not have read one). */
const MAX_MS = 8.64e15;

/** The event's key, or null when its timestamp has no instant. */
export function eventPersonKey(event: CaptureEvent): EventPersonKey | null {
  const ms = typeof event.timestamp === 'string' ? parseInstant(event.timestamp) : NaN;
  if (!Number.isFinite(ms) || Math.abs(ms) > MAX_MS) return null;
  return [event.event, ms, String(event.distinct_id), event.uuid];
}

/** Write the keys of `events` (new to the store) inside the ingest transaction. */
export function keepEventPeople(tx: Tx, events: CaptureEvent[]): Promise<unknown> {
  const store = tx.objectStore('event_people');
  let last: Promise<unknown> = Promise.resolve();
  for (const event of events) {
    const key = eventPersonKey(event);
    if (key) last = store.put(0, key);
  }
  // Requests of one store complete in order: the last one settling means all did.
  return last;
}

/** Delete the keys of `deleted` (already gone from `events` in `tx`). */
export function forgetEventPeople(tx: Tx, deleted: CaptureEvent[]): Promise<unknown> {
  const store = tx.objectStore('event_people');
  let last: Promise<unknown> = Promise.resolve();
  for (const event of deleted) {
    const key = eventPersonKey(event);
    if (key) last = store.delete(key);
  }
  return last;
}

/** Write the keys of every stored event (v7 upgrade, inside its transaction). */
export function backfillEventPeople(tx: Tx): Promise<void> {
  return forEachEventChunk(tx, (chunk) => keepEventPeople(tx, chunk));
}

type KeyStore = { getAllKeys(range: IDBKeyRange): Promise<IDBValidKey[]> };

/** The keys of the events of `name` whose instant is in [from, to] (inclusive ms). */
export async function eventPeopleKeys(store: KeyStore, name: string, [from, to]: [number, number]): Promise<EventPersonKey[]> {
  const lo = Math.max(from, -MAX_MS);
  const hi = Math.min(to, MAX_MS);
  if (lo > hi) return [];
  return (await store.getAllKeys(IDBKeyRange.bound([name, lo], [name, hi, []]))) as EventPersonKey[];
}

/**
 * The event a key stands for, as membership reads it: name, instant, distinct_id and uuid, with
 * `properties` (none, or those its series is filed under: cohort-action-keys.ts).
 */
export function eventFromKey([event, ms, distinct_id, uuid]: EventPersonKey, properties: CaptureEvent['properties'] = {}): CaptureEvent {
  return { uuid, event, distinct_id, timestamp: new Date(ms).toISOString(), properties };
}

/** Reads the keys of a name in a time range, each (name, range) once however often it is asked for. */
export type KeyReader = (name: string, range: [number, number]) => Promise<EventPersonKey[]>;

/**
 * A KeyReader over `store` that reads each (name, range) once — an event leaf and an action leaf
 * over the same name and window share the read — and adds the keys it reads to `counter.reads`.
 */
export function keyReader(store: KeyStore, counter: { reads: number }): KeyReader {
  const done = new Map<string, Promise<EventPersonKey[]>>();
  return (name, range) => {
    const id = JSON.stringify([name, range]);
    let keys = done.get(id);
    if (!keys) {
      keys = eventPeopleKeys(store, name, range).then((list) => {
        counter.reads += list.length;
        return list;
      });
      done.set(id, keys);
    }
    return keys;
  };
}
