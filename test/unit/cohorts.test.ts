// Cohort evaluation: person property leaves, nesting, negation, cohort membership, static cohorts,
// cycles and persons with several distinct ids. Rules: PostHog/posthog
// posthog/hogql_queries/hogql_cohort_query.py (groups, negation, cohort leaves) and
// posthog/models/cohort/validation.py (cycles); see src/cohorts/README.md.
import { describe, expect, it } from 'vitest';
import { CohortValidationError, cohortMembers, membersOf, validateCohort } from '../../src/cohorts';
import type { CohortCondition, CohortDefinition, PersonLeaf } from '../../src/cohorts';
import type { CaptureEvent } from '../../src/events/types';
import { and, cohort, type Did, didEvent, has, members, NOW, or, person, tree } from '../support/cohorts';

describe('person property leaves use the action operators', () => {
  const people = [
    person('ada', { email: 'ada@example.com', plan: 'pro', age: '36', signed_up: '2026-11-28T09:00:00Z' }),
    person('bob', { email: 'bob@test.org', plan: 'free', age: 17, signed_up: '2026-10-01' }),
    person('cy', {}),
  ];
  it.each<[string, Omit<PersonLeaf, 'type'>, string[]]>([
    ['exact', { key: 'plan', value: 'pro' }, ['ada']],
    ['exact is the default operator', { key: 'plan', value: 'free', operator: undefined }, ['bob']],
    ['exact list = any of', { key: 'plan', value: ['pro', 'free'], operator: 'exact' }, ['ada', 'bob']],
    ['is_not holds when the key is missing', { key: 'plan', value: 'pro', operator: 'is_not' }, ['bob', 'cy']],
    ['icontains', { key: 'email', value: 'EXAMPLE', operator: 'icontains' }, ['ada']],
    ['not_icontains', { key: 'email', value: 'example', operator: 'not_icontains' }, ['bob', 'cy']],
    ['regex', { key: 'email', value: '^b.*\\.org$', operator: 'regex' }, ['bob']],
    ['gt on a numeric string', { key: 'age', value: 18, operator: 'gt' }, ['ada']],
    ['lte on a number', { key: 'age', value: '17', operator: 'lte' }, ['bob']],
    ['is_set', { key: 'plan', operator: 'is_set' }, ['ada', 'bob']],
    ['is_not_set', { key: 'plan', operator: 'is_not_set' }, ['cy']],
    ['is_date_after a relative date, from now', { key: 'signed_up', value: '-7d', operator: 'is_date_after' }, ['ada']],
    ['is_date_before an ISO date', { key: 'signed_up', value: '2026-11-01', operator: 'is_date_before' }, ['bob']],
  ])('%s', (_name, filter, expected) => {
    expect(members(cohort({ type: 'person', ...filter }), people)).toEqual(expected);
  });
});

describe('nesting AND / OR', () => {
  const people = [person('ab', { a: 1, b: 1 }), person('a', { a: 1 }), person('b', { b: 1 }), person('c', { c: 1 }), person('none')];
  const [A, B, C] = [has('a'), has('b'), has('c')];
  it.each<[string, CohortDefinition, string[]]>([
    ['AND', tree(and(A, B)), ['ab']],
    ['OR', tree(or(A, B)), ['ab', 'a', 'b']],
    ['a flat list is AND-ed', tree([A, B]), ['ab']],
    ['AND of ORs', tree(and(or(A, B), or(B, C))), ['ab', 'b']],
    ['OR of ANDs (the editor shape)', tree(or(and(A, B), and(C))), ['ab', 'c']],
    ['three levels', tree(or(and(or(A, C), and(B)), and(C))), ['ab', 'c']],
  ])('%s', (_name, def, expected) => {
    expect(members(def, people)).toEqual(expected);
  });
});

describe('negation where PostHog allows it: paired with a positive condition', () => {
  const people = [
    person('ab', { a: 1, b: 1 }, [['$pageview', '2026-11-30T10:00:00Z']]),
    person('a', { a: 1 }),
    person('b', { b: 1 }, [['$pageview', '2026-11-30T10:00:00Z']]),
  ];
  it.each<[string, CohortDefinition, string[]]>([
    ['A and not B', cohort(has('a'), has('b', true)), ['a']],
    ['A and (not B or not C): an all-negated OR inside a positive AND', tree(and(and(has('a')), or(has('b', true), has('c', true)))), ['ab', 'a']],
    ['did not perform an event', cohort(has('a'), didEvent('$pageview', 7, true)), ['a']],
    ['not in a cohort', cohort(has('b'), { type: 'cohort', value: 'hasA', negation: true }), ['b']],
  ])('%s', (_name, def, expected) => {
    expect(members(def, people, { cohorts: { hasA: cohort(has('a')) } })).toEqual(expected);
  });
});

describe('negation PostHog refuses: "Top level condition cannot be negated"', () => {
  it.each<[string, CohortDefinition, RegExp]>([
    ['a single negated condition', cohort(has('a', true)), /every condition is negated/],
    ['every group negated', tree(or(and(has('a', true)), and(has('b', true)))), /every condition is negated/],
    ['a top OR mixing negated and positive groups', tree(or(and(has('a')), and(has('b', true)))), /an OR mixes negated and positive/],
    ['a flat OR mixing them', tree(or(has('a'), has('b', true))), /an OR mixes negated and positive/],
  ])('%s', (_name, def, message) => {
    expect(() => membersOf(def, [person('a', { a: 1 })], { now: NOW })).toThrow(CohortValidationError);
    const [error] = validateCohort(def);
    expect(error.path).toBe('filters.properties');
    expect(error.message).toMatch(message);
    expect(error.message).toContain('Top level condition cannot be negated');
  });
});

describe('membership of other cohorts', () => {
  const people = [person('ada', { plan: 'pro' }), person('bob', { plan: 'free' }), person(['cy', 'cy@x.test'], { plan: 'pro' })];
  const cohorts: Record<string, CohortDefinition> = {
    paid: cohort({ type: 'person', key: 'plan', value: 'pro' }),
    '7': { is_static: true, distinct_ids: ['bob', 'cy@x.test'] },
    paidAndListed: cohort({ type: 'cohort', value: 'paid' }, { type: 'cohort', value: 7 }),
  };
  it.each<[string, CohortCondition, string[]]>([
    ['a dynamic cohort', { type: 'cohort', key: 'id', value: 'paid' }, ['ada', 'cy']],
    ['a static cohort by numeric id (any of the person’s ids listed)', { type: 'cohort', key: 'id', value: 7 }, ['bob', 'cy']],
    ['a cohort of cohorts', { type: 'cohort', value: 'paidAndListed' }, ['cy']],
    ['an id in a one-element list', { type: 'cohort', value: ['paid'] }, ['ada', 'cy']],
    ['precalculated-cohort is read as cohort', { type: 'precalculated-cohort', value: 'paid' }, ['ada', 'cy']],
  ])('%s', (_name, condition, expected) => {
    expect(members(cohort(condition), people, { cohorts })).toEqual(expected);
  });
});

describe('cycles between cohorts are errors, never a hang', () => {
  const ref = (id: string): CohortDefinition => cohort({ type: 'cohort', value: id });
  it.each<[string, Record<string, CohortDefinition>, CohortDefinition | string, string]>([
    ['a cohort that contains itself', { a: ref('a') }, 'a', "'a' → 'a'"],
    ['two cohorts in a loop', { a: ref('b'), b: ref('a') }, 'a', "'a' → 'b' → 'a'"],
    ['a loop reached from an unsaved cohort', { a: ref('b'), b: ref('c'), c: ref('a') }, ref('a'), "'a' → 'b' → 'c' → 'a'"],
  ])('%s', (_name, cohorts, start, cycle) => {
    const def = typeof start === 'string' ? cohorts[start] : start;
    const errors = validateCohort(def, { cohorts });
    expect(errors.map((e) => e.message).join('\n')).toContain(`cohort cycle: ${cycle}`);
    expect(() => membersOf(def, [person('x')], { cohorts, now: NOW })).toThrow(/cohort cycle/);
  });

  it('a diamond (two paths to one cohort) is not a cycle', () => {
    const cohorts = { top: tree(or(and({ type: 'cohort', value: 'l' }), and({ type: 'cohort', value: 'r' }))), l: ref('base'), r: ref('base'), base: cohort(has('a')) };
    expect(members(cohorts.top, [person('a', { a: 1 }), person('z')], { cohorts })).toEqual(['a']);
  });
});

describe('static cohorts', () => {
  it('contain the persons owning any listed distinct id; unknown ids are ignored', () => {
    const people = [person(['anon-1', 'user@x.test']), person('anon-2'), person('anon-3')];
    expect(members({ is_static: true, distinct_ids: ['user@x.test', 'anon-3', 'ghost'] }, people)).toEqual(['anon-1', 'anon-3']);
  });
});

describe('a person with two distinct ids: behaviour of either counts', () => {
  const split = person(['anon', 'user'], {}, [
    ['$pageview', '2026-11-20T10:00:00Z', {}, 'anon'],
    ['$pageview', '2026-11-27T10:00:00Z', {}, 'anon'],
    ['$pageview', '2026-11-29T10:00:00Z', {}, 'user'],
  ]);
  const only = person('solo', {}, [['$pageview', '2026-11-27T10:00:00Z'], ['$pageview', '2026-11-29T10:00:00Z']]);
  it.each<[string, CohortCondition, string[]]>([
    ['one event from each id makes two', { type: 'behavioral', value: 'performed_event_multiple', key: '$pageview', event_type: 'events', time_value: 7, time_interval: 'day', operator: 'exact', operator_value: 2 }, ['anon', 'solo']],
    ['three over 30 days, two of them from the anonymous id', { type: 'behavioral', value: 'performed_event_multiple', key: '$pageview', event_type: 'events', time_value: 30, time_interval: 'day', operator: 'gte', operator_value: 3 }, ['anon']],
    ['the first time is the earliest over both ids (anon, Nov 20)', { type: 'behavioral', value: 'performed_event_first_time', key: '$pageview', event_type: 'events', time_value: 7, time_interval: 'day' }, ['solo']],
  ])('%s', (_name, condition, expected) => {
    expect(members(cohort(condition), [split, only])).toEqual(expected);
  });
});

describe('legacy `groups` (PostHog Cohort.properties)', () => {
  it('ORs property groups and event groups', () => {
    const def: CohortDefinition = { groups: [{ properties: [{ key: 'plan', value: 'pro' }] }, { event_id: '$pageview', days: 7 }] };
    const people = [person('pro', { plan: 'pro' }), person('viewer', {}, [['$pageview', '2026-11-30T10:00:00Z']]), person('idle')];
    expect(members(def, people)).toEqual(['pro', 'viewer']);
  });
  it('is read when filters is an empty object, as PostHog reads a falsy filters', () => {
    const def = { filters: {}, groups: [{ properties: { plan: 'pro' } }] } as unknown as CohortDefinition;
    expect(members(def, [person('pro', { plan: 'pro' }), person('free', { plan: 'free' })])).toEqual(['pro']);
  });
  const viewedOn = (id: string, ...times: string[]) => person(id, {}, times.map((t): Did => ['$pageview', t]));
  it.each<[string, CohortDefinition, string[]]>([
    ['days counts back that many days', { groups: [{ event_id: '$pageview', days: 7 }] }, ['recent']],
    ['no days: 365 of them', { groups: [{ event_id: '$pageview' }] }, ['recent', 'month-ago', 'thrice']],
    // Three pageviews: gte 2 holds, exact 2 (what a lost count_operator would mean) does not.
    ['count_operator gte', { groups: [{ event_id: '$pageview', days: 30, count: 2, count_operator: 'gte' }] }, ['thrice']],
    ['null properties with an event_id: the event group', { groups: [{ properties: null, event_id: '$pageview', days: 7 }] } as never, ['recent']],
    // Cohort.properties turns untyped and "event" properties into person ones; other types stay.
    ['a cohort filter among legacy properties stays a cohort filter', { groups: [{ properties: [{ type: 'cohort', value: 'viewers' }] }] }, ['recent']],
    ['an action group', { groups: [{ action_id: 'a1', days: 7 }] }, ['recent']],
  ])('%s', (_name, def, expected) => {
    const people = [viewedOn('recent', '2026-11-30T10:00:00Z'), viewedOn('month-ago', '2026-11-01T10:00:00Z'), viewedOn('thrice', '2026-11-10T10:00:00Z', '2026-11-11T10:00:00Z', '2026-11-12T10:00:00Z')];
    const cohorts = { viewers: cohort(didEvent('$pageview', 7)) };
    const actions = { a1: { id: 'a1', site: 's', name: 'Viewed', created_at: NOW, updated_at: NOW, steps: [{ event: '$pageview' }] } };
    expect(members(def, people, { cohorts, actions })).toEqual(expected);
  });
  it('reads count and count_operator as performed_event_multiple', () => {
    const def: CohortDefinition = { groups: [{ event_id: '$pageview', days: 30, count: 2, count_operator: 'gte' }] };
    const people = [person('twice', {}, [['$pageview', '2026-11-20T10:00:00Z'], ['$pageview', '2026-11-21T10:00:00Z']]), person('once', {}, [['$pageview', '2026-11-20T10:00:00Z']])];
    expect(members(def, people)).toEqual(['twice']);
  });
});

describe('cohortMembers: persons from events', () => {
  const events = [
    { uuid: '1', event: '$pageview', distinct_id: 'anon', timestamp: '2026-11-29T10:00:00Z', properties: {} },
    { uuid: '2', event: '$identify', distinct_id: 'user', timestamp: '2026-11-29T10:01:00Z', properties: { $anon_distinct_id: 'anon', $set: { plan: 'pro' } } },
    { uuid: '3', event: '$pageview', distinct_id: 'bob', timestamp: '2026-11-29T11:00:00Z', properties: { $set: { plan: 'free' } } },
  ];
  it('answers each member as its sorted distinct ids (the pageview came from the anonymous id)', () => {
    expect(cohortMembers(cohort({ type: 'person', key: 'plan', value: 'pro' }, didEvent('$pageview')), { events, now: NOW })).toEqual([['anon', 'user']]);
  });
  it('sorts the members', () => {
    expect(cohortMembers(cohort(didEvent('$pageview')), { events, now: NOW })).toEqual([['anon', 'user'], ['bob']]);
  });

  // Members compare id by id: ['a', 'c'] before ['ab', 'x'] ('a' < 'ab'), whichever person came first.
  const merged = (anon: string, user: string, at: string) => [
    { uuid: `${anon}-1`, event: '$pageview', distinct_id: anon, timestamp: `${at}:00Z`, properties: {} },
    { uuid: `${anon}-2`, event: '$identify', distinct_id: user, timestamp: `${at}:01Z`, properties: { $anon_distinct_id: anon } },
  ];
  it.each<[string, CaptureEvent[]]>([
    ['ab first', [...merged('ab', 'x', '2026-11-29T10:00'), ...merged('a', 'c', '2026-11-29T11:00')]],
    ['a first', [...merged('a', 'c', '2026-11-29T10:00'), ...merged('ab', 'x', '2026-11-29T11:00')]],
  ])('sorts members by their ids in order (%s)', (_name, evs) => {
    expect(cohortMembers(cohort(didEvent('$pageview')), { events: evs, now: NOW })).toEqual([['a', 'c'], ['ab', 'x']]);
  });

  it('a personless event belongs to no person, so to no member', () => {
    const personless = { uuid: '4', event: '$pageview', distinct_id: 'ghost', timestamp: '2026-11-29T12:00:00Z', properties: { $process_person_profile: false } };
    expect(cohortMembers(cohort(didEvent('$pageview')), { events: [...events, personless], now: NOW })).toEqual([['anon', 'user'], ['bob']]);
  });
});
