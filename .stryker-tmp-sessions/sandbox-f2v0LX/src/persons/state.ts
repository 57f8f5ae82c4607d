/**
 * The persons state: a JSON-serializable object that `applyEvent` folds events into. The store
 * can keep it (or its rows) and fold new events into it with the same rules as
 * `personsFromEvents`.
 */
// @ts-nocheck

import { type Dict, dictDelete, dictGet, dictSet } from './dict';

/** One person while events are being applied. */
export interface PersonRecord {
  /** In the order they joined this person (see README.md). */
  distinct_ids: string[];
  properties: Dict<unknown>;
  /** ISO time of the event that created the person; the earliest one after merges. */
  created_at: string;
  is_identified: boolean;
}

/** A refused merge, an illegal id or a dropped event, by the event's uuid. */
export interface EventWarning {
  uuid: string;
  reason: string;
}

/** Everything `applyEvent` needs between events; plain JSON. */
export interface PersonsState {
  /** Next internal person key (`p1`, `p2`, …); keys never reach the output. */
  nextId: number;
  persons: Dict<PersonRecord>;
  /** distinct_id → person key. */
  personByDistinctId: Dict<string>;
  warnings: EventWarning[];
}

/** An empty state. */
export function emptyPersonsState(): PersonsState {
  return { nextId: 1, persons: {}, personByDistinctId: {}, warnings: [] };
}

/** The key of the person owning `distinctId`, or undefined. */
export function personKeyOf(state: PersonsState, distinctId: string): string | undefined {
  return dictGet(state.personByDistinctId, distinctId);
}

/** The person with key `key` (which must exist). */
export function personAt(state: PersonsState, key: string): PersonRecord {
  const person = dictGet(state.persons, key);
  if (!person) throw new Error(`persons state is inconsistent: no person ${key}`);
  return person;
}

/** Creates a person owning `distinctIds`; returns its key. */
export function createPerson(
  state: PersonsState,
  distinctIds: string[],
  properties: Dict<unknown>,
  createdAt: string,
  isIdentified: boolean,
): string {
  const key = `p${state.nextId++}`;
  dictSet(state.persons, key, { distinct_ids: [...distinctIds], properties, created_at: createdAt, is_identified: isIdentified });
  for (const id of distinctIds) dictSet(state.personByDistinctId, id, key);
  return key;
}

/** Adds `distinctId` (owned by no one) to the person `key`. */
export function addDistinctId(state: PersonsState, key: string, distinctId: string): void {
  personAt(state, key).distinct_ids.push(distinctId);
  dictSet(state.personByDistinctId, distinctId, key);
}

/** Moves every distinct id of person `fromKey` to person `intoKey` (after its own) and deletes `fromKey`. */
export function moveDistinctIds(state: PersonsState, fromKey: string, intoKey: string): void {
  const from = personAt(state, fromKey);
  const into = personAt(state, intoKey);
  for (const id of from.distinct_ids) {
    into.distinct_ids.push(id);
    dictSet(state.personByDistinctId, id, intoKey);
  }
  dictDelete(state.persons, fromKey);
}

/** Records a warning for the event `uuid`. */
export function warn(state: PersonsState, uuid: string, reason: string): void {
  state.warnings.push({ uuid, reason });
}
