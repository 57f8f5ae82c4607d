// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { judgeAction, judgePage, likeness, rankCandidates, type ChainSeen, type PageHistory } from '../../src/health/decide';
import { HOUR_MS } from '../../src/store/rows';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 1);
const hour = (day: number, h = 12) => Math.floor((T0 + day * DAY + h * HOUR_MS) / HOUR_MS);
/** `perDay` views on each of days [from, to). */
const views = (from: number, to: number, perDay: number): [number, number][] => Array.from({ length: to - from }, (_, i) => [hour(from + i), perDay]);
const page = (over: Partial<PageHistory> & { matches: PageHistory['matches'] }): PageHistory => ({ page: 'https://shop.test/cart', lastChain: 'button.btn:attr__data-attr="checkout"', views: [], others: [], ...over });
const at = (day: number) => T0 + day * DAY + 12 * HOUR_MS;

describe('judgePage: views since the last match and the matches its rate predicts', () => {
  it.each<[string, PageHistory, boolean, number, number]>([
    // 20 views a day, 10 matches a day for 10 days (rate 0.5), then 5 days of views and no match.
    ['markup changed on day 10, page still visited', page({ matches: { n: 100, first: at(0), last: at(9) }, views: views(0, 15, 20) }), true, 100, 50],
    ['page no longer visited after the last match', page({ matches: { n: 100, first: at(0), last: at(9) }, views: views(0, 10, 20) }), false, 0, 0],
    ['still matching today', page({ matches: { n: 150, first: at(0), last: at(14) }, views: views(0, 15, 20) }), false, 0, 0],
    // 4 matches in 300 views: a rare click; 100 views since predict 1.3 matches, none is no surprise.
    ['low traffic noise: a rare action', page({ matches: { n: 4, first: at(0), last: at(9) }, views: views(0, 15, 30).slice(0, 10).concat(views(10, 15, 20)) }), false, 100, 4 / 300 * 100],
    ['too few past matches however many views', page({ matches: { n: 4, first: at(0), last: at(0) }, views: views(0, 10, 1) }), false, 9, 36],
    ['few views since (fewer than 5)', page({ matches: { n: 50, first: at(0), last: at(4) }, views: views(0, 5, 10).concat([[hour(6), 4]]) }), false, 4, 0],
    // No views recorded while it matched (views are not captured there): one view per match.
    ['views only after the stop', page({ matches: { n: 10, first: at(0), last: at(1) }, views: views(3, 5, 5) }), true, 10, 100],
    ['views in the hour of the last match are not "since"', page({ matches: { n: 10, first: at(0), last: at(0) }, views: [[hour(0), 50]] }), false, 0, 0],
  ])('%s', (_name, history, broken, viewsSince, expected) => {
    const got = judgePage(history);
    expect(got.broken).toBe(broken);
    expect(got.viewsSince).toBe(viewsSince);
    expect(got.expected).toBeCloseTo(expected, 6);
  });
});

describe('judgeAction', () => {
  const changed = page({ matches: { n: 100, first: at(0), last: at(9) }, views: views(0, 15, 20), others: [{ chain: 'button.btn:attr__data-attr="checkout-v2"', n: 40, first: at(10), last: at(14) }, { chain: 'a:text="Help"', n: 80, first: at(0), last: at(14) }] });
  const healthy = page({ page: 'https://shop.test/', lastChain: 'a:text="Help"', matches: { n: 60, first: at(0), last: at(14) }, views: views(0, 15, 20) });

  it('no page with a match: no data', () => {
    expect(judgeAction('a', [])).toEqual({ id: 'a', status: 'no data', since: null, page: null, lastChain: null, candidates: [], viewsSince: 0, expected: 0 });
  });

  it('broken on the page whose markup changed, with when it stopped, its last chain and the chain that took its place', () => {
    const got = judgeAction('a', [healthy, changed]);
    expect(got).toMatchObject({ status: 'broken', page: changed.page, since: at(9), lastChain: changed.lastChain, viewsSince: 100 });
    expect(got.candidates.map((c) => c.chain)).toEqual(['button.btn:attr__data-attr="checkout-v2"']);
  });

  it('ok with the page of its latest match when no page is broken', () => {
    expect(judgeAction('a', [healthy, page({ matches: { n: 100, first: at(0), last: at(9) }, views: views(0, 10, 20) })])).toMatchObject({ status: 'ok', page: healthy.page, since: null, candidates: [] });
  });

  it('of two broken pages, the one where more matches were expected', () => {
    const other = page({ page: 'https://shop.test/other', matches: { n: 10, first: at(0), last: at(9) }, views: views(0, 15, 20) });
    expect(judgeAction('a', [other, changed]).page).toBe(changed.page);
  });
});

describe('repair candidates', () => {
  const last = 'button.btn.primary:attr__data-attr="checkout"text="Checkout";form;body';
  const c = (chain: string, n: number, first: number): ChainSeen => ({ chain, n, first, last: first + 1 });
  it.each<[string, ChainSeen[], string[]]>([
    ['only chains first seen after the stop', [c('button.btn:text="Checkout"', 5, 150), c('button.btn:text="Old"', 99, 10)], ['button.btn:text="Checkout"']],
    ['most alike first, then most events', [c('a:text="Help"', 90, 200), c('button.btn.primary:text="Pay now"', 3, 200), c('button.btn.primary:attr__data-attr="pay"text="Checkout"', 2, 200)], ['button.btn.primary:attr__data-attr="pay"text="Checkout"', 'button.btn.primary:text="Pay now"', 'a:text="Help"']],
    ['ties by events, then by chain', [c('div.z', 1, 200), c('div.y', 1, 200), c('div.x', 2, 200)], ['div.x', 'div.y', 'div.z']],
  ])('%s', (_name, others, want) => expect(rankCandidates(others, last, 100).map((x) => x.chain)).toEqual(want));

  it('keeps at most the limit', () => {
    expect(rankCandidates(Array.from({ length: 9 }, (_, i) => c(`div.k${i}`, i, 200)), last, 100, 3)).toHaveLength(3);
  });

  it.each([
    ['button.btn:text="Buy";body', 'button.btn:text="Buy"', 1],
    ['button.btn:text="Buy"', 'a.link:text="Help"', 0],
  ])('likeness(%s, %s) = %d', (a, b, want) => expect(likeness(a, b)).toBe(want));
});
