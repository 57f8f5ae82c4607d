import { describe, expect, it } from 'vitest';
import { compileAction, defaultMatching, validateAction } from '../../src/actions';
import type { ActionStep, PropertyFilter } from '../../src/actions/types';
import type { CaptureEvent, ChainElement } from '../../src/events/types';
import { event, node, SIGNUP } from '../support/action-chains';

// Explanations and edge semantics of chain conditions (text / href / tag_name / element filters),
// property filters and string matchers: the words the toolbar shows must name the actual test.

const NOW = Date.parse('2024-05-08T12:00:00Z');
const ev = event(SIGNUP, { props: { plan: 'pro', d: '2024-05-01T12:00:00Z' } });
const explainOne = (step: ActionStep, e: CaptureEvent = ev) => compileAction({ steps: [step] }, { now: () => NOW }).explain(e)[0].conditions[0];
const filter = (f: PropertyFilter): ActionStep => ({ properties: [f] });
const el = (f: PropertyFilter): ActionStep => filter({ ...f, type: 'element' });

/** A chain of <span>s with the given texts (clicked element first). */
const texts = (...t: string[]): CaptureEvent => event(t.map((text) => node('span', { text })));

/** A link whose href is only in attr__href (no href field), as older chains record it. */
const attrHrefOnly = (href: string): CaptureEvent => {
  const a: ChainElement = node('a');
  a.attributes.attr__href = href;
  return event([a, node('body')]);
};

describe('chain string conditions: explanations list what the chain has', () => {
  it.each<[string, ActionStep, CaptureEvent, boolean, string]>([
    ['one distinct value, two wanted values: all negations joined with "and"',
      el({ key: 'text', value: ['Log in', 'Buy'] }), ev, false, "text 'Sign up' ≠ 'Log in' (exact) and ≠ 'Buy' (exact)"],
    ['two distinct values: the chain list, not the single-value form',
      { text: 'z' }, texts('a', 'b'), false, "no text in the chain = 'z' (exact) (texts: 'a', 'b')"],
    ['two wanted values are joined with "or"',
      el({ key: 'text', value: ['y', 'z'] }), texts('a', 'b'), false, "no text in the chain = 'y' (exact) or = 'z' (exact) (texts: 'a', 'b')"],
    ['exactly five values: all listed, no ellipsis',
      { text: 'z' }, texts('t1', 't2', 't3', 't4', 't5'), false, "no text in the chain = 'z' (exact) (texts: 't1', 't2', 't3', 't4', 't5')"],
    ['six values: the first five and an ellipsis',
      { text: 'z' }, texts('t1', 't2', 't3', 't4', 't5', 't6'), false, "no text in the chain = 'z' (exact) (texts: 't1', 't2', 't3', 't4', 't5', …)"],
    ['repeated values are listed once',
      { text: 'z' }, texts('a', 'a', 'b'), false, "no text in the chain = 'z' (exact) (texts: 'a', 'b')"],
    ['two wanted tags are joined with "or"',
      el({ key: 'tag_name', value: ['a', 'IMG'] }), ev, false, 'no element of the chain is a <a> or <img> (tags: span < button < form < div < main < body)'],
    ['tag_name icontains is labelled "tag"',
      el({ key: 'tag_name', value: 'ORM', operator: 'icontains' }), ev, true, "tag 'form' of <form> (2 levels above the clicked element) contains 'ORM' (case-insensitive)"],
    ['text icontains is labelled "text"',
      el({ key: 'text', value: 'SIGN', operator: 'icontains' }), ev, true, "text 'Sign up' of the clicked <span> contains 'SIGN' (case-insensitive)"],
    ['text contains miss names the negation',
      { text: 'log%', text_matching: 'contains' }, ev, false, "text 'Sign up' does not contain 'log%' (case-insensitive)"],
    ['regex pass', { text: '^Sign', text_matching: 'regex' }, ev, true, "text 'Sign up' of the clicked <span> matches /^Sign/"],
    ['regex miss', { text: '^x', text_matching: 'regex' }, ev, false, "text 'Sign up' does not match /^x/"],
    ['url contains is case-sensitive, so no case remark', { url: '/about' }, ev, false, "url 'https://shop.test/pricing?plan=pro' does not contain '/about'"],
    ['url contains pass', { url: 'pricing', url_matching: 'contains' }, ev, true, "url 'https://shop.test/pricing?plan=pro' contains 'pricing'"],
    ['element is_set names the element', el({ key: 'text', operator: 'is_set' }), ev, true, "text 'Sign up' of the clicked <span> is set"],
    ['an empty href does not count as set', el({ key: 'href', operator: 'is_set' }), attrHrefOnly(''), false, 'no element of the chain has a href'],
  ])('%s', (_name, step, e, passed, reason) => {
    const c = explainOne(step, e);
    expect(c.passed).toBe(passed);
    expect(c.reason).toBe(reason);
  });
});

describe('chain fields', () => {
  it.each<[string, ActionStep, CaptureEvent, boolean]>([
    ['href read from attr__href when the chain has no href field', { href: '/x' }, attrHrefOnly('/x'), true],
    ['href element filter from attr__href', el({ key: 'href', value: '/x' }), attrHrefOnly('/x'), true],
    ['href is_set from attr__href', el({ key: 'href', operator: 'is_set' }), attrHrefOnly('/x'), true],
    ['empty href is not set', el({ key: 'href', operator: 'is_set' }), attrHrefOnly(''), false],
    ['empty href: is_not_set holds', el({ key: 'href', operator: 'is_not_set' }), attrHrefOnly(''), true],
  ])('%s', (_name, step, e, expected) => {
    expect(compileAction({ steps: [step] }).matches(e)).toBe(expected);
  });
});

describe('property filter explanations, exact wording', () => {
  it.each<[string, PropertyFilter, string]>([
    ['absolute date: no instant appended', { key: 'd', value: '2024-05-02', operator: 'is_date_before' }, "event property 'd' is '2024-05-01T12:00:00Z', which is a date before 2024-05-02"],
    ['absolute date with time', { key: 'd', value: '2024-04-30T00:00:00Z', operator: 'is_date_after' }, "event property 'd' is '2024-05-01T12:00:00Z', which is a date after 2024-04-30T00:00:00Z"],
    ['missing key, positive operator: no remark', { key: 'nope', value: 'x', operator: 'icontains' }, "event property 'nope' is not set"],
  ])('%s', (_name, f, reason) => {
    expect(explainOne(filter(f)).reason).toBe(reason);
  });

  it('an unknown operator lists every operator', () => {
    const [e] = validateAction({ steps: [{ properties: [{ key: 'plan', value: 'x', operator: 'like' }] }] });
    expect(e.message).toBe(
      "steps[0].properties[0].operator: unknown operator 'like' — expected one of exact, is_not, icontains, not_icontains, regex, not_regex, gt, gte, lt, lte, is_set, is_not_set, is_date_before, is_date_after, is_date_exact",
    );
  });

  it('an invalid regex names the RE2 problem without its "error parsing regexp" prefix', () => {
    const [e] = validateAction({ steps: [{ text: '(', text_matching: 'regex' }] });
    expect(e.message).toContain("'(' is not a valid RE2 regular expression (missing closing ): `(`);");
  });
});

describe('compilation only records validation errors', () => {
  it.each<[string, () => unknown]>([
    ['a plain Error', () => new Error('boom')],
    ['a TypeError', () => new TypeError('boom')],
  ])('%s thrown while compiling a filter propagates', (_name, make) => {
    const f = { key: 'plan', operator: 'exact', type: 'event', get value(): unknown { throw make(); } };
    expect(() => validateAction({ steps: [{ properties: [f] }] })).toThrow('boom');
  });
});

describe('defaultMatching (spec: url contains, text / href exact)', () => {
  it.each([['url', 'contains'], ['text', 'exact'], ['href', 'exact']] as const)('%s → %s', (field, mode) => {
    expect(defaultMatching(field)).toBe(mode);
  });
});
