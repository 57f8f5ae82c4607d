// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DATA_ATTRIBUTES, ariaDrafts, classDrafts, dataAttributeDrafts, hrefDrafts, matchingDataAttributes, splitStableClasses } from '../../src/selectors/drafts';

const first = (html: string) => {
  document.body.innerHTML = html;
  return document.body.firstElementChild!;
};

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('matchingDataAttributes', () => {
  it.each([
    ['pattern order, not attribute order', '<div data-testid="a" data-attr="b"></div>', DEFAULT_DATA_ATTRIBUTES, ['data-attr', 'data-testid']],
    ['a prefix pattern matches longer names', '<div data-ph-capture-attribute-color="red"></div>', ['data-ph-capture-attribute-*'], ['data-ph-capture-attribute-color']],
    ['a prefix pattern needs something after the prefix', '<div data-ph-capture-attribute-="red"></div>', ['data-ph-capture-attribute-*'], []],
    ['an exact pattern is not a prefix', '<div data-attrs="x" data-attr-x="y"></div>', ['data-attr'], []],
  ])('%s', (_, html, patterns, expected) => {
    expect(matchingDataAttributes(first(html), patterns)).toEqual(expected);
  });
});

describe('dataAttributeDrafts', () => {
  it.each([
    ['a plain value', '<button data-attr="add-to-cart"></button>', [{ kind: 'data-attribute', selector: '[data-attr="add-to-cart"]', via: 'data-attr', generatedTokens: [] }]],
    ['a generated value is used, but said', '<button data-testid="a8f3k2j9x7q1"></button>', [{ kind: 'data-attribute', selector: '[data-testid="a8f3k2j9x7q1"]', via: 'data-testid', generatedTokens: ['a8f3k2j9x7q1'] }]],
  ])('%s', (_, html, expected) => {
    expect(dataAttributeDrafts(first(html), DEFAULT_DATA_ATTRIBUTES)).toStrictEqual(expected);
  });

  it('a value with control characters is not proposed', () => {
    const el = first('<button></button>');
    el.setAttribute('data-attr', 'a\tb');
    expect(dataAttributeDrafts(el, DEFAULT_DATA_ATTRIBUTES)).toEqual([]);
  });
});

describe('hrefDrafts', () => {
  const hundred = '/' + 'docs/'.repeat(19) + 'home';
  it.each([
    ['a place', '<a href="/pricing">x</a>', 'a[href="/pricing"]'],
    ['numbers are data', '<a href="/orders/12345">x</a>', 'a[href="/orders/12345"]'],
    ['javascript: further on is not a script link', '<a href="/go?to=javascript:x">x</a>', 'a[href="/go?to=javascript:x"]'],
    ['100 characters', `<a href="${hundred}">x</a>`, `a[href="${hundred}"]`],
    ['not on other elements', '<div href="/pricing">x</div>', null],
    ['not without href', '<a>x</a>', null],
    ['not an empty href', '<a href="">x</a>', null],
    ['not #', '<a href="#">x</a>', null],
    ['not a script', '<a href="javascript:void(0)">x</a>', null],
    ['not a script after spaces', '<a href="  JavaScript:void(0)">x</a>', null],
    ['not over 100 characters', `<a href="${hundred}s">x</a>`, null],
    ['not with a generated segment', '<a href="/orders/a8f3k2j9x7q1">x</a>', null],
    ['not with a generated query value', '<a href="/orders?token=a8f3k2j9x7q1">x</a>', null],
  ])('%s', (_, html, selector) => {
    expect(hrefDrafts(first(html))).toStrictEqual(selector ? [{ kind: 'href', selector, via: 'href' }] : []);
  });
});

describe('ariaDrafts', () => {
  it('aria-label, name, role, in that order', () => {
    expect(ariaDrafts(first('<input role="searchbox" name="q" aria-label="Search">'))).toStrictEqual([
      { kind: 'aria', selector: 'input[aria-label="Search"]', via: 'aria-label' },
      { kind: 'aria', selector: 'input[name="q"]', via: 'name' },
      { kind: 'aria', selector: 'input[role="searchbox"]', via: 'role' },
    ]);
  });
});

describe('splitStableClasses', () => {
  it('generated classes apart, ph- control classes dropped, duplicates once', () => {
    expect(splitStableClasses(first('<div class="btn ph-no-capture css-1x2y3z btn md:flex"></div>'))).toEqual({ stable: ['btn', 'md:flex'], generated: ['css-1x2y3z'] });
  });
});

describe('classDrafts', () => {
  const c = (n: number[]) => n.map((i) => `c${i}`).join(' ');
  it.each([
    ['the one class that is unique', ['btn primary', 'btn'], 'button.primary', 1],
    ['a pair when no single class is unique', ['x y', 'x', 'y', 'z'], 'button.x.y', 2],
    ['three classes when only all three are unique', ['a b c', 'a b', 'a c', 'b c'], 'button.a.b.c', 3],
    ['when none is unique, the first of the fewest matches', ['x y', 'x y'], 'button.x', 1],
    ['the last pair tried (20th) when it is the unique one', [c([1, 2, 3, 4, 5, 6]), c([1, 2, 3, 5, 6]), c([1, 2, 3, 4, 5])], 'button.c4.c6', 2],
    ['past 20 tries the best so far', [c([1, 2, 3, 4, 5, 6]), c([1, 2, 3, 4, 6]), c([1, 2, 3, 4, 5])], 'button.c5', 1],
    ['only the first six stable classes', [c([1, 2, 3, 4, 5, 6, 7]), c([1, 2, 3, 4, 5, 6])], 'button.c1', 1],
    ['generated classes are never used', ['css-1x2y3z btn', 'btn'], 'button.btn', 1],
  ])('%s', (_, classes, selector, classCount) => {
    document.body.innerHTML = classes.map((cl) => `<button class="${cl}">x</button>`).join('');
    expect(classDrafts(document.querySelector('button')!, document)).toStrictEqual([{ kind: 'class', selector, classCount }]);
  });

  it('nothing without a stable class', () => {
    expect(classDrafts(first('<button class="ph-no-capture css-1x2y3z">x</button>'), document)).toEqual([]);
  });
});
