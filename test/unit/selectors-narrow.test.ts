// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import type { Draft } from '../../src/selectors/css';
import { DEFAULT_DATA_ATTRIBUTES } from '../../src/selectors/drafts';
import { ancestorAnchors, identityAttributes, narrowShared } from '../../src/selectors/narrow';

const count = (selector: string) => document.querySelectorAll(selector).length;
const el = (html: string, pick: string) => {
  document.body.innerHTML = html;
  return document.querySelector(pick)!;
};

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('identityAttributes', () => {
  it.each([
    ['data-* and aria-label values', '<div data-product-id="2" aria-label="Shoe"></div>', ['[data-product-id="2"]', '[aria-label="Shoe"]']],
    ['a plain number is data', '<div data-id="42"></div>', ['[data-id="42"]']],
    ['not other attributes', '<div title="Shoe" role="button" aria-labelledby="x" aria-hidden="true" tabindex="0"></div>', []],
    ['not PostHog capture attributes', '<div data-ph-capture-attribute-color="red" data-ph-capture-attribute-x="y"></div>', []],
    ['not empty values', '<div data-state=""></div>', []],
    ['not generated values', '<div data-key="a8f3k2j9x7q1"></div>', []],
  ])('%s', (_, html, expected) => {
    expect(identityAttributes(el(html, 'div'))).toEqual(expected);
  });
});

describe('ancestorAnchors', () => {
  it('configured attribute, id, other identity attributes, up to three stable classes, then the position among same-tag siblings', () => {
    const card = el(
      '<section><article></article><div></div><article data-testid="card" id="p2" data-product-id="2" class="card css-1x2y3z a b c"></article></section>',
      'article[id]',
    );
    expect(ancestorAnchors(card, DEFAULT_DATA_ATTRIBUTES)).toEqual([
      '[data-testid="card"]',
      '#p2',
      '[data-product-id="2"]',
      'article.card',
      'article.a',
      'article.b',
      'article:nth-of-type(2)',
    ]);
  });
});

describe('narrowShared', () => {
  const GRID = (sku2: string) =>
    `<div class="grid">` +
    `<article class="card" data-product-id="1"><button class="buy" data-attr="add" data-sku="A1">Add</button></article>` +
    `<article class="card" data-product-id="2"><button class="buy" data-attr="add" data-sku="${sku2}" data-testid="add-2">Add</button></article>` +
    `</div>`;
  const shared: Draft = { kind: 'data-attribute', selector: '[data-attr="add"]', via: 'data-attr' };

  it.each([
    ['its own identity attribute first', 'B2', shared, '[data-attr="add"][data-sku="B2"]', '[data-sku="B2"]'],
    ['an ancestor when its own attribute is shared too', 'A1', shared, '[data-product-id="2"] [data-attr="add"]', '[data-product-id="2"]'],
    [
      'never a configured attribute of its own (a candidate already)',
      'A1',
      { kind: 'class', selector: 'button.buy', classCount: 1 } as Draft,
      '[data-product-id="2"] button.buy',
      '[data-product-id="2"]',
    ],
  ])('%s', (_, sku2, base, selector, narrowedBy) => {
    const target = el(GRID(sku2), 'article:nth-child(2) button');
    const got = narrowShared(target, base, DEFAULT_DATA_ATTRIBUTES, count)!;
    expect(got).toStrictEqual({ ...base, selector, narrowedBy, narrows: base.selector });
    expect([...document.querySelectorAll(got.selector)]).toEqual([target]);
  });

  it('an ancestor position as the last resort; null when no ancestor below body tells it apart', () => {
    const target = el(`<div><ul><li><button class="x">a</button></li><li><button class="x">a</button></li></ul></div>`, 'li:nth-child(2) button');
    expect(narrowShared(target, { kind: 'class', selector: 'button.x' }, [], count)?.selector).toBe('li:nth-of-type(2) button.x');
    const lone = el(`<button class="x">a</button><button class="x">a</button>`, 'button:nth-child(2)');
    expect(narrowShared(lone, { kind: 'class', selector: 'button.x' }, [], count)).toBeNull();
  });

  it.each([
    ['body', () => el('<button class="x">a</button>', 'button')],
    [
      'html',
      () => {
        const b = document.createElement('button');
        b.className = 'x';
        document.documentElement.appendChild(b);
        return b;
      },
    ],
  ])('never anchors on %s, even when that would be unique', (_, make) => {
    const target = make();
    document.body.setAttribute('data-page', 'home');
    document.documentElement.setAttribute('data-theme', 'dark');
    try {
      expect(narrowShared(target, { kind: 'class', selector: 'button.x' }, [], (s) => (s === 'button.x' ? 2 : 1))).toBeNull();
    } finally {
      target.remove();
      document.body.removeAttribute('data-page');
      document.documentElement.removeAttribute('data-theme');
    }
  });
});
