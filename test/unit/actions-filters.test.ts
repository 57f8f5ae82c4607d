import { describe, expect, it } from 'vitest';
import { compileAction, validateAction } from '../../src/actions';
import type { PropertyFilter } from '../../src/actions/types';
import { event, SIGNUP } from '../support/action-chains';

const NOW = Date.parse('2024-05-08T12:00:00Z');
const circular: Record<string, unknown> = {};
circular.self = circular;
const props = {
  plan: 'pro', n: 5, flag: true, nul: null, word: 'Hello World', cyc: circular,
  d: '2024-05-01T12:00:00Z',
};
const ev = event(SIGNUP, { props });

const compile = (filter: unknown) => compileAction({ steps: [{ properties: [filter as PropertyFilter] }] }, { now: () => NOW });
const holds = (filter: PropertyFilter) => compile(filter).matches(ev);
const errorsOf = (filter: unknown) => validateAction({ steps: [{ properties: [filter] }] }).map((e) => e.message);
const reason = (filter: PropertyFilter) => compile(filter).explain(ev)[0].conditions[0].reason;

describe('property filter edge cases (spec: Property filters)', () => {
  it.each<[string, PropertyFilter, boolean]>([
    ['lt is strict', { key: 'n', value: 5, operator: 'lt' }, false],
    ['lt below', { key: 'n', value: 6, operator: 'lt' }, true],
    ['lte above is false', { key: 'n', value: 4, operator: 'lte' }, false],
    ['lte equal', { key: 'n', value: 5, operator: 'lte' }, true],
    ['gte above', { key: 'n', value: 6, operator: 'gte' }, false],
    ['gt on a non-numeric value is false even below zero', { key: 'plan', value: -1, operator: 'gt' }, false],
    ['gte on a non-numeric value is false even below zero', { key: 'word', value: -1, operator: 'gte' }, false],
    ['exact with a boolean filter value', { key: 'flag', value: true }, true],
    ['exact list of booleans', { key: 'flag', value: [false, true] }, true],
    ['icontains list = any of', { key: 'word', value: ['moon', 'WORLD'], operator: 'icontains' }, true],
    ['not_icontains list = none of', { key: 'word', value: ['moon', 'WORLD'], operator: 'not_icontains' }, false],
    ['regex list = any of', { key: 'word', value: ['^x', 'World$'], operator: 'regex' }, true],
    ['not_regex list = none of', { key: 'word', value: ['^x', 'World$'], operator: 'not_regex' }, false],
    ['icontains on a value without text is false', { key: 'cyc', value: 'self', operator: 'icontains' }, false],
    ['regex on a value without text is false', { key: 'cyc', value: '.', operator: 'regex' }, false],
    ['is_date_before the same instant is false', { key: 'd', value: '2024-05-01T12:00:00Z', operator: 'is_date_before' }, false],
    ['is_date_after the same instant is false', { key: 'd', value: '2024-05-01T12:00:00Z', operator: 'is_date_after' }, false],
    ['is_date_after one second earlier', { key: 'd', value: '2024-05-01T11:59:59Z', operator: 'is_date_after' }, true],
    ['is_date_before on a non-date is false', { key: 'plan', value: '2024-05-02', operator: 'is_date_before' }, false],
    ['is_date_before on a null value is false', { key: 'nul', value: '2024-05-02', operator: 'is_date_before' }, false],
    ['is_not_set with a null value is false (the key is there)', { key: 'nul', operator: 'is_not_set' }, false],
    ['is_set with a null value', { key: 'nul', operator: 'is_set' }, true],
    ['is_not on a null value holds', { key: 'nul', value: 'x', operator: 'is_not' }, true],
    ['element tag_name icontains', { key: 'tag_name', value: 'ORM', operator: 'icontains', type: 'element' }, true],
    ['element tag_name icontains miss', { key: 'tag_name', value: 'table', operator: 'icontains', type: 'element' }, false],
    ['element tag_name not_icontains', { key: 'tag_name', value: 'ORM', operator: 'not_icontains', type: 'element' }, false],
  ])('%s', (_name, filter, expected) => {
    expect(holds(filter)).toBe(expected);
  });
});

describe('property filter validation', () => {
  it.each<[string, unknown, string]>([
    ['null value', { key: 'plan', value: null }, "a value is required for operator 'exact'"],
    ['missing value', { key: 'plan', operator: 'icontains' }, "a value is required for operator 'icontains'"],
    ['empty list', { key: 'plan', value: [] }, 'the value list is empty'],
    ['object in a list', { key: 'plan', value: ['a', { b: 1 }] }, 'steps[0].properties[0].value[1]: {"b":1} is not a string, number or boolean'],
    ['object value', { key: 'plan', value: { b: 1 } }, 'steps[0].properties[0].value: {"b":1} is not a string, number or boolean'],
    ['one-element list for gt', { key: 'n', value: [5], operator: 'gt' }, "operator 'gt' takes one value, not a list"],
    ['two-element list for lt', { key: 'n', value: [5, 6], operator: 'lt' }, "operator 'lt' takes one value, not a list"],
    ['list for a date operator', { key: 'd', value: ['-7d'], operator: 'is_date_after' }, "operator 'is_date_after' takes one value, not a list"],
    ['non-numeric gt value', { key: 'n', value: 'abc', operator: 'gt' }, 'is not a number'],
    ['non-date value', { key: 'd', value: 'soon', operator: 'is_date_before' }, 'is not a date'],
    ['empty key', { key: '', value: 'x' }, 'steps[0].properties[0].key: the property key must be a non-empty string'],
    ['numeric key', { key: 5, value: 'x' }, 'steps[0].properties[0].key'],
    ['null filter', null, 'steps[0].properties[0]: a property filter must be an object'],
    ['array filter', ['plan'], 'steps[0].properties[0]: a property filter must be an object'],
    ['unknown operator', { key: 'plan', value: 'x', operator: 'like' }, "steps[0].properties[0].operator: unknown operator 'like'"],
    ['selector with icontains', { key: 'selector', value: 'button', operator: 'icontains', type: 'element' }, "steps[0].properties[0].operator: operator 'icontains' does not apply to element filter 'selector'"],
    ['selector with regex', { key: 'selector', value: 'button', operator: 'regex', type: 'element' }, "operator 'regex' does not apply to element filter 'selector'"],
    ['selector with is_set', { key: 'selector', operator: 'is_set', type: 'element' }, "steps[0].properties[0].operator: operator 'is_set' does not apply to element filter 'selector'"],
    ['element with gt', { key: 'text', value: 1, operator: 'gt', type: 'element' }, "operator 'gt' does not apply to element filter 'text'"],
    ['element with an unknown key', { key: 'id', value: 'x', type: 'element' }, "element filters take key 'selector', 'text', 'href' or 'tag_name'"],
    ['unknown type', { key: 'plan', value: 'x', type: 'group' }, "steps[0].properties[0].type: unknown filter type 'group'"],
  ])('%s', (_name, filter, message) => {
    const errors = errorsOf(filter);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(message);
  });

  it.each<[string, unknown, string]>([
    ['element value list entry', { key: 'text', value: ['ok', { b: 1 }], type: 'element' }, 'steps[0].properties[0].value[1]'],
    ['element single value', { key: 'text', value: { b: 1 }, type: 'element' }, 'steps[0].properties[0].value'],
    ['element regex list entry', { key: 'text', value: ['ok', '('], operator: 'regex', type: 'element' }, 'steps[0].properties[0].value[1]'],
    ['element selector list entry', { key: 'selector', value: ['a', 'a[[['], type: 'element' }, 'steps[0].properties[0].value[1]'],
    ['element single selector', { key: 'selector', value: 'a[[[', type: 'element' }, 'steps[0].properties[0].value'],
  ])('error path: %s', (_name, filter, path) => {
    const errors = validateAction({ steps: [{ properties: [filter] }] });
    expect(errors).toHaveLength(1);
    expect(errors[0].path).toBe(path);
  });

  it('valid filters have no errors', () => {
    expect(errorsOf({ key: 'flag', value: true })).toEqual([]);
    expect(errorsOf({ key: 'text', operator: 'is_set', type: 'element' })).toEqual([]);
  });
});

describe('property filter explanations name the test', () => {
  it.each<[string, PropertyFilter, string[]]>([
    ['one value', { key: 'plan', value: 'pro' }, ["event property 'plan' is 'pro'", "equals 'pro'"]],
    ['a list', { key: 'plan', value: ['free', 'pro'] }, ["equals one of 'free', 'pro'"]],
    ['icontains', { key: 'word', value: ['moon', 'WORLD'], operator: 'icontains' }, ["contains 'moon' or 'world' (case-insensitive)"]],
    ['regex', { key: 'word', value: ['^x', 'World$'], operator: 'regex' }, ['matches /^x/ or /World$/']],
    ['gt', { key: 'n', value: 4, operator: 'gt' }, ['> 4']],
    ['lte', { key: 'n', value: 4, operator: 'lte' }, ['fails', '≤ 4']],
    ['gte', { key: 'n', value: 4, operator: 'gte' }, ['≥ 4']],
    ['lt', { key: 'n', value: 9, operator: 'lt' }, ['< 9']],
    ['is_date_before', { key: 'd', value: '2024-05-02', operator: 'is_date_before' }, ['is a date before 2024-05-02']],
    ['is_date_after', { key: 'd', value: '2024-04-30', operator: 'is_date_after' }, ['is a date after 2024-04-30']],
    ['is_date_exact', { key: 'd', value: '2024-05-01', operator: 'is_date_exact' }, ['is a date on 2024-05-01']],
    ['relative date shows the instant', { key: 'd', value: '-30d', operator: 'is_date_after' }, ['is a date after -30d (2024-04-08T12:00:00.000Z)']],
    ['absolute date shows no instant', { key: 'd', value: '2024-05-02', operator: 'is_date_before' }, ['before 2024-05-02']],
    ['is_set', { key: 'nul', operator: 'is_set' }, ["event property 'nul' is set (to null)"]],
    ['is_not_set on a present key', { key: 'plan', operator: 'is_not_set' }, ["event property 'plan' is set (to 'pro')"]],
    ['missing key, negative operator', { key: 'nope', value: 'x', operator: 'is_not' }, ["event property 'nope' is not set (so 'is_not' holds)"]],
    ['negative operator that holds', { key: 'plan', value: 'free', operator: 'is_not' }, ['does not satisfy "equals \'free\'"']],
    ['negative operator that fails', { key: 'plan', value: 'pro', operator: 'is_not' }, ['fails "not: equals \'pro\'"']],
  ])('%s', (_name, filter, parts) => {
    const text = reason(filter);
    for (const part of parts) expect(text).toContain(part);
  });

  it.each<[string, PropertyFilter, string]>([
    ['missing key, positive operator', { key: 'nope', value: 'x' }, "event property 'nope' is not set"],
    ['missing key, is_set', { key: 'nope', operator: 'is_set' }, "event property 'nope' is not set"],
  ])('%s: no "holds" remark', (_name, filter, text) => {
    expect(reason(filter)).toBe(text);
  });

  it('names the condition after the last path segment', () => {
    const explained = compileAction({ steps: [{ properties: [{ key: 'text', value: 'Sign up', type: 'element' }, { key: 'plan', value: 'pro' }] }] }).explain(ev);
    expect(explained[0].conditions.map((c) => c.condition)).toEqual(['properties[0]', 'properties[1]']);
  });
});
