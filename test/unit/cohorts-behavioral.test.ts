// Behavioral cohort leaves and their time windows. Expected values follow PostHog's cohort query
// (PostHog/posthog posthog/hogql_queries/hogql_cohort_query.py) and the date rules it runs through
// (posthog/hogql_queries/utils/query_date_range.py, events_query_runner.py): see src/cohorts/windows.ts.
import { describe, expect, it } from 'vitest';
import type { BehavioralLeaf, CountOperator, TimeInterval } from '../../src/cohorts';
import { cohort, type Did, members, NOW, person } from '../support/cohorts';

const leaf = (over: Partial<BehavioralLeaf>): BehavioralLeaf => ({
  type: 'behavioral', value: 'performed_event', key: '$pageview', event_type: 'events', time_value: 7, time_interval: 'day', ...over,
});
/** Is a person whose only matching events happened at `times` a member? */
const memberWith = (l: Partial<BehavioralLeaf>, times: string[], now = NOW): boolean =>
  members(cohort(leaf(l)), [person('p', {}, times.map((t) => ['$pageview', t]))], { now }).length === 1;

describe('performed_event: trends window, from the start of the day N units ago to the end of today, inclusive', () => {
  it.each<[string, number, TimeInterval, string, string, boolean]>([
    ['7 days: start of the day 7 days back', 7, 'day', NOW, '2026-11-24T00:00:00Z', true],
    ['7 days: one ms earlier', 7, 'day', NOW, '2026-11-23T23:59:59.999Z', false],
    ['7 days: later today, after now (date_to = end of today)', 7, 'day', NOW, '2026-12-01T23:59:59.999Z', true],
    ['7 days: tomorrow', 7, 'day', NOW, '2026-12-02T00:00:00Z', false],
    ['1 week = 7 days', 1, 'week', NOW, '2026-11-24T00:00:00Z', true],
    ['1 week: the day before', 1, 'week', NOW, '2026-11-23T12:00:00Z', false],
    ['6 hours: truncated to the start of the hour', 6, 'hour', '2026-12-01T12:30:00Z', '2026-12-01T06:00:00Z', true],
    ['6 hours: before that hour', 6, 'hour', '2026-12-01T12:30:00Z', '2026-12-01T05:59:59.999Z', false],
    ['1 month from Mar 31 clamps to Feb 28', 1, 'month', '2026-03-31T12:00:00Z', '2026-02-28T00:00:00Z', true],
    ['1 month from Mar 31: Feb 27 is out', 1, 'month', '2026-03-31T12:00:00Z', '2026-02-27T23:59:59Z', false],
    ['1 year from Feb 29 clamps to Feb 28', 1, 'year', '2028-02-29T08:00:00Z', '2027-02-28T00:00:00Z', true],
    ['1 year from Feb 29: Feb 27 is out', 1, 'year', '2028-02-29T08:00:00Z', '2027-02-27T23:00:00Z', false],
  ])('%s', (_name, time_value, time_interval, now, at, expected) => {
    expect(memberWith({ time_value, time_interval }, [at], now)).toBe(expected);
  });

  it('counts only the named event', () => {
    const people = [person('viewer', {}, [['$pageview', '2026-11-30T10:00:00Z']]), person('clicker', {}, [['$autocapture', '2026-11-30T10:00:00Z']])];
    expect(members(cohort(leaf({})), people)).toEqual(['viewer']);
  });

  it('applies event_filters to the counted events', () => {
    const people = [
      person('pricing', {}, [['$pageview', '2026-11-30T10:00:00Z', { $pathname: '/pricing' }]]),
      person('home', {}, [['$pageview', '2026-11-30T10:00:00Z', { $pathname: '/' }]]),
    ];
    const l = leaf({ event_filters: [{ key: '$pathname', value: '/pricing', operator: 'exact', type: 'event' }] });
    expect(members(cohort(l), people)).toEqual(['pricing']);
  });

  it('every event filter must hold', () => {
    const view = (pathname: string, source: string): Did => ['$pageview', '2026-11-30T10:00:00Z', { $pathname: pathname, utm_source: source }];
    const people = [person('both', {}, [view('/pricing', 'ad')]), person('path-only', {}, [view('/pricing', 'mail')]), person('source-only', {}, [view('/', 'ad')])];
    const l = leaf({ event_filters: [{ key: '$pathname', value: '/pricing', type: 'event' }, { key: 'utm_source', value: 'ad', type: 'event' }] });
    expect(members(cohort(l), people)).toEqual(['both']);
  });

  it('an event filter without a type is an event filter', () => {
    const people = [person('pricing', {}, [['$pageview', '2026-11-30T10:00:00Z', { $pathname: '/pricing' }]]), person('home', {}, [['$pageview', '2026-11-30T10:00:00Z', { $pathname: '/' }]])];
    expect(members(cohort(leaf({ event_filters: [{ key: '$pathname', value: '/pricing' }] as never })), people)).toEqual(['pricing']);
  });

  // Far from the real clock, so a relative value read against Date.now() instead of `now` would differ.
  it('a relative date in an event filter counts back from the cohort\'s now', () => {
    const due = (date: string): Did => ['$pageview', '2098-12-31T10:00:00Z', { due: date }];
    const people = [person('overdue', {}, [due('2098-12-01')]), person('soon', {}, [due('2098-12-30')])];
    const l = leaf({ event_filters: [{ key: 'due', value: '-7d', operator: 'is_date_before', type: 'event' }] });
    expect(members(cohort(l), people, { now: '2099-01-01T00:00:00Z' })).toEqual(['overdue']);
  });

  it('a string time_value counts like the number', () => {
    expect(memberWith({ time_value: '7' }, ['2026-11-24T00:00:00Z'])).toBe(true);
    expect(memberWith({ time_value: '7' }, ['2026-11-23T23:59:59.999Z'])).toBe(false);
  });

  it('applies element event_filters to the clicked chain', () => {
    const chain = (text: string) => ({ $elements_chain: `button:text="${text}"nth-child="1"nth-of-type="1"` });
    const people = [
      person('signup', {}, [['$autocapture', '2026-11-30T10:00:00Z', chain('Sign up')]]),
      person('cancel', {}, [['$autocapture', '2026-11-30T10:00:00Z', chain('Cancel')]]),
    ];
    const l = leaf({ key: '$autocapture', event_filters: [{ key: 'text', value: 'Sign up', operator: 'exact', type: 'element' }] });
    expect(members(cohort(l), people)).toEqual(['signup']);
  });
});

describe('explicit_datetime / explicit_datetime_to (what the current PostHog editor writes)', () => {
  it.each<[string, Partial<BehavioralLeaf>, string, boolean]>([
    ['-30d: from the start of that day', { explicit_datetime: '-30d' }, '2026-11-01T00:00:00Z', true],
    ['-30d: the day before', { explicit_datetime: '-30d' }, '2026-10-31T23:59:59Z', false],
    ['-30d to -7d: until the end of the day 7 days ago', { explicit_datetime: '-30d', explicit_datetime_to: '-7d' }, '2026-11-24T23:59:59.999Z', true],
    ['-30d to -7d: the day after', { explicit_datetime: '-30d', explicit_datetime_to: '-7d' }, '2026-11-25T00:00:00Z', false],
    ['an ISO start is not truncated', { explicit_datetime: '2026-11-15T06:30:00Z' }, '2026-11-15T06:29:59Z', false],
    ['an ISO start, at it', { explicit_datetime: '2026-11-15T06:30:00Z' }, '2026-11-15T06:30:00Z', true],
    ['-1mStart: the 1st of last month', { explicit_datetime: '-1mStart' }, '2026-11-01T00:00:00Z', true],
    ['explicit dates win over time_value', { explicit_datetime: '-60d', time_value: 1 }, '2026-10-15T10:00:00Z', true],
    ['multiple: -30d is exact, exclusive', { value: 'performed_event_multiple', operator: 'gte', operator_value: 1, explicit_datetime: '-30d' }, '2026-11-01T12:00:00Z', false],
    ['multiple: just after -30d', { value: 'performed_event_multiple', operator: 'gte', operator_value: 1, explicit_datetime: '-30d' }, '2026-11-01T12:00:01Z', true],
    ['multiple: before -7d, exclusive', { value: 'performed_event_multiple', operator: 'gte', operator_value: 1, explicit_datetime: '-30d', explicit_datetime_to: '-7d' }, '2026-11-24T12:00:00Z', false],
    ['multiple: just before -7d', { value: 'performed_event_multiple', operator: 'gte', operator_value: 1, explicit_datetime: '-30d', explicit_datetime_to: '-7d' }, '2026-11-24T11:59:59Z', true],
    ['first time within -30d', { value: 'performed_event_first_time', explicit_datetime: '-30d' }, '2026-11-10T10:00:00Z', true],
  ])('%s', (_name, l, at, expected) => {
    expect(memberWith(l, [at])).toBe(expected);
  });
});

describe('timestamps and now without a zone are UTC, as PostHog stores times, whatever the machine zone', () => {
  it.each<[string, boolean]>([
    ['2026-11-23 23:30:00', false],
    ['2026-11-24 00:00:00', true],
    ['2026-11-24T00:00:00+01:00', false], // 23:00 UTC the day before
  ])('an event at %s', (at, expected) => {
    const zone = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      expect(memberWith({}, [at], '2026-12-01 12:00:00')).toBe(expected);
    } finally {
      process.env.TZ = zone;
      if (zone === undefined) delete process.env.TZ;
    }
  });
});

describe('performed_event_multiple: EventsQuery window (now − N, now + 5 s), exclusive; count compared, zero never counts', () => {
  const inside = ['2026-11-26T10:00:00Z', '2026-11-28T10:00:00Z', '2026-11-30T10:00:00Z'];
  const people = [
    person('three', {}, inside.map((t) => ['$pageview', t])),
    person('one', {}, [['$pageview', inside[0]]]),
    person('none', {}, [['$pageview', '2026-11-20T10:00:00Z']]), // outside the window: count 0
  ];
  it.each<[CountOperator | null, number, string[]]>([
    ['gte', 2, ['three']],
    ['lte', 2, ['one']], // "none" has 0 events in the window and PostHog's query only sees people with events
    ['lte', 1, ['one']], // lte includes the value itself
    ['gt', 1, ['three']],
    ['lt', 3, ['one']],
    ['exact', 1, ['one']],
    ['eq', 3, ['three']],
    [null, 3, ['three']], // no operator = exact (get_count_operator)
  ])('%s %d', (operator, operator_value, expected) => {
    expect(members(cohort(leaf({ value: 'performed_event_multiple', operator, operator_value })), people)).toEqual(expected);
  });

  it.each<[string, boolean]>([
    ['2026-11-24T12:00:00Z', false], // exactly now − 7 d: `timestamp > after`
    ['2026-11-24T12:00:00.001Z', true],
    ['2026-12-01T12:00:04.999Z', true], // before now + 5 s
    ['2026-12-01T12:00:05Z', false],
    ['2026-11-24T06:00:00Z', false], // no truncation to the day, unlike performed_event
  ])('an event at %s counts: %s', (at, counted) => {
    expect(memberWith({ value: 'performed_event_multiple', operator: 'gte', operator_value: 1 }, [at])).toBe(counted);
  });
});

describe('performed_event_first_time: the first matching event ever lies in the window', () => {
  it.each<[string, string[], boolean]>([
    ['first time 3 days ago', ['2026-11-28T10:00:00Z'], true],
    ['did it before the window too', ['2026-11-01T10:00:00Z', '2026-11-28T10:00:00Z'], false],
    ['first at the start of the window', ['2026-11-24T00:00:00Z'], true],
    ['first just before the window', ['2026-11-23T23:59:59.999Z', '2026-11-30T00:00:00Z'], false],
    ['first later today (still in the window)', ['2026-12-01T20:00:00Z'], true],
    ['first at the last ms of today (the window\'s inclusive end)', ['2026-12-01T23:59:59.999Z'], true],
    ['only after the window', ['2026-12-02T01:00:00Z'], false],
  ])('%s', (_name, times, expected) => {
    expect(memberWith({ value: 'performed_event_first_time' }, times)).toBe(expected);
  });

  // FIRST_TIME_FOR_USER: the earliest event (event filters aside) must itself pass the filters.
  it.each<[string, string[], boolean]>([
    ['the very first pageview was on /pricing', ['/pricing', '/'], true],
    ['the first pageview was elsewhere, /pricing came later', ['/', '/pricing'], false],
  ])('with event_filters: %s', (_name, paths, expected) => {
    const p = person('p', {}, paths.map((path, i) => ['$pageview', `2026-11-2${8 + i}T10:00:00Z`, { $pathname: path }]));
    const l = leaf({ value: 'performed_event_first_time', event_filters: [{ key: '$pathname', value: '/pricing', type: 'event' }] });
    expect(members(cohort(l), [p])).toEqual(expected ? ['p'] : []);
  });
});

describe('stopped_performing_event: did it in the 30-day window, not in the recent 7-day one', () => {
  it.each<[string, string[], boolean]>([
    ['stopped after Nov 10', ['2026-11-10T10:00:00Z'], true],
    ['still active', ['2026-11-10T10:00:00Z', '2026-11-30T10:00:00Z'], false],
    ['too long ago for either window', ['2026-10-01T10:00:00Z'], false],
    ['last one just before the recent window', ['2026-11-23T23:59:59Z'], true],
    ['last one at the start of the recent window', ['2026-11-24T00:00:00Z'], false],
  ])('%s', (_name, times, expected) => {
    expect(memberWith({ value: 'stopped_performing_event', time_value: 30, seq_time_value: 7, seq_time_interval: 'day' }, times)).toBe(expected);
  });
});

describe('restarted_performing_event: back in the recent 7 days, after a gap covering the 30-day window', () => {
  it.each<[string, string[], boolean]>([
    ['returned after a pause', ['2026-10-15T10:00:00Z', '2026-11-28T10:00:00Z'], true],
    ['never paused', ['2026-10-15T10:00:00Z', '2026-11-15T10:00:00Z', '2026-11-28T10:00:00Z'], false],
    ['first time ever is recent (new, not restarted)', ['2026-11-28T10:00:00Z'], false],
    ['lapsed, not back', ['2026-10-15T10:00:00Z'], false],
    // PostHog's gap ends at the END of the day seq_time_value ago, so it overlaps the recent window's first day.
    ['back on the first day of the recent window', ['2026-10-15T10:00:00Z', '2026-11-24T10:00:00Z'], false],
    ['back on the second day', ['2026-10-15T10:00:00Z', '2026-11-25T10:00:00Z'], true],
  ])('%s', (_name, times, expected) => {
    expect(memberWith({ value: 'restarted_performing_event', time_value: 30, seq_time_value: 7, seq_time_interval: 'day' }, times)).toBe(expected);
  });
});

describe('behavioral leaves over actions use the action matcher', () => {
  const actions = {
    a1: { id: 'a1', site: 'shop.test', name: 'Viewed pricing', created_at: NOW, updated_at: NOW, steps: [{ event: '$pageview', url: '/pricing', url_matching: 'contains' as const }] },
    a2: { id: 'a2', site: 'shop.test', name: 'Pro purchase', created_at: NOW, updated_at: NOW, steps: [{ event: 'purchase', properties: [{ key: 'plan', value: 'pro', type: 'person' as const }] }] },
  };
  it('matches the action steps', () => {
    const people = [
      person('pricing', {}, [['$pageview', '2026-11-30T10:00:00Z', { $current_url: 'https://shop.test/pricing' }]]),
      person('home', {}, [['$pageview', '2026-11-30T10:00:00Z', { $current_url: 'https://shop.test/' }]]),
    ];
    expect(members(cohort(leaf({ event_type: 'actions', key: 'a1' })), people, { actions })).toEqual(['pricing']);
  });
  it('takes a numeric action id', () => {
    const people = [person('pricing', {}, [['$pageview', '2026-11-30T10:00:00Z', { $current_url: 'https://shop.test/pricing' }]]), person('home')];
    expect(members(cohort(leaf({ event_type: 'actions', key: 7 })), people, { actions: { 7: actions.a1 } })).toEqual(['pricing']);
  });
  it('relative dates in the action count back from the cohort\'s now', () => {
    const signedUpBeforeAWeek = { id: 'a3', site: 'shop.test', name: 'Old customer purchase', created_at: NOW, updated_at: NOW, steps: [{ event: 'purchase', properties: [{ key: 'signed_up', value: '-7d', operator: 'is_date_before' as const, type: 'person' as const }] }] };
    const people = [
      person('old', { signed_up: '2098-12-01' }, [['purchase', '2098-12-31T10:00:00Z']]),
      person('new', { signed_up: '2098-12-30' }, [['purchase', '2098-12-31T10:00:00Z']]),
    ];
    expect(members(cohort(leaf({ event_type: 'actions', key: 'a3' })), people, { actions: { a3: signedUpBeforeAWeek }, now: '2099-01-01T00:00:00Z' })).toEqual(['old']);
  });
  it("passes the person's properties to person filters of the action", () => {
    const people = [person('pro', { plan: 'pro' }, [['purchase', '2026-11-30T10:00:00Z']]), person('free', { plan: 'free' }, [['purchase', '2026-11-30T10:00:00Z']])];
    expect(members(cohort(leaf({ event_type: 'actions', key: 'a2' })), people, { actions })).toEqual(['pro']);
  });
});

describe('events with an unreadable timestamp are ignored', () => {
  // Sorting by time must not trip over them: the first pageview ever (Nov 1, before the window) is
  // found although it arrives after a later one and a broken one.
  it('first time: the earliest readable event decides', () => {
    const p = person('p', {}, [['$pageview', '2026-11-28T10:00:00Z'], ['$pageview', 'garbage'], ['$pageview', '2026-11-01T10:00:00Z']]);
    expect(members(cohort(leaf({ value: 'performed_event_first_time' })), [p])).toEqual([]);
  });
  it('a timestamp that is not a string', () => {
    const p = person('p', {}, [['$pageview', 1796126400000 as never]]);
    expect(members(cohort(leaf({})), [p])).toEqual([]);
  });
});
