import { describe, expect, it } from 'vitest';
import type { CaptureEvent } from '../../src/events/types';
import { applyGroupEvent, emptyGroupsState, groupColumns, groupsFromEvents, groupsOf } from '../../src/persons/groups';
import { at, ev, view } from '../support/person-events';

// Rules: PostHog group-type-manager.ts (5 types, smallest free index, first seen first),
// process-groups step (groupidentify type registered before $groups when it has $group_set;
// groups only with person processing), groups.ts extractGroupIdentify (falsy type/key ignored),
// group-update.ts calculateUpdate (key-level merge with `!=`), batch-writing-group-store.ts
// (created_at = first upsert).

const gid = (n: number, type: unknown, key: unknown, set?: unknown, extra: Record<string, unknown> = {}) =>
  ev(n, '$groupidentify', 'user', { $group_type: type, $group_key: key, ...(set === undefined ? {} : { $group_set: set }), ...extra });

describe('groupsFromEvents', () => {
  it('a $groupidentify creates the group with its $group_set, type index 0, created at the event', () => {
    expect(groupsFromEvents([gid(0, 'company', 'acme', { name: 'Acme' })])).toEqual({
      groups: [{ group_type: 'company', group_type_index: 0, group_key: 'acme', properties: { name: 'Acme' }, created_at: at(0) }],
      warnings: [],
    });
  });

  it.each<[string, CaptureEvent[], Record<string, unknown>]>([
    ['later $group_set values win key by key', [gid(0, 'company', 'acme', { name: 'A', plan: 'free' }), gid(1, 'company', 'acme', { plan: 'paid' })], { name: 'A', plan: 'paid' }],
    ['loosely equal values keep the first (PostHog compares with !=)', [gid(0, 'company', 'acme', { seats: '1' }), gid(1, 'company', 'acme', { seats: 1 })], { seats: '1' }],
    ['a $groupidentify without $group_set keeps the group as it is', [gid(0, 'company', 'acme', { a: 1 }), gid(1, 'company', 'acme')], { a: 1 }],
  ])('%s', (_name, events, properties) => {
    const { groups } = groupsFromEvents(events);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ properties, created_at: at(0) });
  });

  it.each<[string, CaptureEvent[], Array<[string, number, string]>]>([
    ['types get indexes in the order first seen, $groups keys in order',
      [view(0, 'u', { $groups: { project: 'p1', company: 'acme' } }), gid(1, 'team', 't1', {}), gid(2, 'company', 'acme', {})],
      [['company', 1, 'acme'], ['team', 2, 't1']]],
    ['a $groupidentify with $group_set registers its type before the event’s $groups',
      [gid(0, 'company', 'acme', {}, { $groups: { project: 'p' } })], [['company', 0, 'acme']]],
    ['without $group_set, the event’s $groups types come first',
      [gid(0, 'company', 'acme', undefined, { $groups: { project: 'p' } })], [['company', 1, 'acme']]],
    ['$groups alone registers types but creates no group', [view(0, 'u', { $groups: { company: 'acme' } })], []],
    ['a falsy $group_key or $group_type is ignored', [gid(0, 'company', '', {}), gid(1, '', 'k', {})], []],
    ['the group key is stringified', [gid(0, 'company', 42, {})], [['company', 0, '42']]],
    ['groups sort by type index, then key', [gid(0, 'b', 'z', {}), gid(1, 'a', 'y', {}), gid(2, 'b', 'x', {})], [['b', 0, 'x'], ['b', 0, 'z'], ['a', 1, 'y']]],
    ['personless events neither register types nor create groups',
      [view(0, 'u', { $process_person_profile: false, $groups: { project: 'p' } }), gid(1, 'company', 'acme', {})], [['company', 0, 'acme']]],
  ])('%s', (_name, events, expected) => {
    expect(groupsFromEvents(events).groups.map((g) => [g.group_type, g.group_type_index, g.group_key])).toEqual(expected);
  });

  it('at most 5 group types: the 6th type gets no index and its events a warning', () => {
    const types = ['t0', 't1', 't2', 't3', 't4'];
    const events = [...types.map((t, i) => gid(i, t, 'k', {})), gid(5, 'sixth', 'k', {}), view(6, 'u', { $groups: { seventh: 'x', t0: 'k' } })];
    const result = groupsFromEvents(events);
    expect(result.groups.map((g) => g.group_type_index)).toEqual([0, 1, 2, 3, 4]);
    expect(result.warnings).toEqual([
      { uuid: 'u05', reason: "group type 'sixth' not stored: at most 5 group types" },
      { uuid: 'u06', reason: "group type 'seventh' not stored: at most 5 group types" },
    ]);
  });

  it.each([['a string', 'name'], ['an array', ['a']], ['a number', 3]])('a $group_set that is %s drops the $groupidentify with a warning', (_n, set) => {
    const result = groupsFromEvents([gid(0, 'company', 'acme', set)]);
    expect(result.groups).toEqual([]);
    expect(result.warnings).toEqual([{ uuid: 'u00', reason: expect.stringContaining('invalid_group_set') }]);
  });

  it('a $group_key over 400 characters drops the event', () => {
    expect(groupsFromEvents([gid(0, 'company', 'k'.repeat(401), {})]).groups).toEqual([]);
  });

  it('created_at is the earliest $groupidentify whatever the input order', () => {
    const events = [gid(3, 'company', 'acme', { v: 3 }), gid(1, 'company', 'acme', { v: 1 })];
    expect(groupsFromEvents(events).groups[0]).toMatchObject({ created_at: at(1), properties: { v: 3 } });
  });
});

describe('groupColumns', () => {
  it('maps an event’s $groups to PostHog’s $group_<index> columns, skipping types without an index', () => {
    const state = emptyGroupsState();
    const events = [gid(0, 'company', 'acme', {}), ...['a', 'b', 'c', 'd'].map((t, i) => gid(i + 1, t, 'k', {}))];
    for (const e of events) applyGroupEvent(state, e);
    const pageview = view(9, 'u', { $groups: { company: 'acme', d: 7, overflow: 'x' } });
    applyGroupEvent(state, pageview);
    expect(groupColumns(state, pageview)).toEqual({ $group_0: 'acme', $group_4: '7' });
  });
});

describe('group rules at their edges', () => {
  const indexes = (events: CaptureEvent[]) => {
    const state = emptyGroupsState();
    for (const e of events) applyGroupEvent(state, e);
    return state.types;
  };

  it('a $groupidentify without $group_set creates the group, with no warning', () => {
    expect(groupsFromEvents([gid(0, 'company', 'acme')])).toEqual({
      groups: [{ group_type: 'company', group_type_index: 0, group_key: 'acme', properties: {}, created_at: at(0) }],
      warnings: [],
    });
  });

  it.each<[string, CaptureEvent, Record<string, number>]>([
    ['with $group_set its own type is registered before $groups', gid(0, 'company', 'c', {}, { $groups: { project: 'p' } }), { company: 0, project: 1 }],
    ['without $group_set the $groups types come first', gid(0, 'company', 'c', undefined, { $groups: { project: 'p' } }), { project: 0, company: 1 }],
    ['a $groupidentify without $group_type registers no type', gid(0, undefined, 'k', { a: 1 }), {}],
    ['another event’s $group_type and $group_set register nothing', ev(0, '$pageview', 'u', { $group_type: 'company', $group_set: {}, $groups: { project: 'p' } }), { project: 0 }],
  ])('type indexes: %s', (_name, event, types) => {
    expect(indexes([event])).toEqual(types);
  });

  it('a $group_key of 400 characters is kept; 401 drops the event', () => {
    expect(groupsFromEvents([gid(0, 'company', 'k'.repeat(400))]).groups).toHaveLength(1);
    expect(groupsFromEvents([gid(0, 'company', 'k'.repeat(401))]).groups).toHaveLength(0);
  });

  it('an earlier event applied later moves created_at back (the store applies batches as they come)', () => {
    const state = emptyGroupsState();
    applyGroupEvent(state, gid(5, 'company', 'acme', { a: 1 }));
    applyGroupEvent(state, gid(2, 'company', 'acme', { b: 2 }));
    applyGroupEvent(state, gid(3, 'company', 'acme', { c: 3 }));
    expect(groupsOf(state).groups[0].created_at).toBe(at(2));
  });

  it('groups are listed by key in code-unit order, not the object’s own order', () => {
    const keys = ['m', 'c', 'x', 'a', '9', 'q', 'b', '10', 'B', 'z', 'k'];
    const events = keys.map((key, i) => gid(i, 'company', key, {}));
    expect(groupsFromEvents(events).groups.map((g) => g.group_key)).toEqual(['10', '9', 'B', 'a', 'b', 'c', 'k', 'm', 'q', 'x', 'z']);
  });

  it('a personless event or one without properties has no group columns', () => {
    const state = emptyGroupsState();
    applyGroupEvent(state, gid(0, 'company', 'acme', {}));
    expect(groupColumns(state, view(1, 'u', { $groups: { company: 'acme' } }))).toEqual({ $group_0: 'acme' });
    expect(groupColumns(state, view(1, 'u', { $groups: { company: 'acme' }, $process_person_profile: false }))).toEqual({});
    expect(groupColumns(state, { ...view(1, 'u'), properties: undefined } as unknown as CaptureEvent)).toEqual({});
  });
});
