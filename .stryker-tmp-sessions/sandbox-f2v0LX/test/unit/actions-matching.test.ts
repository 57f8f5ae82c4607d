// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { chainOf, compileAction, compileStringMatcher } from '../../src/actions';
import type { ActionStep } from '../../src/actions/types';
import type { CaptureEvent } from '../../src/events/types';
import { event, node, SIGNUP } from '../support/action-chains';

const signup = (over: Parameters<typeof event>[1] = {}) => event(SIGNUP, over);
const quoted = event([node('button', { text: 'Say "hi"', attrs: { title: 'a\\b' } }), node('body', { nth: [2, 1] })]);
const link = event([
  node('a', { href: 'https://shop.test/Product/1?ref=home', text: 'Blue mug' }),
  node('body', { nth: [2, 1] }),
]);
const noUrl = event(SIGNUP, { props: { $current_url: undefined } });
const rage = event(SIGNUP, { event: '$rageclick' });

describe('step conditions (spec: Matching)', () => {
  it.each<[string, ActionStep, CaptureEvent, boolean]>([
    // event
    ['event equal', { event: '$autocapture' }, signup(), true],
    ['event differs', { event: '$pageview' }, signup(), false],
    ['event is case-sensitive', { event: '$Autocapture' }, signup(), false],
    ['event "" = any', { event: '' }, event(null, { event: '$pageview' }), true],
    ['event null = any', { event: null }, event(null, { event: 'custom' }), true],
    ['no condition matches everything', {}, event(null, { event: 'x' }), true],
    // url: contains = case-sensitive LIKE
    ['url contains', { url: '/pricing' }, signup(), true],
    ['url contains is case-sensitive', { url: '/Pricing' }, signup(), false],
    ['url contains: % is any run', { url: 'shop%pricing' }, signup(), true],
    ['url contains: _ is one character', { url: '/pric_ng' }, signup(), true],
    ['url contains: _ is exactly one', { url: '/pric_g' }, signup(), false],
    ['url contains: \\% is a literal %', { url: 'a\\%b' }, event(SIGNUP, { props: { $current_url: 'https://x.test/a%b' } }), true],
    ['url contains: \\% does not match other characters', { url: 'a\\%b' }, event(SIGNUP, { props: { $current_url: 'https://x.test/axb' } }), false],
    ['url exact', { url: 'https://shop.test/pricing?plan=pro', url_matching: 'exact' }, signup(), true],
    ['url exact is whole-string', { url: 'https://shop.test/pricing', url_matching: 'exact' }, signup(), false],
    ['url regex is an unanchored search', { url: 'pricing\\?plan=(pro|team)', url_matching: 'regex' }, signup(), true],
    ['url regex anchored by the pattern', { url: '^/pricing', url_matching: 'regex' }, signup(), false],
    ['url regex is case-sensitive', { url: 'PRICING', url_matching: 'regex' }, signup(), false],
    ['url regex (?i)', { url: '(?i)PRICING', url_matching: 'regex' }, signup(), true],
    ['url set but event has no $current_url', { url: 'shop' }, noUrl, false],
    // text: exact (default), contains = ILIKE, regex
    ['text exact on clicked element', { text: 'Sign up' }, signup(), true],
    ['text exact is case-sensitive', { text: 'sign up' }, signup(), false],
    ['text exact after unescaping quotes', { text: 'Say "hi"' }, quoted, true],
    ['text contains is case-insensitive', { text: 'SIGN', text_matching: 'contains' }, signup(), true],
    ['text contains with _', { text: 's_gn', text_matching: 'contains' }, signup(), true],
    ['text contains miss', { text: 'log', text_matching: 'contains' }, signup(), false],
    ['text regex', { text: '^Sign', text_matching: 'regex' }, signup(), true],
    ['text regex miss', { text: '^up', text_matching: 'regex' }, signup(), false],
    ['text on an ancestor counts', { text: 'Blue mug' }, link, true],
    // href
    ['href exact', { href: 'https://shop.test/Product/1?ref=home' }, link, true],
    ['href exact miss', { href: '/Product/1' }, link, false],
    ['href contains is case-insensitive', { href: '/product/', href_matching: 'contains' }, link, true],
    ['href regex', { href: 'Product/\\d+', href_matching: 'regex' }, link, true],
    ['href with no link in the chain', { href: 'x', href_matching: 'contains' }, signup(), false],
    // tag_name
    ['tag_name case-insensitive', { tag_name: 'BUTTON' }, signup(), true],
    ['tag_name on an ancestor', { tag_name: 'main' }, signup(), true],
    ['tag_name miss', { tag_name: 'a' }, signup(), false],
    // selector
    ['selector', { selector: 'main button.signup, form .btn-primary' }, signup(), true],
    ['selector applies to any event with a chain ($rageclick)', { selector: '#go' }, rage, true],
    ['selector miss', { selector: 'nav a' }, signup(), false],
    // several conditions: AND
    ['all conditions hold', { event: '$autocapture', url: '/pricing', selector: '#go', text: 'Sign up', tag_name: 'form' }, signup(), true],
    ['one condition fails', { event: '$autocapture', url: '/pricing', selector: '#go', text: 'Log in' }, signup(), false],
  ])('%s', (_name, step, ev, expected) => {
    const action = compileAction({ steps: [step] });
    expect(action.matches(ev)).toBe(expected);
    expect(action.explain(ev)[0].matched).toBe(expected);
  });

  it.each<[string, ActionStep[], boolean]>([
    ['steps are OR-ed: second matches', [{ event: '$pageview' }, { selector: '#go' }], true],
    ['steps are OR-ed: none matches', [{ event: '$pageview' }, { selector: '#nope' }], false],
  ])('%s', (_name, steps, expected) => {
    expect(compileAction({ steps }).matches(signup())).toBe(expected);
  });
});

describe('compileStringMatcher', () => {
  it.each<['url' | 'text' | 'href', string, 'exact' | 'contains' | 'regex', string, boolean]>([
    ['url', '100%', 'contains', 'x100y', true],
    ['url', 'a%b%c', 'contains', 'xxaYYbZZcxx', true],
    ['url', 'a%b%c', 'contains', 'xxaYYcZZbxx', false],
    ['url', '_', 'contains', '', false],
    ['url', '__', 'contains', '😀', false], // one emoji is one character
    ['url', '_', 'contains', '😀', true],
    ['text', 'ÉTÉ', 'contains', 'un été', true],
    ['text', 'a\\\\b', 'contains', 'A\\B', true],
    ['href', '', 'exact', '', true],
    ['text', '%%%%%%%%%%%%%%%%%%%%b', 'contains', 'a'.repeat(20000), false], // no catastrophic backtracking
    ['text', '(a+)+$', 'regex', 'a'.repeat(5000) + '!', false], // RE2: linear time
  ])('%s %j %s %j → %s', (field, pattern, mode, subject, expected) => {
    expect(compileStringMatcher(field, pattern, mode, 'x').test(subject)).toBe(expected);
  });
});

describe('explain says why, in words', () => {
  it.each<[string, ActionStep, CaptureEvent, string, boolean, RegExp]>([
    ['text exact miss', { text: 'Log in' }, signup(), 'text', false, /text 'Sign up' ≠ 'Log in' \(exact\)/],
    ['text pass', { text: 'Sign up' }, signup(), 'text', true, /text 'Sign up' of the clicked <span> = 'Sign up' \(exact\)/],
    ['selector miss', { selector: 'main button.signup' }, signup(), 'selector', false, /no element of the chain matches `main button.signup`/],
    ['selector pass names the element', { selector: 'form' }, signup(), 'selector', true, /<form> \(2 levels above the clicked element\) matches `form`/],
    ['url miss', { url: '/about' }, signup(), 'url', false, /url 'https:\/\/shop.test\/pricing\?plan=pro' does not contain '\/about'/],
    ['url missing', { url: '/about' }, noUrl, 'url', false, /no \$current_url/],
    ['event miss', { event: '$pageview' }, signup(), 'event', false, /event '\$autocapture' ≠ '\$pageview'/],
    ['tag miss', { tag_name: 'a' }, signup(), 'tag_name', false, /no element of the chain is a <a> \(tags: span < button < form < div < main < body\)/],
    ['no chain', { selector: 'a' }, event(null), 'selector', false, /the event has no elements chain/],
    ['property missing', { properties: [{ key: 'plan', value: 'pro' }] }, signup(), 'properties[0]', false, /event property 'plan' is not set/],
    ['property mismatch', { properties: [{ key: 'plan', value: 'pro' }] }, signup({ props: { plan: 'free' } }), 'properties[0]', false, /'plan' is 'free', which fails "equals 'pro'"/],
  ])('%s', (_name, step, ev, condition, passed, reason) => {
    const [explained] = compileAction({ steps: [step] }).explain(ev);
    const c = explained.conditions.find((x) => x.condition === condition);
    expect(c?.passed).toBe(passed);
    expect(c?.reason).toMatch(reason);
  });

  it('a step with no condition says so', () => {
    expect(compileAction({ steps: [{}] }).explain(signup())[0].conditions[0].reason).toMatch(/sets no condition/);
  });
});

describe('chainOf caches parsed chains', () => {
  it('parses once per event object and once per chain string', () => {
    const a = signup();
    const b = signup(); // another object, same chain string
    expect(chainOf(a)).toBe(chainOf(a));
    expect(chainOf(b)).toBe(chainOf(a));
    expect(chainOf(a)[1].attr_id).toBe('go');
  });

  it('notices a changed chain string on the same event', () => {
    const e = signup();
    const first = chainOf(e);
    e.properties.$elements_chain = 'a:nth-child="1"nth-of-type="1"';
    expect(chainOf(e)).not.toBe(first);
    expect(chainOf(e)[0].tag_name).toBe('a');
  });

  it('gives an empty chain for events without one', () => {
    expect(chainOf(event(null))).toEqual([]);
  });
});
