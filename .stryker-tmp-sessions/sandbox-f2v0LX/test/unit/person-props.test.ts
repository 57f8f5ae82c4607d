// @ts-nocheck
// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
// posthog-js's own functions (its dependency, shipped with the pinned posthog-js): the oracle.
import { getInitialPersonPropsFromInfo, getPersonPropsFromInfo } from '@posthog/browser-common/utils/event-utils';
import { asPersonInfo, initialPersonProps, personInfoOf, personPropsFromInfo, setOnceProperties, type PersonInfo } from '../../src/autocapture/person-props';

// posthog-js reads `ph_keyword` from the live document.referrer rather than the stored one (none in
// Node); Lasso reads it from the stored referrer. Everything else must be posthog-js's.
const withoutKeyword = (p: Record<string, unknown>) => Object.fromEntries(Object.entries(p).filter(([k]) => !k.endsWith('ph_keyword')));

const INFOS: Array<[string, PersonInfo]> = [
  ['direct, plain page', { r: '$direct', u: 'https://shop.test/' }],
  ['referrer and utm', { r: 'https://blog.test/post?id=1', u: 'https://shop.test/p?utm_source=news&utm_medium=email&utm_campaign=spring+sale' }],
  ['click ids', { r: '$direct', u: 'https://shop.test/?gclid=abc&fbclid=def&_kx=1&mc_cid=9&bfcid=2' }],
  ['encoded and malformed values', { r: '$direct', u: 'https://shop.test/?utm_source=%E2%9C%93&utm_term=%E0%A4%A' }],
  ['empty value and repeated key (first wins)', { r: '$direct', u: 'https://shop.test/?utm_source=&utm_medium=a&utm_medium=b' }],
  ['a hash holds no params', { r: '$direct', u: 'https://shop.test/#utm_source=x' }],
  ['google referrer', { r: 'https://www.google.com/search?q=red+hats', u: 'https://shop.test:8443/hats' }],
  ['yahoo referrer', { r: 'https://search.yahoo.com/search?p=hats', u: 'https://shop.test/' }],
  ['no URL (cookie-trimmed)', { r: 'https://duckduckgo.com/?q=x' }],
];

describe('person properties are posthog-js\'s', () => {
  it.each(INFOS)('%s: getPersonPropsFromInfo', (_n, info) => {
    expect(withoutKeyword(personPropsFromInfo(info))).toEqual(withoutKeyword(getPersonPropsFromInfo(info)));
  });
  it.each(INFOS)('%s: getInitialPersonPropsFromInfo ($initial_*)', (_n, info) => {
    expect(withoutKeyword(initialPersonProps(info))).toEqual(withoutKeyword(getInitialPersonPropsFromInfo(info)));
  });

  it.each<[string, string, string | undefined]>([
    ['https://www.google.com/search?q=red+hats', '$initial_ph_keyword', 'red hats'],
    ['https://search.yahoo.com/search?p=hats&q=no', '$initial_ph_keyword', 'hats'],
    ['https://www.bing.com/search?x=1', '$initial_ph_keyword', undefined],
  ])('search keyword from %s', (r, key, keyword) => {
    expect(initialPersonProps({ r, u: 'https://shop.test/' })[key]).toBe(keyword);
  });
});

describe('setOnceProperties: initial props, then the session entry unprefixed', () => {
  it('holds both, the session entry as posthog-js\'s getSetOnceProps gives it', () => {
    const initial = { r: 'https://blog.test/', u: 'https://shop.test/first?utm_source=blog' };
    const entry = { r: '$direct', u: 'https://shop.test/later' };
    expect(setOnceProperties(initial, entry)).toEqual({ ...getInitialPersonPropsFromInfo(initial), ...getPersonPropsFromInfo(entry) });
    expect(setOnceProperties(initial, undefined)).toEqual(getInitialPersonPropsFromInfo(initial));
  });
});

describe('reading entry info', () => {
  it.each<[string, unknown, PersonInfo | undefined]>([
    ['posthog-js info', { r: '$direct', u: 'https://a.test/' }, { r: '$direct', u: 'https://a.test/' }],
    ['without URL', { r: '$direct' }, { r: '$direct' }],
    ['extra keys dropped', { r: 'x', u: 'y', evil: 1 }, { r: 'x', u: 'y' }],
    ['wrong types', { r: 1 }, undefined],
    ['too long', { r: 'x'.repeat(1001) }, undefined],
    ['null', null, undefined],
  ])('%s', (_n, x, expected) => expect(asPersonInfo(x)).toEqual(expected));

  it.each<[string, string, PersonInfo]>([
    ['https://a.test/x', '', { r: '$direct', u: 'https://a.test/x' }],
    [`https://a.test/${'y'.repeat(2000)}`, 'https://b.test/', { r: 'https://b.test/', u: `https://a.test/${'y'.repeat(2000)}`.slice(0, 1000) }],
  ])('personInfoOf(%s, %s)', (href, referrer, expected) => expect(personInfoOf(href, referrer)).toEqual(expected));
});
