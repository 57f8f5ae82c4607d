import { describe, expect, it } from 'vitest';
import { ActionValidationError, closestIndex, matchesAt, matchesChain, parseSelector } from '../../src/actions';
import { classBit, classId } from '../../src/actions/selector/match-chain';
import type { ChainElement } from '../../src/events/types';
import { SIGNUP } from '../support/action-chains';

/** A raw chain element (not round-tripped through the chain text), so each lookup field is set on purpose. */
const el = (tag_name: string, o: Partial<ChainElement> = {}): ChainElement => ({ tag_name, attr_class: [], nth_child: 1, nth_of_type: 1, attributes: {}, ...o });

function errorOf(selector: unknown): Error {
  try {
    parseSelector(selector as string);
  } catch (e) {
    expect(e).toBeInstanceOf(ActionValidationError);
    expect((e as ActionValidationError).path).toBe('');
    return e as Error;
  }
  throw new Error(`${JSON.stringify(selector)} parsed`);
}

describe('CSS escapes, strings and preprocessing decode as CSS Syntax 3 says', () => {
  it.each<[string, string]>([
    ['.a\\', 'a\uFFFD'], // backslash at EOF: U+FFFD
    ['.\\0000411', 'A1'], // at most six hex digits
    ['.\\0', '\uFFFD'], // U+0000 is replaced
    ['.\\110000', '\uFFFD'], // past U+10FFFF
    ['.\\10FFFF', '\u{10FFFF}'],
    ['.\\D800', '\uFFFD'], // surrogates are replaced
    ['.\\DFFF', '\uFFFD'],
    ['.\\D7FF', '\uD7FF'],
    ['.\\E000', '\uE000'],
    ['.\\😀x', '😀x'], // escaped astral code point: both halves consumed once
    ['.\\\uFFFFa', '\uFFFFa'],
    ['.a0', 'a0'], ['.A', 'A'], ['.Z', 'Z'], ['._x', '_x'], ['.\u0080', '\u0080'], ['.é', 'é'],
    ['.-a', '-a'], ['.--', '--'], ['.-_', '-_'], ['.-\\31', '-1'],
    ['.a\0', 'a\uFFFD'], // NUL becomes U+FFFD
  ])('%j → class %j', (selector, cls) => {
    expect(parseSelector(selector).selectors[0].compounds[0].classes).toEqual([cls]);
  });

  it.each<[string, string]>([
    ['[a="x\\"y"]', 'x"y'],
    ['[a="x\\\ny"]', 'xy'], // escaped newline: line continuation
    ['[a="\\41"]', 'A'],
    ["[a='it\\'s']", "it's"],
  ])('string %j → value %j', (selector, value) => {
    expect(parseSelector(selector).selectors[0].compounds[0].attrs[0].value).toBe(value);
  });

  it.each<[string, string[]]>([
    ['a\r\nb', ['b', 'a']], ['a\rb', ['b', 'a']], ['a\fb', ['b', 'a']], ['a\tb', ['b', 'a']], ['a\nb', ['b', 'a']],
  ])('whitespace %j is a descendant combinator', (selector, tags) => {
    const sel = parseSelector(selector).selectors[0];
    expect(sel.compounds.map((c) => c.tag)).toEqual(tags);
    expect(sel.combinators).toEqual([' ']);
  });
});

describe('the parsed form', () => {
  it.each<[string, { a: number; b: number; ofType: boolean }]>([
    [':nth-child(even)', { a: 2, b: 0, ofType: false }],
    [':nth-child(odd)', { a: 2, b: 1, ofType: false }],
    [':nth-child(+3)', { a: 0, b: 3, ofType: false }],
    [':nth-child(12)', { a: 0, b: 12, ofType: false }],
    [':nth-child(-2)', { a: 0, b: -2, ofType: false }],
    [':nth-child(2n)', { a: 2, b: 0, ofType: false }],
    [':nth-child(n)', { a: 1, b: 0, ofType: false }],
    [':nth-child(3n)', { a: 3, b: 0, ofType: false }],
    [':nth-child(-2n+3)', { a: -2, b: 3, ofType: false }],
    [':nth-child(2n-1)', { a: 2, b: -1, ofType: false }],
    [':nth-child(2n+10)', { a: 2, b: 10, ofType: false }],
    [':nth-of-type(  3  )', { a: 0, b: 3, ofType: true }],
    [':first-child', { a: 0, b: 1, ofType: false }],
    [':first-of-type', { a: 0, b: 1, ofType: true }],
  ])('%s → %j', (selector, nth) => {
    expect(parseSelector(selector).selectors[0].compounds[0].nth).toEqual([nth]);
  });

  it.each<[string, string[]]>([
    ['a > b', ['>']], ['a b', [' ']], ['a > b c', [' ', '>']], ['a', []],
  ])('%s has combinators %j (right to left)', (selector, combinators) => {
    expect(parseSelector(selector).selectors[0].combinators).toEqual(combinators);
  });

  it('a presence test has an empty value and no operator', () => {
    expect(parseSelector('[data-x]').selectors[0].compounds[0].attrs[0]).toMatchObject({ name: 'data-x', op: '', value: '', folded: '' });
  });

  it('a compound records its tag id, class signature and class ids', () => {
    const c = parseSelector('div.a.b').selectors[0].compounds[0];
    expect(c.tagId).toBeGreaterThanOrEqual(0);
    expect(c.classBits).toBe(classBit('a') | classBit('b'));
    expect(c.classIds).toEqual([classId('a'), classId('b')]);
    expect(parseSelector('*').selectors[0].compounds[0].tagId).toBe(-1);
  });

  it('class signatures are single bits spread over the 32', () => {
    const bits = 'abcdefghijklmnopqrstuvwxyz'.split('').map(classBit);
    for (const b of bits) expect(b !== 0 && (b & (b - 1)) === 0).toBe(true);
    expect(new Set(bits).size).toBeGreaterThan(4);
  });
});

describe('refusals name the problem', () => {
  it.each<[string, string]>([
    ['a)', "cannot parse selector `a)`: expected a selector, a combinator, ',' or the end, found ')' at position 2"],
    ['a >', 'cannot parse selector `a >`: expected a selector, found the end'],
    ['a |b', "'|' is not supported — namespaces are not in the supported selector set"],
    ['svg|rect', "'svg|' is not supported — namespaces"],
    ['*|a', "'*|' is not supported — namespaces"],
    ['a||b', "the '||' combinator is not supported"],
    ['[|a]', 'attribute namespaces are not supported'],
    ['[*|a]', 'attribute namespaces are not supported'],
    ['[ |a]', 'attribute namespaces are not supported'],
    ['[a|b]', 'attribute namespaces are not supported'],
    ['[1]', 'expected an attribute name, found \'1\' at position 2'],
    ['[a="x]', 'the string at position 4 is not closed on its line'],
    ['[a="x\ny"]', 'the string at position 4 is not closed on its line'],
    ['[a="x\\', 'is not closed'],
    ['a[b=c"d"]', "expected ']' to close the attribute selector opened at position 2, found '\"' at position 6"],
    ['a[b', "expected ']' or an operator (= ~= |= ^= $= *=), found the end"],
    ['a::1', "'::' is not supported — pseudo-elements are not elements"],
    ['a::after', "'::after' is not supported — pseudo-elements are not elements"],
    ['a:1', "expected a pseudo-class name after ':', found '1' at position 3"],
    ['a:nth-child(2', "expected ')' to close :nth-child(, found '(' at position 12"],
    ['a:nth-child(2n of .x)', "':nth-child(… of …)' is not supported — only An+B is"],
    ['a:nth-of-type(x)', "':nth-of-type(x)' is not valid — expected An+B"],
    ['a:foo', "':foo' is not supported — it is not in the supported selector set"],
    ['a:FOCUS', "':FOCUS' is not supported — stored events carry no focus state"],
    ['a:is(b)', "':is()' is not supported — only plain compound selectors are supported"],
    ['.a\\\nb', "expected a selector, a combinator, ',' or the end, found '\\' at position 3"], // backslash-newline is no escape
    ['.-1', "expected a class name after '.', found '-' at position 2"], // '-' then a digit starts no identifier
    ['.-', "expected a class name after '.', found '-' at position 2"],
    ['.-\\\n', "expected a class name after '.', found '-' at position 2"],
    ['   ', 'the selector is blank'],
    ['\n\t', 'the selector is blank'],
  ])('%j', (selector, message) => {
    expect(errorOf(selector).message).toContain(message);
  });

  it.each<[unknown]>([[123], [null], [undefined], [{}]])('a non-string %j', (value) => {
    expect(errorOf(value).message).toBe('a selector must be a string');
  });

  it.each<[string, string]>([
    ['div '.repeat(19) + 'div)', '`' + 'div '.repeat(19) + 'div)`'], // 80 characters: shown whole
    ['div '.repeat(20) + ')', '`' + 'div '.repeat(19) + 'd…`'], // 81: cut to 77 and an ellipsis
  ])('long selectors are shown cut: %j', (selector, shown) => {
    expect(errorOf(selector).message).toContain(shown);
  });
});

describe('matching edge cases on the SIGNUP chain', () => {
  it.each<[string, boolean]>([
    ['main:nth-child(even)', true], ['button:nth-child(+3)', true], ['button:nth-child(  3  )', true],
    ['button:nth-child(3n)', true], ['button:nth-child(2n)', false], ['div:nth-child(-2n+5)', true], ['div:nth-child(-2n+4)', false],
    ['button:nth-of-type(2n-2)', true], ['div:nth-child(2n+10)', false], ['button:nth-child(-n+2)', false],
    ['[aria-label^=now]', false], ['[aria-label$=Go]', false], ['[aria-label$=""]', false], ['[aria-label*=""]', false],
    ['[aria-label$=now]', true], ['[aria-label^=Go]', true], ['[aria-label*=o]', true],
    ['[data-x~=""]', false], ['[data-x=""]', true], ['[data-x^=""]', false],
    ['[lang] > body', false], ['[lang] body', false], ['.card > body', false], ['body > main', true],
    ['a, button', true], ['a, .nope, #go', true], ['[href]', false], ['span[href]', false],
  ])('%s → %s', (selector, expected) => {
    expect(matchesChain(parseSelector(selector), SIGNUP)).toBe(expected);
  });

  it.each<[string, number, boolean]>([
    ['button', 1, true], ['button', 0, false], ['a, button', 1, true], ['span, a', 1, false], ['form button', 1, true],
    ['form > button', 0, false], ['span', 0, true],
  ])('matchesAt(%s, %i) → %s', (selector, index, expected) => {
    expect(matchesAt(parseSelector(selector), SIGNUP, index)).toBe(expected);
  });

  it.each<[string, number]>([['form', 2], ['*', 0], ['a', -1], ['.card, main', 3], ['main, .card', 3], ['body', 5]])('closestIndex(%s) → %i', (selector, index) => {
    expect(closestIndex(parseSelector(selector), SIGNUP)).toBe(index);
  });
});

describe('attribute lookups on chain elements', () => {
  const LONG = '/p?' + 'x'.repeat(1100);
  const CUT = LONG.slice(0, 1024) + '...';
  const chains: Record<string, ChainElement[]> = {
    // attr_id set, no attr__id
    idField: [el('button', { attr_id: 'go' }), el('body')],
    // classes only in attr_class (sorted); no class attribute
    classField: [el('button', { attr_class: ['a', 'b'] }), el('body')],
    // class attribute in page order, attr_class sorted
    classAttr: [el('button', { attr_class: ['a', 'b'], attributes: { attr__class: 'b a' } }), el('body')],
    // href only in the href field
    hrefField: [el('a', { href: '/x' }), el('body')],
    // a <strong> with its own href and no link above it
    ownHref: [el('strong', { attributes: { attr__href: '/own' } }), el('div'), el('body')],
    // inside a link to another address
    otherLink: [el('strong', { attributes: { attr__href: '/own' } }), el('a', { attributes: { attr__href: '/other' } }), el('body')],
    // a div (not a link) above with the same href
    divSameHref: [el('strong', { attributes: { attr__href: '/p' } }), el('div', { attributes: { attr__href: '/p' } }), el('body')],
    // long href copied from the link, whose stored value was cut to 1024 + '...'
    longCut: [el('strong', { attributes: { attr__href: LONG } }), el('a', { attributes: { attr__href: CUT } }), el('body')],
    // long href copied from the link, stored whole on both
    longWhole: [el('strong', { attributes: { attr__href: LONG } }), el('a', { attributes: { attr__href: LONG } }), el('body')],
    // a link nested in a link with the same href: the inner link's href is its own
    nestedLinks: [el('a', { attr_class: ['inner'], attributes: { attr__href: '/p' } }), el('a', { attributes: { attr__href: '/p' } }), el('body')],
    // upper-case attribute-name letters at both ends of A–Z
    upperA: [el('div', { attributes: { attr__xA: '1' } }), el('body')],
    upperZ: [el('div', { attributes: { attr__xZ: '1' } }), el('body')],
    // no recorded positions
    noPositions: [{ tag_name: 'span', attr_class: [], attributes: {} }, el('body')],
  };
  it.each<[string, string, boolean]>([
    ['idField', '#go', true], ['idField', '[id=go]', true],
    ['classField', '[class~=b]', true], ['classField', '[class="a b"]', true], ['classField', '[class]', true],
    ['classAttr', '[class^=b]', true], ['classAttr', '[class="b a"]', true],
    ['hrefField', 'a[href]', true], ['hrefField', '[href="/x"]', true],
    ['ownHref', 'strong[href]', true], ['otherLink', 'strong[href="/own"]', true], ['divSameHref', 'strong[href]', true],
    ['longCut', 'strong[href]', false], ['longCut', 'a[href]', true], ['longWhole', 'strong[href]', false],
    ['nestedLinks', '.inner[href]', true],
    ['upperA', '[xa]', true], ['upperA', '[XA="1"]', true], ['upperZ', '[xz]', true],
    ['noPositions', 'span:first-child', false], ['noPositions', 'span:first-of-type', false], ['noPositions', 'span', true],
  ])('%s: %s → %s', (chain, selector, expected) => {
    expect(matchesChain(parseSelector(selector), chains[chain])).toBe(expected);
  });
});

describe('class ids are compared within each element only', () => {
  // 'primary' and 'hidden' share a signature bit, so only the id comparison tells them apart.
  const chain = [el('div', { attr_class: ['hidden'] }), el('div', { attr_class: ['primary'] }), el('body')];
  const reversed = [el('div', { attr_class: ['primary'] }), el('div', { attr_class: ['hidden'] }), el('body')];
  it.each<[string, ChainElement[], number, boolean]>([
    ['.primary', chain, 0, false], ['.primary', chain, 1, true], ['.hidden', chain, 0, true],
    ['.primary', reversed, 1, false], ['.primary', reversed, 0, true], ['.hidden', reversed, 1, true],
  ])('%s at %i', (selector, c, index, expected) => {
    expect(classBit('primary')).toBe(classBit('hidden'));
    expect(matchesAt(parseSelector(selector), c, index)).toBe(expected);
  });
});
