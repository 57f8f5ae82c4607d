// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { compileAction } from '../../src/actions';
import type { PropertyFilter } from '../../src/actions/types';
import { event, LINK, SIGNUP } from '../support/action-chains';

const NOW = Date.parse('2024-05-08T12:00:00Z');
const props = {
  plan: 'pro', n: 5, s: '10', zero: 0, flag: true, nul: null, word: 'Hello World', list: ['a', 'b'],
  d: '2024-05-01T12:00:00Z', day: '2024-05-07', ts: 1714564800 /* 2024-05-01T12:00:00Z in seconds */, recent: '2024-05-08T06:00:00Z',
};
const ev = event(SIGNUP, { props });
const person = { properties: { email: 'ada@example.com', age: '36' } };

const holds = (filter: PropertyFilter, who = person, e = ev) =>
  compileAction({ steps: [{ properties: [filter] }] }, { now: () => NOW }).matches(e, who);

describe('event and person property operators (spec: Property filters)', () => {
  it.each<[string, PropertyFilter, boolean]>([
    // exact / is_not
    ['exact string', { key: 'plan', value: 'pro' }, true],
    ['exact is case-sensitive', { key: 'plan', value: 'Pro' }, false],
    ['exact list = any of', { key: 'plan', value: ['free', 'pro'] }, true],
    ['exact number vs numeric string', { key: 's', value: 10 }, true],
    ['exact 0 equals "0"', { key: 'zero', value: '0' }, true],
    ['exact numeric compare: "5.0" = 5', { key: 'n', value: '5.0' }, true],
    ['exact boolean', { key: 'flag', value: 'true' }, true],
    ['exact on missing key', { key: 'nope', value: 'x' }, false],
    ['exact on null value', { key: 'nul', value: 'null' }, false],
    ['is_not holds when different', { key: 'plan', value: 'free', operator: 'is_not' }, true],
    ['is_not fails when equal', { key: 'plan', value: 'pro', operator: 'is_not' }, false],
    ['is_not list = none of', { key: 'plan', value: ['free', 'pro'], operator: 'is_not' }, false],
    ['is_not holds when key missing', { key: 'nope', value: 'x', operator: 'is_not' }, true],
    // icontains / not_icontains
    ['icontains', { key: 'word', value: 'WORLD', operator: 'icontains' }, true],
    ['icontains on a number', { key: 'n', value: '5', operator: 'icontains' }, true],
    ['icontains miss', { key: 'word', value: 'moon', operator: 'icontains' }, false],
    ['icontains missing key', { key: 'nope', value: 'x', operator: 'icontains' }, false],
    ['not_icontains', { key: 'word', value: 'moon', operator: 'not_icontains' }, true],
    ['not_icontains fails', { key: 'word', value: 'hello', operator: 'not_icontains' }, false],
    ['not_icontains holds when key missing', { key: 'nope', value: 'x', operator: 'not_icontains' }, true],
    // regex / not_regex
    ['regex unanchored', { key: 'word', value: 'o W', operator: 'regex' }, true],
    ['regex anchored', { key: 'word', value: '^World', operator: 'regex' }, false],
    ['regex on a number', { key: 'n', value: '^\\d$', operator: 'regex' }, true],
    ['not_regex', { key: 'word', value: '^World', operator: 'not_regex' }, true],
    ['not_regex holds when key missing', { key: 'nope', value: 'x', operator: 'not_regex' }, true],
    // numeric comparisons
    ['gt', { key: 'n', value: 4, operator: 'gt' }, true],
    ['gt equal is false', { key: 'n', value: 5, operator: 'gt' }, false],
    ['gte equal', { key: 'n', value: '5', operator: 'gte' }, true],
    ['lt numeric string vs number', { key: 's', value: 9, operator: 'lt' }, false],
    ['lt compares numerically, not as text', { key: 's', value: 9.5, operator: 'gt' }, true],
    ['lte', { key: 'zero', value: 0, operator: 'lte' }, true],
    ['gt on a non-numeric value is false', { key: 'plan', value: 1, operator: 'gt' }, false],
    ['lt on a missing key is false', { key: 'nope', value: 1, operator: 'lt' }, false],
    // is_set / is_not_set
    ['is_set', { key: 'plan', operator: 'is_set' }, true],
    ['is_set with null value', { key: 'nul', operator: 'is_set' }, true],
    ['is_set missing', { key: 'nope', operator: 'is_set' }, false],
    ['is_not_set missing', { key: 'nope', operator: 'is_not_set' }, true],
    ['is_not_set present', { key: 'plan', operator: 'is_not_set' }, false],
    // dates (now = 2024-05-08T12:00:00Z)
    ['is_date_before ISO', { key: 'd', value: '2024-05-02', operator: 'is_date_before' }, true],
    ['is_date_after ISO', { key: 'd', value: '2024-05-02', operator: 'is_date_after' }, false],
    ['is_date_after relative -7d', { key: 'recent', value: '-7d', operator: 'is_date_after' }, true],
    ['is_date_before relative -24h', { key: 'recent', value: '-24h', operator: 'is_date_before' }, false],
    ['is_date_before relative -3h', { key: 'recent', value: '-3h', operator: 'is_date_before' }, true],
    ['is_date_exact same day', { key: 'd', value: '2024-05-01', operator: 'is_date_exact' }, true],
    ['is_date_exact other day', { key: 'd', value: '2024-05-02', operator: 'is_date_exact' }, false],
    ['is_date_exact relative -1d', { key: 'day', value: '-1d', operator: 'is_date_exact' }, true],
    ['unix seconds are dates', { key: 'ts', value: '2024-05-01T12:00:00Z', operator: 'is_date_exact' }, true],
    ['a non-date value fails', { key: 'plan', value: '-7d', operator: 'is_date_after' }, false],
    // person
    ['person exact', { key: 'email', value: 'ada@example.com', type: 'person' }, true],
    ['person numeric', { key: 'age', value: 30, operator: 'gt', type: 'person' }, true],
    ['person key is not an event key', { key: 'plan', value: 'pro', type: 'person' }, false],
  ])('%s', (_name, filter, expected) => {
    expect(holds(filter)).toBe(expected);
  });

  it.each<[string, PropertyFilter, boolean]>([
    ['positive: missing person means missing key', { key: 'email', value: 'ada@example.com', type: 'person' }, false],
    ['negative: missing person means missing key', { key: 'email', value: 'x', operator: 'is_not', type: 'person' }, true],
    ['is_not_set with no person', { key: 'email', operator: 'is_not_set', type: 'person' }, true],
  ])('without a person: %s', (_name, filter, expected) => {
    expect(compileAction({ steps: [{ properties: [filter] }] }).matches(ev)).toBe(expected);
  });

  it('filters are AND-ed', () => {
    const a = compileAction({ steps: [{ properties: [{ key: 'plan', value: 'pro' }, { key: 'n', value: 6, operator: 'gte' }] }] });
    expect(a.matches(ev)).toBe(false);
  });
});

describe('element filters behave like the step fields', () => {
  const link = event(LINK);
  it.each<[string, PropertyFilter, boolean]>([
    ['selector', { key: 'selector', value: 'form > button', type: 'element' }, true],
    ['selector list value = any of', { key: 'selector', value: ['nav', '#go'], type: 'element' }, true],
    ['selector is_not', { key: 'selector', value: '#go', operator: 'is_not', type: 'element' }, false],
    ['text exact', { key: 'text', value: 'Sign up', type: 'element' }, true],
    ['text icontains', { key: 'text', value: 'SIGN', operator: 'icontains', type: 'element' }, true],
    ['text regex', { key: 'text', value: 'up$', operator: 'regex', type: 'element' }, true],
    ['text not_regex', { key: 'text', value: 'up$', operator: 'not_regex', type: 'element' }, false],
    ['text is_set', { key: 'text', operator: 'is_set', type: 'element' }, true],
    ['href is_not_set', { key: 'href', operator: 'is_not_set', type: 'element' }, true],
    ['tag_name exact, case-insensitive', { key: 'tag_name', value: 'FORM', type: 'element' }, true],
    ['tag_name is_not', { key: 'tag_name', value: ['a', 'nav'], operator: 'is_not', type: 'element' }, true],
  ])('%s', (_name, filter, expected) => {
    expect(holds(filter)).toBe(expected);
  });

  it('href on a link event', () => {
    expect(holds({ key: 'href', value: '/product/', operator: 'icontains', type: 'element' }, person, link)).toBe(true);
  });
});
