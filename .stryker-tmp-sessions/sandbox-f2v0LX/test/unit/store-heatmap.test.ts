// @ts-nocheck
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { serializeElementsChain } from '../../src/events/elements-chain';
import type { CaptureEvent, ChainElement } from '../../src/events/types';
import { loadCatalog } from '../../src/store/catalog';
import { ingestEvents } from '../../src/store/events';
import { heatmapClicks, heatmapUrlKey, type HeatmapQuery } from '../../src/store/heatmap';
import { openLassoDB, type LassoDatabase } from '../../src/store/schema';
import { rng } from '../fixtures/generate-events';

const el = (tag: string, opts: Partial<ChainElement> = {}): ChainElement => ({ tag_name: tag, attr_class: [], attributes: {}, nth_child: 1, nth_of_type: 1, ...opts });
const shell = [el('form', { nth_child: 2 }), el('main'), el('body', { nth_child: 2 })];
const chainOf = (first: ChainElement) => serializeElementsChain([first, ...shell]);

/** Chains and the `$event_type`s autocapture records on them. */
const CHAINS: [chain: string, types: ('click' | 'change' | 'submit')[]][] = [
  [chainOf(el('button', { text: 'Add', attributes: { 'attr__data-attr': 'add' } })), ['click']],
  [chainOf(el('button', { text: 'Cart (2)', nth_child: 2, nth_of_type: 2 })), ['click']],
  [chainOf(el('a', { href: '/help', text: 'Help', nth_child: 3, attributes: { attr__href: '/help' } })), ['click']],
  [chainOf(el('input', { nth_child: 4, attributes: { attr__name: 'email' } })), ['click', 'change']],
  [chainOf(el('select', { nth_child: 5 })), ['click', 'change']],
  [chainOf(el('textarea', { nth_child: 6 })), ['change']],
  [serializeElementsChain(shell), ['click', 'submit']],
  ['', ['click']], // no chain: never drawn
];
const URLS = [
  'https://shop.test/cart', 'https://shop.test/cart#top', 'https://shop.test/cart?x=1', 'https://shop.test/cart?x=1#h',
  'https://shop.test/checkout', 'https://shop.test:8080/cart', 'https://blog.test/cart',
];
const hostOf = (url: string) => new URL(url).host;
const NOW = Date.UTC(2026, 10, 28, 12);

/** Seeded events: every chain × type on every URL (and a few on a mismatching `$host`), plus noise. */
function seededEvents(count: number, seed: number): CaptureEvent[] {
  const r = rng(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(r() * list.length)];
  return Array.from({ length: count }, (_, i) => {
    const [chain, types] = pick(CHAINS);
    const url = pick(URLS);
    const kind = r();
    const event = kind < 0.8 ? '$autocapture' : kind < 0.9 ? '$rageclick' : '$pageview';
    const properties: CaptureEvent['properties'] = { $current_url: url, $host: r() < 0.05 ? 'elsewhere.test' : hostOf(url) };
    if (event !== '$pageview') {
      if (chain) properties.$elements_chain = chain;
      properties.$event_type = event === '$rageclick' ? 'click' : pick(types);
    }
    const ms = NOW - Math.floor(r() * 30 * 86_400_000);
    return { uuid: `e-${seed}-${i}`, event, distinct_id: 'p', timestamp: new Date(ms).toISOString(), properties };
  });
}

/** The obvious answer: filter every event in memory. */
function bruteForce(events: CaptureEvent[], q: HeatmapQuery) {
  const page = (url: string): string | null => {
    if (q.match === 'exact') return url.split('#')[0];
    try {
      const u = new URL(url);
      return `${u.protocol}//${u.host}${u.pathname}`;
    } catch {
      return null;
    }
  };
  const want = page(q.url);
  const byChain = new Map<string, { clicks: number; lastMs: number }>();
  for (const e of events) {
    const p = e.properties;
    const host = String(p.$host ?? '').toLowerCase(); // the site is host with port
    if (e.event !== '$autocapture' || p.$event_type !== 'click' || !p.$elements_chain || host !== q.site) continue;
    if (want === null || typeof p.$current_url !== 'string' || page(p.$current_url) !== want) continue;
    const got = byChain.get(p.$elements_chain) ?? { clicks: 0, lastMs: -Infinity };
    byChain.set(p.$elements_chain, { clicks: got.clicks + 1, lastMs: Math.max(got.lastMs, Date.parse(e.timestamp)) });
  }
  return byChain;
}

const QUERIES: [string, HeatmapQuery][] = [
  ['exact URL', { site: 'shop.test', url: 'https://shop.test/cart', match: 'exact' }],
  ['exact URL, hash ignored', { site: 'shop.test', url: 'https://shop.test/cart#reviews', match: 'exact' }],
  ['exact URL with query', { site: 'shop.test', url: 'https://shop.test/cart?x=1', match: 'exact' }],
  ['path: any query, any hash', { site: 'shop.test', url: 'https://shop.test/cart?other=2', match: 'path' }],
  ['another port is another site', { site: 'shop.test:8080', url: 'https://shop.test:8080/cart', match: 'path' }],
  ['a page of another port, asked for this site', { site: 'shop.test', url: 'https://shop.test:8080/cart', match: 'path' }],
  ['another site', { site: 'blog.test', url: 'https://blog.test/cart', match: 'path' }],
  ['site of another page', { site: 'blog.test', url: 'https://shop.test/cart', match: 'path' }],
  ['page without events', { site: 'shop.test', url: 'https://shop.test/nowhere', match: 'exact' }],
  ['unparsable URL, path match', { site: 'shop.test', url: 'not a url', match: 'path' }],
];

describe('heatmapClicks equals a brute-force count over the same events', () => {
  const events = seededEvents(3000, 11);
  let db: LassoDatabase;
  beforeAll(async () => {
    db = await openLassoDB(new IDBFactory());
    for (let i = 0; i < events.length; i += 500) await ingestEvents(db, events.slice(i, i + 500));
  });
  afterEach(() => vi.restoreAllMocks());

  it.each(QUERIES)('%s', async (_name, q) => {
    const got = await heatmapClicks(db, q);
    const want = bruteForce(events, q);
    expect(new Map(got.entries.map((e) => [e.chain, { clicks: e.clicks, lastMs: e.lastMs }]))).toEqual(want);
    expect(got.total).toBe([...want.values()].reduce((n, e) => n + e.clicks, 0));
    expect(got.entries.map((e) => e.clicks)).toEqual([...got.entries.map((e) => e.clicks)].sort((a, b) => b - a));
  });

  it('a site with a port counts exactly the clicks whose $host is that host and port', async () => {
    const q = { site: 'shop.test:8080', url: 'https://shop.test:8080/cart', match: 'path' } as const;
    const own = events.filter((e) => e.properties.$host === 'shop.test:8080' && e.event === '$autocapture' && e.properties.$event_type === 'click' && e.properties.$elements_chain);
    expect(own.length).toBeGreaterThan(0);
    expect((await heatmapClicks(db, q)).total).toBe(own.length);
    expect((await heatmapClicks(db, { ...q, site: 'shop.test' })).total).toBe(0);
  });

  it('the table exercises every rule: fields and forms counted by clicks only, textarea never', async () => {
    const got = await heatmapClicks(db, QUERIES[3][1]);
    const tags = got.entries.map((e) => e.chain.slice(0, e.chain.search(/[.:]/)));
    expect(new Set(tags)).toEqual(new Set(['button', 'a', 'input', 'select', 'form']));
    const input = got.entries.find((e) => e.chain.startsWith('input'))!;
    const inputEvents = events.filter((e) => e.event === '$autocapture' && e.properties.$elements_chain === input.chain);
    expect(inputEvents.some((e) => e.properties.$event_type === 'change')).toBe(true);
    expect(input.clicks).toBeLessThan(inputEvents.length);
  });

  it('answers from the catalog alone (series are keyed by type): no store read', async () => {
    await loadCatalog(db);
    const get = vi.spyOn(IDBObjectStore.prototype, 'get');
    const getAll = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    const cursor = vi.spyOn(IDBObjectStore.prototype, 'openCursor');
    const got = await heatmapClicks(db, QUERIES[0][1]);
    expect(got.total).toBeGreaterThan(0);
    expect(get).not.toHaveBeenCalled();
    expect(getAll).not.toHaveBeenCalled();
    expect(cursor).not.toHaveBeenCalled();
  });
});

describe('heatmapClicks on a small, hand-counted page', () => {
  it('counts clicks per chain across URL variants of one site (not other ports), follows new ingests', async () => {
    const db = await openLassoDB(new IDBFactory());
    const [button, input, form] = [CHAINS[0][0], CHAINS[3][0], CHAINS[6][0]];
    let n = 0;
    const ev = (chain: string, type: 'click' | 'change' | 'submit', url: string, ms: number, host = hostOf(url)): CaptureEvent => ({
      uuid: `h-${n++}`, event: '$autocapture', distinct_id: 'p', timestamp: new Date(ms).toISOString(),
      properties: { $current_url: url, $host: host, $elements_chain: chain, $event_type: type },
    });
    await ingestEvents(db, [
      ev(button, 'click', 'https://shop.test/a', 1000),
      ev(button, 'click', 'https://shop.test/a?q=1#x', 3000),
      ev(button, 'click', 'http://shop.test:3000/a', 9000), // same hostname, another site
      ev(input, 'click', 'https://shop.test/a', 2000),
      ev(input, 'change', 'https://shop.test/a', 8000),
      ev(form, 'submit', 'https://shop.test/a', 5000),
    ]);
    const q = { site: 'shop.test', url: 'https://shop.test/a', match: 'path' } as const;
    expect(await heatmapClicks(db, q)).toEqual({
      entries: [{ chain: button, clicks: 2, lastMs: 3000 }, { chain: input, clicks: 1, lastMs: 2000 }],
      total: 3,
    });
    // Equal counts: the more recently clicked first.
    expect((await heatmapClicks(db, { ...q, match: 'exact' })).entries).toEqual([{ chain: input, clicks: 1, lastMs: 2000 }, { chain: button, clicks: 1, lastMs: 1000 }]);
    expect((await heatmapClicks(db, { ...q, site: 'shop.test:3000', url: 'http://shop.test:3000/a' })).entries).toEqual([{ chain: button, clicks: 1, lastMs: 9000 }]);
    expect((await heatmapClicks(db, { ...q, url: 'http://shop.test:3000/a' })).entries).toEqual([]);

    await ingestEvents(db, [ev(form, 'click', 'https://shop.test/a', 6000), ev(input, 'click', 'https://shop.test/a', 7000), ev(input, 'click', 'https://shop.test/a', 7500)]);
    expect(await heatmapClicks(db, q)).toEqual({
      entries: [{ chain: input, clicks: 3, lastMs: 7500 }, { chain: button, clicks: 2, lastMs: 3000 }, { chain: form, clicks: 1, lastMs: 6000 }],
      total: 6,
    });
  });

  it.each([
    ['https://a.test/p?x=1#h', 'exact', 'https://a.test/p?x=1'],
    ['https://a.test/p?x=1#h', 'path', 'https://a.test/p'],
    ['https://A.test:443/p', 'path', 'https://a.test/p'],
    ['http://a.test:8080/', 'path', 'http://a.test:8080/'],
    ['no url#x', 'exact', 'no url'],
    ['no url', 'path', null],
  ] as const)('heatmapUrlKey(%s, %s) = %s', (url, match, key) => {
    expect(heatmapUrlKey(url, match)).toBe(key);
  });
});
