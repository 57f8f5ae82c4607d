import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { StoredAction } from '../../src/actions/types';
import { serializeElementsChain } from '../../src/events/elements-chain';
import type { CaptureEvent, ChainElement } from '../../src/events/types';
import { pageKey } from '../../src/events/page-url';
import { summarizeActions } from '../../src/preview/summary';
import { ingestEvents } from '../../src/store/events';
import { openLassoDB } from '../../src/store/schema';

const NOW = Date.UTC(2026, 10, 28, 12);
const el = (tag: string, opts: Partial<ChainElement> = {}): ChainElement => ({ tag_name: tag, attr_class: [], attributes: {}, nth_child: 1, nth_of_type: 1, ...opts });
const BUY = serializeElementsChain([el('button', { text: 'Buy', attributes: { 'attr__data-attr': 'buy' } }), el('body')]);
const HELP = serializeElementsChain([el('a', { text: 'Help', href: '/help', attributes: { attr__href: '/help' } }), el('body')]);

let n = 0;
function click(chain: string, url: string, minutesAgo: number): CaptureEvent {
  const ms = NOW - minutesAgo * 60_000;
  return {
    uuid: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    event: '$autocapture',
    distinct_id: 'p',
    timestamp: new Date(ms).toISOString(),
    properties: { $current_url: url, $host: new URL(url).host, $event_type: 'click', $elements_chain: chain },
  };
}
const action = (id: string, selector: string): StoredAction => ({
  id, site: 'shop.test', name: id, steps: [{ event: '$autocapture', selector }], created_at: '', updated_at: '',
});

describe('summarizeActions', () => {
  it.each([
    ['https://shop.test/cart?x=1#top', 'https://shop.test/cart'],
    ['https://shop.test/', 'https://shop.test/'],
    ['not a url', null],
  ])('pageKey(%s)', (url, key) => expect(pageKey(url)).toBe(key));

  it('counts per window and finds the latest match on the page asked about', async () => {
    const db = await openLassoDB(new IDBFactory());
    await ingestEvents(db, [
      click(BUY, 'https://shop.test/cart', 90), // 1.5 h ago, on the cart
      click(BUY, 'https://shop.test/cart?step=2', 30), // newest on the cart (query ignored)
      click(BUY, 'https://shop.test/product', 10), // newer, but another page
      click(BUY, 'https://shop.test/cart', 3 * 24 * 60), // 3 days ago
      click(HELP, 'https://shop.test/cart', 5),
      click(BUY, 'https://other.test/cart', 1), // another site
    ]);
    const [buy, help, none] = await summarizeActions(db, [action('buy', '[data-attr="buy"]'), action('help', 'a[href="/help"]'), action('none', '#nothing')], 'https://shop.test/cart#reviews', NOW);
    expect(buy.windows).toEqual({ '1h': 2, '24h': 3, '7d': 4, '30d': 4, all: 4 });
    expect(buy.lastHere).toEqual({ chain: BUY, timestamp: new Date(NOW - 30 * 60_000).toISOString() });
    expect(help.windows.all).toBe(1);
    expect(help.lastHere?.chain).toBe(HELP);
    expect(none).toEqual({ id: 'none', windows: { '1h': 0, '24h': 0, '7d': 0, '30d': 0, all: 0 }, lastHere: null, perDay: [] });
  });

  it.each([
    [0, [{ day: '2026-11-25', count: 1 }, { day: '2026-11-28', count: 3 }]],
    // At UTC+13, 10:30 UTC (90 min ago) is still 23:30 on the 28th; 11:30 and 11:50 UTC are the 29th.
    [13 * 60, [{ day: '2026-11-26', count: 1 }, { day: '2026-11-28', count: 1 }, { day: '2026-11-29', count: 2 }]],
  ])('counts matches per local day (zone %i min east of UTC)', async (tz, want) => {
    const db = await openLassoDB(new IDBFactory());
    await ingestEvents(db, [click(BUY, 'https://shop.test/cart', 90), click(BUY, 'https://shop.test/cart', 30), click(BUY, 'https://shop.test/product', 10), click(BUY, 'https://shop.test/cart', 3 * 24 * 60)]);
    const [buy] = await summarizeActions(db, [action('buy', '[data-attr="buy"]')], 'https://shop.test/cart', NOW, tz);
    expect(buy.perDay).toEqual(want);
  });

  it('has no lastHere for a page the action never matched on', async () => {
    const db = await openLassoDB(new IDBFactory());
    await ingestEvents(db, [click(BUY, 'https://shop.test/product', 10)]);
    const [buy] = await summarizeActions(db, [action('buy', '[data-attr="buy"]')], 'https://shop.test/cart', NOW);
    expect(buy.windows.all).toBe(1);
    expect(buy.lastHere).toBeNull();
  });
});

describe('summarizeActions: lastHere of matches without a URL or a chain', () => {
  const pageviews: StoredAction = { id: 'pv', site: 'shop.test', name: 'pv', steps: [{ event: '$pageview' }], created_at: '', updated_at: '' };
  it.each([
    // No page to look on: nothing is "here", though the match has no URL either.
    ['a page that is not a URL: none', {}, 'not a url', null],
    ['a match without a chain: lastHere with an empty chain', { $current_url: 'https://shop.test/cart' }, 'https://shop.test/cart#top', ''],
  ])('%s', async (_name, properties, url, chain) => {
    const db = await openLassoDB(new IDBFactory());
    const event: CaptureEvent = { uuid: '00000000-0000-4000-8000-000000000999', event: '$pageview', distinct_id: 'p', timestamp: new Date(NOW - 60_000).toISOString(), properties: { $host: 'shop.test', ...properties } };
    await ingestEvents(db, [event]);
    const [pv] = await summarizeActions(db, [pageviews], url, NOW);
    expect(pv.windows.all).toBe(1);
    expect(pv.lastHere).toEqual(chain === null ? null : { chain, timestamp: event.timestamp });
  });
});
