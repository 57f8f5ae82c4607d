// @ts-nocheck
import { gunzipSync } from 'node:zlib';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { StoredAction } from '../../src/actions/types';
import type { CaptureEvent } from '../../src/events/types';
import type { KeyValueArea } from '../../src/identity/identity';
import { personsFromEvents } from '../../src/persons';
import { createCohortCache } from '../../src/store/cohort-cache';
import { saveCohort } from '../../src/store/cohorts';
import { ingestEvents } from '../../src/store/events';
import { openLassoDB, type LassoDatabase } from '../../src/store/schema';
import { CONSENT_WITHDRAWN } from '../../src/sync/consent';
import { createSync } from '../../src/sync/service';
import { TARGETS_KEY } from '../../src/sync/targets-store';
import { generateEvents } from '../fixtures/generate-events';

// The sync service behind the `sync.*` messages: targets kept with their secrets in the storage
// area and handed out without them, "from now" vs backfill cursors, a 401 pausing the target in
// storage, status counts, and the set-aside list's retry and drop.

const KEY = 'phc_service_secret';

function memoryArea(): KeyValueArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return {
    data,
    get: async (key: string) => (key in data ? { [key]: structuredClone(data[key]) } : {}),
    set: async (items: Record<string, unknown>) => void Object.assign(data, structuredClone(items)),
  };
}

let db: LassoDatabase;
let area: ReturnType<typeof memoryArea>;
let answer: (batch: CaptureEvent[]) => { status: number; body?: string };
const received: CaptureEvent[] = [];
const old = generateEvents({ count: 40, seed: 3, days: 1 });
const later = generateEvents({ count: 10, seed: 4, days: 1 });

const fetch = async (_url: string, init: { body: Uint8Array }) => {
  const batch = (JSON.parse(gunzipSync(init.body).toString()) as { batch: CaptureEvent[] }).batch;
  const reply = answer(batch);
  if (reply.status === 200) received.push(...batch);
  return new Response(reply.body ?? '{"status":1}', { status: reply.status });
};

beforeEach(async () => {
  db = await openLassoDB(new IDBFactory());
  area = memoryArea();
  received.length = 0;
  answer = () => ({ status: 200 });
  await ingestEvents(db, old);
});

const deps = () => ({ db, area, fetch, now: () => Date.UTC(2026, 11, 1), random: () => 0.5, loadActions: async () => [], schedule: () => undefined });
const service = () => createSync(deps());
const input = (start: 'now' | 'backfill') => ({ kind: 'posthog' as const, name: 'PH', hostPreset: 'custom' as const, host: 'http://127.0.0.1:9', apiKey: KEY, start });

describe('sync service', () => {
  it('keeps the key in the storage area only; list and save answers carry none', async () => {
    const sync = service();
    const view = await sync.save(input('now'));
    expect(JSON.stringify(view)).not.toContain(KEY);
    expect(JSON.stringify(await sync.list())).not.toContain(KEY);
    expect(JSON.stringify(await sync.status())).not.toContain(KEY);
    expect(JSON.stringify(area.data[TARGETS_KEY])).toContain(KEY);
    expect(view).toMatchObject({ name: 'PH', endpoint: 'http://127.0.0.1:9', hasKey: true });
  });

  it.each([
    ['now', later],
    ['backfill', [...old, ...later]],
  ] as const)('start "%s" delivers the right events', async (start, want) => {
    const sync = service();
    await sync.save(input(start));
    await ingestEvents(db, later);
    await sync.run();
    expect(received.map((e) => e.uuid).sort()).toEqual(want.map((e) => e.uuid).sort());
    expect((await sync.status())[0]).toMatchObject({ delivered: want.length, waiting: 0, setAside: 0 });
  });

  it('a 401 pauses the target in storage with plain words; resume delivers', async () => {
    const sync = service();
    answer = () => ({ status: 401, body: `invalid token ${KEY}` });
    const { id } = await sync.save(input('backfill'));
    await sync.run();
    const [paused] = await sync.list();
    expect(paused).toMatchObject({ paused: true, pausedReason: 'The server refused the key (401 Unauthorized). Check the key, then resume the target.' });
    expect((await sync.status())[0]).toMatchObject({ delivered: 0, waiting: 40 });
    answer = () => ({ status: 200 });
    await sync.setPaused(id, false);
    await sync.run();
    expect((await sync.status())[0]).toMatchObject({ paused: false, delivered: 40, waiting: 0 });
  });

  it('set-aside events: listed with the reason, retried one by one, dropped', async () => {
    const sync = service();
    const bad = new Set([old[3].uuid, old[9].uuid]);
    answer = (batch) => (batch.some((e) => bad.has(e.uuid)) ? { status: 400, body: '{"detail":"bad property"}' } : { status: 200 });
    const { id } = await sync.save(input('backfill'));
    await sync.run();
    expect((await sync.aside(id)).map((r) => [r.uuid, r.reason])).toEqual([[old[3].uuid, '400: bad property'], [old[9].uuid, '400: bad property']]);
    bad.delete(old[3].uuid);
    expect(await sync.retryAside(id)).toEqual({ delivered: 1, stillRefused: 1, gone: 0 });
    expect((await sync.aside(id)).map((r) => r.uuid)).toEqual([old[9].uuid]);
    expect(await sync.dropAside(id)).toEqual({ dropped: 1 });
    expect((await sync.status())[0]).toMatchObject({ delivered: 39, setAside: 0 });
  });

  it('"send a test event" returns the server answer, redacted', async () => {
    const sync = service();
    const { id } = await sync.save(input('now'));
    answer = () => ({ status: 401, body: `token ${KEY} unknown` });
    const test = await sync.test(id);
    expect(test).toMatchObject({ ok: false, status: 401 });
    expect(test.text).toContain('token [redacted] unknown');
    expect(test.text).not.toContain(KEY);
  });

  it('remove forgets the target and its state; a refused save names the fields', async () => {
    const sync = service();
    const { id } = await sync.save(input('now'));
    expect(await sync.remove(id)).toEqual({ removed: true });
    expect(await sync.list()).toEqual([]);
    expect(await db.get('sync_state', id)).toBeUndefined();
    // The run the save started was still going: it neither sent the history ("now" target) nor wrote the state back.
    await sync.run();
    expect(received).toEqual([]);
    expect(await db.get('sync_state', id)).toBeUndefined();
    await expect(sync.save({ kind: 'segment', name: '', host: 'http://example.com' })).rejects.toThrow('name: give the target a name; host: the host must use https (plain http only for localhost or 127.0.0.1); writeKey: enter the write key');
  });

  it('a target limited to a cohort sends only the events of its members (every distinct id of each)', async () => {
    await saveCohort(db, { id: 'vip', name: 'VIP', definition: { is_static: true, distinct_ids: [old[0].distinct_id] } });
    const others = later.map((e, i) => ({ ...e, distinct_id: `someone-else-${i % 3}` }));
    await ingestEvents(db, others);
    const all = [...old, ...others];
    const cache = createCohortCache(db);
    const sync = createSync({ ...deps(), cohortIds: async (id, now) => (await cache.members(id, now)).members.flatMap((m) => m.distinct_ids) });
    await sync.save({ ...input('backfill'), cohorts: ['vip'] });
    await sync.run();
    // The definition: the person (as personsFromEvents derives them) holding the listed id.
    const person = personsFromEvents(all).persons.find((p) => p.distinct_ids.includes(old[0].distinct_id))!;
    const want = all.filter((e) => person.distinct_ids.includes(e.distinct_id)).map((e) => e.uuid).sort();
    expect(want.length).toBeGreaterThan(0);
    expect(want.length).toBeLessThan(all.length);
    expect(received.map((e) => e.uuid).sort()).toEqual(want);
    expect((await sync.list())[0]!.cohorts).toEqual(['vip']);
    cache.dispose();
  });

  it('a cohort that cannot be worked out holds the target back with the reason, skipping nothing', async () => {
    let broken = true;
    const sync = createSync({ ...deps(), cohortIds: async () => (broken ? Promise.reject(new Error('properties: unknown operator')) : ['nobody']) });
    await sync.save({ ...input('backfill'), cohorts: ['c'] });
    await sync.run();
    expect(received).toEqual([]);
    expect((await sync.status())[0]).toMatchObject({ delivered: 0, waiting: old.length, lastError: expect.stringContaining('properties: unknown operator') });
    broken = false;
    await sync.run();
    // Worked out at last: nobody of the stored events is a member, so the cursor passes them all.
    expect(received).toEqual([]);
    expect((await sync.status())[0]).toMatchObject({ waiting: 0, delivered: 0, lastError: null });
  });

  it('a cohort that does not exist here (deleted, or an unresolved import) holds the target instead of passing its events over', async () => {
    let exists = false;
    const sync = createSync({ ...deps(), cohortIds: async () => (exists ? old.map((e) => e.distinct_id) : null) });
    await sync.save({ ...input('backfill'), cohorts: ['gone'] });
    await sync.run();
    expect(received).toEqual([]);
    expect((await sync.status())[0]).toMatchObject({ waiting: old.length, lastError: expect.stringContaining('cohort gone does not exist') });
    exists = true;
    await sync.run();
    expect(received.map((e) => e.uuid).sort()).toEqual(old.map((e) => e.uuid).sort());
    expect((await sync.status())[0]).toMatchObject({ waiting: 0, lastError: null });
  });

  it('a target naming an action that no longer exists is held with the reason; the action back, everything it matches goes', async () => {
    const action = { id: 'a1', site: 'shop.test', name: 'Any pageview', steps: [{ event: '$pageview' }], created_at: '', updated_at: '' } as unknown as StoredAction;
    let stored: StoredAction[] = [];
    const sync = createSync({ ...deps(), loadActions: async () => stored });
    await sync.save({ ...input('backfill'), actions: ['a1'] });
    await sync.run();
    expect(received).toEqual([]);
    expect((await sync.status())[0]).toMatchObject({ delivered: 0, waiting: old.length, lastError: expect.stringContaining('no longer exists (edit the target)') });
    stored = [action];
    await sync.run();
    const pageviews = old.filter((e) => e.event === '$pageview');
    expect(pageviews.length).toBeGreaterThan(0);
    expect(received.map((e) => e.uuid).sort()).toEqual(pageviews.map((e) => e.uuid).sort());
    expect((await sync.status())[0]).toMatchObject({ waiting: 0, lastError: null });
  });

  it('while the user withholds consent (Firefox) nothing is sent and each target says why; consent given, it all goes', async () => {
    let allowed = false;
    const sync = createSync({ ...deps(), mayTransmit: async () => allowed });
    await sync.save(input('backfill'));
    await sync.run();
    expect(received).toEqual([]);
    expect((await sync.status())[0]).toMatchObject({ delivered: 0, waiting: old.length, lastError: CONSENT_WITHDRAWN });
    allowed = true;
    await sync.run();
    expect(received.map((e) => e.uuid).sort()).toEqual(old.map((e) => e.uuid).sort());
    expect((await sync.status())[0]).toMatchObject({ delivered: old.length, waiting: 0, lastError: null });
  });
});
