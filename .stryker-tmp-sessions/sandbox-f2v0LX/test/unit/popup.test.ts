// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { serializeElementsChain } from '../../src/events/elements-chain';
import type { CaptureEvent } from '../../src/events/types';
import { describeEvent, eventLabel, propertyRows } from '../../src/ui/describe';
import { countOfHost, mergeLatest } from '../../src/popup/useLiveEvents';
import { relativeTime } from '../../src/ui/time';

const ev = (uuid: string, ts: number, properties: Record<string, unknown> = {}): CaptureEvent => ({
  uuid, event: '$autocapture', distinct_id: 'd', timestamp: new Date(ts).toISOString(), properties,
});

describe('popup helpers', () => {
  it.each([
    [{ $el_text: '  Add to cart ' }, 'Add to cart'],
    [{ $elements_chain: serializeElementsChain([{ tag_name: 'button', attr_class: ['b', 'a'], attr_id: 'buy', attributes: {} }]) }, 'button#buy.a.b'],
    [{ $elements_chain: serializeElementsChain([{ tag_name: 'button', attr_class: ['icon'], attributes: { 'attr__aria-label': 'Add to wishlist' } }]) }, 'Add to wishlist'],
    [{ $pathname: '/pricing' }, '/pricing'],
    [{}, ''],
  ])('describes %j as %j', (properties, expected) => expect(describeEvent(ev('u', 0, properties))).toBe(expected));

  it.each([
    ['$pageview', { $current_url: 'http://127.0.0.1:5174/app/#/cart?x=1', $pathname: '/app/', $el_text: 'ignored' }, '/app/#/cart?x=1'],
    ['$pageview', { $current_url: 'http://shop.test/pricing?plan=pro', $pathname: '/pricing' }, '/pricing'],
    ['$pageleave', { $current_url: 'http://shop.test/#/', $pathname: '/' }, '/#/'],
    ['$pageview', { $current_url: 'not a url', $pathname: '/fallback' }, '/fallback'],
    ['$autocapture', { $current_url: 'http://shop.test/#/cart' }, '/#/cart'],
  ])('a %s with %j is described by its path and hash route: %s', (event, properties, expected) =>
    expect(describeEvent({ ...ev('u', 0, properties), event })).toBe(expected));

  it.each([
    ['$autocapture', { $event_type: 'click' }, 'click'],
    ['$autocapture', { $event_type: 'change' }, 'change'],
    ['$autocapture', { $event_type: 'submit' }, 'submit'],
    ['$autocapture', {}, 'autocapture'],
    ['$pageview', {}, 'pageview'],
    ['$pageleave', {}, 'pageleave'],
    ['$rageclick', { $event_type: 'click' }, 'rage click'],
    ['signed_up', { $event_type: 'click' }, 'signed_up'],
  ])('labels a %s with %j as %s', (event, properties, expected) => expect(eventLabel({ ...ev('u', 0, properties), event })).toBe(expected));

  it('lists an event as key/value rows: name, time, distinct id, then properties by name; non-strings as JSON', () => {
    const e = ev('u', 0, { $z: 'last', $a: 1, n: null, o: { k: [1] }, s: 'x "quoted"' });
    expect(propertyRows(e)).toEqual([
      ['event', '$autocapture'], ['timestamp', e.timestamp], ['distinct_id', 'd'],
      ['$a', '1'], ['$z', 'last'], ['n', 'null'], ['o', '{"k":[1]}'], ['s', 'x "quoted"'],
    ]);
  });

  it.each([
    ['127.0.0.1:5174', 2],
    ['127.0.0.1:8123', 1],
    ['127.0.0.1', 0],
  ])('counts pushed events of site %s only (port included): %i', (host, expected) => {
    const pushed = [ev('a', 1, { $host: '127.0.0.1:5174' }), ev('b', 2, { $host: '127.0.0.1:8123' }), ev('c', 3, { $host: '127.0.0.1:5174' }), ev('d', 4)];
    expect(countOfHost(pushed, host)).toBe(expected);
  });

  it.each([
    [0, 'just now'],
    [30_000, '30 s ago'],
    [5 * 60_000, '5 min ago'],
    [3 * 3_600_000, '3 h ago'],
    [2 * 86_400_000, '2 d ago'],
    [-5000, 'just now'],
  ])('%i ms ago reads %s', (ago, text) => expect(relativeTime(1_000_000_000 - ago, 1_000_000_000)).toBe(text));

  it('merges pushed events newest first without duplicates, capped at 50', () => {
    const current = [ev('b', 2), ev('a', 1)];
    expect(mergeLatest(current, [ev('c', 3), ev('b', 2)]).map((e) => e.uuid)).toEqual(['c', 'b', 'a']);
    const many = Array.from({ length: 60 }, (_, i) => ev(`e${i}`, i));
    expect(mergeLatest([], many)).toHaveLength(50);
    expect(mergeLatest([], many)[0].uuid).toBe('e59');
  });
});
