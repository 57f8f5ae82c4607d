// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { ActionValidationError, compileAction, matchesChain, parseSelector } from '../../src/actions';
import { parseElementsChain, serializeElementsChain } from '../../src/events/elements-chain';
import type { ChainElement } from '../../src/events/types';
import { event, LINK, NESTED, SIGNUP } from '../support/action-chains';

// Evaluate against the chain as stored (serialized, then parsed), like real events.
const stored = (c: ChainElement[]) => parseElementsChain(serializeElementsChain(c));

describe('selectors match the chain like closest()', () => {
  it.each<[string, boolean]>([
    // type and universal
    ['button', true], ['BUTTON', true], ['span', true], ['body', true], ['a', false], ['*', true],
    // id
    ['#go', true], ['#Go', false], ['button#go', true], ['#go.btn', true], ['#nope', false], ['span#go', false],
    // class: whole tokens, case-sensitive, escapes
    ['.btn', true], ['.bt', false], ['.btn-primary', true], ['.BTN', false], ['.btn.btn-primary', true], ['.btn.missing', false],
    ['.md\\:flex', true], ['.w-1\\/2', true], ['#\\67 o', true], ['.\\62 tn', true], ['.\\000062tn', true],
    // attributes
    ['[type]', true], ['[missing]', false], ['[type=submit]', true], ['[type="submit"]', true], ["[type='submit']", true],
    ['[type=SUBMIT]', true], ['[data-track="SIGN UP"]', false], ['[data-track="SIGN UP" i]', true], ['[data-track="SIGN UP"  I ]', true],
    ['[data-track~=up]', true], ['[data-track~="sign up"]', false], ['[data-track~=sig]', false],
    ['[lang|=en]', true], ['[lang|=en-US]', true], ['[lang|=e]', false],
    ['[aria-label^=Go]', true], ['[aria-label$=now]', true], ['[aria-label*="o n"]', true], ['[aria-label^=""]', false], ['[aria-label*=xyz]', false],
    ['[data-x]', true], ['[data-x=""]', true], ['[class~=btn-primary]', true], ['[id=go]', true], ['[ID=go]', true], ['[href]', false],
    ['[ type = "submit" ]', true],
    // positions
    ['button:nth-child(3)', true], ['button:nth-child(2)', false], ['button:nth-child(odd)', true], ['button:nth-child(even)', false],
    ['button:nth-child(2n+1)', true], ['button:nth-child(-n+3)', true], ['button:nth-child(-n+2)', false], ['button:nth-child(n+4)', false],
    ['button:nth-child( 2n + 1 )', true], ['button:NTH-CHILD(2N-1)', true], ['button:nth-child(0n+3)', true],
    ['button:nth-of-type(2)', true], ['button:first-of-type', false], ['span:first-child', true], ['span:first-of-type', true],
    ['div:nth-of-type(4)', true], ['div:nth-child(5)', true], ['main:first-child', false],
    // combinators
    ['main button', true], ['main > button', false], ['form > button', true], ['div > form > button > span', true],
    ['div form span', true], ['main > div button', true], ['body > main > div > form', true], ['main  >  div', true],
    ['form div', false], ['span button', false], ['main > form', false], ['div.card > form.signup-form', true], ['body main span', true],
    // lists
    ['a, button', true], ['a, p', false], ['a,span', true], ['p , #go', true],
  ])('%s → %s', (selector, expected) => {
    expect(matchesChain(parseSelector(selector), stored(SIGNUP))).toBe(expected);
  });

  it.each<[string, boolean]>([
    ['div.a > div.b span', true], // needs backtracking past the first div.b
    ['div.a > div.b > span', false],
    ['section > div.b span', true],
    ['div.a div.b div.b span', true],
    ['div.a > section', false],
    ['div.b > div.b', false],
    ['div.a div.a span', false],
  ])('nested %s → %s', (selector, expected) => {
    expect(matchesChain(parseSelector(selector), stored(NESTED))).toBe(expected);
  });

  it.each<[string, boolean]>([
    ['strong[href]', false], // the href was copied from the link; the <strong> has none on the page
    ['a[href]', true],
    ['[href="/product/1"]', true], // the link matches
    ['strong', true],
  ])('href copied from a link: %s → %s', (selector, expected) => {
    expect(matchesChain(parseSelector(selector), stored(LINK))).toBe(expected);
  });

  it('an event without a chain never matches a selector', () => {
    expect(compileAction({ steps: [{ selector: '*' }] }).matches(event(null))).toBe(false);
  });
});

describe('unsupported or unparsable selectors are validation errors naming the part', () => {
  it.each<[string, RegExp]>([
    ['button + span', /'\+' combinator is not supported — the chain holds no sibling information/],
    ['a ~ b', /'~' combinator/],
    ['a || b', /'\|\|' combinator/],
    ['a:not(.x)', /':not\(\)' is not supported/],
    ['a:has(b)', /':has\(\)' is not supported/],
    ['li:last-child', /':last-child' is not supported — the chain records no following siblings/],
    ['a:hover', /':hover' is not supported — stored events carry no hover state/],
    ['a::before', /'::before' is not supported — pseudo-elements/],
    ['a:before', /':before' is not supported — pseudo-elements/],
    ['a:nth-child(2n of .x)', /of/],
    ['a:nth-last-child(2)', /nth-last-child/],
    ['a:nth-child(x)', /expected An\+B/],
    ['a:nth-child(2 n)', /expected An\+B/],
    [':root', /':root' is not supported/],
    ['div:empty', /':empty' is not supported/],
    ['', /blank/],
    ['a,', /expected a selector/],
    ['> a', /starts with a combinator/],
    ['a >', /expected a selector/],
    ['[a', /expected '\]'/],
    ['[a="x]', /string .* is not closed/],
    ['#1a', /expected an id/],
    ['.', /expected a class name/],
    ['a[b=1]', /expected an attribute value/],
    ['a[b=c s]', /' s' attribute flag is not supported/],
    ['svg|rect', /namespaces/],
    ['a /* c */', /comments/],
    ['a)', /expected/],
    ['.md:flex', /':flex' is not supported/], // unescaped Tailwind class: the browser rejects it too
  ])('%j', (selector, message) => {
    let error: unknown;
    try {
      parseSelector(selector);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ActionValidationError);
    expect((error as ActionValidationError).path).toBe('');
    expect((error as Error).message).toMatch(message);
  });
});

describe('attribute names compare case-insensitively, as in Chromium (SVG included)', () => {
  const svg: ChainElement[] = [
    { tag_name: 'svg', attr_class: [], nth_child: 1, nth_of_type: 1, attributes: { attr__viewBox: '0 0 24 24', attr__fill: 'red' } },
    { tag_name: 'body', attr_class: [], nth_child: 2, nth_of_type: 1, attributes: {} },
  ];
  it.each<[string, boolean]>([
    ['[viewBox]', true], ['[viewbox]', true], ['[VIEWBOX="0 0 24 24"]', true], ['svg[FILL]', true], ['[fill=RED]', false], ['SVG', true],
  ])('%s → %s', (selector, expected) => {
    expect(matchesChain(parseSelector(selector), stored(svg))).toBe(expected);
  });
});
