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

describe('every unsupported pseudo-class has its exact reason', () => {
  it.each<[string, string]>([
    // PSEUDO_REASONS: one row per reason
    ['li:last-child', "':last-child' is not supported — the chain records no following siblings"],
    ['li:last-of-type', "':last-of-type' is not supported — the chain records no following siblings"],
    ['li:only-child', "':only-child' is not supported — the chain records no following siblings"],
    ['li:only-of-type', "':only-of-type' is not supported — the chain records no following siblings"],
    ['li:nth-last-child(2)', "':nth-last-child()' is not supported — the chain records no following siblings"],
    ['li:nth-last-of-type(2)', "':nth-last-of-type()' is not supported — the chain records no following siblings"],
    ['div:empty', "':empty' is not supported — the chain records no child nodes"],
    ['a:not(.x)', "':not()' is not supported — negation is not in the supported selector set"],
    ['a:is(.x)', "':is()' is not supported — only plain compound selectors are supported"],
    ['a:where(.x)', "':where()' is not supported — only plain compound selectors are supported"],
    ['a:matches(.x)', "':matches()' is not supported — only plain compound selectors are supported"],
    ['a:has(b)', "':has()' is not supported — the chain records no descendants of the clicked element"],
    [':root', "':root' is not supported — the chain stops at <body>"],
    [':scope', "':scope' is not supported — there is no scoping element for stored events"],
    // STATE: one row per state pseudo-class
    ['a:hover', "':hover' is not supported — stored events carry no hover state"],
    ['a:active', "':active' is not supported — stored events carry no active state"],
    ['a:focus', "':focus' is not supported — stored events carry no focus state"],
    ['a:focus-within', "':focus-within' is not supported — stored events carry no focus-within state"],
    ['a:focus-visible', "':focus-visible' is not supported — stored events carry no focus-visible state"],
    ['a:visited', "':visited' is not supported — stored events carry no visited state"],
    ['a:link', "':link' is not supported — stored events carry no link state"],
    ['a:any-link', "':any-link' is not supported — stored events carry no any-link state"],
    ['a:checked', "':checked' is not supported — stored events carry no checked state"],
    ['a:disabled', "':disabled' is not supported — stored events carry no disabled state"],
    ['a:enabled', "':enabled' is not supported — stored events carry no enabled state"],
    ['a:target', "':target' is not supported — stored events carry no target state"],
    ['a:indeterminate', "':indeterminate' is not supported — stored events carry no indeterminate state"],
    ['a:valid', "':valid' is not supported — stored events carry no valid state"],
    ['a:invalid', "':invalid' is not supported — stored events carry no invalid state"],
    ['a:required', "':required' is not supported — stored events carry no required state"],
    ['a:optional', "':optional' is not supported — stored events carry no optional state"],
    ['a:placeholder-shown', "':placeholder-shown' is not supported — stored events carry no placeholder-shown state"],
    ['a:read-only', "':read-only' is not supported — stored events carry no read-only state"],
    ['a:read-write', "':read-write' is not supported — stored events carry no read-write state"],
    ['a:default', "':default' is not supported — stored events carry no default state"],
    ['a:in-range', "':in-range' is not supported — stored events carry no in-range state"],
    ['a:out-of-range', "':out-of-range' is not supported — stored events carry no out-of-range state"],
    ['a:fullscreen', "':fullscreen' is not supported — stored events carry no fullscreen state"],
    ['a:open', "':open' is not supported — stored events carry no open state"],
    ['a:closed', "':closed' is not supported — stored events carry no closed state"],
    ['a:playing', "':playing' is not supported — stored events carry no playing state"],
    ['a:paused', "':paused' is not supported — stored events carry no paused state"],
    ['a:autofill', "':autofill' is not supported — stored events carry no autofill state"],
    ['a:defined', "':defined' is not supported — stored events carry no defined state"],
    ['a:modal', "':modal' is not supported — stored events carry no modal state"],
    ['a:popover-open', "':popover-open' is not supported — stored events carry no popover-open state"],
    ['a:user-invalid', "':user-invalid' is not supported — stored events carry no user-invalid state"],
    ['a:user-valid', "':user-valid' is not supported — stored events carry no user-valid state"],
    // legacy single-colon pseudo-elements
    ['p:before', "':before' is not supported — pseudo-elements are not elements and are never in the chain"],
    ['p:after', "':after' is not supported — pseudo-elements are not elements and are never in the chain"],
    ['p:first-line', "':first-line' is not supported — pseudo-elements are not elements and are never in the chain"],
    ['p:first-letter', "':first-letter' is not supported — pseudo-elements are not elements and are never in the chain"],
    // anything else
    ['a:foo', "':foo' is not supported — it is not in the supported selector set"],
    ['a:HOVER', "':HOVER' is not supported — stored events carry no hover state"],
  ])('%s', (selector, message) => {
    let error: unknown;
    try {
      parseSelector(selector);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ActionValidationError);
    expect((error as Error).message).toBe(message);
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

describe('HTML attributes whose values compare case-insensitively (each name of the list\'s second line, and of its first)', () => {
  const attrs = ['accept', 'align', 'dir', 'direction', 'disabled', 'enctype', 'face', 'frame', 'hreflang', 'http-equiv', 'lang', 'language', 'link', 'media', 'method', 'multiple', 'nohref'];
  const chain: ChainElement[] = [
    { tag_name: 'form', attr_class: [], nth_child: 1, nth_of_type: 1, attributes: { ...Object.fromEntries(attrs.map((a) => [`attr__${a}`, 'post'])), 'attr__data-method': 'post' } },
    { tag_name: 'body', attr_class: [], nth_child: 2, nth_of_type: 1, attributes: {} },
  ];
  it.each<[string, boolean]>([
    ['[accept=POST]', true],
    ['[align=POST]', true],
    ['[dir=POST]', true],
    ['[direction=POST]', true],
    ['[disabled=POST]', true],
    ['[enctype=POST]', true],
    ['[face=POST]', true],
    ['[frame=POST]', true],
    ['[hreflang=POST]', true],
    ['[http-equiv=POST]', true],
    ['[lang=POST]', true],
    ['[language=POST]', true],
    ['[link=POST]', true],
    ['[media=POST]', true],
    ['[method=POST]', true],
    ['[multiple=POST]', true],
    ['[nohref=POST]', true],
    ['[data-method=POST]', false], // not an HTML attribute of the list: case-sensitive
  ])('%s → %s', (selector, expected) => {
    expect(matchesChain(parseSelector(selector), stored(chain))).toBe(expected);
  });
});
