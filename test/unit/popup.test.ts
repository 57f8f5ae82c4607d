import { describe, expect, it } from 'vitest';
import { serializeElementsChain } from '../../src/events/elements-chain';
import type { CaptureEvent } from '../../src/events/types';
import { describeEvent } from '../../src/ui/describe';
import { mergeLatest } from '../../src/popup/useLiveEvents';
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
