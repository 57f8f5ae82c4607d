// @ts-nocheck
import { IDBFactory } from 'fake-indexeddb';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { KeyValueArea } from '../../src/identity/identity';
import { DEFAULT_SETTINGS, withPageTraffic } from '../../src/settings/settings';
import { parseHosts, type PageTrafficSite } from '../../src/settings/page-traffic';
import { capturingSite } from '../../src/sources/endpoints';
import { handleObservedRequest, pageTrafficStats, type ObservedRequest } from '../../src/sources/observe';
import { pageEvent } from '../../src/sources/page-events';
import { ingestEvents } from '../../src/store/events';
import { openLassoDB } from '../../src/store/schema';

const FRAME = { origin: 'https://shop.test', site: 'shop.test' };
const U1 = '01890000-0000-7000-8000-000000000001';
const U2 = '01890000-0000-7000-8000-000000000002';
/** An event as posthog-js sends it: distinct_id in properties, $set / $set_once at the top. */
const sent = (over: Record<string, unknown> = {}, props: Record<string, unknown> = {}) => ({
  uuid: U1,
  event: '$pageview',
  timestamp: '2026-01-01T00:00:00.000Z',
  properties: { distinct_id: 'anon-1', token: 'phc_x', $current_url: 'https://shop.test/a', $host: 'shop.test', ...props },
  ...over,
});

describe('pageEvent: the page\'s event in capture shape, checked like captured ones', () => {
  it('lifts distinct_id, moves $set / $set_once into properties (top level wins) and marks the source', () => {
    const got = pageEvent(sent({ $set: { plan: 'pro' }, $set_once: { $initial_x: 1 } }, { $set: { plan: 'free', seat: 2 } }), FRAME, 0);
    expect(got).toEqual({
      event: {
        uuid: U1,
        event: '$pageview',
        distinct_id: 'anon-1',
        timestamp: '2026-01-01T00:00:00.000Z',
        properties: expect.objectContaining({ $set: { plan: 'pro', seat: 2 }, $set_once: { $initial_x: 1 }, $lasso_source: 'page' }),
      },
    });
  });

  it('leaves out top-level fields PostHog does not read (posthog-js sends none)', () => {
    const got = pageEvent(sent({ extra: 1 }), FRAME, 0);
    expect('event' in got && Object.keys(got.event)).toEqual(['uuid', 'event', 'distinct_id', 'timestamp', 'properties']);
  });

  it('turns an old client\'s offset into a timestamp', () => {
    const got = pageEvent(sent({ timestamp: undefined, offset: 1500 }), FRAME, Date.parse('2026-01-01T00:00:01.500Z'));
    expect('event' in got && got.event.timestamp).toBe('2026-01-01T00:00:00.000Z');
  });

  it.each<[string, unknown, RegExp]>([
    ['not an object', 'x', /not an object/],
    ['no properties', { ...sent(), properties: null }, /properties/],
    ['no distinct id', sent({}, { distinct_id: undefined }), /distinct_id/],
    ['a bad uuid', sent({ uuid: 'nope' }), /uuid/],
    ['no timestamp', sent({ timestamp: undefined }), /timestamp/],
    ['a bad $set', sent({ $set: 'x' }), /\$set: not an object/],
    ['another origin\'s URL', sent({}, { $current_url: 'https://evil.test/' }), /\$current_url/],
    ['another site\'s $host', sent({}, { $host: 'evil.test' }), /\$host/],
    ['an oversize event', sent({}, { big: 'x'.repeat(300 * 1024) }), /over the 262144 limit/],
  ])('refuses %s', (_n, raw, reason) => {
    const got = pageEvent(raw, FRAME, 0);
    expect('reason' in got && got.reason).toMatch(reason);
  });
});

describe('capturingSite: which requests are an opted-in site\'s PostHog traffic', () => {
  const sites: PageTrafficSite[] = [{ site: 'shop.test', hosts: ['ph.proxy.test'] }];
  it.each<[string, string | undefined, boolean]>([
    ['https://us.i.posthog.com/e/?ip=1', 'https://shop.test', true],
    ['https://eu.i.posthog.com/i/v0/e/', 'https://shop.test', true],
    ['https://us.i.posthog.com/batch/', 'https://shop.test', true],
    ['https://shop.test/ingest/capture/', 'https://shop.test', true],
    ['https://www.shop.test/ph/track/', 'https://shop.test', true],
    ['https://ph.proxy.test/e/', 'https://shop.test', true],
    ['https://us.i.posthog.com/e/', 'https://other.test', false], // site not opted in
    ['https://us.i.posthog.com/e/', undefined, false], // no initiator (the browser's own)
    ['https://tracker.test/e/', 'https://shop.test', false], // a host nobody named
    ['https://us.i.posthog.com/flags/', 'https://shop.test', false], // not a capture path
    ['https://us.i.posthog.com/s/', 'https://shop.test', false], // recordings are not events
    ['https://notposthog.com/e/', 'https://shop.test', false],
  ])('%s from %s → %s', (url, initiator, expected) => {
    expect(capturingSite(sites, url, initiator) !== null).toBe(expected);
  });

  it.each<[unknown, string[] | null]>([
    [['PH.Proxy.test', 'ph.proxy.test:8443'], ['ph.proxy.test']],
    [['localhost'], ['localhost']],
    [['a/b'], null],
    [['nodot'], null],
    ['ph.test', null],
    [Array.from({ length: 21 }, (_, i) => `h${i}.test`), null],
  ])('parseHosts(%j) → %j', (hosts, expected) => {
    expect(parseHosts(hosts)).toEqual(expected);
  });
});

describe('handleObservedRequest: stored once, marked, counted', () => {
  const memory = (): KeyValueArea => {
    const m = new Map<string, unknown>();
    return { get: async (k) => (m.has(k) ? { [k]: m.get(k) } : {}), set: async (items) => void Object.entries(items).forEach(([k, v]) => m.set(k, v)) };
  };
  const request = (body: unknown, over: Partial<ObservedRequest> = {}): ObservedRequest => ({
    url: 'https://us.i.posthog.com/e/?compression=gzip-js',
    method: 'POST',
    tabId: 3,
    initiator: 'https://shop.test',
    requestBody: { raw: [{ bytes: new Uint8Array(gzipSync(JSON.stringify(body))).buffer }] },
    ...over,
  });

  it('a batch of mixed events: valid ones stored once (sent twice), the rest counted with a reason', async () => {
    const db = await openLassoDB(new IDBFactory());
    const session = memory();
    const deps = { settings: async () => withPageTraffic(DEFAULT_SETTINGS, 'shop.test', true), ingest: (e: never[]) => ingestEvents(db, e), session };
    const batch = [sent(), sent({ uuid: U2, event: 'clicked' }), sent({ uuid: 'bad' }), sent({}, { $current_url: 'https://evil.test/' })];
    await handleObservedRequest(request(batch), deps);
    await handleObservedRequest(request(batch), deps);
    const stored = await db.getAll('events');
    expect(stored.map((e) => [e.uuid, e.properties.$lasso_source])).toEqual([[U1, 'page'], [U2, 'page']]);
    expect(await pageTrafficStats(session, 'shop.test')).toEqual({
      requests: 2, stored: 2, duplicates: 2, rejected: 4,
      lastProblem: { reason: 'bad: uuid: not a UUID', at: expect.any(String) },
    });
  });

  it.each<[string, Partial<ObservedRequest>, boolean]>([
    ['a site not opted in', { initiator: 'https://other.test' }, false],
    ['a GET', { method: 'GET' }, false],
    ['a bad body', { requestBody: { raw: [{ bytes: new TextEncoder().encode('junk').buffer }] } }, true],
  ])('%s stores nothing', async (_n, over, counted) => {
    const db = await openLassoDB(new IDBFactory());
    const session = memory();
    await handleObservedRequest(request([sent()], over), { settings: async () => withPageTraffic(DEFAULT_SETTINGS, 'shop.test', true), ingest: (e) => ingestEvents(db, e), session });
    expect(await db.count('events')).toBe(0);
    expect((await pageTrafficStats(session, 'shop.test')).rejected).toBe(counted ? 1 : 0);
  });
});
