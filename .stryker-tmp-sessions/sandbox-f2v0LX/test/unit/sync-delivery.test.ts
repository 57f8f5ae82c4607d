// @ts-nocheck
import { gunzipSync } from 'node:zlib';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CaptureEvent } from '../../src/events/types';
import { ingestEvents } from '../../src/store/events';
import { openLassoDB, type LassoDatabase } from '../../src/store/schema';
import { runTarget, type RunOutcome } from '../../src/sync/deliver';
import { commitState, getState, listAside, newState } from '../../src/sync/state';
import type { Target } from '../../src/sync/types';
import { generateEvents } from '../fixtures/generate-events';

// The delivery loop against a fake fetch and a fake clock: whatever the server does, every
// stored event arrives at least once, a repeat is byte-identical apart from sent_at, and a
// refused event is set aside with the server's reason.

const target: Target = { id: 'ph', kind: 'posthog', name: 'PH', sites: [], actions: [], start: 'backfill', paused: false, host: 'https://ph.test', apiKey: 'phc_key' };

/** `accept`: keep the batch even though the answer says otherwise (the acknowledgement is lost). */
type Reply = { status: number; body?: string; headers?: Record<string, string>; accept?: boolean } | 'network';

/** A fake PostHog: records every batch it accepts; `script(call, batch)` may answer otherwise. */
function fakeServer(script: (call: number, batch: CaptureEvent[]) => Reply | null) {
  const accepted: CaptureEvent[] = [];
  /** sent_at of every attempt, by the attempted batch's first uuid. */
  const sentAts = new Map<string, string[]>();
  let calls = 0;
  const fetch = async (_url: string, init: { body: Uint8Array }) => {
    const body = JSON.parse(gunzipSync(init.body).toString('utf8')) as { batch: CaptureEvent[]; sent_at: string };
    const reply = script(++calls, body.batch) ?? { status: 200, body: '{"status":1}' };
    const key = body.batch[0].uuid;
    sentAts.set(key, [...(sentAts.get(key) ?? []), body.sent_at]);
    if (reply === 'network') throw new TypeError('Failed to fetch');
    if (reply.status === 200 || reply.accept) accepted.push(...body.batch);
    return new Response(reply.body ?? '', { status: reply.status, headers: reply.headers });
  };
  return { fetch, accepted, sentAts, calls: () => calls };
}

let db: LassoDatabase;
let clock: number;
const stored = generateEvents({ count: 300, seed: 5, days: 1 });

beforeEach(async () => {
  db = await openLassoDB(new IDBFactory());
  clock = Date.UTC(2026, 11, 1);
  await ingestEvents(db, stored);
  await commitState(db, newState(target.id, 0, 0));
});

/** Run until the backlog is empty, jumping the clock to each retry time; the outcomes seen. */
async function drain(fetch: ReturnType<typeof fakeServer>['fetch'], t: Target = target, maxBytes = 40_000): Promise<RunOutcome[]> {
  const outcomes: RunOutcome[] = [];
  for (let i = 0; i < 200; i++) {
    const outcome = await runTarget({ db, fetch, now: () => clock, random: () => 0.5, limits: { maxEvents: 50, maxBytes } }, t, () => true, 3);
    outcomes.push(outcome);
    if (outcome.kind === 'idle' || outcome.kind === 'paused') return outcomes;
    if (outcome.kind === 'waiting') clock = outcome.until;
  }
  throw new Error('did not drain');
}

/** Every stored event accepted at least once; every accepted copy identical to the stored event. */
function expectDelivered(accepted: CaptureEvent[], except: string[] = []) {
  const byUuid = new Map(stored.map((e) => [e.uuid, e]));
  for (const e of accepted) expect(e).toEqual(byUuid.get(e.uuid));
  const got = new Set(accepted.map((e) => e.uuid));
  expect(stored.filter((e) => !got.has(e.uuid) && !except.includes(e.uuid)).map((e) => e.uuid)).toEqual([]);
}

describe('delivery loop', () => {
  it('drains a backlog in bounded batches, in ingest order, and then is idle', async () => {
    const server = fakeServer((_call, batch) => {
      expect(batch.length).toBeLessThanOrEqual(50);
      return null;
    });
    await drain(server.fetch);
    expect(server.accepted.map((e) => e.uuid)).toEqual(stored.map((e) => e.uuid));
    expect(await getState(db, target.id)).toMatchObject({ delivered: 300, setAside: 0, attempts: 0 });
  });

  it.each<[string, (call: number, batch: CaptureEvent[]) => Reply | null]>([
    ['a 5xx burst', (call) => (call >= 2 && call <= 6 ? { status: 503 } : null)],
    ['network errors', (call) => (call % 3 === 0 && call < 20 ? 'network' : null)],
    ['408 and 425', (call) => (call === 2 ? { status: 408 } : call === 3 ? { status: 425 } : null)],
    ['429 with Retry-After', (call) => (call === 2 ? { status: 429, headers: { 'Retry-After': '120' } } : null)],
    ['a lost acknowledgement (accepted, answered 500)', (call) => (call === 3 ? { status: 500, accept: true } : null)],
  ])('%s: nothing lost, repeats identical, sent_at new each attempt', async (_name, script) => {
    const server = fakeServer(script);
    const outcomes = await drain(server.fetch);
    expectDelivered(server.accepted);
    expect(outcomes.some((o) => o.kind === 'waiting')).toBe(true);
    const retried = [...server.sentAts.values()].filter((list) => list.length > 1);
    expect(retried.length).toBeGreaterThan(0);
    for (const list of retried) expect(new Set(list).size).toBe(list.length);
    expect((await getState(db, target.id))!.attempts).toBe(0);
  });

  it('waits as long as Retry-After asks (and backs off exponentially on repeated 5xx)', async () => {
    const start = clock;
    const server = fakeServer((call) => (call === 1 ? { status: 429, headers: { 'Retry-After': '120' } } : call <= 3 ? { status: 502 } : null));
    const first = await runTarget({ db, fetch: server.fetch, now: () => clock, random: () => 0.5 }, target, () => true);
    expect(first).toEqual({ kind: 'waiting', until: start + 120_000 });
    clock = start + 120_000;
    const second = (await runTarget({ db, fetch: server.fetch, now: () => clock, random: () => 0.5 }, target, () => true)) as { until: number };
    const third = (await runTarget({ db, fetch: server.fetch, now: () => (clock = second.until), random: () => 0.5 }, target, () => true)) as { until: number };
    // attempts 2 and 3: 4 s and 8 s, scaled by the jitter factor 0.75
    expect([second.until - start - 120_000, third.until - second.until]).toEqual([3_000, 6_000]);
  });

  it('413 splits the batch until each piece fits', async () => {
    const server = fakeServer((_call, batch) => (batch.length > 7 ? { status: 413 } : null));
    await drain(server.fetch);
    expectDelivered(server.accepted);
    expect(server.accepted.length).toBe(300);
  });

  it('400 for one event: the rest are delivered, the bad one set aside with the reason', async () => {
    const bad = stored[123].uuid;
    const server = fakeServer((_call, batch) => (batch.some((e) => e.uuid === bad) ? { status: 400, body: JSON.stringify({ type: 'validation_error', detail: 'price must be a number' }) } : null));
    await drain(server.fetch);
    expectDelivered(server.accepted, [bad]);
    expect(server.accepted.some((e) => e.uuid === bad)).toBe(false);
    expect(await listAside(db, target.id)).toEqual([expect.objectContaining({ uuid: bad, reason: '400: price must be a number' })]);
    expect(await getState(db, target.id)).toMatchObject({ delivered: 299, setAside: 1 });
  });

  it('401 pauses the target in plain words, without moving past undelivered events', async () => {
    let deny = true;
    const server = fakeServer((call) => (call >= 2 && deny ? { status: 401, body: 'invalid key phc_key' } : null));
    const outcomes = await drain(server.fetch);
    expect(outcomes.at(-1)).toEqual({ kind: 'paused', reason: 'The server refused the key (401 Unauthorized). Check the key, then resume the target.' });
    expect((await getState(db, target.id))!.lastError).not.toContain('phc_key');
    deny = false;
    await drain(server.fetch);
    expectDelivered(server.accepted);
  });

  it('late events (old timestamps, stored after the cursor passed) are delivered too; deleted ones are counted', async () => {
    const server = fakeServer(() => null);
    await drain(server.fetch);
    const late = generateEvents({ count: 20, seed: 99, days: 400 });
    await ingestEvents(db, late);
    await db.delete('events', late[0].uuid);
    await db.delete('events', late[1].uuid);
    await drain(server.fetch);
    const got = new Set(server.accepted.map((e) => e.uuid));
    expect(late.slice(2).every((e) => got.has(e.uuid))).toBe(true);
    expect(await getState(db, target.id)).toMatchObject({ delivered: 318, deletedBeforeDelivery: 2 });
  });

  it('an event larger than the target allows is set aside without a request', async () => {
    const big = { ...stored[0], uuid: '019a0000-0000-7000-8000-0000000000ff', properties: { ...stored[0].properties, blob: 'x'.repeat(60_000) } };
    await ingestEvents(db, [big]);
    const server = fakeServer(() => null);
    await runTarget({ db, fetch: server.fetch, now: () => clock, random: () => 0.5, limits: { maxEventBytes: 50_000 } }, target, () => true);
    expect(server.accepted).toHaveLength(300);
    expect((await listAside(db, target.id))[0]).toMatchObject({ uuid: big.uuid, reason: expect.stringMatching(/^too large for this target/) });
  });

  it('only events the filter wants are sent; the cursor still passes the others', async () => {
    const server = fakeServer(() => null);
    const wanted = (e: CaptureEvent) => e.event === '$pageview';
    await runTarget({ db, fetch: server.fetch, now: () => clock, random: () => 0.5 }, target, wanted);
    expect(server.accepted.map((e) => e.uuid)).toEqual(stored.filter(wanted).map((e) => e.uuid));
    expect((await getState(db, target.id))!.cursor).toBe(300);
  });
});
