// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { checkEventsRequest, checkPersonRequest, checkPersonsRequest, checkSessionRequest, checkSessionsRequest, checkTrendsRequest } from '../../src/messaging/query-checks';

const DAY = 86_400_000;
const trends = { series: [{ name: 'pv', event: '$pageview' }], from: 0, to: 30 * DAY, interval: 'day' };

describe('query payloads: refusals name the field', () => {
  it.each([
    ['query.events', () => checkEventsRequest(null), /^query\.events: expected an object/],
    ['unknown filter', () => checkEventsRequest({ filter: { host: 'x' } }), /^filter\.host: unknown filter/],
    ['bad site', () => checkEventsRequest({ filter: { site: 'HTTP://X' } }), /^filter\.site: expected a site/],
    ['from after to', () => checkEventsRequest({ filter: { from: 5, to: 1 } }), /^filter\.from: 5 is after filter\.to 1/],
    ['time not a number', () => checkEventsRequest({ filter: { from: '2026-01-01' } }), /^filter\.from: expected a time in ms/],
    ['empty event list', () => checkEventsRequest({ filter: { events: [] } }), /^filter\.events: expected a list of 1–50 strings/],
    ['event name not a string', () => checkEventsRequest({ filter: { events: ['a', 3] } }), /^filter\.events\[1\]: expected a string/],
    ['url match', () => checkEventsRequest({ filter: { url: { value: '/x', match: 'regex' } } }), /^filter\.url\.match: expected "contains" or "exact"/],
    ['properties not a list', () => checkEventsRequest({ filter: { properties: { key: 'a' } } }), /^filter\.properties: expected a list/],
    ['limit too big', () => checkEventsRequest({ limit: 10_000 }), /^limit: expected an integer between 1 and 500/],
    ['cursor without uuid', () => checkEventsRequest({ cursor: { ms: 1 } }), /^cursor\.uuid: expected a string/],
    ['trends: no series', () => checkTrendsRequest({ ...trends, series: [] }), /^series: expected a list of 1–10 lines/],
    ['trends: event and action', () => checkTrendsRequest({ ...trends, series: [{ event: 'a', actionId: 'b' }] }), /^series\[0\]: expected either an event name or an actionId/],
    ['trends: interval', () => checkTrendsRequest({ ...trends, interval: 'month' }), /^interval: expected "hour", "day" or "week"/],
    ['trends: empty range', () => checkTrendsRequest({ ...trends, to: 0 }), /^from: 0 is not before to 0/],
    ['trends: too many hours', () => checkTrendsRequest({ ...trends, interval: 'hour', to: 40 * DAY }), /^to: a range of at most 31 days per hour/],
    ['trends: time zone', () => checkTrendsRequest({ ...trends, timeZone: 'Mars/Olympus' }), /^timeZone: expected an IANA time zone/],
    ['trends: week start', () => checkTrendsRequest({ ...trends, weekStartsOn: 2 }), /^weekStartsOn: expected 0 \(Sunday\) or 1 \(Monday\)/],
    ['trends: breakdown limit', () => checkTrendsRequest({ ...trends, breakdown: { property: '$os', limit: 0 } }), /^breakdown\.limit: expected an integer between 1 and 50/],
    ['persons: both searches', () => checkPersonsRequest({ idPrefix: 'a', property: { key: 'plan', value: 'pro' } }), /^idPrefix: search by distinct id or by property, not both/],
    ['persons: property without key', () => checkPersonsRequest({ property: { value: 'pro' } }), /^property\.key: expected a string/],
    ['persons: list cursor', () => checkPersonsRequest({ cursor: 'p1' }), /^cursor: expected an object/],
    ['person: no id', () => checkPersonRequest({}), /^distinctId: expected a string/],
    ['sessions: bounce', () => checkSessionsRequest({ filter: { bounce: 'yes' } }), /^filter\.bounce: expected true or false/],
    ['sessions: channel types', () => checkSessionsRequest({ filter: { channelTypes: 'Direct' } }), /^filter\.channelTypes: expected a list/],
    ['session: limit', () => checkSessionRequest({ id: 'x', limit: -1 }), /^limit: expected an integer between 1 and 1000/],
  ])('%s', (_name, run, message) => {
    expect(run).toThrowError(message);
    expect(run).toThrow(expect.objectContaining({ name: 'MessageRejectedError' }));
  });
});

describe('query payloads: accepted ones come back typed, with defaults', () => {
  it.each([
    [() => checkEventsRequest({ filter: { site: 'shop.test', events: ['$pageview'], person: 'u1' } }), { filter: { site: 'shop.test', events: ['$pageview'], person: 'u1' }, limit: 50, cursor: null }],
    [() => checkEventsRequest({ limit: 10, cursor: { ms: 5, uuid: 'u' } }), { filter: {}, limit: 10, cursor: { ms: 5, uuid: 'u' } }],
    [() => checkTrendsRequest(trends), { series: [{ name: 'pv', event: '$pageview' }], from: 0, to: 30 * DAY, interval: 'day', timeZone: 'UTC', weekStartsOn: 0 }],
    [() => checkTrendsRequest({ ...trends, series: [{ actionId: 'a1' }], breakdown: { property: '$host' } }), expect.objectContaining({ series: [{ name: 'a1', actionId: 'a1' }], breakdown: { property: '$host', limit: 5 } })],
    [() => checkPersonsRequest({ idPrefix: 'user', cursor: 'user@a.com' }), { limit: 50, idPrefix: 'user', cursor: 'user@a.com' }],
    [() => checkPersonRequest({ distinctId: 'u1' }), { distinctId: 'u1', events: 20 }],
    [() => checkSessionsRequest({ filter: { bounce: false, from: 1 } }), { filter: { bounce: false, from: 1 }, limit: 50, cursor: null }],
    [() => checkSessionRequest({ id: 's' }), { id: 's', limit: 200, after: null }],
  ])('%#', (run, expected) => {
    expect(run()).toEqual(expected);
  });
});
