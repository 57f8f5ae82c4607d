import type { StoreNames } from 'idb';
import type { CaptureEvent } from '../events/types';
import { mergeRequest } from '../persons/merge';
import { sessionKey } from '../sessions';
import type { IndexWriteTx } from './filing';
import { forgetEventHours } from './event-hours';
import { forgetEventPeople } from './event-people';
import { forgetGroups } from './groups';
import { rederive } from './persons';
import type { LassoDB } from './schema';
import { keepSessions } from './sessions';
import { withFirst } from './prefix';

/**
 * Upkeep of data derived from events when events are deleted (retention, "Delete this site's
 * data", "Delete everything"). Each runs inside the deletion's readwrite transaction, after the
 * events themselves are deleted in it, so it reads only the remaining events; the batch and its
 * upkeep commit or abort together.
 */
export interface DeletionUpkeep {
  /** For error messages. */
  name: string;
  /** Stores it reads or writes (added to the deletion's transaction). */
  stores: readonly StoreNames<LassoDB>[];
  /** `deleted` are gone from `events` in `tx`: bring the derived data in line with what remains. */
  deleted(tx: IndexWriteTx, deleted: CaptureEvent[]): Promise<void>;
  /** Every event is being deleted in `tx`: clear what is derived (definitions stay). */
  cleared(tx: IndexWriteTx): Promise<void>;
}

/**
 * A session that lost events is rebuilt from its remaining ones (the accumulator is not
 * subtractive); one left with none is deleted. Its remaining events are read by the raw
 * `$session_id` index under the canonical (lower-case) id, its upper-case form and every form
 * the deleted events carried.
 */
export async function forgetSessions(tx: IndexWriteTx, deleted: CaptureEvent[]): Promise<void> {
  const forms = new Map<string, Set<string>>();
  for (const event of deleted) {
    const key = sessionKey(event);
    if (key === null) continue;
    const set = forms.get(key) ?? new Set([key, key.toUpperCase()]);
    set.add(event.properties.$session_id as string);
    forms.set(key, set);
  }
  if (!forms.size) return;
  const sessions = tx.objectStore('sessions');
  const bySession = tx.objectStore('events').index('session_time');
  const remaining = new Map<string, CaptureEvent>();
  await Promise.all(
    [...forms].map(async ([key, set]) => {
      void sessions.delete(key);
      for (const form of set) for (const event of await bySession.getAll(withFirst(form))) if (sessionKey(event) === key) remaining.set(event.uuid, event);
    }),
  );
  await keepSessions(tx, [...remaining.values()]);
}

/**
 * Persons follow the remaining events: the deleted events' warnings go, a merge link no
 * remaining event asks for goes, and the merge components of the deleted events' ids are
 * re-derived from what remains (`rederive`); a person left with no events is deleted.
 */
export async function forgetPersons(tx: IndexWriteTx, deleted: CaptureEvent[]): Promise<void> {
  const warnings = tx.objectStore('person_warnings');
  for (const event of deleted) void warnings.delete(IDBKeyRange.bound([event.uuid, -Infinity], [event.uuid, Infinity]));
  const ids = new Set<string>();
  const pairs = new Map<string, [string, string]>();
  for (const event of deleted) {
    const own = String(event.distinct_id);
    ids.add(own);
    const other = mergeRequest(event)?.other;
    if (other === undefined || other === own) continue;
    ids.add(other);
    const pair: [string, string] = own < other ? [own, other] : [other, own];
    pairs.set(pair.join('\u0000'), pair);
  }
  const byId = tx.objectStore('events').index('distinct_time');
  const links = tx.objectStore('person_links');
  await Promise.all(
    [...pairs.values()].map(async ([a, b]) => {
      const asks = (from: string, to: string, events: CaptureEvent[]) => events.some((e) => mergeRequest(e)?.other === to && String(e.distinct_id) === from);
      const [ofA, ofB] = await Promise.all([byId.getAll(withFirst(a)), byId.getAll(withFirst(b))]);
      if (asks(a, b, ofA) || asks(b, a, ofB)) return;
      void links.delete([a, b]);
      await links.delete([b, a]);
    }),
  );
  await rederive(tx, [...ids]);
}

/** The upkeeps every deletion runs, in order. (Cohort members are cached in memory and dropped on any deletion.) */
export const DELETION_UPKEEPS: DeletionUpkeep[] = [
  {
    name: 'sessions',
    stores: ['sessions'],
    deleted: forgetSessions,
    cleared: (tx) => tx.objectStore('sessions').clear(),
  },
  {
    name: 'persons',
    stores: ['persons', 'person_links', 'person_warnings', 'meta'],
    deleted: forgetPersons,
    cleared: async (tx) => {
      await Promise.all((['persons', 'person_links', 'person_warnings'] as const).map((name) => tx.objectStore(name).clear()));
    },
  },
  {
    name: 'groups',
    stores: ['group_types', 'groups', 'group_identifies', 'group_events', 'group_warnings'],
    deleted: forgetGroups,
    cleared: async (tx) => {
      await Promise.all((['group_types', 'groups', 'group_identifies', 'group_events', 'group_warnings'] as const).map((name) => tx.objectStore(name).clear()));
    },
  },
  {
    name: 'event hours',
    stores: ['event_hours'],
    deleted: forgetEventHours,
    cleared: (tx) => tx.objectStore('event_hours').clear(),
  },
  {
    name: 'event people',
    stores: ['event_people'],
    deleted: async (tx, deleted) => void (await forgetEventPeople(tx, deleted)),
    cleared: (tx) => tx.objectStore('event_people').clear(),
  },
];
