// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { formatDuration, formatOffset, keyProperties, warningText } from '../../src/dashboard/persons/format';
import { personsRequest, uniquePersons, withPersonsFilter } from '../../src/dashboard/persons/persons-query';
import { dayStart, sessionsRequest } from '../../src/dashboard/sessions/sessions-query';

const local = (y: number, m: number, d: number) => new Date(y, m - 1, d).getTime();

describe('persons and sessions views: formatting', () => {
  it.each([
    [0, '0 s'], [59, '59 s'], [60, '1 min 00 s'], [185, '3 min 05 s'], [3600, '1 h 00 min'], [3725, '1 h 02 min'], [-4, '0 s'],
  ])('a duration of %i s reads %s', (s, text) => expect(formatDuration(s)).toBe(text));

  it.each([
    [0, '+0:00'], [999, '+0:00'], [65_000, '+1:05'], [3_723_000, '+1:02:03'],
  ])('an offset of %i ms reads %s', (ms, text) => expect(formatOffset(ms)).toBe(text));

  it.each([
    ["merge refused: $anon_distinct_id 'a' is already identified; only $merge_dangerously merges it into 'b' (cannot_merge_already_identified)",
      { text: "Merge refused: $anon_distinct_id 'a' is already identified; only $merge_dangerously merges it into 'b'", type: 'cannot_merge_already_identified' }],
    ['event dropped: distinct_id longer than 400 characters', { text: 'Event dropped: distinct_id longer than 400 characters', type: null }],
  ])('warning %j in plain words', (reason, expected) => expect(warningText(reason)).toEqual(expected));

  it.each([
    [{ email: 'a@b.c', name: 'Ann', company: 'X' }, [['email', 'a@b.c'], ['name', 'Ann']]],
    [{ $name: 'Bo', plan: 'pro' }, [['$name', 'Bo']]],
    [{ email: '', name: null, username: 7 }, [['username', '7']]],
    [{ plan: 'pro' }, []],
  ])('key properties of %j: %j', (props, expected) => expect(keyProperties(props)).toEqual(expected));
});

describe('persons list: route ↔ query.persons', () => {
  it.each([
    ['', { limit: 50 }],
    ['q=user', { limit: 50, idPrefix: 'user' }],
    ['q=%20user%20', { limit: 50, idPrefix: 'user' }],
    ['prop=email', { limit: 50, property: { key: 'email', operator: 'is_set' } }],
    ['prop=plan&value=pro', { limit: 50, property: { key: 'plan', value: 'pro' } }],
    ['q=u&prop=plan&value=pro', { limit: 50, idPrefix: 'u' }],
    ['value=pro', { limit: 50 }],
  ])('%s asks %j', (qs, expected) => expect(personsRequest(new URLSearchParams(qs))).toEqual(expected));

  it.each([
    ['site=a&prop=plan&value=pro', 'q', 'us', 'site=a&q=us'],
    ['site=a&q=us', 'prop', 'plan', 'site=a&prop=plan'],
    ['site=a&q=us', 'q', '', 'site=a'],
    ['prop=plan&value=pro', 'value', 'free', 'prop=plan&value=free'],
  ])('%s, set %s to %j: %s (one search mode at a time)', (qs, key, value, expected) => expect(withPersonsFilter(new URLSearchParams(qs), key, value).toString()).toBe(expected));

  it('lists a person found by two of its ids once', () => {
    const a = { distinct_ids: ['u1', 'u2'] };
    const b = { distinct_ids: ['u3'] };
    expect(uniquePersons([a, b, { ...a }])).toEqual([a, b]);
  });
});

describe('sessions list: route → query.sessions', () => {
  it.each([
    ['', {}, []],
    ['site=shop.test', { site: 'shop.test' }, []],
    ['channel=Direct&channel=Paid%20Search', { channelTypes: ['Direct', 'Paid Search'] }, []],
    ['bounce=yes', { bounce: true }, []],
    ['bounce=no', { bounce: false }, []],
    ['from=2026-10-01&to=2026-10-03', { from: local(2026, 10, 1), to: local(2026, 10, 4) }, []],
    ['entry=%20pricing%20', { entryUrlContains: 'pricing' }, []],
    ['bounce=maybe', {}, ['bounce: expected “yes” or “no”, got “maybe”']],
    ['from=2026-13-01', {}, ['from: expected a day such as 2026-10-01, got “2026-13-01”']],
    ['from=2026-10-05&to=2026-10-01', { from: local(2026, 10, 5), to: local(2026, 10, 2) }, ['to: the last day is before the first day']],
    ['channel=Telepathy', { channelTypes: ['Telepathy'] }, [expect.stringMatching(/^channel: “Telepathy” is not a channel type \(one of Direct, /)]],
  ])('%s filters %j', (qs, filter, problems) => expect(sessionsRequest(new URLSearchParams(qs))).toEqual({ request: { filter, limit: 50 }, problems }));

  it.each([['2026-02-30'], ['2026-1-01'], ['yesterday'], ['']])('%j is not a day', (day) => expect(dayStart(day)).toBeNull());
});
