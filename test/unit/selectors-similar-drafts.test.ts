// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DATA_ATTRIBUTES } from '../../src/selectors/drafts';
import type { SimilarGroup } from '../../src/selectors/similar';
import { similarDrafts, similarTextDrafts } from '../../src/selectors/similar-drafts';

/** A group built by hand: the elements matching `elements`, held by the items matching `items` (default: themselves). */
function group(elements: string, items = elements): SimilarGroup {
  return { elements: [...document.querySelectorAll(elements)], items: [...document.querySelectorAll(items)], identity: null };
}
const rows = (n: number, row: (i: number) => string) => Array.from({ length: n }, (_, i) => row(i + 1)).join('');
const selectors = (g: SimilarGroup, attrs: readonly string[] = DEFAULT_DATA_ATTRIBUTES) => similarDrafts(g, attrs).map((d) => d.selector);

beforeEach(() => {
  document.body.innerHTML = '';
  for (const name of document.body.getAttributeNames()) document.body.removeAttribute(name);
});

describe('similarDrafts: what the elements share', () => {
  it('proposes equal data attributes, common stable classes, aria-label / type, never the bare tag alone', () => {
    document.body.innerHTML = `<div>${rows(3, () => `<button class="btn ph-no-capture css-1x2y3z" data-attr="del" aria-label="Delete" type="button">x</button>`)}</div>`;
    expect(similarDrafts(group('button'), DEFAULT_DATA_ATTRIBUTES)).toStrictEqual([
      { kind: 'data-attribute', selector: '[data-attr="del"]', via: 'data-attr' },
      { kind: 'class', selector: 'button.btn', classCount: 1 },
      { kind: 'aria', selector: 'button[aria-label="Delete"]', via: 'aria-label' },
      { kind: 'class', selector: 'button[type="button"]', via: 'type' },
    ]);
  });

  it('combines up to three common stable classes besides proposing each alone', () => {
    document.body.innerHTML = `<div>${rows(2, (i) => `<button class="a b c d only-${i}" name="qty" role="switch">x</button>`)}</div>`;
    expect(similarDrafts(group('button'), DEFAULT_DATA_ATTRIBUTES)).toStrictEqual([
      { kind: 'class', selector: 'button.a', classCount: 1 },
      { kind: 'class', selector: 'button.b', classCount: 1 },
      { kind: 'class', selector: 'button.c', classCount: 1 },
      { kind: 'class', selector: 'button.a.b.c', classCount: 3 },
      { kind: 'aria', selector: 'button[name="qty"]', via: 'name' },
      { kind: 'aria', selector: 'button[role="switch"]', via: 'role' },
    ]);
  });

  it.each([
    ['data values differ', (i: number) => `<button data-testid="buy-${i}">x</button>`, ['[data-testid="buy-1"]', '[data-testid="buy-2"]']],
    ['data value generated', () => `<button data-testid="a8f3k2j9x7q1">x</button>`, ['[data-testid="a8f3k2j9x7q1"]']],
    ['data value empty', () => `<button data-testid="">x</button>`, ['[data-testid=""]', '[data-testid]']],
    ['data attribute on one only', (i: number) => (i === 1 ? `<button data-testid="buy">x</button>` : `<button>x</button>`), ['[data-testid="buy"]']],
    ['data attribute not configured', () => `<button data-foo="buy">x</button>`, ['[data-foo="buy"]']],
    ['aria-labels differ', (i: number) => `<button aria-label="Delete ${i}">x</button>`, ['button[aria-label="Delete 1"]', 'button[aria-label="Delete 2"]']],
    ['aria-label on one only', (i: number) => (i === 2 ? `<button aria-label="Delete">x</button>` : `<button>x</button>`), ['button[aria-label="Delete"]']],
    ['class on one only', (i: number) => `<button class="btn${i === 1 ? ' first' : ''}">x</button>`, ['button.first']],
    ['ph- and generated classes', () => `<button class="ph-capture css-1x2y3z">x</button>`, ['button.ph-capture', 'button.css-1x2y3z']],
  ])('%s: no draft naming a value the elements do not all share', (_, row, absent) => {
    document.body.innerHTML = `<div>${rows(2, row)}</div>`;
    const got = selectors(group('button'));
    for (const s of absent) expect(got).not.toContain(s);
  });

  it('a non-quotable value is not proposed', () => {
    document.body.innerHTML = `<div>${rows(2, () => `<button>x</button>`)}</div>`;
    for (const b of document.querySelectorAll('button')) b.setAttribute('aria-label', 'Del\nete');
    expect(selectors(group('button')).some((s) => s.includes('aria-label'))).toBe(false);
  });

  it('data attributes shared and equal are proposed even when other configured ones differ', () => {
    document.body.innerHTML = `<div>${rows(2, (i) => `<button data-test="row-${i}" data-cy="remove">x</button>`)}</div>`;
    expect(selectors(group('button'))).toEqual(['[data-cy="remove"]']);
  });
});

describe('similarDrafts: under the rows and the list', () => {
  const LIST = `<section id="orders"><ul aria-label="Basket" class="list" role="list">${rows(3, () => `<li class="row"><span>n</span><button class="rm">Remove</button></li>`)}</ul></section><button class="rm">Remove</button>`;

  it('own traits, then under the rows, then under the list, then under list and rows; a bare tag takes its anchor kind', () => {
    document.body.innerHTML = LIST;
    const d = (kind: string, selector: string, narrowedBy?: string, cc = false) => ({ kind, selector, ...(cc && { classCount: 1 }), ...(narrowedBy && { narrowedBy }) });
    expect(similarDrafts(group('li button', 'li'), DEFAULT_DATA_ATTRIBUTES)).toStrictEqual([
      d('class', 'button.rm', undefined, true),
      d('class', 'li.row button.rm', 'li.row', true),
      d('class', 'li.row button', 'li.row'),
      d('class', 'li button.rm', 'li', true),
      d('class', 'li button', 'li'),
      d('class', '[aria-label="Basket"] button.rm', '[aria-label="Basket"]', true),
      d('data-attribute', '[aria-label="Basket"] button', '[aria-label="Basket"]'),
      d('class', 'ul.list button.rm', 'ul.list', true),
      d('class', 'ul.list button', 'ul.list'),
      d('class', '#orders button.rm', '#orders', true),
      d('id', '#orders button', '#orders'),
      d('data-attribute', '[aria-label="Basket"] li.row button', '[aria-label="Basket"] li.row'),
      d('data-attribute', '[aria-label="Basket"] li button', '[aria-label="Basket"] li'),
      d('class', 'ul.list li.row button', 'ul.list li.row'),
      d('class', 'ul.list li button', 'ul.list li'),
      d('id', '#orders li.row button', '#orders li.row'),
      d('id', '#orders li button', '#orders li'),
    ]);
    // Every draft anchored at the list matches exactly the three buttons in it, not the one outside.
    const inside = [...document.querySelectorAll('li button')];
    for (const s of selectors(group('li button', 'li')).filter((s) => /orders|Basket|list/.test(s))) expect([...document.querySelectorAll(s)]).toEqual(inside);
  });

  it('when the elements are the items themselves, no row anchors are proposed', () => {
    document.body.innerHTML = `<ul id="todo">${rows(3, () => `<li class="todo">t</li>`)}</ul>`;
    expect(selectors(group('li'))).toEqual(['li.todo', '#todo li.todo', '#todo li']);
  });

  it.each([
    ['a configured non-data attribute', '<ul qa-id="cart">', ['qa-id'], '[qa-id="cart"]', true],
    ['any data-* attribute', '<ul data-region="cart">', [], '[data-region="cart"]', true],
    ['an empty data-* attribute', '<ul data-region="">', [], '[data-region=""]', false],
    ['a generated data-* value', '<ul data-key="a8f3k2j9x7q1">', [], '[data-key="a8f3k2j9x7q1"]', false],
    ['a non-data, non-aria attribute', '<ul role="list" title="Cart">', [], '[role="list"]', false],
    ['a generated id', '<ul id="css-1x2y3z">', [], '#css-1x2y3z', false],
    ['an id with a space', '<ul id="my list">', [], '#my\\ list', false],
    ['a plain id', '<ul id="cart">', [], '#cart', true],
    ['a stable class', '<ul class="cart">', [], 'ul.cart', true],
    ['a generated class', '<ul class="css-1x2y3z">', [], 'ul.css-1x2y3z', false],
    ['a ph- class', '<ul class="ph-no-capture">', [], 'ul.ph-no-capture', false],
  ])('list named by %s', (_, open, attrs, anchor, proposed) => {
    document.body.innerHTML = `${open}${rows(2, () => `<li><button>x</button></li>`)}</ul>`;
    const got = selectors(group('li button', 'li'), attrs as string[]);
    expect(got.includes(`${anchor} li button`)).toBe(proposed);
  });

  it('names at most the list and two ancestors above it, and stops at body', () => {
    document.body.setAttribute('class', 'page');
    document.body.innerHTML = `<div class="l3"><div class="l2"><div class="l1"><ul class="l0">${rows(2, () => `<li><b>x</b></li>`)}</ul></div></div></div>`;
    const anchors = similarDrafts(group('li b', 'li'), []).map((d) => d.narrowedBy).filter(Boolean);
    expect(anchors).toContain('ul.l0');
    expect(anchors).toContain('div.l2');
    expect(anchors.some((a) => a!.includes('l3'))).toBe(false);
    document.body.innerHTML = `<ul class="l0">${rows(2, () => `<li><b>x</b></li>`)}</ul>`;
    const top = similarDrafts(group('li b', 'li'), []).map((d) => d.narrowedBy).filter(Boolean);
    expect(top.some((a) => a!.includes('page'))).toBe(false);
    expect(top).toContain('ul.l0');
  });

  it('only an ancestor holding every item names the list', () => {
    document.body.innerHTML = `<div id="board"><ul class="a"><li><b>x</b></li></ul><ul class="b"><li><b>x</b></li></ul></div>`;
    expect(selectors(group('li b', 'li'), []).some((s) => s.includes('ul.a'))).toBe(false);
  });

  it('two classes of the list at most', () => {
    document.body.innerHTML = `<ul class="one two three">${rows(2, () => `<li><b>x</b></li>`)}</ul>`;
    const got = selectors(group('li b', 'li'), []);
    expect(got).toContain('ul.two li b');
    expect(got.some((s) => s.includes('three'))).toBe(false);
  });

  it('stops at 48 drafts', () => {
    document.body.innerHTML = `<div data-x="4"><div data-x="3"><div data-a="1" data-b="2"><ul>${rows(2, () => `<li class="r"><button class="a b c" aria-label="Go">x</button></li>`)}</ul></div></div></div>`;
    document.querySelector('ul')!.setAttribute('data-list', 'cart');
    // own: 5 + bare tag; rows: li.r, li; list: [data-list], [data-a], [data-b], [data-x="3"] → 5 + 2×6 + 4×6 + 4×2 = 49 drafts
    expect(similarDrafts(group('li button', 'li'), [])).toHaveLength(48);
  });
});

describe('similarDrafts: the list stops below html', () => {
  it('a detached html element is never a list anchor', () => {
    const html = document.createElement('html');
    html.className = 'page';
    const ul = html.appendChild(document.createElement('ul'));
    ul.className = 'list';
    for (let i = 0; i < 2; i++) ul.appendChild(document.createElement('li'));
    const items = [...ul.children];
    expect(selectors({ elements: items, items, identity: null })).toStrictEqual(['ul.list li']);
  });
});

describe('similarTextDrafts', () => {
  const list = (label: (i: number) => string, n = 3) =>
    `<section id="orders"><ul aria-label="Basket" class="list">${rows(n, (i) => `<li class="row"><button>${label(i)}</button></li>`)}</ul></section>`;

  it('the same label on every element: a text condition alone, under two row anchors and two list anchors', () => {
    document.body.innerHTML = list(() => 'Remove');
    expect(similarTextDrafts(group('li button', 'li'), DEFAULT_DATA_ATTRIBUTES)).toStrictEqual([
      { kind: 'text', selector: 'button', text: 'Remove' },
      { kind: 'text', selector: 'li.row button', text: 'Remove', narrowedBy: 'li.row' },
      { kind: 'text', selector: 'li button', text: 'Remove', narrowedBy: 'li' },
      { kind: 'text', selector: '[aria-label="Basket"] button', text: 'Remove', narrowedBy: '[aria-label="Basket"]' },
      { kind: 'text', selector: 'ul.list button', text: 'Remove', narrowedBy: 'ul.list' },
    ]);
  });

  it('at most two row anchors and two list anchors', () => {
    document.body.innerHTML = list(() => 'Remove').replaceAll('class="row"', 'class="row line"');
    expect(similarTextDrafts(group('li button', 'li'), DEFAULT_DATA_ATTRIBUTES).map((d) => d.selector)).toStrictEqual([
      'button',
      'li.row button',
      'li.line button',
      '[aria-label="Basket"] button',
      'ul.list button',
    ]);
  });

  it.each([
    ['labels differ', (i: number) => `Item ${i}`],
    ['one label differs', (i: number) => (i === 3 ? 'Keep' : 'Remove')],
    ['no label', () => ''],
    ['a label over 80 characters', () => 'x'.repeat(81)],
  ])('%s: no text draft', (_, label) => {
    document.body.innerHTML = list(label);
    expect(similarTextDrafts(group('li button', 'li'), DEFAULT_DATA_ATTRIBUTES)).toEqual([]);
  });

  it('a label of exactly 80 characters is used', () => {
    document.body.innerHTML = list(() => 'x'.repeat(80));
    expect(similarTextDrafts(group('li button', 'li'), [])[0]).toStrictEqual({ kind: 'text', selector: 'button', text: 'x'.repeat(80) });
  });

  it('compares a sample of 24 elements (the exact check follows)', () => {
    document.body.innerHTML = list((i) => (i === 25 ? 'Keep' : 'Remove'), 25);
    expect(similarTextDrafts(group('li button', 'li'), [])[0]?.text).toBe('Remove');
  });
});
