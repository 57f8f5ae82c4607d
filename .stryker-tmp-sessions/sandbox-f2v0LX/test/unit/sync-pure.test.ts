// @ts-nocheck
import { createHmac } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { StoredAction } from '../../src/actions/types';
import type { CaptureEvent } from '../../src/events/types';
import { eventFilter } from '../../src/sync/filter';
import { BACKOFF_MAX_MS, backoffDelay, parseRetryAfter, verdictOf } from '../../src/sync/backoff';
import { prefixWithin } from '../../src/sync/deliver';
import { redact, secretsOf } from '../../src/sync/redact';
import { buildRequest, gzip, signature } from '../../src/sync/request';
import { toSegment } from '../../src/sync/segment';
import { originPattern, TargetError, validateTarget, viewOf } from '../../src/sync/targets';
import type { Target, TargetInput } from '../../src/sync/types';
import { bodyOf, ENVELOPE_BYTES } from '../../src/sync/wire';

const U = '019a0000-0000-7000-8000-000000000001';
const ev = (event: string, properties: Record<string, unknown> = {}, distinct_id = 'anon-1'): CaptureEvent => ({ uuid: U, event, distinct_id, timestamp: '2026-11-28T12:00:00.000Z', properties });

describe('backoff', () => {
  it.each([
    // attempt, random, expected ms: 2 s doubling, jitter scales by 0.5 + random/2
    [1, 0, 1_000],
    [1, 0.999999, 2_000],
    [2, 0, 2_000],
    [3, 1 - 1e-9, 8_000],
    [10, 0, 512_000],
    [11, 1 - 1e-9, BACKOFF_MAX_MS],
    [40, 0, BACKOFF_MAX_MS / 2],
  ])('attempt %i with random %f waits %i ms', (attempt, random, ms) => {
    expect(backoffDelay(attempt, () => random)).toBe(ms);
  });

  it.each([
    ['a longer Retry-After wins', 1, 60_000, 60_000],
    ['a shorter Retry-After does not shorten the backoff', 3, 1_000, 4_000],
    ['Retry-After is capped at the maximum', 1, 10 * 60 * 60_000, BACKOFF_MAX_MS],
  ])('%s', (_name, attempt, retryAfter, ms) => {
    expect(backoffDelay(attempt, () => 0, retryAfter)).toBe(ms);
  });

  it.each([
    ['120', 120_000],
    [' 3 ', 3_000],
    ['Sat, 28 Nov 2026 12:00:10 GMT', 10_000],
    ['Sat, 28 Nov 2026 11:00:00 GMT', 0],
    ['soon', null],
    [null, null],
  ])('Retry-After %s is %s ms', (value, ms) => {
    expect(parseRetryAfter(value, Date.UTC(2026, 10, 28, 12, 0, 0))).toBe(ms);
  });

  it.each([
    [200, 'ok'], [204, 'ok'], [0, 'retry'], [408, 'retry'], [425, 'retry'], [429, 'retry'], [500, 'retry'], [503, 'retry'],
    [413, 'split-size'], [400, 'split-bad'], [422, 'split-bad'], [401, 'pause'], [403, 'pause'], [404, 'pause'],
  ])('status %i → %s', (status, verdict) => {
    expect(verdictOf(status)).toBe(verdict);
  });
});

describe('batches by bytes and count', () => {
  it.each([
    ['all fit', [100, 100, 100], 10, 1_000, 3],
    ['count limit', [10, 10, 10, 10], 2, 10_000, 2],
    ['byte limit cuts before the item that would pass it', [200, 200, 200], 10, ENVELOPE_BYTES + 201 + 201, 2],
    ['exactly at the byte limit fits', [200, 200], 10, ENVELOPE_BYTES + 402, 2],
    ['a first item over the limit still goes alone (the server decides; 413 sets it aside)', [5_000, 10], 10, 1_000, 1],
    ['nothing to send', [], 10, 1_000, 0],
  ])('%s', (_name, sizes, maxEvents, maxBytes, n) => {
    expect(prefixWithin(sizes, { maxEvents, maxBytes })).toBe(n);
  });
});

describe('Segment mapping', () => {
  const page = { $current_url: 'https://shop.test/cart?x=1', $pathname: '/cart', $referrer: 'https://google.com/', $device_id: 'dev-1', $raw_user_agent: 'UA/1', utm_source: 'news', utm_campaign: 'spring', title: 'Cart' };
  it.each([
    ['$pageview → page', ev('$pageview', page), { type: 'page', name: 'Cart', anonymousId: 'dev-1', properties: expect.objectContaining({ url: 'https://shop.test/cart?x=1', path: '/cart', referrer: 'https://google.com/', title: 'Cart' }), context: expect.objectContaining({ page: expect.objectContaining({ url: 'https://shop.test/cart?x=1', path: '/cart' }), userAgent: 'UA/1', campaign: { source: 'news', name: 'spring' } }) }],
    ['$autocapture → track', ev('$autocapture', { $device_id: 'dev-1', $event_type: 'click' }), { type: 'track', event: '$autocapture', anonymousId: 'dev-1', properties: { $device_id: 'dev-1', $event_type: 'click' } }],
    ['custom → track, not identified: no userId', ev('signed_up', { $device_id: 'dev-1' }), { type: 'track', event: 'signed_up', anonymousId: 'dev-1', userId: undefined }],
    ['identified → userId = distinct_id', ev('paid', { $device_id: 'dev-1', $is_identified: true }, 'user-7'), { type: 'track', userId: 'user-7', anonymousId: 'dev-1' }],
    ['$identify → identify, traits = $set (over $set_once)', ev('$identify', { $device_id: 'dev-1', $anon_distinct_id: 'anon-1', $set: { email: 'a@b.c', plan: 'pro' }, $set_once: { plan: 'free', first: 'x' } }, 'user-7'), { type: 'identify', userId: 'user-7', anonymousId: 'dev-1', traits: { email: 'a@b.c', plan: 'pro', first: 'x' } }],
    ['$set → identify', ev('$set', { $set: { name: 'Ann' } }, 'user-7'), { type: 'identify', userId: 'user-7', traits: { name: 'Ann' } }],
    ['$create_alias → alias', ev('$create_alias', { alias: 'old-id' }, 'user-7'), { type: 'alias', previousId: 'old-id', userId: 'user-7' }],
    ['$groupidentify → group', ev('$groupidentify', { $group_type: 'company', $group_key: 'acme', $group_set: { size: 10 } }), { type: 'group', groupId: 'acme', traits: { size: 10 }, context: expect.objectContaining({ groupType: 'company' }) }],
    ['no $device_id → anonymousId = distinct_id', ev('x'), { type: 'track', anonymousId: 'anon-1' }],
  ])('%s', (_name, event, expected) => {
    const message = toSegment(event);
    const { userId, ...rest } = expected as Record<string, unknown>;
    expect(message).toMatchObject({ messageId: U, timestamp: '2026-11-28T12:00:00.000Z', ...rest });
    if ('userId' in expected) expect(message.userId).toBe(userId);
  });
});

describe('signature and gzip', () => {
  it.each([
    ['secret', '[{"a":1}]'],
    ['ключ 🔑', 'ndjson\nline\n'],
  ])('HMAC-SHA256 with %s equals Node crypto', async (secret, text) => {
    const body = new TextEncoder().encode(text);
    expect(await signature(secret, body)).toBe(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
  });

  it('gzip round-trips', async () => {
    const text = JSON.stringify({ batch: Array.from({ length: 50 }, (_, i) => ({ i, s: 'é'.repeat(i) })) });
    expect(gunzipSync(await gzip(text)).toString('utf8')).toBe(text);
  });
});

const posthog: Target = { id: 't1', kind: 'posthog', name: 'PH', sites: [], actions: [], start: 'now', paused: false, host: 'https://eu.i.posthog.com', apiKey: 'phc_SECRETKEY123' };
const segment: Target = { id: 't2', kind: 'segment', name: 'Seg', sites: [], actions: [], start: 'now', paused: false, host: 'https://api.segment.io', writeKey: 'wk-secret-1' };
const hook: Target = { id: 't3', kind: 'webhook', name: 'Hook', sites: [], actions: [], start: 'now', paused: false, url: 'https://hooks.test/in', headers: [{ name: 'Authorization', value: 'Bearer tok-abcdef' }], format: 'ndjson', gzip: true, secret: 'sign-me' };

describe('requests', () => {
  it('PostHog: gzip with api_key, sent_at and historical_migration', async () => {
    const req = await buildRequest(posthog, ['{"uuid":"a"}', '{"uuid":"b"}'], { sentAt: '2026-11-28T12:00:01.000Z', historical: true }, 'k');
    expect(req.url).toBe('https://eu.i.posthog.com/batch/?compression=gzip-js');
    expect(JSON.parse(gunzipSync(req.body).toString())).toEqual({ api_key: 'phc_SECRETKEY123', batch: [{ uuid: 'a' }, { uuid: 'b' }], sent_at: '2026-11-28T12:00:01.000Z', historical_migration: true });
  });

  it('Segment: Basic auth with the write key as user, sentAt', async () => {
    const req = await buildRequest(segment, ['{"messageId":"a"}'], { sentAt: 'S' }, 'k');
    expect(req.headers.Authorization).toBe(`Basic ${Buffer.from('wk-secret-1:').toString('base64')}`);
    expect(JSON.parse(new TextDecoder().decode(req.body))).toEqual({ batch: [{ messageId: 'a' }], sentAt: 'S' });
  });

  it('webhook: NDJSON, gzip, user headers, signature over the bytes sent, idempotency key', async () => {
    const req = await buildRequest(hook, ['{"a":1}', '{"b":2}'], { sentAt: 'S' }, 'batch-key');
    expect(gunzipSync(req.body).toString()).toBe('{"a":1}\n{"b":2}\n');
    expect(req.headers).toMatchObject({ 'Content-Type': 'application/x-ndjson', 'Content-Encoding': 'gzip', Authorization: 'Bearer tok-abcdef', 'Idempotency-Key': 'batch-key', 'X-Lasso-Signature': `sha256=${createHmac('sha256', 'sign-me').update(req.body).digest('hex')}` });
  });

  it('webhook JSON array body', () => {
    expect(bodyOf({ ...hook, format: 'json' }, ['1', '2'], { sentAt: 'S' })).toBe('[1,2]');
  });
});

describe('redaction', () => {
  it.each([
    ['a listed secret', 'key wk-secret-1 refused', ['wk-secret-1'], 'key [redacted] refused'],
    ['a PostHog project key not listed', 'bad token phc_abcdefghij', [], 'bad token [redacted]'],
    ['a personal key', 'phx_1234567890abc', [], '[redacted]'],
    ['a Bearer credential', 'Authorization: Bearer abc.def-123', [], 'Authorization: Bearer [redacted]'],
    ['a Basic credential', 'got Basic d2stc2VjcmV0LTE6', [], 'got Basic [redacted]'],
    ['a URL-encoded secret', 'q=a%2Fb%3Dc', ['a/b=c'], 'q=[redacted]'],
    ['several secrets, the longer first', 'abcdef and abc', ['abc', 'abcdef'], '[redacted] and [redacted]'],
    ['too short to redact safely', 'ab is fine', ['ab'], 'ab is fine'],
    ['nothing secret', 'plain words', ['zzz'], 'plain words'],
  ])('%s', (_name, text, secrets, out) => {
    expect(redact(text, secrets)).toBe(out);
  });

  it.each([posthog, segment, hook])('no secret of a $kind target survives in its view or a redacted dump', (target) => {
    const secrets = secretsOf(target);
    const view = JSON.stringify(viewOf(target));
    for (const s of secrets) {
      expect(view).not.toContain(s);
      expect(redact(JSON.stringify(target), secrets)).not.toContain(s);
    }
  });
});

describe('target validation', () => {
  let n = 0;
  const id = () => `id${++n}`;
  it.each<[string, TargetInput, Record<string, unknown>]>([
    ['PostHog EU preset', { kind: 'posthog', name: 'P', hostPreset: 'eu', apiKey: ' phc_x ' }, { host: 'https://eu.i.posthog.com', apiKey: 'phc_x', start: 'now', sites: [], actions: [] }],
    ['self-hosted with a trailing slash', { kind: 'posthog', name: 'P', host: 'https://ph.example.com/', apiKey: 'phc_x', start: 'backfill' }, { host: 'https://ph.example.com', start: 'backfill' }],
    ['Segment on localhost over http', { kind: 'segment', name: 'S', host: 'http://localhost:8080', writeKey: 'w' }, { host: 'http://localhost:8080' }],
    ['webhook with headers, blank rows dropped', { kind: 'webhook', name: 'W', url: 'http://127.0.0.1:9/hook', headers: [{ name: 'X-Team', value: 'a' }, { name: '', value: '' }], format: 'ndjson', gzip: true, secret: 's' }, { headers: [{ name: 'X-Team', value: 'a' }], format: 'ndjson', gzip: true, secret: 's' }],
  ])('%s', (_name, input, expected) => {
    expect(validateTarget(input, undefined, id)).toMatchObject(expected);
  });

  it.each<[string, TargetInput, string[]]>([
    ['plain http elsewhere', { kind: 'posthog', name: 'P', host: 'http://ph.example.com', apiKey: 'phc_x' }, ['host: the PostHog host must use https (plain http only for localhost or 127.0.0.1)']],
    ['no name, no key', { kind: 'segment', host: 'https://api.segment.io' }, ['name: give the target a name', 'writeKey: enter the write key']],
    ['a personal key', { kind: 'posthog', name: 'P', hostPreset: 'us', apiKey: 'phx_abc' }, ['apiKey: that is a personal API key (phx_…); capture needs the project API key (phc_…)']],
    ['not a URL', { kind: 'webhook', name: 'W', url: 'hooks' }, ['url: the webhook URL is not a URL (expected e.g. https://example.com)']],
    ['credentials in the URL', { kind: 'webhook', name: 'W', url: 'https://u:p@h.test/' }, ['url: the webhook URL must not contain a user name or password']],
    ['a reserved header', { kind: 'webhook', name: 'W', url: 'https://h.test/', headers: [{ name: 'Content-Type', value: 'x' }] }, ['headers[0].name: Content-Type is set by Lasso']],
  ])('refuses %s', (_name, input, problems) => {
    let error: unknown;
    try {
      validateTarget(input, undefined, id);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TargetError);
    expect((error as TargetError).problems.map((p) => `${p.path}: ${p.message}`)).toEqual(problems);
  });

  it('an update with blank secrets keeps the stored ones, and errors never carry a secret', () => {
    const updated = validateTarget({ kind: 'webhook', id: 't3', name: 'Hook 2', url: hook.kind === 'webhook' ? hook.url : '', headers: [{ name: 'Authorization', value: '' }] }, hook, id);
    expect(updated).toMatchObject({ id: 't3', name: 'Hook 2', secret: 'sign-me', headers: [{ name: 'Authorization', value: 'Bearer tok-abcdef' }] });
    let message = '';
    try {
      validateTarget({ kind: 'posthog', id: 't1', name: '', host: 'ftp://x' }, posthog, id);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('name: give the target a name');
    expect(message).not.toContain('phc_SECRETKEY123');
  });

  it.each<[TargetInput, string | null]>([
    [{ kind: 'posthog', hostPreset: 'us' }, 'https://us.i.posthog.com/*'],
    [{ kind: 'segment', host: 'http://127.0.0.1:8080' }, 'http://127.0.0.1/*'],
    [{ kind: 'webhook', url: 'https://hooks.test/a/b?c' }, 'https://hooks.test/*'],
    [{ kind: 'webhook', url: 'http://hooks.test/' }, null],
  ])('host permission for %j is %s', (input, pattern) => {
    expect(originPattern(input)).toBe(pattern);
  });
});

describe('target filters', () => {
  const action = (id: string, steps: StoredAction['steps']): StoredAction => ({ id, site: 'shop.test', name: id, steps, created_at: '', updated_at: '' });
  const actions = [action('signups', [{ event: 'signed_up' }]), action('carts', [{ event: '$autocapture', url: '/cart', url_matching: 'contains' }])];
  const on = (host: string, event = '$pageview', properties: Record<string, unknown> = {}) => ev(event, { $host: host, ...properties });
  it.each<[string, { sites: string[]; actions: string[] }, CaptureEvent, boolean]>([
    ['no filter takes everything', { sites: [], actions: [] }, on('a.test'), true],
    ['a listed site', { sites: ['shop.test'], actions: [] }, on('shop.test'), true],
    ['another site', { sites: ['shop.test'], actions: [] }, on('blog.test'), false],
    ['a site without port takes every port', { sites: ['127.0.0.1'], actions: [] }, on('127.0.0.1:5174'), true],
    ['a site with port takes only that port', { sites: ['127.0.0.1:8123'], actions: [] }, on('127.0.0.1:5174'), false],
    ['an event matching a chosen action', { sites: [], actions: ['signups'] }, on('shop.test', 'signed_up'), true],
    ['an event matching no chosen action', { sites: [], actions: ['signups'] }, on('shop.test', '$pageview'), false],
    ['the other chosen action', { sites: [], actions: ['signups', 'carts'] }, on('shop.test', '$autocapture', { $current_url: 'http://shop.test/cart', $event_type: 'click' }), true],
    ['chosen actions that no longer exist match nothing', { sites: [], actions: ['gone'] }, on('shop.test', 'signed_up'), false],
    ['site and action both apply', { sites: ['blog.test'], actions: ['signups'] }, on('shop.test', 'signed_up'), false],
  ])('%s', (_name, filter, event, wanted) => {
    expect(eventFilter(filter, actions)(event)).toBe(wanted);
  });

  const by = (distinctId: string, event = 'signed_up') => ({ ...on('shop.test', event), distinct_id: distinctId });
  const members = new Set(['anon-1', 'user@x.test']);
  it.each<[string, { sites: string[]; actions: string[]; cohorts?: string[] }, CaptureEvent, boolean]>([
    ['a member of the chosen cohort', { sites: [], actions: [], cohorts: ['c1'] }, by('user@x.test'), true],
    ['another distinct id of a member', { sites: [], actions: [], cohorts: ['c1'] }, by('anon-1'), true],
    ['not a member', { sites: [], actions: [], cohorts: ['c1'] }, by('someone-else'), false],
    ['no cohort chosen: members do not matter', { sites: [], actions: [] }, by('someone-else'), true],
    ['an older target without the field', { sites: [], actions: [], cohorts: undefined }, by('someone-else'), true],
    ['member, but another site', { sites: ['blog.test'], actions: [], cohorts: ['c1'] }, by('anon-1'), false],
    ['member, but no chosen action matches', { sites: [], actions: ['signups'], cohorts: ['c1'] }, by('anon-1', '$pageview'), false],
    ['member and a chosen action matches', { sites: [], actions: ['signups'], cohorts: ['c1'] }, by('anon-1'), true],
  ])('cohorts: %s', (_name, filter, event, wanted) => {
    expect(eventFilter(filter, actions, members)(event)).toBe(wanted);
  });

  it('a chosen cohort whose members are unknown (deleted) takes nothing', () => {
    expect(eventFilter({ sites: [], actions: [], cohorts: ['gone'] }, actions)(by('anon-1'))).toBe(false);
  });
});
