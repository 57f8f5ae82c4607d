import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { StoredAction } from '../actions/types';
import type { CaptureEvent } from '../events/types';
import { backfillIndex } from './backfill';
import { backfillGroups, type GroupRow, type GroupWarningRow } from './groups';
import type { GroupTypeRow } from './group-rules';
import type { CohortRow } from './cohorts';
import { backfillEventHours, type EventHourRow } from './event-hours';
import { backfillEventPeople, type EventPersonKey } from './event-people';
import { backfillPersons, type PersonRow, type PersonWarningRow } from './persons';
import { backfillSessions, type SessionRecord } from './sessions';
import { rescopeActions } from './site-migration';
import { backfillIngestLog } from './ingest-log';
import type { AsideRow, SyncStateRow } from '../sync/state';
import type { ChainRecord, CountRow, RefKey, SeriesKey, SeriesRow, UrlRecord } from './rows';

/**
 * The whole IndexedDB schema of Lasso, one type. See src/store/README.md for what each store
 * is for and why it is shaped so. Later versions add persons, sessions, cohorts, outbox.
 */
export interface LassoDB extends DBSchema {
  events: {
    key: string; // uuid
    value: CaptureEvent;
    indexes: {
      timestamp: string;
      // v1–v5 also had event, distinct_id, session, host (single field): v6 dropped them, see V6_DROPPED_INDEXES.
      /** v4 (replaces v1's `window_time` on `$window_id`, which a page can choose): a tab's latest events. */
      lasso_window_time: [string, string]; // [properties.$lasso_window_id, timestamp]
      /** v5: newest-first pages of one site, person id, session or event name (src/store/queries). */
      host_time: [string, string]; // [properties.$host, timestamp]
      distinct_time: [string, string]; // [distinct_id, timestamp]
      session_time: [string, string]; // [properties.$session_id, timestamp]
      event_time: [string, string]; // [event, timestamp]
    };
  };
  /** v2: each distinct `$elements_chain` once (id from 1; 0 means "no chain"). */
  chains: { key: number; value: ChainRecord; indexes: { chain: string } };
  /** v2: each distinct `$current_url` once (id from 1; 0 means "no url"). */
  urls: { key: number; value: UrlRecord; indexes: { url: string } };
  /** v2 (v3: keyed with the type): each distinct (event, chain id, url id, host, type) with its total and time span; v5: chain and url indexes. */
  series: { key: SeriesKey; value: SeriesRow; indexes: { chain: number; url: number } };
  /** v2 (v3: keyed with the type): events per series per hour. Key order puts one series' hours together. */
  counts: { key: [...SeriesKey, number]; value: CountRow };
  /** v2 (v3: keyed with the type): one key per event, [series, -ms, uuid] (value unused): latest events of a series by key range. */
  refs: { key: RefKey; value: 0 };
  /** v2: saved action definitions; `site` is the host with port since v3 (the hostname in v2). */
  actions: { key: string; value: StoredAction; indexes: { site: string } };
  /** v5: one record per `$session_id` (src/store/sessions.ts), kept in the ingest transaction. */
  sessions: { key: string; value: SessionRecord; indexes: { start: number; host_start: [string, number]; ids: string } };
  /** v5: persons (src/store/persons.ts); `ids` (unique, multi-entry) finds the person of a distinct_id. */
  persons: { key: string; value: PersonRow; indexes: { ids: string; created_at: string } };
  /** v5: [id, other id] for every merge request between two ids (both directions), refused ones too. */
  person_links: { key: [string, string]; value: 0 };
  /** v5: refused merges, illegal ids and dropped events, by event. */
  person_warnings: { key: [string, number]; value: PersonWarningRow; indexes: { distinct_id: string } };
  /** v5: small counters (`nextPerson`). */
  meta: { key: string; value: unknown };
  /** v5: each group type with where it was first seen (src/store/groups.ts); the first five get indexes. */
  group_types: { key: string; value: GroupTypeRow };
  /** v5: groups by [type, key], from their `$groupidentify` events. */
  groups: { key: [string, string]; value: GroupRow };
  /** v5: [type, key, ms, uuid] per `$groupidentify` (value unused): a group's identify events by key range. */
  group_identifies: { key: [string, string, number, string]; value: 0 };
  /** v5: [type, key, -ms, uuid] per `$groups` entry of an event (value unused): a group's latest events. */
  group_events: { key: [string, string, number, string]; value: 0 };
  /** v5: group warnings (type over the limit, invalid `$group_set`) by event. */
  group_warnings: { key: [string, number]; value: GroupWarningRow };
  /** v5: saved cohort definitions (src/store/cohorts.ts). */
  cohorts: { key: string; value: CohortRow; indexes: { name: string } };
  /** v5: events per [event, $host, UTC hour] (src/store/event-hours.ts): the trends' rollup. */
  event_hours: { key: [string, string, number]; value: EventHourRow };
  /** v6: ingest order — one row per stored event (auto key → uuid), written in the ingest transaction; sync cursors walk it (src/sync). */
  ingest_log: { key: number; value: string };
  /** v6: each sync target's cursor and status (src/sync/state.ts). */
  sync_state: { key: string; value: SyncStateRow };
  /** v6: events a target's server refused, set aside with its reason: [target id, ingest_log key]. */
  sync_aside: { key: [string, number]; value: AsideRow };
  /** v7: [event, ms, distinct_id, uuid] per event (value unused): a cohort's behavioral leaves read who did what when by key range (src/store/event-people.ts). */
  event_people: { key: EventPersonKey; value: 0 };
}

export const DB_NAME = 'lasso';
export const DB_VERSION = 7;

/** v5: the stores groups are kept in (src/store/groups.ts). */
const GROUP_STORES = ['group_types', 'groups', 'group_identifies', 'group_events', 'group_warnings'] as const;

/** The stores ingest writes in one transaction (events plus the index derived from them). */
export const INGEST_STORES = ['events', 'chains', 'urls', 'series', 'counts', 'refs', 'sessions', 'persons', 'person_links', 'person_warnings', 'meta', 'event_hours', 'event_people', 'ingest_log', ...GROUP_STORES] as const satisfies StoreNames<LassoDB>[];

export type UpgradeTx = IDBPTransaction<LassoDB, StoreNames<LassoDB>[], 'versionchange'>;

/** v5 compound indexes on `events` for the UI's queries (src/store/queries, README "Queries"). */
const EVENT_QUERY_INDEXES = [
  ['host_time', ['properties.$host', 'timestamp']],
  ['distinct_time', ['distinct_id', 'timestamp']],
  ['session_time', ['properties.$session_id', 'timestamp']],
  ['event_time', ['event', 'timestamp']],
] as const;

/**
 * v6: indexes no query reads, dropped because each costs an entry per ingested event (README
 * "Ingest speed"): the events' single-field ones are the first part of a v5 `[field, timestamp]`
 * index (`withFirst`, prefix.ts, reads the same events), and series / counts are only read by key.
 */
const V6_DROPPED_INDEXES = [
  ['events', ['event', 'distinct_id', 'session', 'host']],
  ['series', ['host', 'event']],
  ['counts', ['hour', 'host_hour']],
] as const;

/** The index stores keyed by series (v3 rebuilt them with `$event_type` in the key). */
const SERIES_STORES = ['series', 'counts', 'refs'] as const;

/**
 * Create or migrate the schema from `oldVersion` to DB_VERSION. Stored events and actions are
 * never dropped. The series-keyed index (series, counts, refs) is derived from the events: v1→v3
 * builds it and v2→v3 rebuilds it (its key gained the type) by backfilling from the stored events;
 * v2→v3 also moves each action from its hostname to the host(s) with port its events were stored
 * on (site-migration.ts). v4 swaps the tab-window index to `$lasso_window_id` (events stored
 * before it have none, so they drop out of per-tab lists — which are per browser session anyway).
 * v5 adds sessions and persons, built from the stored events. All run inside the upgrade transaction, so a failure aborts the upgrade
 * and leaves the database as it was.
 */
export function upgrade(db: IDBPDatabase<LassoDB>, oldVersion: number, tx: UpgradeTx): Promise<void> | void {
  /** The index backfill, awaited by the caller; later steps still run (in the same transaction). */
  let work: Promise<void> | undefined;
  if (oldVersion < 1) {
    const events = db.createObjectStore('events', { keyPath: 'uuid' });
    events.createIndex('timestamp', 'timestamp');
    // History: v6 drops these four again (V6_DROPPED_INDEXES).
    for (const [name, path] of [['event', 'event'], ['distinct_id', 'distinct_id'], ['session', 'properties.$session_id'], ['host', 'properties.$host']]) events.createIndex(name as never, path);
  }
  if (oldVersion < 2) {
    db.createObjectStore('chains', { keyPath: 'id', autoIncrement: true }).createIndex('chain', 'chain', { unique: true });
    db.createObjectStore('urls', { keyPath: 'id', autoIncrement: true }).createIndex('url', 'url', { unique: true });
    db.createObjectStore('actions', { keyPath: 'id' }).createIndex('site', 'site');
  }
  if (oldVersion < 3) {
    if (oldVersion >= 2) for (const name of SERIES_STORES) db.deleteObjectStore(name);
    const series = db.createObjectStore('series', { keyPath: ['event', 'chain', 'url', 'host', 'type'] });
    // History: v6 drops these indexes again (V6_DROPPED_INDEXES).
    series.createIndex('host' as never, 'host');
    series.createIndex('event' as never, 'event');
    const counts = db.createObjectStore('counts', { keyPath: ['event', 'chain', 'url', 'host', 'type', 'hour'] });
    counts.createIndex('hour' as never, 'hour');
    counts.createIndex('host_hour' as never, ['host', 'hour']);
    db.createObjectStore('refs');
    // A fresh database has no events; an older one files them (chains and urls already stored keep their ids).
    if (oldVersion >= 1) work = backfillIndex(tx);
  }
  if (oldVersion < 4) {
    // A tab's events are found by Lasso's own window id: `$window_id` may be adopted from the page.
    const events = tx.objectStore('events');
    // v1–v3 indexed `$window_id` (name kept out of the schema type: it no longer exists).
    const names = events.indexNames as DOMStringList;
    if (names.contains('window_time')) events.deleteIndex('window_time' as never);
    if (!names.contains('lasso_window_time')) events.createIndex('lasso_window_time', ['properties.$lasso_window_id', 'timestamp']);
  }
  if (oldVersion < 5) {
    // Sessions are derived: (re)built from the stored events, after the index backfill (same
    // transaction). The store exists already only where tests built an old version with this code.
    if (db.objectStoreNames.contains('sessions')) void tx.objectStore('sessions').clear();
    else {
      const sessions = db.createObjectStore('sessions', { keyPath: 'id' });
      sessions.createIndex('start', 'start');
      sessions.createIndex('host_start', ['host', 'start']);
      sessions.createIndex('ids', 'ids', { multiEntry: true });
    }
    for (const name of ['persons', 'person_links', 'person_warnings', 'meta'] as const) {
      if (db.objectStoreNames.contains(name)) db.deleteObjectStore(name);
    }
    const persons = db.createObjectStore('persons', { keyPath: 'key' });
    persons.createIndex('ids', 'distinct_ids', { unique: true, multiEntry: true });
    persons.createIndex('created_at', 'created_at');
    db.createObjectStore('person_links');
    db.createObjectStore('person_warnings', { keyPath: ['uuid', 'n'] }).createIndex('distinct_id', 'distinct_id');
    db.createObjectStore('meta');
    // Deleting events drops a chain / URL no series uses any more (retention, "Delete this site's data").
    const series = tx.objectStore('series');
    const seriesIndexes = series.indexNames as DOMStringList;
    if (!seriesIndexes.contains('chain')) series.createIndex('chain', 'chain');
    if (!seriesIndexes.contains('url')) series.createIndex('url', 'url');
    // Groups (derived) and cohorts (definitions; none before v5).
    for (const name of GROUP_STORES) if (db.objectStoreNames.contains(name)) db.deleteObjectStore(name);
    db.createObjectStore('group_types', { keyPath: 'type' });
    db.createObjectStore('groups', { keyPath: ['group_type', 'group_key'] });
    db.createObjectStore('group_identifies');
    db.createObjectStore('group_events');
    db.createObjectStore('group_warnings', { keyPath: ['uuid', 'n'] });
    if (!db.objectStoreNames.contains('cohorts')) db.createObjectStore('cohorts', { keyPath: 'id' }).createIndex('name', 'name');
    // Query indexes (src/store/queries): each filter's events newest first without reading others.
    const events = tx.objectStore('events');
    for (const [name, path] of EVENT_QUERY_INDEXES) if (!events.indexNames.contains(name)) events.createIndex(name, [...path]);
    if (db.objectStoreNames.contains('event_hours')) db.deleteObjectStore('event_hours');
    db.createObjectStore('event_hours', { keyPath: ['event', 'host', 'hour'] });
    if (oldVersion >= 1) work = (work ?? Promise.resolve()).then(() => backfillSessions(tx)).then(() => backfillPersons(tx)).then(() => backfillGroups(tx)).then(() => backfillEventHours(tx));
  }
  if (oldVersion < 6) {
    // Ingest speed: no data changes, only index entries go. Every reader (the backfills and the
    // v3 site migration above included, which run after this synchronous part) uses the compound
    // indexes the v5 block guarantees.
    for (const [storeName, names] of V6_DROPPED_INDEXES) {
      const store = tx.objectStore(storeName);
      for (const name of names) if ((store.indexNames as DOMStringList).contains(name)) store.deleteIndex(name as never);
    }
    // Sync (src/sync): ingest order for cursors; existing events enter it in timestamp order.
    // The stores exist already only where tests built an old version with this code: rebuilt.
    for (const name of ['ingest_log', 'sync_state', 'sync_aside'] as const) if (db.objectStoreNames.contains(name)) db.deleteObjectStore(name);
    db.createObjectStore('ingest_log', { autoIncrement: true });
    db.createObjectStore('sync_state', { keyPath: 'id' });
    db.createObjectStore('sync_aside');
    if (oldVersion >= 1) work = (work ?? Promise.resolve()).then(() => backfillIngestLog(tx));
  }
  if (oldVersion < 7) {
    // Cohorts (src/store/event-people.ts): the keys of the events already stored. The store exists
    // already only where tests built an old version with this code: rebuilt.
    if (db.objectStoreNames.contains('event_people')) db.deleteObjectStore('event_people');
    db.createObjectStore('event_people');
    if (oldVersion >= 1) work = (work ?? Promise.resolve()).then(() => backfillEventPeople(tx));
  }
  // Only a v2 database can hold actions scoped by hostname (v1 had none).
  const rescope = oldVersion === 2 ? rescopeActions(tx) : undefined;
  return work && rescope ? Promise.all([work, rescope]).then(() => undefined) : (work ?? rescope);
}

export type LassoDatabase = IDBPDatabase<LassoDB>;

/** Open (creating or upgrading) Lasso's database. `factory` lets tests pass a fresh IDBFactory. */
export function openLassoDB(factory: IDBFactory = indexedDB, name = DB_NAME): Promise<LassoDatabase> {
  // idb's openDB uses the global indexedDB; swap it in for the duration of the open call.
  const previous = globalThis.indexedDB;
  if (factory !== previous) (globalThis as { indexedDB: IDBFactory }).indexedDB = factory;
  try {
    return openDB<LassoDB>(name, DB_VERSION, {
      upgrade: (db, oldVersion, _newVersion, tx) => {
        const work = upgrade(db, oldVersion, tx);
        // A failed backfill or migration aborts the upgrade: the database stays at its old version, intact.
        if (work) work.catch((error) => {
          console.error('Lasso: schema upgrade failed, aborted', error);
          tx.done.catch(() => undefined); // the open request reports the abort
          tx.abort();
        });
      },
    });
  } finally {
    if (factory !== previous) (globalThis as { indexedDB: IDBFactory }).indexedDB = previous;
  }
}
