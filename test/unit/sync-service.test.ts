import { gunzipSync } from 'node:zlib';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CaptureEvent } from '../../src/events/types';
import type { KeyValueArea } from '../../src/identity/identity';
import { ingestEvents } from '../../src/store/events';
import { openLassoDB, type LassoDatabase } from '../../src/store/schema';
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

const service = () => createSync({ db, area, fetch, now: () => Date.UTC(2026, 11, 1), random: () => 0.5, loadActions: async () => [], schedule: () => undefined });
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
    await expect(sync.save({ kind: 'segment', name: '', host: 'http://example.com' })).rejects.toThrow('name: give the target a name; host: the host must use https (plain http only for localhost or 127.0.0.1); writeKey: enter the write key');
  });
});
