// @ts-nocheck
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRetention, IMPORT_RUN_EVERY, RETENTION_STATUS_KEY, type RetentionDeps, type RetentionStatus } from '../../src/background/retention';
import { RETENTION_ALARM, startRetention } from '../../src/background/retention-handlers';
import type { CaptureEvent } from '../../src/events/types';
import type { KeyValueArea } from '../../src/identity/identity';
import { ingestEvents } from '../../src/store/events';
import { ageCutoff, DAY_MS, eventsOverSize, MB, runRetention } from '../../src/store/retention';
import { openLassoDB, type LassoDatabase } from '../../src/store/schema';
import { derivedOf, expectedDerivedOf } from '../support/derived-snapshot';
import { peopleStream } from '../support/people-stream';

const NOW = Date.parse('2026-11-01T12:00:00.000Z');
const byTime = (a: CaptureEvent, b: CaptureEvent) => a.timestamp.localeCompare(b.timestamp) || (a.uuid < b.uuid ? -1 : 1);

/** A key-value area in memory, with every status written, in order. */
function memoryArea(onSet?: (status: RetentionStatus) => void): KeyValueArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return {
    data,
    get: async (key) => (key in data ? { [key]: structuredClone(data[key]) } : {}),
    set: async (items) => {
      Object.assign(data, structuredClone(items));
      if (onSet && RETENTION_STATUS_KEY in items) onSet(items[RETENTION_STATUS_KEY] as RetentionStatus);
    },
  };
}

async function storeOf(events: CaptureEvent[]): Promise<LassoDatabase> {
  const db = await openLassoDB(new IDBFactory());
  await ingestEvents(db, events);
  return db;
}

async function expectStoreOf(db: LassoDatabase, remaining: CaptureEvent[]) {
  const fresh = await storeOf(remaining);
  const freshDerived = await derivedOf(fresh);
  expect(await derivedOf(db)).toEqual(expectedDerivedOf(remaining, freshDerived.links));
  fresh.close();
}

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

function service(db: LassoDatabase, deps: Partial<RetentionDeps> = {}) {
  return createRetention({
    db: Promise.resolve(db),
    area: memoryArea(),
    loadSettings: async () => ({ retentionDays: null, retentionMB: null }),
    estimate: async () => null,
    now: () => NOW,
    batch: 7,
    ...deps,
  });
}

describe('retention limits (pure)', () => {
  it.each([
    [null, null],
    [1, '2026-10-31T12:00:00.000Z'],
    [90, new Date(NOW - 90 * DAY_MS).toISOString()],
  ])('age limit %s days → cut-off %s', (retentionDays, cutoff) => {
    expect(ageCutoff({ retentionDays }, NOW)).toBe(cutoff);
  });

  it.each([
    ['no limit', null, { usage: 900 * MB }, 1000, 0],
    ['no estimate', 100, null, 1000, 0],
    ['no usage reported', 100, {}, 1000, 0],
    ['under the limit', 100, { usage: 99 * MB }, 1000, 0],
    ['twice the limit: half the events', 100, { usage: 200 * MB }, 1000, 500],
    ['a little over: rounded up', 100, { usage: 101 * MB }, 1000, 10],
    ['no events', 100, { usage: 500 * MB }, 0, 0],
  ])('size: %s', (_n, retentionMB, estimate, count, expected) => {
    expect(eventsOverSize({ retentionMB }, estimate, count)).toBe(expected);
  });
});

describe('runRetention', () => {
  const events = peopleStream(21, 150); // 2026-11-01 10:00–12:00

  it('deletes by age, then the oldest while over the size limit; the store equals the remaining events', async () => {
    const db = await storeOf(events);
    const settings = { retentionDays: 1, retentionMB: 100 };
    const now = Date.parse('2026-11-02T11:00:00.000Z'); // cut-off: 2026-11-01T11:00
    const result = await runRetention(db, settings, { now, estimate: async () => ({ usage: 400 * MB }), batch: 9 });
    const young = [...events].filter((e) => e.timestamp >= '2026-11-01T11:00:00.000Z').sort(byTime);
    const overSize = Math.ceil((young.length * 300) / 400);
    expect(result).toEqual({ byAge: events.length - young.length, bySize: overSize, cancelled: false });
    await expectStoreOf(db, young.slice(overSize));
    db.close();
  });

  it('keeps everything with "keep all" and no size limit', async () => {
    const db = await storeOf(events);
    expect(await runRetention(db, { retentionDays: null, retentionMB: null }, { now: NOW + 1000 * DAY_MS, estimate: async () => ({ usage: 1e12 }) })).toEqual({ byAge: 0, bySize: 0, cancelled: false });
    expect(await db.count('events')).toBe(events.length);
    db.close();
  });
});

describe('a full quota while storing', () => {
  const events = peopleStream(22, 120);
  const incoming = peopleStream(23, 5).map((e) => ({ ...e, uuid: e.uuid.replace(/^./, 'f'), timestamp: '2026-11-01T13:00:00.000Z' }));

  it('deletes the oldest (a bounded batch), stores the batch, and tells the user', async () => {
    const db = await storeOf(events);
    const area = memoryArea();
    let failures = 1;
    const ingest = (store: LassoDatabase, batch: CaptureEvent[]) => (failures-- > 0 ? Promise.reject(quotaError()) : ingestEvents(store, batch));
    const retention = service(db, { area, ingest, quotaBatch: 10 });
    const result = await retention.ingest(incoming);
    expect(result.stored.map((e) => e.uuid)).toEqual(incoming.map((e) => e.uuid));
    await expectStoreOf(db, [...[...events].sort(byTime).slice(10), ...incoming]);
    expect((await retention.status()).quota).toEqual({ at: new Date(NOW).toISOString(), deleted: 10 });
    await retention.dismissQuota();
    expect((await retention.status()).quota).toBeNull();
    db.close();
  });

  it('any other error is not a reason to delete: it reaches the caller, nothing deleted', async () => {
    const db = await storeOf(events);
    const retention = service(db, { ingest: () => Promise.reject(new Error('disk on fire')) });
    await expect(retention.ingest(incoming)).rejects.toThrow('disk on fire');
    expect(await db.count('events')).toBe(events.length);
    expect((await retention.status()).quota).toBeNull();
    db.close();
  });

  it('a quota that stays full gives up after a few bounded attempts', async () => {
    const db = await storeOf(events);
    const retention = service(db, { ingest: () => Promise.reject(quotaError()), quotaBatch: 10 });
    await expect(retention.ingest(incoming, 2)).rejects.toThrow('quota');
    // The first attempt and 2 retries: 2 batches of room made in between.
    expect(await db.count('events')).toBe(events.length - 20);
    expect((await retention.status()).quota?.deleted).toBe(20);
    db.close();
  });
});

describe('deletion jobs', () => {
  const events = peopleStream(24, 160);
  const site = 'shop.test';
  const others = events.filter((e) => e.properties.$host !== site);

  it('"Delete this site\'s data" reports progress batch by batch, then clears the job', async () => {
    const db = await storeOf(events);
    const seen: (RetentionStatus['job'])[] = [];
    const retention = service(db, { area: memoryArea((s) => seen.push(s.job)) });
    const result = await retention.deleteSite(site);
    const total = events.length - others.length;
    expect(result).toEqual({ deleted: total, cancelled: false });
    const progress = seen.filter((j) => j !== null).map((j) => j!.deleted);
    expect(progress.at(-1)).toBe(total);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(seen.at(-1)).toBeNull();
    expect(seen.some((j) => j?.total === total)).toBe(true);
    await expectStoreOf(db, others);
    db.close();
  });

  it('cancelled between batches: whole batches gone, the store consistent, the job cleared', async () => {
    const db = await storeOf(events);
    const holder: { retention?: ReturnType<typeof service> } = {};
    const area = memoryArea((s) => {
      if ((s.job?.deleted ?? 0) > 0) holder.retention?.cancel();
    });
    const retention = (holder.retention = service(db, { area }));
    const result = await retention.deleteSite(site);
    // Progress is written after a batch commits: the cancel lands before one of the next batches.
    expect(result.cancelled).toBe(true);
    expect(result.deleted % 7).toBe(0);
    expect(result.deleted).toBeLessThan(events.length - others.length);
    expect(await db.count('events')).toBe(events.length - result.deleted);
    expect((await retention.status()).job).toBeNull();
    const left = new Set((await db.getAllKeys('events')).map(String));
    await expectStoreOf(db, events.filter((e) => left.has(e.uuid)));
    db.close();
  });

  it('a retention run that deletes nothing writes only its last run (no job: each write reaches every tab)', async () => {
    const db = await storeOf(events);
    const written: RetentionStatus[] = [];
    await service(db, { area: memoryArea((s) => written.push(s)) }).run();
    expect(written).toEqual([{ lastRun: { at: new Date(NOW).toISOString(), byAge: 0, bySize: 0 }, quota: null, job: null }]);
    db.close();
  });

  it('a site deletion the browser interrupted goes on at the next start', async () => {
    const db = await storeOf(events);
    const area = memoryArea();
    area.data[RETENTION_STATUS_KEY] = { lastRun: null, quota: null, job: { kind: 'site', site, deleted: 14, total: 90 } };
    await service(db, { area }).resume();
    await expectStoreOf(db, others);
    db.close();
  });
});

describe('when retention runs (alarms, WXT fakeBrowser)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('at start, then daily on its alarm', async () => {
    const old = peopleStream(25, 60); // 2026-11-01
    const db = await storeOf([]);
    const runs: Promise<unknown>[] = [];
    const real = service(db, { loadSettings: async () => ({ retentionDays: 30, retentionMB: null }), now: () => Date.parse('2026-12-15T00:00:00.000Z') });
    const retention = { ...real, run: () => { const run = real.run(); runs.push(run); return run; } };
    await startRetention(retention, fakeBrowser.alarms);
    expect(runs).toHaveLength(1);
    expect(await fakeBrowser.alarms.get(RETENTION_ALARM)).toMatchObject({ name: RETENTION_ALARM, periodInMinutes: 1440 });
    await ingestEvents(db, old);
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'someone-else', scheduledTime: 0, persistAcrossSessions: false });
    expect(runs).toHaveLength(1);
    await fakeBrowser.alarms.onAlarm.trigger({ name: RETENTION_ALARM, scheduledTime: 0, persistAcrossSessions: false });
    expect(runs).toHaveLength(2);
    expect(await runs[1]).toEqual({ byAge: old.length, bySize: 0, cancelled: false });
    expect(await db.count('events')).toBe(0);
    db.close();
  });

  it('after large imports (every IMPORT_RUN_EVERY events imported)', async () => {
    const db = await storeOf([]);
    let runs = 0;
    // Each run reads the settings once.
    const loadSettings = async () => (runs++, { retentionDays: null, retentionMB: null });
    const retention = service(db, { loadSettings });
    retention.imported(IMPORT_RUN_EVERY - 1);
    retention.imported(1);
    await retention.run(); // a marker run, queued after the one the import started
    expect(runs).toBe(2);
    retention.imported(IMPORT_RUN_EVERY - 1); // the count starts again after each run
    await retention.run();
    expect(runs).toBe(3);
    db.close();
  });
});
