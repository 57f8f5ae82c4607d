// @ts-nocheck
import { describe, expect, it } from 'vitest';
import type { CaptureEvent } from '../../src/events/types';
import { isDistinctIdIllegal, personsFromEvents } from '../../src/persons';
import { CASE_INSENSITIVE_ILLEGAL_IDS, CASE_SENSITIVE_ILLEGAL_IDS } from '../../src/persons/illegal-ids';
import { alias, at, ev, identify, mergeDangerously, shape, view } from '../support/person-events';

// Rules: PostHog person-merge-service.ts (handleIdentifyOrAlias / merge / mergeDistinctIds /
// mergePeople / isMergeAllowed) and person-property-service.ts (is_identified).
type Row = [string, CaptureEvent[], Array<[string[], boolean]>, RegExp[]];

describe('personsFromEvents: merge rules', () => {
  it.each<Row>([
    ['identify, neither id has a person: one new identified person, distinct_id first',
      [identify(0, 'user', 'anon')], [[['user', 'anon'], true]], []],
    ['identify, only the anonymous id has a person: the user id joins it',
      [view(0, 'anon'), identify(1, 'user', 'anon')], [[['anon', 'user'], true]], []],
    ['identify, only the user id has a person: the anonymous id joins it',
      [view(0, 'user'), identify(1, 'user', 'anon')], [[['user', 'anon'], true]], []],
    ['identify, both have persons: the anonymous person merges into the distinct_id person',
      [view(0, 'anon'), view(1, 'user'), identify(2, 'user', 'anon')], [[['user', 'anon'], true]], []],
    ['identify where only the distinct_id person is identified: the merge goes ahead',
      [identify(0, 'user', 'd0'), view(1, 'anon'), identify(2, 'user', 'anon')], [[['user', 'd0', 'anon'], true]], []],
    ['identify, anonymous person already identified: refused, yet the distinct_id person becomes identified',
      [identify(0, 'anon', 'x'), view(1, 'user'), identify(2, 'user', 'anon')], [[['anon', 'x'], true], [['user'], true]], [/merge refused: \$anon_distinct_id 'anon' is already identified/]],
    ['identify joining a new distinct_id onto an identified person: no refusal (only merges of two persons refuse)',
      [identify(0, 'a', 'a0'), identify(1, 'new', 'a')], [[['a', 'a0', 'new'], true]], []],
    ['$create_alias merges the alias into the distinct_id person',
      [view(0, 'a'), view(1, 'b'), alias(2, 'b', 'a')], [[['b', 'a'], true]], []],
    ['$create_alias is refused when the alias person is identified',
      [identify(0, 'a', 'a0'), view(1, 'b'), alias(2, 'b', 'a')], [[['a', 'a0'], true], [['b'], true]], [/merge refused: alias 'a' is already identified/]],
    ['$merge_dangerously merges even an identified person',
      [identify(0, 'a', 'a0'), identify(1, 'b', 'b0'), mergeDangerously(2, 'b', 'a')], [[['b', 'b0', 'a', 'a0'], true]], []],
    ['$identify with $anon_distinct_id equal to distinct_id: no merge, not identified',
      [identify(0, 'u', 'u')], [[['u'], false]], []],
    ['$identify without $anon_distinct_id: a plain event, not identified',
      [ev(0, '$identify', 'u')], [[['u'], false]], []],
    ['$create_alias without alias: a plain event',
      [ev(0, '$create_alias', 'u')], [[['u'], false]], []],
    ['$create_alias with a falsy alias (0): no merge and no warning',
      [alias(0, 'u', 0)], [[['u'], false]], []],
    ['$identify with $anon_distinct_id null: stringified to the illegal id null',
      [identify(0, 'u', null)], [[['u'], false]], [/merge refused: illegal \$anon_distinct_id 'null'/]],
    ['$anon_distinct_id is stringified (42 joins person "42")',
      [view(0, '42'), identify(1, 'u', 42)], [[['42', 'u'], true]], []],
    ['a plain event never identifies',
      [view(0, 'u', { $set: { email: 'a@b.c' } })], [[['u'], false]], []],
  ])('%s', (_name, events, expected, warnings) => {
    const result = personsFromEvents(events);
    expect(shape(result.persons)).toEqual(expected);
    expect(result.warnings).toHaveLength(warnings.length);
    warnings.forEach((re, i) => expect(result.warnings[i].reason).toMatch(re));
  });

  it('warnings name the event by uuid', () => {
    const refused = identify(3, 'u', 'undefined');
    expect(personsFromEvents([refused]).warnings).toEqual([{ uuid: refused.uuid, reason: expect.stringContaining("illegal $anon_distinct_id 'undefined'") }]);
  });
});

describe('personsFromEvents: chains of merges', () => {
  it.each<Row>([
    ['identify a→b then b→c: c joins the (identified) person because c has none',
      [view(0, 'a'), identify(1, 'b', 'a'), identify(2, 'c', 'b')], [[['a', 'b', 'c'], true]], []],
    ['alias b←a then c←b with three persons: the second is refused, b is identified by the first',
      [view(0, 'a'), view(1, 'b'), view(2, 'c'), alias(3, 'b', 'a'), alias(4, 'c', 'b')], [[['b', 'a'], true], [['c'], true]], [/alias 'b' is already identified/]],
    ['$merge_dangerously b←a then c←b: one person, each merge appending the other ids',
      [view(0, 'a'), view(1, 'b'), view(2, 'c'), mergeDangerously(3, 'b', 'a'), mergeDangerously(4, 'c', 'b')], [[['c', 'b', 'a'], true]], []],
  ])('%s', (_name, events, expected, warnings) => {
    const result = personsFromEvents(events);
    expect(shape(result.persons)).toEqual(expected);
    expect(result.warnings.map((w) => w.reason)).toEqual(warnings.map((re) => expect.stringMatching(re)));
  });
});

describe('personsFromEvents: created_at', () => {
  it.each([
    ['the anonymous person is older', [view(0, 'anon'), view(5, 'user'), identify(9, 'user', 'anon')], at(0)],
    ['the distinct_id person is older', [view(0, 'user'), view(5, 'anon'), identify(9, 'user', 'anon')], at(0)],
    ['neither existed: the identify time', [identify(9, 'user', 'anon')], at(9)],
    ['an id joining an existing person keeps its created_at', [view(2, 'anon'), identify(9, 'user', 'anon')], at(2)],
  ])('a merge keeps the earliest created_at: %s', (_name, events, createdAt) => {
    const { persons } = personsFromEvents(events);
    expect(persons).toHaveLength(1);
    expect(persons[0].created_at).toBe(createdAt);
  });
});

describe('illegal distinct ids (PostHog isDistinctIdIllegal)', () => {
  const insensitive = CASE_INSENSITIVE_ILLEGAL_IDS.flatMap((id) => [id, id.toUpperCase(), `'${id}'`, `"${id.toUpperCase()}"`]);
  const sensitive = CASE_SENSITIVE_ILLEGAL_IDS.flatMap((id) => [id, `'${id}'`, `"${id}"`]);
  it.each([...insensitive, ...sensitive, '', '   ', '\t'])('%j is illegal', (id) => {
    expect(isDistinctIdIllegal(id)).toBe(true);
  });

  it.each(['nan', 'NULL', 'NONE', 'nOnE', ' guest', 'guest1', '00', '[object object]', 'user@example.com', "'nan'"])(
    '%j is legal (case-sensitive entries only match exactly; no trimming before the lists)',
    (id) => expect(isDistinctIdIllegal(id)).toBe(false),
  );

  it.each(['undefined', 'Anonymous', 'NaN', '"null"', '[object Object]', ' '])('merging with %j on either side is refused with a warning', (bad) => {
    const asAnon = personsFromEvents([view(0, 'user'), view(1, bad), identify(2, 'user', bad)]);
    expect(asAnon.persons.map((p) => p.distinct_ids)).toEqual([['user'], [bad]]);
    expect(asAnon.warnings).toEqual([{ uuid: 'u02', reason: expect.stringContaining(`illegal $anon_distinct_id '${bad}'`) }]);
    const asUser = personsFromEvents([identify(0, bad, 'anon')]);
    expect(shape(asUser.persons)).toEqual([[[bad], false]]);
    expect(asUser.warnings).toEqual([{ uuid: 'u00', reason: expect.stringContaining(`illegal distinct_id '${bad}'`) }]);
  });
});

describe('PostHog’s illegal-id lists, entry by entry', () => {
  // As PostHog's person-merge-service.ts writes them (not read back from Lasso's constants).
  it.each(['anonymous', 'GUEST', 'DistinctId', 'distinct_id', 'ID', 'not_authenticated', 'Email', 'UNDEFINED', 'True', 'false'])(
    '%j is refused in any casing',
    (id) => expect(isDistinctIdIllegal(id)).toBe(true),
  );
  it.each(['[object Object]', 'NaN', 'None', 'none', 'null', '0', 'undefined', "'None'", '"0"'])('%j is refused as written', (id) => {
    expect(isDistinctIdIllegal(id)).toBe(true);
  });
});

describe('merge requests and the persons’ order', () => {
  it('only $create_alias and $merge_dangerously merge on alias; only $identify on $anon_distinct_id', () => {
    const result = personsFromEvents([view(0, 'a'), view(1, 'b', { alias: 'a' }), view(2, 'c', { $anon_distinct_id: 'a' })]);
    expect(shape(result.persons)).toEqual([[['a'], false], [['b'], false], [['c'], false]]);
  });

  it('two existing persons merged by $merge_dangerously become one identified person', () => {
    expect(shape(personsFromEvents([view(0, 'a'), view(1, 'b'), mergeDangerously(2, 'a', 'b')]).persons)).toEqual([[['a', 'b'], true]]);
  });

  it('a merge that creates the person does not apply its $unset (a new person has nothing to unset)', () => {
    const { persons } = personsFromEvents([identify(0, 'user', 'anon', { $set: { a: 1 }, $unset: ['a'] })]);
    expect(persons[0].properties).toMatchObject({ a: 1 });
  });

  it('persons are listed by created_at, then by first distinct id in code-unit order', () => {
    // z at minute 0, Z at minute 2, and at minute 1 ids created in a scrambled order (by uuid): listed z, a…g, Z.
    const scrambled = ['d', 'a', 'f', 'c', 'g', 'b', 'e'].map((id, i) => ev(1, '$pageview', id, {}, { uuid: `m${i}` }));
    const events = [view(2, 'Z'), ...scrambled, view(0, 'z')];
    expect(personsFromEvents(events).persons.map((p) => p.distinct_ids[0])).toEqual(['z', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'Z']);
  });
});
