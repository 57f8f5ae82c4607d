// @ts-nocheck
import { createHmac } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaptureEvent } from '../../src/events/types';
import { ingestEvents } from '../../src/store/events';
import { openLassoDB, type LassoDatabase } from '../../src/store/schema';
import { runTarget } from '../../src/sync/deliver';
import type { FetchLike } from '../../src/sync/send';
import { commitState, getState, listAside, newState } from '../../src/sync/state';
import type { Target } from '../../src/sync/types';
import { generateEvents } from '../fixtures/generate-events';
import { startCaptureServer } from '../fixtures/capture-server.mjs';

// Delivery over real HTTP to the capture-server fixture on 127.0.0.1: each kind of target, each
// fault the server injects. Invariant after every scenario: every stored event accepted at least
// once, every accepted copy has the stored uuid and timestamp, a refused event is set aside with
// the server's reason.

interface Server {
  url: string;
  accepted: { kind: string; events: Record<string, unknown>[]; historical?: boolean; gzipped: boolean; idempotencyKey?: string; format?: string }[];
  log: { path: string; status: number; detail?: string }[];
  badEvents: Set<string>;
  limits: { maxBytes: number };
  fault(f: Record<string, unknown>): void;
  events(kind?: string): Record<string, unknown>[];
  close(): Promise<void>;
}

const stored = generateEvents({ count: 120, seed: 8, days: 1 });
let server: Server;
let db: LassoDatabase;
let clock = Date.UTC(2026, 11, 1);

beforeEach(async () => {
  server = (await startCaptureServer({ posthogKey: 'phc_live', segmentKey: 'seg-key', webhook: { secret: 'hook-secret', headers: { 'X-Team': 'growth' } } })) as Server;
  db = await openLassoDB(new IDBFactory());
  await ingestEvents(db, stored);
});
afterEach(() => server.close());

const targets = (url: string): Record<string, Target> => ({
  posthog: { id: 'posthog', kind: 'posthog', name: 'PH', sites: [], actions: [], start: 'backfill', paused: false, host: url, apiKey: 'phc_live' },
  segment: { id: 'segment', kind: 'segment', name: 'Seg', sites: [], actions: [], start: 'backfill', paused: false, host: url, writeKey: 'seg-key' },
  webhook: { id: 'webhook', kind: 'webhook', name: 'Hook', sites: [], actions: [], start: 'backfill', paused: false, url: `${url}/hook`, headers: [{ name: 'X-Team', value: 'growth' }], format: 'ndjson', gzip: true, secret: 'hook-secret' },
});

const realFetch: FetchLike = (url, init) => fetch(url, init as RequestInit);

async function drain(target: Target, limits = { maxEvents: 25 }) {
  await commitState(db, newState(target.id, 0, stored.length));
  for (let i = 0; i < 100; i++) {
    const outcome = await runTarget({ db, fetch: realFetch, now: () => clock, random: () => 0, limits, timeoutMs: 2_000 }, target, () => true);
    if (outcome.kind === 'idle' || outcome.kind === 'paused') return outcome;
    if (outcome.kind === 'waiting') clock = outcome.until;
  }
  throw new Error('did not drain');
}

/** The uuid of an accepted item: `uuid` (capture shape) or `messageId` (Segment). */
const idOf = (item: Record<string, unknown>) => (item.uuid ?? item.messageId) as string;

function expectInvariant(kind: string, except: string[] = []) {
  const byUuid = new Map<string, CaptureEvent>(stored.map((e) => [e.uuid, e]));
  const got = server.events(kind);
  for (const item of got) expect(item.timestamp).toBe(byUuid.get(idOf(item))?.timestamp);
  const ids = new Set(got.map(idOf));
  expect(stored.filter((e) => !ids.has(e.uuid) && !except.includes(e.uuid)).length).toBe(0);
}

describe.each(['posthog', 'segment', 'webhook'])('%s target over HTTP', (kind) => {
  it('delivers the backlog as the server validates it', async () => {
    const target = targets(server.url)[kind];
    expect(await drain(target)).toEqual({ kind: 'idle' });
    expectInvariant(kind);
    expect(server.log.every((r) => r.status === 200)).toBe(true);
    if (kind === 'posthog') expect(server.accepted.every((a) => a.gzipped && a.historical)).toBe(true);
    if (kind === 'webhook') expect(server.accepted.every((a) => a.gzipped && a.format === 'ndjson' && a.idempotencyKey)).toBe(true);
  });

  it.each<[string, Record<string, unknown>]>([
    ['refused connections', { refuse: 2 }],
    ['a 5xx burst', { status: 503, times: 4 }],
    ['429 with Retry-After', { status: 429, times: 1, retryAfter: 3 }],
    ['an answer slower than the request timeout', { slowMs: 2_500, times: 1 }],
    ['a connection reset mid-response', { reset: 1 }],
  ])('survives %s', async (_name, fault) => {
    server.fault(fault);
    await drain(targets(server.url)[kind]);
    expectInvariant(kind);
    expect(server.log.some((r) => r.status !== 200)).toBe(true);
  });

  it('413 above a size: the batch is split until it fits', async () => {
    server.limits.maxBytes = 12_000;
    await drain(targets(server.url)[kind]);
    expectInvariant(kind);
    expect(server.log.some((r) => r.status === 413)).toBe(true);
  });

  it('400 for one chosen event: set aside with the reason, the rest delivered', async () => {
    const bad = stored[57].uuid;
    server.badEvents.add(bad);
    await drain(targets(server.url)[kind]);
    expectInvariant(kind, [bad]);
    expect(server.events(kind).some((e) => idOf(e) === bad)).toBe(false);
    expect(await listAside(db, kind)).toEqual([expect.objectContaining({ uuid: bad, reason: `400: event ${bad} is invalid: property "price" must be a number` })]);
  });

  it('a wrong key pauses the target (401) and delivers nothing', async () => {
    const t = targets(server.url)[kind];
    const wrong = t.kind === 'posthog' ? { ...t, apiKey: 'phc_wrong' } : t.kind === 'segment' ? { ...t, writeKey: 'nope' } : { ...t, secret: 'other' };
    expect(await drain(wrong)).toMatchObject({ kind: 'paused', reason: expect.stringContaining('401') });
    expect(server.events(kind)).toEqual([]);
    expect((await getState(db, kind))!.cursor).toBe(0);
  });
});

describe('the capture server validates what it receives', () => {
  const post = (path: string, body: string | Buffer, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { method: 'POST', body: typeof body === 'string' ? body : new Uint8Array(body), headers });
  const event = { uuid: '019a0000-0000-7000-8000-000000000001', event: 'x', distinct_id: 'd', timestamp: '2026-11-28T12:00:00Z', properties: {} };

  it.each<[string, string, () => string | Buffer, Record<string, string>, number, string]>([
    ['PostHog: malformed uuid', '/batch/', () => JSON.stringify({ api_key: 'phc_live', sent_at: '2026-11-28T12:00:00Z', batch: [{ ...event, uuid: 'nope' }] }), {}, 400, 'uuid "nope" is not a UUID'],
    ['PostHog: wrong key', '/batch/', () => JSON.stringify({ api_key: 'phc_x', sent_at: '2026-11-28T12:00:00Z', batch: [] }), {}, 401, 'invalid project API key'],
    ['PostHog: corrupt gzip', '/batch/', () => Buffer.from([0x1f, 0x8b, 1, 2, 3]), {}, 400, 'the gzip body is corrupt'],
    ['PostHog: gzip accepted by sniffing', '/batch/', () => gzipSync(JSON.stringify({ api_key: 'phc_live', sent_at: '2026-11-28T12:00:00Z', batch: [event] })), {}, 200, ''],
    ['Segment: no auth', '/v1/batch', () => JSON.stringify({ batch: [], sentAt: '2026-11-28T12:00:00Z' }), {}, 401, 'invalid write key'],
    ['Segment: track without event', '/v1/batch', () => JSON.stringify({ sentAt: '2026-11-28T12:00:00Z', batch: [{ type: 'track', messageId: event.uuid, timestamp: event.timestamp, anonymousId: 'a', context: {} }] }), { Authorization: `Basic ${Buffer.from('seg-key:').toString('base64')}` }, 400, 'track: event is required'],
    ['webhook: bad signature', '/hook', () => '[]', { 'X-Team': 'growth', 'X-Lasso-Signature': 'sha256=00', 'Content-Type': 'application/json', 'Idempotency-Key': 'k' }, 401, 'bad signature'],
    ['webhook: no idempotency key', '/hook', () => '[]', { 'X-Team': 'growth', 'X-Lasso-Signature': `sha256=${createHmac('sha256', 'hook-secret').update('[]').digest('hex')}`, 'Content-Type': 'application/json' }, 400, 'Idempotency-Key header missing'],
  ])('%s → %s', async (_name, path, body, headers, status, detail) => {
    const response = await post(path, body(), headers);
    expect(response.status).toBe(status);
    if (detail) expect(((await response.json()) as { detail: string }).detail).toBe(detail);
  });
});
