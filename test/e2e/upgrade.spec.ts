import { personsFromEvents } from '../../src/persons';
import { sessionsFromEvents } from '../../src/sessions';
import type { CaptureEvent } from '../../src/events/types';
import { generateSiteEvents } from '../fixtures/people-data';
import { expect, stopServiceWorker, storedActions, storedEvents, test } from './harness';

// A store written by an older Lasso (schema v2: events, its index keyed without the type, actions
// scoped by hostname) upgraded by this build in Chromium's real IndexedDB: every event and action
// is kept, sessions and persons (schema v5) are built from the stored events, and the indexes v6
// dropped for ingest speed are gone (v1–v5 each: one upgrade runs every step).

const EVENTS: CaptureEvent[] = [...generateSiteEvents({ seed: 8, persons: 25, start: '2026-10-20T00:00:00.000Z', days: 5, sites: ['127.0.0.1:8123'] })];
const ACTION = { id: 'old-1', site: '127.0.0.1', name: 'Signed up', steps: [{ event: 'signed_up' }], created_at: '2026-10-01T00:00:00.000Z', updated_at: '2026-10-01T00:00:00.000Z' };

test('a v2 store with events and an action upgrades to v7: all kept, sessions, persons, the ingest log and who-did-what-when keys built, unread indexes gone', async ({ ext }) => {
  expect(EVENTS.length).toBeGreaterThan(300);
  // An extension page that does not wake the background (a static file of the extension).
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.id}/manifest.json`);
  // Delete this build's database and create v2 in its place, both requested at once so nothing
  // can open the database in between; the delete waits until the worker's connection is gone.
  // The requests are issued (and the promise parked on the page) before the worker is stopped.
  await page.evaluate(({ events, action }) => {
    (window as unknown as { created: Promise<void> }).created = new Promise<void>((done, fail) => {
      const del = indexedDB.deleteDatabase('lasso');
      del.onerror = (e) => fail((e.target as IDBRequest).error);
      const open = indexedDB.open('lasso', 2);
      open.onupgradeneeded = () => {
        // Schema v2 exactly as that version created it (frozen history).
        const db = open.result;
        const ev = db.createObjectStore('events', { keyPath: 'uuid' });
        for (const [name, path] of [['timestamp', 'timestamp'], ['event', 'event'], ['distinct_id', 'distinct_id'], ['session', 'properties.$session_id'], ['host', 'properties.$host']]) ev.createIndex(name, path);
        ev.createIndex('window_time', ['properties.$window_id', 'timestamp']);
        db.createObjectStore('chains', { keyPath: 'id', autoIncrement: true }).createIndex('chain', 'chain', { unique: true });
        db.createObjectStore('urls', { keyPath: 'id', autoIncrement: true }).createIndex('url', 'url', { unique: true });
        const series = db.createObjectStore('series', { keyPath: ['event', 'chain', 'url', 'host'] });
        series.createIndex('host', 'host');
        series.createIndex('event', 'event');
        const counts = db.createObjectStore('counts', { keyPath: ['event', 'chain', 'url', 'host', 'hour'] });
        counts.createIndex('hour', 'hour');
        counts.createIndex('host_hour', ['host', 'hour']);
        db.createObjectStore('refs');
        db.createObjectStore('actions', { keyPath: 'id' }).createIndex('site', 'site');
      };
      open.onerror = () => fail(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const tx = db.transaction(['events', 'actions'], 'readwrite');
        for (const e of events) tx.objectStore('events').put(e);
        tx.objectStore('actions').put(action);
        tx.oncomplete = () => {
          db.close();
          done();
        };
        tx.onerror = () => fail(tx.error);
      };
    });
  }, { events: EVENTS, action: ACTION });
  await stopServiceWorker(ext);
  await page.evaluate(() => (window as unknown as { created: Promise<void> }).created);

  // The next worker start opens the database with this build: v2 → v6.
  const popup = await ext.context.newPage();
  await popup.goto(`chrome-extension://${ext.id}/popup.html`);
  const stored = await storedEvents(ext);
  expect(stored.map((e) => e.uuid).sort()).toEqual(EVENTS.map((e) => e.uuid).sort());
  expect(await storedActions(ext)).toEqual([expect.objectContaining({ id: 'old-1', name: 'Signed up', site: '127.0.0.1:8123' })]);

  const derived = (await (await ext.background()).evaluate(() => new Promise((done, fail) => {
    const open = indexedDB.open('lasso');
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['sessions', 'persons', 'ingest_log', 'event_people', 'events', 'series', 'counts']);
      const indexes = Object.fromEntries(['events', 'series', 'counts'].map((name) => [name, [...tx.objectStore(name).indexNames].sort()]));
      const sessions = tx.objectStore('sessions').count();
      const logged = tx.objectStore('ingest_log').count();
      const people = tx.objectStore('event_people').count();
      const persons = tx.objectStore('persons').getAll();
      tx.oncomplete = () => {
        done({ version: db.version, indexes, sessions: sessions.result, logged: logged.result, people: people.result, persons: (persons.result as { distinct_ids: string[] }[]).map((p) => [...p.distinct_ids].sort()).sort() });
        db.close();
      };
    };
  }))) as { version: number; indexes: Record<string, string[]>; sessions: number; logged: number; people: number; persons: string[][] };
  expect(derived.version).toBe(7);
  // v6: every stored event has its place in the ingest order (sync cursors)…
  expect(derived.logged).toBe(EVENTS.length);
  // v7: and its key for cohorts (who did what when)…
  expect(derived.people).toBe(EVENTS.length);
  // …and the indexes no query reads are gone.
  expect(derived.indexes).toEqual({
    events: ['distinct_time', 'event_time', 'host_time', 'lasso_window_time', 'session_time', 'timestamp'],
    series: ['chain', 'url'],
    counts: [],
  });
  expect(derived.sessions).toBe(sessionsFromEvents(EVENTS).length);
  expect(derived.persons).toEqual(personsFromEvents(EVENTS).persons.map((p) => [...p.distinct_ids].sort()).sort());
  expect(derived.persons.some((ids) => ids.length > 1)).toBe(true);
});
