// How a cohort's action leaf reads its events (src/store/cohort-read-plan.ts): the cost model
// over the catalog's series totals picks keys, series or names. What each way reads is proved
// against membership in store-cohort-reads.test.ts; this table pins which way wins when.
import { describe, expect, it } from 'vitest';
import type { StoredAction } from '../../src/actions/types';
import type { TimeRange } from '../../src/cohorts/reads';
import type { Catalog } from '../../src/store/catalog';
import { planActionRead, type ActionRead } from '../../src/store/cohort-read-plan';
import { NONE, seriesId, type SeriesRow } from '../../src/store/rows';

const CART = 'button:attr__data-attr="add-to-cart"nth-child="1"nth-of-type="1"';
const OTHER = 'a:attr__href="/about"nth-child="2"nth-of-type="1"';
const PAGE = 'https://shop.test/p/1';
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 30);
const WEEK: TimeRange[] = [[NOW - 7 * DAY, NOW]];

const row = (event: string, chain: number, n: number, first = NOW - DAY, last = NOW - 1): SeriesRow =>
  ({ event, chain, url: 1, host: 'shop.test', type: chain === NONE ? '' : 'click', n, first, last });

/** A shop with `cart` clicks on the add-to-cart button, `other` clicks elsewhere, and `views` pageviews. */
function catalog(cart: number, other: number, views = 0, first = NOW - DAY, last = NOW - 1): Catalog {
  const rows = [row('$autocapture', 1, cart, first, last), row('$autocapture', 2, other, first, last), row('$pageview', NONE, views, first, last)].filter((r) => r.n > 0);
  return {
    chains: new Map([[1, CART], [2, OTHER]]),
    chainIds: new Map([[CART, 1], [OTHER, 2]]),
    urls: new Map([[1, PAGE]]),
    urlIds: new Map([[PAGE, 1]]),
    series: new Map(rows.map((r) => [seriesId(r), r])),
  };
}

const action = (steps: StoredAction['steps']): StoredAction => ({ id: 'a', name: 'A', site: 'shop.test', steps, created_at: '', updated_at: '' }) as StoredAction;
const ADD = action([{ event: '$autocapture', selector: '[data-attr="add-to-cart"]' }]);
const ADD_PRO = action([{ event: '$autocapture', selector: '[data-attr="add-to-cart"]', properties: [{ key: 'plan', value: 'pro', operator: 'exact', type: 'event' }] }]);
const ANY_ADD = action([{ selector: '[data-attr="add-to-cart"]' }]);
const BAD = action([{ event: '$pageview', url: '(', url_matching: 'regex' }]);
const BAD_ANY = action([{ url: '(', url_matching: 'regex' }]);

/** The plan as its way and the series events it names (or its names), so rows read as a table. */
function summary(plan: ActionRead): string {
  if (plan.way === 'keys') return `keys: ${plan.exact.map((s) => s.n).join('+')} exact, ${plan.candidates.map((s) => s.n).join('+') || 'no'} candidates`;
  if (plan.way === 'series') return `series: ${plan.series.map((s) => s.n).join('+') || 'none'}`;
  return `names: ${plan.names === null ? 'every event' : [...plan.names].join(',')}`;
}

describe('planActionRead: the cheapest way to read an action leaf', () => {
  it.each<[string, Catalog, StoredAction, TimeRange[], string]>([
    // keys 2·2 + 0.15·(1000 + 2000) = 454; series 2 + 3·1000; names 2 + 2000
    ['many matching clicks among as many others: keys', catalog(1000, 1000), ADD, WEEK, 'keys: 1000 exact, no candidates'],
    // keys 4 + 0.15·(3 + 100,003) ≈ 15,005; series 2 + 9 = 11
    ['a few matching clicks among very many others: their series', catalog(3, 100_000), ADD, WEEK, 'series: 3'],
    // keys 4 + 0.15·2000 = 304; names 2 + 1000 = 1002
    ['every click matches: keys still beat reading them all', catalog(1000, 0), ADD, WEEK, 'keys: 1000 exact, no candidates'],
    // a property filter makes the series candidates: series 2 + 3·1000 against names 2 + 2000
    ['a property filter, many clicks: by name', catalog(1000, 1000), ADD_PRO, WEEK, 'names: $autocapture'],
    // series 2 + 30 against names 2 + 100,010
    ['a property filter, few clicks among many: the candidate series', catalog(10, 100_000), ADD_PRO, WEEK, 'series: 10'],
    ['a step of any event: keys over the matching series', catalog(1000, 1000, 5000), ANY_ADD, WEEK, 'keys: 1000 exact, no candidates'],
    ['an invalid action: by its names (membership then names the error)', catalog(10, 10), BAD, WEEK, 'names: $pageview'],
    ['an invalid action with a step of any event: every event by time', catalog(10, 10), BAD_ANY, WEEK, 'names: every event'],
    // the crossing, pinning both constants: keys 4 + 0.15·(20 + 166) = 31.9 against series 2 + 3·10 = 32
    ['10 matching clicks among 166 others: keys, just', catalog(10, 166), ADD, WEEK, 'keys: 10 exact, no candidates'],
    // keys 4 + 0.15·(20 + 167) = 32.05
    ['10 matching clicks among 167 others: the series, just', catalog(10, 167), ADD, WEEK, 'series: 10'],
    // names 2 + 1 = 3 against keys 4 + 0.15·2 = 4.3 and series 2 + 3 = 5
    ['one matching click and nothing else: by name, one request', catalog(1, 0), ADD, WEEK, 'names: $autocapture'],
    ['a window no series reaches: nothing to read', catalog(1000, 1000, 0, NOW - 30 * DAY, NOW - 20 * DAY), ADD, WEEK, 'series: none'],
    ['a series ending the instant the window starts still counts', catalog(1000, 1000, 0, NOW - 30 * DAY, NOW - 7 * DAY), ADD, WEEK, 'keys: 1000 exact, no candidates'],
    ['a series starting the instant the window ends still counts', catalog(1000, 1000, 0, NOW, NOW + DAY), ADD, WEEK, 'keys: 1000 exact, no candidates'],
  ])('%s', (_name, cat, act, ranges, want) => {
    expect(summary(planActionRead(cat, act, ranges))).toBe(want);
  });

});
