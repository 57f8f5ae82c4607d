import { describe, expect, it } from 'vitest';
import type { ActionStep } from '../../src/actions/types';
import type { CaptureEvent } from '../../src/events/types';
import { MessageRejectedError } from '../../src/messaging/validate';
import { needsRawEvent, planPreview, stepParts } from '../../src/preview/plan';
import { checkPreviewRequest } from '../../src/preview/request';
import { inSite, partsKey, selectSeries } from '../../src/preview/select';
import type { Catalog } from '../../src/store/catalog';
import { NONE, seriesId, type SeriesRow } from '../../src/store/rows';
import { addEvent, addLatest, emptyTally, perDay } from '../../src/preview/tally';

const H = 3_600_000;
const T = Date.UTC(2026, 10, 28, 0, 0);

describe('perDay', () => {
  it.each([
    ['UTC', 0, [{ day: '2026-11-27', count: 2 }, { day: '2026-11-28', count: 3 }]],
    ['UTC+1 moves 23:00 UTC into the next day', 60, [{ day: '2026-11-27', count: 1 }, { day: '2026-11-28', count: 4 }]],
    ['UTC-5 moves 00:00-04:59 UTC into the previous day', -300, [{ day: '2026-11-27', count: 4 }, { day: '2026-11-28', count: 1 }]],
  ])('%s', (_name, tz, want) => {
    const hourly = new Map([[T / H - 2, 1], [T / H - 1, 1], [T / H, 2], [T / H + 5, 1], [T / H + 6, 0]]);
    expect(perDay(hourly, tz)).toEqual(want);
  });
});

describe('addEvent counts a match into windows ending at now', () => {
  const ev = { uuid: 'u', event: 'e', distinct_id: 'd', timestamp: '', properties: {} } as CaptureEvent;
  it.each([
    ['just now', T - 1, { '1h': 1, '24h': 1, '7d': 1, '30d': 1, all: 1 }],
    ['exactly one hour ago (window start is inclusive)', T - H, { '1h': 1, '24h': 1, '7d': 1, '30d': 1, all: 1 }],
    ['one hour and 1 ms ago', T - H - 1, { '1h': 0, '24h': 1, '7d': 1, '30d': 1, all: 1 }],
    ['after now (another clock)', T + 5000, { '1h': 1, '24h': 1, '7d': 1, '30d': 1, all: 1 }],
    ['31 days ago', T - 31 * 24 * H, { '1h': 0, '24h': 0, '7d': 0, '30d': 0, all: 1 }],
  ])('%s', (_name, ms, windows) => {
    const t = emptyTally(T);
    addEvent(t, ev, ms, 50);
    expect(t.windows).toEqual(windows);
    expect(t.latest.map((l) => l.ms)).toEqual([ms]);
  });
});

describe('addLatest keeps the newest, equal times by uuid ascending (the refs key order)', () => {
  const entry = (ms: number, uuid: string) => ({ ms, uuid, event: { uuid, event: 'e', distinct_id: 'd', timestamp: '', properties: {} } as CaptureEvent });
  it.each([
    ['in order', [[T, 'a'], [T, 'b'], [T - 1, 'c']], 3, ['a', 'b', 'c']],
    ['reversed', [[T - 1, 'c'], [T, 'b'], [T, 'a']], 3, ['a', 'b', 'c']],
    ['tie last', [[T, 'b'], [T, 'a']], 2, ['a', 'b']],
    ['keep 1 of a tie', [[T, 'b'], [T, 'a']], 1, ['a']],
    ['keep 1 of a tie, other order', [[T, 'a'], [T, 'b']], 1, ['a']],
  ] as const)('%s', (_name, entries, keep, want) => {
    const t = emptyTally(T);
    addLatest(t, entries.map(([ms, uuid]) => entry(ms, uuid)), keep);
    expect(t.latest.map((l) => l.uuid)).toEqual(want);
  });
});

describe('which conditions need raw events', () => {
  it.each([
    [{ key: 'plan' }, true],
    [{ key: 'plan', type: 'event' as const }, true],
    [{ key: 'email', type: 'person' as const }, true],
    [{ key: 'selector', value: 'a', type: 'element' as const }, false],
    [{ key: '$event_type', value: 'click', operator: 'exact' as const, type: 'event' as const }, false],
    [{ key: '$event_type', value: 'click', type: 'person' as const }, true],
    // A filter without a type is an event filter: "clicks only" then comes from the series key.
    [{ key: '$event_type', value: 'click' }, false],
  ])('%j → %s', (filter, raw) => expect(needsRawEvent(filter)).toBe(raw));

  it.each([
    ['event only', { event: '$pageview' }, { chainStep: null, urlStep: null, typeStep: null, raw: false }],
    ['empty strings set nothing', { selector: '', url: '', text: null }, { chainStep: null, urlStep: null, typeStep: null, raw: false }],
    ['chain and url parts', { event: '$autocapture', selector: 'button', text: 'Go', text_matching: 'contains' as const, url: '/x', url_matching: 'exact' as const },
      { chainStep: { selector: 'button', text: 'Go', text_matching: 'contains' }, urlStep: { url: '/x', url_matching: 'exact' }, typeStep: null, raw: false }],
    ['element filters go with the chain, event filters make it raw',
      { href: '/a', properties: [{ key: 'plan', value: 'pro' }, { key: 'tag_name', value: 'a', type: 'element' as const }] },
      { chainStep: { href: '/a', href_matching: undefined, properties: [{ key: 'tag_name', value: 'a', type: 'element' }] }, urlStep: null, typeStep: null, raw: true }],
    ['a person filter alone', { properties: [{ key: 'email', operator: 'is_set' as const, type: 'person' as const }] }, { chainStep: null, urlStep: null, typeStep: null, raw: true }],
    ['clicks only is a type part, not raw', { event: '$autocapture', properties: [{ key: '$event_type', value: 'click', operator: 'exact' as const, type: 'event' as const }] },
      { chainStep: null, urlStep: null, typeStep: { properties: [{ key: '$event_type', value: 'click', operator: 'exact', type: 'event' }] }, raw: false }],
    ['tag_name is a chain part', { event: '$autocapture', tag_name: 'button' }, { chainStep: { tag_name: 'button' }, urlStep: null, typeStep: null, raw: false }],
  ])('stepParts: %s', (_name, step: ActionStep, want) => expect(stepParts(step)).toEqual(want));
});

describe('site scoping', () => {
  it.each([
    ['shop.test', 'shop.test', true],
    ['blog.test:8080', 'blog.test', false],
    ['blog.test:8080', 'blog.test:8080', true],
    ['blog.test', 'blog.test:8080', false],
    ['[::1]:5174', '[::1]:5174', true],
    ['Shop.Test:3000', 'shop.test:3000', true],
    ['Shop.Test', 'shop.test', true],
    ['shop.test', 'blog.test', false],
    ['', 'shop.test', false],
    ['anything', null, true],
  ])('host %j in site %j: %s', (host, site, want) => expect(inSite(host, site)).toBe(want));
});

describe('partsKey: an event’s key is its series’ key in Selection.exactKeys', () => {
  // A catalog of one site: a chain (id 1) and a URL (id 1); series with and without either.
  const CHAIN = 'button:text="Buy"nth-child="1"nth-of-type="1"';
  const PAGE = 'https://shop.test/cart';
  const row = (event: string, chain: number, url: number, type = ''): SeriesRow => ({ event, chain, url, host: 'shop.test', type, n: 1, first: 0, last: 0 });
  const catalog = (): Catalog => ({
    chains: new Map([[1, CHAIN]]), chainIds: new Map([[CHAIN, 1]]), urls: new Map([[1, PAGE]]), urlIds: new Map([[PAGE, 1]]),
    series: new Map([row('$autocapture', 1, 1, 'click'), row('$autocapture', 1, NONE, 'change'), row('$pageview', NONE, 1), row('$pageleave', NONE, NONE), row('signed_up', NONE, 1)].map((r) => [seriesId(r), r])),
  });
  const event = (name: string, properties: Record<string, unknown>): CaptureEvent => ({ uuid: 'u', event: name, distinct_id: 'd', timestamp: '', properties: { $host: 'shop.test', ...properties } });

  it.each([
    ['chain, url and type', event('$autocapture', { $elements_chain: CHAIN, $current_url: PAGE, $event_type: 'click' }), true],
    ['chain and type, no url', event('$autocapture', { $elements_chain: CHAIN, $event_type: 'change' }), true],
    ['url, no chain', event('$pageview', { $current_url: PAGE }), true],
    ['an empty chain is no chain', event('$pageview', { $current_url: PAGE, $elements_chain: '' }), true],
    ['neither chain nor url', event('$pageleave', {}), true],
    ['a non-string url is no url', event('$pageleave', { $current_url: 7 }), true],
    ['a series the action does not match', event('signed_up', { $current_url: PAGE }), false],
    ['another type than the exact series', event('$autocapture', { $elements_chain: CHAIN, $current_url: PAGE, $event_type: 'submit' }), false],
    ['another host', event('$pageview', { $current_url: PAGE, $host: 'blog.test' }), false],
  ])('%s → in exactKeys: %s', (_name, e, want) => {
    const plan = planPreview({ steps: [{ event: '$autocapture' }, { event: '$pageview' }, { event: '$pageleave' }] });
    const sel = selectSeries(catalog(), plan, null);
    expect(sel.exact).toHaveLength(4);
    expect(sel.exactKeys.has(partsKey(e))).toBe(want);
  });
});

describe('checkPreviewRequest', () => {
  it.each([
    [{ type: 'query', id: 1, action: { steps: [] } }, { type: 'query', id: 1, action: { steps: [] }, site: null }],
    [{ type: 'query', id: 2, actionId: 'abc', site: 'shop.test', now: 5, tzOffsetMinutes: 60, latest: 10 }, { type: 'query', id: 2, actionId: 'abc', site: 'shop.test', now: 5, tzOffsetMinutes: 60, latest: 10 }],
    [{ type: 'query', id: 4, actionId: 'abc', site: 'localhost:3000' }, { type: 'query', id: 4, actionId: 'abc', site: 'localhost:3000', now: undefined, tzOffsetMinutes: undefined, latest: undefined }],
    [{ type: 'cancel', id: 3 }, { type: 'cancel', id: 3 }],
    // The limits themselves are allowed: id 0, an explicit null site, a 64-character id, ±14 h, 1 and 200 latest.
    [{ type: 'query', id: 0, action: { steps: [] }, site: null }, { type: 'query', id: 0, action: { steps: [] }, site: null }],
    [{ type: 'query', id: 5, actionId: 'a'.repeat(64), tzOffsetMinutes: -840, latest: 1 }, { type: 'query', id: 5, actionId: 'a'.repeat(64), site: null, tzOffsetMinutes: -840, latest: 1 }],
    [{ type: 'query', id: 6, actionId: 'b', tzOffsetMinutes: 840, latest: 200 }, { type: 'query', id: 6, actionId: 'b', site: null, tzOffsetMinutes: 840, latest: 200 }],
  ])('accepts %j', (raw, want) => expect(JSON.parse(JSON.stringify(checkPreviewRequest(raw)))).toEqual(want));

  it.each([
    [null, 'message must be an object'],
    [{ type: 'query', id: -1, action: {} }, 'id must be'],
    [{ type: 'run', id: 1 }, 'type must be'],
    [{ type: 'query', id: 1 }, 'either action'],
    [{ type: 'query', id: 1, action: {}, actionId: 'x' }, 'either action'],
    [{ type: 'query', id: 1, action: [] }, 'action: must be an object'],
    [{ type: 'query', id: 1, actionId: 7 }, 'actionId:'],
    [{ type: 'query', id: 1, action: {}, site: 3 }, 'site:'],
    [{ type: 'query', id: 1, action: {}, site: 'Shop.test:80' }, 'site:'],
    [{ type: 'query', id: 1, action: {}, now: Infinity }, 'now:'],
    [{ type: 'query', id: 1, action: {}, tzOffsetMinutes: 900 }, 'tzOffsetMinutes:'],
    [{ type: 'query', id: 1, action: {}, latest: 0 }, 'latest:'],
    ['query', 'message must be an object'],
    [{ type: 'query', id: 1, actionId: 'a'.repeat(65) }, 'actionId:'],
    [{ type: 'query', id: 1, action: {}, latest: 201 }, 'latest:'],
  ])('rejects %j naming the problem (%s)', (raw, text) => {
    expect(() => checkPreviewRequest(raw)).toThrow(MessageRejectedError);
    expect(() => checkPreviewRequest(raw)).toThrow(text);
  });
});
