// @ts-nocheck
import { describe, expect, it } from 'vitest';
import type { CaptureEvent } from '../../src/events/types';
import { assertOwnSender, captureEventProblem, checkIngestBatch, eventFrameProblem, foreignUrlProblem, isExtensionUrl, MAX_BATCH, MAX_IMPORT_BATCH, optionalSite, requireSite } from '../../src/messaging/validate';

const good = {
  uuid: '0192f0a4-3b1c-7d2e-8f00-123456789abc',
  event: '$autocapture',
  distinct_id: 'anon-1',
  timestamp: '2026-11-28T10:15:00.123Z',
  properties: { $current_url: 'http://127.0.0.1/' },
};

describe('captureEventProblem', () => {
  it('accepts a capture-shaped event', () => expect(captureEventProblem(good)).toBeNull());
  it.each([
    ['not an object', 'x', 'event is not an object'],
    ['array', [good], 'event is not an object'],
    ['bad uuid', { ...good, uuid: 'nope' }, 'uuid: not a UUID'],
    ['empty event name', { ...good, event: '' }, 'event: not a name of 1-200 characters'],
    ['numeric distinct id', { ...good, distinct_id: 5 }, 'distinct_id: not a string of 1-200 characters'],
    ['local time', { ...good, timestamp: '2026-11-28 10:15' }, 'timestamp: not an ISO-8601 time'],
    ['impossible date', { ...good, timestamp: '2026-13-45T99:00:00Z' }, 'timestamp: not an ISO-8601 time'],
    ['properties array', { ...good, properties: [] }, 'properties: not an object'],
    ['extra field', { ...good, tabId: 3 }, 'unexpected field tabId'],
    ['huge', { ...good, properties: { x: 'a'.repeat(300_000) } }, 'event is 300'],
  ])('rejects %s', (_n, event, reason) => {
    expect(captureEventProblem(event)).toContain(reason);
  });
  it('rejects a __proto__ payload without polluting prototypes', () => {
    const hostile = JSON.parse(`{"uuid":"${good.uuid}","event":"x","distinct_id":"d","timestamp":"${good.timestamp}","properties":{"__proto__":{"polluted":1}}}`);
    expect(captureEventProblem(hostile)).toBeNull(); // stored as a plain own key
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('checkIngestBatch', () => {
  it('splits valid events from rejected ones, naming each reason', () => {
    const { valid, rejected } = checkIngestBatch({ events: [good, { ...good, uuid: 'bad' }] });
    expect(valid).toEqual([good]);
    expect(rejected).toEqual([{ uuid: 'bad', reason: 'uuid: not a UUID' }]);
  });
  it.each([
    [undefined, 'events must be an array'],
    [{ events: 'x' }, 'events must be an array'],
    [{ events: Array(MAX_IMPORT_BATCH + 1).fill(good) }, `store.import: batch of ${MAX_IMPORT_BATCH + 1} is over ${MAX_IMPORT_BATCH}`],
  ])('throws on malformed payload %#', (payload, message) => {
    expect(() => checkIngestBatch(payload)).toThrow(message);
  });
  it('takes a content script\'s batch up to MAX_BATCH, an import up to MAX_IMPORT_BATCH', () => {
    const frame = { origin: 'http://localhost:5174', site: 'localhost:5174' };
    expect(() => checkIngestBatch({ events: Array(MAX_BATCH + 1).fill(good) }, frame)).toThrow(`capture.ingest: batch of ${MAX_BATCH + 1} is over ${MAX_BATCH}`);
    expect(checkIngestBatch({ events: Array(MAX_BATCH + 1).fill(good) }).valid).toHaveLength(MAX_BATCH + 1);
  });
});

describe('senders', () => {
  it.each([
    [{ id: 'me' }, true],
    [{ id: 'other' }, false],
    [undefined, false],
    [{}, false],
  ])('sender %j is own: %s', (sender, ok) => {
    if (ok) expect(() => assertOwnSender(sender, 'me')).not.toThrow();
    else expect(() => assertOwnSender(sender, 'me')).toThrow('is not this extension');
  });
  it.each([
    ['chrome-extension://abc/popup.html', true],
    ['moz-extension://abc/popup.html', true],
    ['https://evil.test/', false],
    [undefined, false],
    ['::', false],
  ])('%s is an extension page: %s', (url, expected) => expect(isExtensionUrl(url)).toBe(expected));
});

describe('site fields', () => {
  it.each([
    [{ site: 'localhost:3000' }, 'localhost:3000'],
    [{ site: 'shop.example.com' }, 'shop.example.com'],
    [{ site: '[::1]:8080' }, '[::1]:8080'],
  ])('requireSite(%j) = %j', (data, site) => expect(requireSite(data)).toBe(site));

  it.each([
    [{}, 'site: expected a site'],
    [{ site: 'Localhost:3000' }, 'not "Localhost:3000"'],
    [{ site: 'http://localhost:3000' }, 'site: expected a site (host and port'],
    [{ site: 'x'.repeat(500) }, 'site: expected a site'],
    [null, 'site: expected a site'],
  ])('requireSite(%j) refuses, saying %j', (data, text) => expect(() => requireSite(data)).toThrow(text));

  it('optionalSite: absent is undefined, present must be a site', () => {
    expect(optionalSite({}, 'except')).toBeUndefined();
    expect(optionalSite({ except: 'a.test:1' }, 'except')).toBe('a.test:1');
    expect(() => optionalSite({ except: '' }, 'except')).toThrow('except: expected a site');
  });
});

describe('a frame speaks for its own origin only', () => {
  const frame = { origin: 'http://localhost:5174', site: 'localhost:5174' };
  const at = (props: Record<string, unknown>, uuid = good.uuid): CaptureEvent => ({ ...good, uuid, properties: props });

  it.each([
    ['its own page', 'http://localhost:5174/frame.html?a=1#b', null],
    ['its own origin, another path', 'http://localhost:5174/', null],
    ['the top page of another site', 'http://127.0.0.1:5174/cross-frame.html', '"http://127.0.0.1:5174/cross-frame.html" is not of the sending frame\'s origin http://localhost:5174'],
    ['another port of its hostname', 'http://localhost:8123/', 'is not of the sending frame\'s origin'],
    ['another scheme', 'https://localhost:5174/', 'is not of the sending frame\'s origin'],
    ['about:blank', 'about:blank', '"about:blank" is not of the sending frame\'s origin'],
    ['not a URL', 'frame.html', 'is not of the sending frame\'s origin'],
    ['a long URL is quoted short', `http://127.0.0.1:5174/${'x'.repeat(5000)}`, `…" is not of`],
  ])('foreignUrlProblem: %s', (_name, url, problem) => {
    const got = foreignUrlProblem(url, frame);
    if (problem === null) expect(got).toBeNull();
    else expect(got).toContain(problem);
    expect(got?.length ?? 0).toBeLessThan(200);
  });

  it.each([
    ['its own page', { $current_url: 'http://localhost:5174/frame.html', $host: 'localhost:5174' }, null],
    ['$host as the browser may case it', { $current_url: 'http://localhost:5174/frame.html', $host: 'LOCALHOST:5174' }, null],
    ['the top site’s $host and URL', { $current_url: 'http://127.0.0.1:5174/', $host: '127.0.0.1:5174' }, '$current_url: "http://127.0.0.1:5174/" is not of the sending frame\'s origin http://localhost:5174'],
    ['its own URL but another $host', { $current_url: 'http://localhost:5174/', $host: '127.0.0.1:5174' }, '$host: "127.0.0.1:5174" is not the sending frame\'s site localhost:5174'],
    ['another $current_url under its own $host', { $current_url: 'http://127.0.0.1:5174/', $host: 'localhost:5174' }, '$current_url: "http://127.0.0.1:5174/" is not of'],
    ['no $current_url', { $host: 'localhost:5174' }, '$current_url: missing'],
    ['no $host', { $current_url: 'http://localhost:5174/' }, '$host: undefined is not the sending frame\'s site'],
    ['a $host that is not a string', { $current_url: 'http://localhost:5174/', $host: 5174 }, '$host: 5174 is not'],
  ])('eventFrameProblem: %s', (_name, props, problem) => {
    const got = eventFrameProblem(at(props), frame);
    if (problem === null) expect(got).toBeNull();
    else expect(got).toContain(problem);
  });

  it('checkIngestBatch rejects each foreign event by itself and keeps the rest of the batch', () => {
    const own = at({ $current_url: 'http://localhost:5174/frame.html', $host: 'localhost:5174' }, '0192f0a4-3b1c-7d2e-8f00-000000000001');
    const forged = at({ $current_url: 'http://127.0.0.1:5174/', $host: '127.0.0.1:5174' }, '0192f0a4-3b1c-7d2e-8f00-000000000002');
    const { valid, rejected } = checkIngestBatch({ events: [own, forged, { ...own, uuid: 'bad' }] }, frame);
    expect(valid).toEqual([own]);
    expect(rejected).toEqual([
      { uuid: forged.uuid, reason: expect.stringContaining('$current_url: "http://127.0.0.1:5174/" is not of the sending frame\'s origin') },
      { uuid: 'bad', reason: 'uuid: not a UUID' },
    ]);
  });

  it('without a frame (an extension page’s import) events of any site are kept', () => {
    const forged = at({ $current_url: 'http://127.0.0.1:5174/', $host: '127.0.0.1:5174' });
    expect(checkIngestBatch({ events: [forged] }).valid).toEqual([forged]);
  });
});
