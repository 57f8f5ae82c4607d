import { describe, expect, it } from 'vitest';
import { assertOwnSender, captureEventProblem, checkIngestBatch, isExtensionUrl, MAX_BATCH, optionalSite, requireSite } from '../../src/messaging/validate';

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
    [{ events: Array(MAX_BATCH + 1).fill(good) }, `over ${MAX_BATCH}`],
  ])('throws on malformed payload %#', (payload, message) => {
    expect(() => checkIngestBatch(payload)).toThrow(message);
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
