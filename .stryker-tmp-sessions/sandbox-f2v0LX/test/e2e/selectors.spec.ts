// @ts-nocheck
import { expect, test, type Page } from '@playwright/test';
import { useBundledPages } from '../support/page-bundle';
import type { SelectorCandidate } from '../../src/selectors';

/**
 * Selector candidates on the demo shop in plain Chromium (no extension): src/selectors, the
 * action compiler and the chain builder are bundled into one IIFE and injected into the page.
 */

// The selector engine, the action compiler and the chain builder, as window.lassoSelectors.
const pages = useBundledPages('lassoSelectors', ['src/selectors/index.ts', 'src/actions/index.ts', 'src/autocapture/elements.ts']);
const open = (path: string): Promise<Page> => pages.open(path);

/** What the page says about the candidates for the element `pointAt` selects (first match). */
interface Checked {
  candidates: SelectorCandidate[];
  /** For each candidate: matches the expected element (closest from the pointed-at element). */
  matchesTarget: boolean[];
  /** For each candidate: document.querySelectorAll(selector).length (text: same for its selector). */
  liveCounts: number[];
  /** For each candidate: the action really matches a click's chain (recomputed independently). */
  clickMatches: boolean[];
  /** Classes and ids on the page that isGeneratedName flags, as they would appear in a selector. */
  generated: string[];
}

async function check(page: Page, pointAt: string, expected: string, scope?: 'one' | 'similar'): Promise<Checked> {
  return page.evaluate(([pointAt, expected, scope]) => {
    type Api = typeof import('../../src/selectors') & typeof import('../../src/actions') & typeof import('../../src/autocapture/elements');
    const api = (window as unknown as { lassoSelectors: Api }).lassoSelectors;
    const el = document.querySelector(pointAt)!;
    const want = document.querySelector(expected)!;
    const candidates = api.selectorCandidates(el, scope ? { scope } : {});
    const event = { uuid: 'u', event: '$autocapture', distinct_id: 'd', timestamp: new Date(0).toISOString(), properties: { $elements_chain: api.elementsChainFor(el) } };
    const generated = new Set<string>();
    for (const node of document.querySelectorAll('[class]')) {
      for (const c of node.classList) if (api.isGeneratedName(c)) generated.add('.' + CSS.escape(c));
    }
    for (const node of document.querySelectorAll('[id]')) if (api.isGeneratedName(node.id)) generated.add('#' + CSS.escape(node.id));
    return {
      candidates,
      matchesTarget: candidates.map((c) => c.kind === 'text' ? el.closest(c.selector) !== null : want.matches(c.selector)),
      liveCounts: candidates.map((c) => c.kind === 'text' ? -1 : document.querySelectorAll(c.selector).length),
      clickMatches: candidates.map((c) => api.compileAction({ steps: [{ event: '$autocapture', selector: c.selector, ...(c.kind === 'text' ? { text: c.text } : {}) }] }).matches(event)),
      generated: [...generated],
    };
  }, [pointAt, expected, scope] as const);
}

/** `scope`: as the element panel asks (default: selectorCandidates' own — all similar elements for a card's button). */
const CASES: { page: string; name: string; pointAt: string; expected: string; top: string; count: number; scope?: 'one' | 'similar' }[] = [
  { page: '/', name: 'add-to-cart button, one of 4 cards: all similar', pointAt: '[data-testid="add-to-cart-2"]', expected: '[data-testid="add-to-cart-2"]', top: '[data-attr="add-to-cart"]', count: 4 },
  { page: '/', name: 'add-to-cart button, only this one (data-testid)', pointAt: '[data-testid="add-to-cart-2"]', expected: '[data-testid="add-to-cart-2"]', top: '[data-testid="add-to-cart-2"]', count: 1, scope: 'one' },
  { page: '/', name: 'svg path in the wishlist button → the button, all similar', pointAt: '[data-testid="wishlist"] path', expected: '[data-testid="wishlist"]', top: 'button[aria-label="Add to wishlist"]', count: 2 },
  { page: '/', name: 'svg path in the wishlist button → the button, only this one', pointAt: '[data-testid="wishlist"] path', expected: '[data-testid="wishlist"]', top: '[data-testid="wishlist"]', count: 1, scope: 'one' },
  { page: '/', name: 'svg in the second wishlist button → the button', pointAt: '[data-testid="wishlist-2"] svg', expected: '[data-testid="wishlist-2"]', top: '[data-testid="wishlist-2"]', count: 1, scope: 'one' },
  { page: '/', name: 'Tailwind box', pointAt: '#tailwind-box', expected: '#tailwind-box', top: '[data-testid="tailwind-box"]', count: 1 },
  { page: '/', name: 'css-in-js card, only this one', pointAt: 'article[data-product-id="3"]', expected: 'article[data-product-id="3"]', top: 'article.card[data-product-id="3"]', count: 1, scope: 'one' },
  { page: '/', name: 'strong inside a product link → the link', pointAt: '[data-testid="product-link-1"] strong', expected: '[data-testid="product-link-1"]', top: '[data-testid="product-link-1"]', count: 1 },
  { page: '/', name: 'nav link', pointAt: '[data-testid="nav-signup"]', expected: '[data-testid="nav-signup"]', top: '[data-testid="nav-signup"]', count: 1 },
  { page: '/', name: 'cursor:pointer promo card', pointAt: '#promo-card', expected: '#promo-card', top: '[data-testid="promo-card"]', count: 1 },
  { page: '/signup.html', name: 'email input', pointAt: '#email', expected: '#email', top: '#email', count: 1 },
  { page: '/signup.html', name: 'textarea', pointAt: '#bio', expected: '#bio', top: '#bio', count: 1 },
  { page: '/signup.html', name: 'capture-attribute button', pointAt: '#upgrade-btn', expected: '#upgrade-btn', top: '[data-testid="upgrade-btn"]', count: 1 },
  { page: '/product.html?id=2', name: 'quantity select', pointAt: '#qty', expected: '#qty', top: '#qty', count: 1 },
];

test.describe('selector candidates on the demo shop', () => {
  for (const c of CASES) {
    test(`${c.name}: top candidate ${c.top}`, async () => {
      const page = await open(c.page);
      if (c.page.startsWith('/product')) await page.waitForSelector('#qty');
      const r = await check(page, c.pointAt, c.expected, c.scope);
      expect(r.candidates.length).toBeGreaterThan(0);
      expect(r.candidates[0]).toMatchObject({ selector: c.top, matchCount: c.count, matchesClick: true });
      r.candidates.forEach((cand, i) => {
        expect(r.matchesTarget[i], `${cand.selector} matches the expected element`).toBe(true);
        expect(r.clickMatches[i], `${cand.selector} matchesClick`).toBe(cand.matchesClick);
        if (cand.kind !== 'text') expect(cand.matchCount, `${cand.selector} matchCount`).toBe(r.liveCounts[i]);
        for (const g of r.generated) expect(cand.selector, 'no generated class or id').not.toContain(g);
        expect(cand.score).toBeGreaterThanOrEqual(0);
        expect(cand.score).toBeLessThanOrEqual(100);
      });
      // Best first: every click-matching candidate precedes every other one.
      const firstMiss = r.candidates.findIndex((x) => !x.matchesClick);
      if (firstMiss >= 0) expect(r.candidates.slice(firstMiss).every((x) => !x.matchesClick)).toBe(true);
      await page.close();
    });
  }

  test('one of many similar buttons: the shared data-attr and a unique narrowing', async () => {
    const page = await open('/');
    const r = await check(page, '[data-testid="add-to-cart-3"]', '[data-testid="add-to-cart-3"]');
    const shared = r.candidates.find((x) => x.selector === '[data-attr="add-to-cart"]');
    expect(shared).toMatchObject({ kind: 'data-attribute', matchCount: 4, matchesClick: true, coversSimilar: true });
    expect(r.candidates[0]).toEqual(shared);
    expect(shared!.reasons).toContain('matches all 4 similar elements and nothing else');
    expect(shared!.reasons.some((x) => x.startsWith('one of 4 similar elements; unique narrowing'))).toBe(true);
    const narrowed = r.candidates.find((x) => x.matchCount === 1 && x.selector.includes('[data-attr="add-to-cart"]'));
    expect(narrowed).toMatchObject({ matchCount: 1, matchesClick: true });
    await page.close();
  });

  test('css-in-js hashes are skipped and reported; Tailwind classes are escaped and work', async () => {
    const page = await open('/');
    const card = await check(page, 'article[data-product-id="1"]', 'article[data-product-id="1"]');
    expect(card.candidates[0].reasons).toEqual(expect.arrayContaining(['generated class skipped: css-1x2y3z', 'generated class skipped: sc-bdVaJa']));
    const box = await check(page, '#tailwind-box', '#tailwind-box');
    const cls = box.candidates.find((x) => x.kind === 'class');
    expect(cls).toMatchObject({ selector: 'div.hover\\:bg-blue-500', matchCount: 1, matchesClick: true });
    await page.close();
  });
});

test('escaped names (digit-first id, quotes and backslashes, Tailwind) match in Chromium and in the chain', async () => {
  const page = await open('/');
  await page.evaluate(() => {
    const b = document.createElement('button');
    b.id = '1st';
    b.className = 'md:flex w-1/2 w-[37px]';
    b.setAttribute('aria-label', 'Say "hi" \\o/');
    b.setAttribute('data-testid', 'odd "one"');
    b.textContent = 'Odd';
    document.querySelector('main')!.append(b);
  });
  const r = await check(page, '[id="1st"]', '[id="1st"]');
  expect(r.candidates.map((x) => x.kind)).toEqual(expect.arrayContaining(['data-attribute', 'id', 'aria', 'class', 'text']));
  r.candidates.forEach((cand, i) => {
    expect(r.matchesTarget[i], cand.selector).toBe(true);
    expect(cand.matchesClick, cand.selector).toBe(true);
    expect(r.clickMatches[i], cand.selector).toBe(true);
  });
  expect(r.candidates[0]).toMatchObject({ selector: '[data-testid="odd \\"one\\""]', matchCount: 1 });
  await page.close();
});

// Timing is measured by `npm run bench` (section selectors); this checks the answers on a big page.
test('selectorCandidates on big.html: a first candidate that matches the click, for 50 elements across the page', async () => {
  const page = await open('/big.html');
  await page.waitForSelector('body[data-ready="true"]');
  const result = await page.evaluate(() => {
    type Api = typeof import('../../src/selectors');
    const api = (window as unknown as { lassoSelectors: Api }).lassoSelectors;
    const items = [...document.querySelectorAll('.big-item')];
    const picks: Element[] = [...document.querySelectorAll('#bench-buttons button')];
    // Spread over the list, cycling through the element types of an item.
    for (let i = 0; picks.length < 50; i++) {
      const item = items[Math.floor((i * items.length) / 45) % items.length];
      picks.push(item.children[i % item.children.length] ?? item);
    }
    return {
      nodes: document.getElementsByTagName('*').length,
      unusable: picks.filter((el) => {
        const [first] = api.selectorCandidates(el);
        return !first?.matchesClick;
      }).map((el) => el.outerHTML.slice(0, 80)),
    };
  });
  expect(result.nodes).toBeGreaterThan(4500);
  expect(result.unusable).toEqual([]);
  await page.close();
});
