// @ts-nocheck
import type { PropertyOperator } from '../../actions/types';
import type { CaptureEvent } from '../../events/types';
import type { PersonRecord } from '../../persons';
import type { PersonRow, PersonWarningRow } from '../persons';
import type { LassoDatabase } from '../schema';
import { sessionsOf, type SessionRow } from '../sessions';
import { queryEvents } from './events';
import { compileAt } from './filter';
import { propertySources, type PropertySource } from './person-sources';
import type { Total } from './total';
import { withFirst } from '../prefix';

/** A person as the UI shows it (the store's internal key and ordering field left out). */
export type PersonView = PersonRecord;

/** Keyset position in the persons list: newest `created_at` first, ties by internal key descending. Opaque to callers. */
export interface PersonCursor {
  created_at: string;
  key: string;
}

export interface PersonPage {
  rows: PersonView[];
  next: PersonCursor | null;
  /** Persons read. */
  reads: number;
  /** A property search stopped at its read budget before filling the page. */
  cutShort: boolean;
}

const view = ({ distinct_ids, properties, created_at, is_identified }: PersonRow): PersonView => ({ distinct_ids, properties, created_at, is_identified });

/** A person property condition, as an action's person filter (operator default `exact`). */
export interface PersonPropertyFilter {
  key: string;
  value?: unknown;
  operator?: PropertyOperator;
}

/**
 * Persons newest first (`created_at` index), optionally only those whose properties pass
 * `property` — judged person by person, so bounded by `budget` persons read per page.
 * Throws ActionValidationError (path `property…`) for a bad property filter.
 */
export async function listPersons(
  db: LassoDatabase,
  { limit = 50, cursor = null, property, budget = 5_000 }: { limit?: number; cursor?: PersonCursor | null; property?: PersonPropertyFilter; budget?: number } = {},
): Promise<PersonPage> {
  const matcher = property ? compilePersonFilter(property) : null;
  const index = db.transaction('persons').store.index('created_at');
  const range = cursor ? IDBKeyRange.upperBound(cursor.created_at) : undefined;
  let c = await index.openCursor(range, 'prev');
  const rows: PersonView[] = [];
  let reads = 0;
  let last: PersonRow | null = null;
  while (c && rows.length < limit && reads < budget) {
    const row = c.value;
    reads++;
    // Same created_at as the cursor: 'prev' walks keys downwards, so only keys below it are new.
    if (!cursor || row.created_at < cursor.created_at || row.key < cursor.key) {
      last = row;
      if (!matcher || matcher(row)) rows.push(view(row));
    }
    c = await c.continue();
  }
  return { rows, next: c && last ? { created_at: last.created_at, key: last.key } : null, reads, cutShort: !!c && rows.length < limit };
}

function compilePersonFilter(filter: PersonPropertyFilter): (row: PersonRow) => boolean {
  const step = { properties: [{ type: 'person' as const, key: filter.key, value: filter.value, operator: filter.operator ?? 'exact' }] };
  const compiled = compileAt('property', { steps: [step] }, 'steps[0].properties[0]');
  const bare: CaptureEvent = { uuid: '', event: '', distinct_id: '', timestamp: '', properties: {} };
  return (row) => compiled.matches(bare, { properties: row.properties as Record<string, unknown> });
}

/**
 * Persons having a distinct id that starts with `prefix` (the unique multi-entry `ids` index),
 * in id order; `after` (the last id of the previous page) continues.
 */
export async function searchPersonsById(db: LassoDatabase, prefix: string, { limit = 20, after }: { limit?: number; after?: string } = {}): Promise<{ rows: PersonView[]; next: string | null; reads: number }> {
  const index = db.transaction('persons').store.index('ids');
  const range = IDBKeyRange.bound(after ?? prefix, `${prefix}\uffff`, after !== undefined, false);
  let c = await index.openCursor(range);
  const seen = new Set<string>();
  const rows: PersonView[] = [];
  let reads = 0;
  let lastId: string | null = null;
  while (c && rows.length < limit) {
    reads++;
    lastId = c.key as string;
    if (!seen.has(c.value.key)) {
      seen.add(c.value.key);
      rows.push(view(c.value));
    }
    c = await c.continue();
  }
  return { rows, next: c ? lastId : null, reads };
}

/** When a person was active: over all of its distinct ids (the `distinct_id` and `distinct_time` indexes). */
export interface PersonActivity {
  /** ISO time of its earliest stored event, null without events. */
  firstSeen: string | null;
  /** ISO time of its latest stored event, null without events. */
  lastSeen: string | null;
  eventCount: number;
}

/** A row of the persons list: the person and its activity. */
export type PersonListRow = PersonView & PersonActivity;

const byTime = (a: string, b: string) => Date.parse(a) - Date.parse(b);

/**
 * The activity of the person owning `ids`: per id one index count and one key at each end of
 * its `distinct_time` range (3 reads an id, however many events it has).
 */
export async function personActivity(db: LassoDatabase, ids: string[]): Promise<PersonActivity> {
  const events = db.transaction('events').store;
  const byId = events.index('distinct_time');
  const end = async (id: string, direction: 'next' | 'prev') => (await byId.openCursor(IDBKeyRange.bound([id, ''], [id, '\uffff']), direction))?.value.timestamp ?? null;
  const perId = await Promise.all(ids.map(async (id) => ({ count: await byId.count(withFirst(id)), first: await end(id, 'next'), last: await end(id, 'prev') })));
  const firsts = perId.map((p) => p.first).filter((t): t is string => t !== null).sort(byTime);
  const lasts = perId.map((p) => p.last).filter((t): t is string => t !== null).sort(byTime);
  return { firstSeen: firsts[0] ?? null, lastSeen: lasts[lasts.length - 1] ?? null, eventCount: perId.reduce((n, p) => n + p.count, 0) };
}

/** Each person of a page with its activity (the persons list's first and last seen and event count). */
export async function withActivity(db: LassoDatabase, rows: PersonView[]): Promise<PersonListRow[]> {
  return Promise.all(rows.map(async (row) => ({ ...row, ...(await personActivity(db, row.distinct_ids)) })));
}

export interface PersonProfile {
  /** Null when no person holds this id (e.g. its events skipped person processing). */
  person: PersonView | null;
  /** Every distinct id of the person (or just the asked one). */
  distinctIds: string[];
  warnings: PersonWarningRow[];
  sessions: SessionRow[];
  /** Newest first, merged across the ids. */
  latestEvents: CaptureEvent[];
  firstSeen: string | null;
  lastSeen: string | null;
  eventCount: number;
  /** The events list's total for this person (exact: an index count). */
  eventsTotal?: Total;
  /** The event that gave each property its value, where it is among the person's newest / oldest events (./person-sources.ts). */
  propertySources: Record<string, PropertySource>;
}

/** Everything the person view shows for the person holding `distinctId`, read by index (ids, distinct_id, sessions' ids). */
export async function personProfile(db: LassoDatabase, distinctId: string, { events = 20, sessions = 20 }: { events?: number; sessions?: number } = {}): Promise<PersonProfile> {
  const row = await db.getFromIndex('persons', 'ids', distinctId);
  const ids = row ? row.distinct_ids : [distinctId];
  const tx = db.transaction(['events', 'person_warnings']);
  const byId = tx.objectStore('events').index('distinct_time');
  const [warnings, counts, firsts] = await Promise.all([
    Promise.all(ids.map((id) => tx.objectStore('person_warnings').index('distinct_id').getAll(id))),
    Promise.all(ids.map((id) => byId.count(withFirst(id)))),
    Promise.all(ids.map(async (id) => (await byId.openCursor(IDBKeyRange.bound([id, ''], [id, '\uffff'])))?.value.timestamp ?? null)),
  ]);
  const [page, sessionRows, sources] = await Promise.all([
    queryEvents(db, { ids }, { limit: events }),
    sessionsOf(db, ids, sessions),
    row ? propertySources(db, ids, row.properties as Record<string, unknown>) : {},
  ]);
  const firstSeen = firsts.filter((t): t is string => t !== null).sort((a, b) => Date.parse(a) - Date.parse(b))[0] ?? null;
  return {
    person: row ? view(row) : null,
    distinctIds: ids,
    warnings: warnings.flat(),
    sessions: sessionRows,
    latestEvents: page.rows,
    firstSeen,
    lastSeen: page.rows[0]?.timestamp ?? null,
    eventCount: counts.reduce((a, b) => a + b, 0),
    eventsTotal: page.total,
    propertySources: sources,
  };
}
