// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { validateCohort } from '../../src/cohorts';
import type { BehavioralLeaf, CohortGroup } from '../../src/cohorts/types';
import { csvLineProblems } from '../../src/dashboard/cohorts/csv-lines';
import { placeErrors } from '../../src/dashboard/cohorts/errors';
import { addNode, changeKind, locateError, newCondition, nodeAt, nodeLabel, patchCondition, removeNode, rootGroup, updateNode, type TreePath } from '../../src/dashboard/cohorts/tree';

const email = { type: 'person', key: 'email', operator: 'icontains', value: '@x.com' } as const;
const pageview = newCondition('performed_event') as BehavioralLeaf;
const tree: CohortGroup = { type: 'OR', values: [{ type: 'AND', values: [email, pageview] }, { type: 'AND', values: [pageview] }] };
const before = JSON.stringify(tree);

describe('builder tree edits', () => {
  it.each<[string, () => unknown, unknown]>([
    ['add a condition to the first group', () => addNode(tree, [0], email), { type: 'OR', values: [{ type: 'AND', values: [email, pageview, email] }, { type: 'AND', values: [pageview] }] }],
    ['add a group to the root', () => addNode(tree, [], { type: 'AND', values: [] }), { type: 'OR', values: [...tree.values, { type: 'AND', values: [] }] }],
    ['remove the first condition of group 2', () => removeNode(tree, [1, 0]), { type: 'OR', values: [tree.values[0], { type: 'AND', values: [] }] }],
    ['remove group 1', () => removeNode(tree, [0]), { type: 'OR', values: [tree.values[1]] }],
    ['switch the root to AND', () => updateNode(tree, [], (g) => ({ ...(g as CohortGroup), type: 'AND' })), { ...tree, type: 'AND' }],
    ['set an operator', () => patchCondition(tree, [0, 0], { operator: 'is_set', value: undefined }), { type: 'OR', values: [{ type: 'AND', values: [{ type: 'person', key: 'email', operator: 'is_set' }, pageview] }, tree.values[1]] }],
    ['negate a condition', () => patchCondition(tree, [1, 0], { negation: true }), { type: 'OR', values: [tree.values[0], { type: 'AND', values: [{ ...pageview, negation: true }] }] }],
  ])('%s', (_, edit, expected) => {
    expect(edit()).toEqual(expected);
    expect(JSON.stringify(tree)).toBe(before); // the old tree is unchanged
  });

  it.each<[string, () => unknown, RegExp]>([
    ['remove the root', () => removeNode(tree, []), /root group cannot be removed/],
    ['add under a condition', () => addNode(tree, [0, 1], email), /is a condition, not a group/],
    ['patch a group', () => patchCondition(tree, [0], { key: 'x' }), /is a group, not a condition/],
    ['edit a path that is not there', () => updateNode(tree, [5, 0], (n) => n), /no node at \[5, 0\]/],
  ])('refuses to %s', (_, edit, message) => expect(edit).toThrow(message));

  it.each<[TreePath, string]>([
    [[], 'Group 1'],
    [[0], 'Group 1, group 1'],
    [[0, 1], 'Group 1, group 1, condition 2'],
    [[1, 0], 'Group 1, group 2, condition 1'],
  ])('names the node at %j "%s"', (path, label) => expect(nodeLabel(tree, path)).toBe(label));

  it.each<[string, { path: number[]; field: string } | null]>([
    ['filters.properties.values[1].values[0].operator', { path: [1, 0], field: 'operator' }],
    ['filters.properties.values[0].values', { path: [0], field: 'values' }],
    ['filters.properties', { path: [], field: '' }],
    ['filters.properties.values[2].event_filters[0].key', { path: [2], field: 'event_filters[0].key' }],
    ['cohorts["b"].filters.properties.values[0]', null],
    ['name', null],
  ])('places the validator path %s', (path, expected) => expect(locateError(path)).toEqual(expected));

  it.each([
    ['a flat list is an AND group', [email], { type: 'AND', values: [email] }],
    ['a group is kept', tree, tree],
    ['no properties', undefined, null],
  ])('rootGroup: %s', (_, properties, expected) => expect(rootGroup(properties)).toEqual(expected));

  it('changing a behavioral kind keeps its event and negation; every new condition but the unchosen ones validates', () => {
    const changed = changeKind({ ...pageview, key: 'signup', negation: true }, 'performed_event_multiple');
    expect(changed).toMatchObject({ value: 'performed_event_multiple', key: 'signup', negation: true, operator: 'gte', operator_value: 1 });
    for (const kind of ['performed_event', 'performed_event_multiple', 'performed_event_first_time', 'stopped_performing_event', 'restarted_performing_event'] as const) {
      expect(validateCohort({ filters: { properties: { type: 'AND', values: [newCondition(kind)] } } }), kind).toEqual([]);
    }
  });

  it('puts validator errors next to the node they name, and the rest above', () => {
    const bad: CohortGroup = { type: 'OR', values: [{ type: 'AND', values: [{ ...email, operator: 'nope' as never }] }, { type: 'AND', values: [] }] };
    const placed = placeErrors(validateCohort({ filters: { properties: bad } }), bad);
    expect([...placed.byNode.keys()].sort()).toEqual(['0.0', '1']);
    expect(placed.byNode.get('0.0')![0]).toMatchObject({ field: 'operator' });
    expect(placed.byNode.get('1')![0].message).toMatch(/group is empty/);
    expect(placeErrors(validateCohort({ filters: { properties: { type: 'AND', values: [{ type: 'cohort', value: 'gone' }] } } }), null).general[0]).toMatch(/unknown cohort 'gone'/);
  });

  it('finds nodes by path', () => {
    expect(nodeAt(tree, [0, 0])).toBe(email);
    expect(nodeAt(tree, [0, 0, 1])).toBeUndefined();
  });
});

describe('csvLineProblems', () => {
  it.each<[string, string, { line: number; problem: RegExp }[]]>([
    ['one id a line', 'a\nb\n\nc\n', []],
    ['a line with two values', 'a\nb,c\nd', [{ line: 2, problem: /2 values \("b", "c"\); put one distinct id per line/ }]],
    ['an unclosed quote', 'a\n"b\nc', [{ line: 2, problem: /quote is not closed/ }]],
    ['only commas', 'a\n,,\nb', [{ line: 2, problem: /only commas/ }]],
    ['a header file with an empty distinct_id', 'email,distinct_id\nx@y,u1\nz@y,\n\nw@y,u3', [{ line: 3, problem: /no value in the distinct_id column \(column 2\)/ }]],
    ['a header file with a short row', 'distinct_id,email\nu1,x\n,y', [{ line: 3, problem: /distinct_id column \(column 1\)/ }]],
    ['leading blank lines count', '\n\na\nb,c', [{ line: 4, problem: /2 values/ }]],
    ['CRLF lines', 'a\r\nb,c\r\n', [{ line: 2, problem: /2 values/ }]],
    ['no distinct_id column (the whole file is refused elsewhere)', 'email,name\nx,y', []],
  ])('%s', (_, text, expected) => {
    const problems = csvLineProblems(text);
    expect(problems.map((p) => p.line)).toEqual(expected.map((e) => e.line));
    problems.forEach((p, i) => expect(p.problem).toMatch(expected[i].problem));
  });
});
