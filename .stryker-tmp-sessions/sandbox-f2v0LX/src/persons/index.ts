/**
 * Persons derived from events exactly as PostHog derives them, except that events apply in
 * (timestamp, uuid) order instead of ingestion order (README.md lists where that differs).
 *
 * `personsFromEvents` is the definition; the store keeps a `PersonsState` and folds events into
 * it with `applyEvent`, and `personsOf` turns any state into the same output shape.
 */
// @ts-nocheck

import type { CaptureEvent } from '../events/types';
import { applyEvent } from './apply';
import { dictCopy } from './dict';
import { sortEvents } from './order';
import { type EventWarning, type PersonsState, emptyPersonsState } from './state';

export { applyEvent } from './apply';
export { isDistinctIdIllegal } from './illegal-ids';
export { compareKeys, sortEvents } from './order';
export { emptyPersonsState } from './state';
export type { PersonRecord, EventWarning, PersonsState } from './state';
export { groupsFromEvents } from './groups';

/** A person as the views and tests see it. */
export interface Person {
  /** In the order they joined the person: the creating event's ids first, then each merge's. */
  distinct_ids: string[];
  properties: Record<string, unknown>;
  /** ISO time (UTC, ms) of the earliest event that created one of the merged persons. */
  created_at: string;
  is_identified: boolean;
}

/**
 * The persons of `state`, sorted by `created_at`, then first distinct id (code-unit order), and
 * its warnings in the order the events applied. Copies: mutating the result leaves `state` alone.
 */
export function personsOf(state: PersonsState): { persons: Person[]; warnings: EventWarning[] } {
  const persons = Object.keys(state.persons).map((key) => {
    const p = state.persons[key];
    return { distinct_ids: [...p.distinct_ids], properties: dictCopy(p.properties), created_at: p.created_at, is_identified: p.is_identified };
  });
  persons.sort((a, b) => {
    const t = Date.parse(a.created_at) - Date.parse(b.created_at);
    if (t !== 0) return t;
    const [x, y] = [a.distinct_ids[0], b.distinct_ids[0]];
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return { persons, warnings: state.warnings.map((w) => ({ ...w })) };
}

/**
 * Every person the events define, and every refused merge, illegal id or dropped event as a
 * warning by the event's uuid. The same events in any order give the same result.
 */
export function personsFromEvents(events: CaptureEvent[]): { persons: Person[]; warnings: EventWarning[] } {
  const state = emptyPersonsState();
  for (const event of sortEvents(events)) applyEvent(state, event);
  return personsOf(state);
}
