import { describe, expect, it } from 'vitest';
import { classBit, classId, matchChainFor, MIXED_CASE_KEYS, SLOTS, tagId, toMatchChain } from '../../src/actions/selector/match-chain';
import type { ChainElement } from '../../src/events/types';

// The fast layout documented on MatchChain: SLOTS slots per element, then the interned class ids.

const el = (tag_name: string, attr_class: string[] = [], attributes: Record<string, string> = {}): ChainElement =>
  ({ tag_name, attr_class, nth_child: 1, nth_of_type: 1, attributes });

describe('toMatchChain layout', () => {
  it('packs tag ids, class bits, flags and class ranges per element, class ids after the slots', () => {
    const els = [el('SPAN', ['a', 'b']), el('div'), el('p', ['c'])];
    const { n, packed, els: kept } = toMatchChain(els);
    expect(n).toBe(3);
    expect(kept).toBe(els);
    expect(packed).toHaveLength(3 * SLOTS + 3);
    const slots = (i: number) => Array.from(packed.slice(SLOTS * i, SLOTS * i + SLOTS));
    expect(slots(0)).toEqual([tagId('span'), classBit('a') | classBit('b'), 0, 15, 17]);
    expect(slots(1)).toEqual([tagId('div'), 0, 0, 17, 17]);
    expect(slots(2)).toEqual([tagId('p'), classBit('c'), 0, 17, 18]);
    expect(Array.from(packed.slice(15))).toEqual([classId('a'), classId('b'), classId('c')]);
  });

  it('an empty chain has no slots', () => {
    const mc = toMatchChain([]);
    expect(mc.n).toBe(0);
    expect(mc.packed).toHaveLength(0);
  });

  it.each<[string, Record<string, string>, number]>([
    ['lower-case attribute names', { attr__viewbox: '0 0 8 8', 'attr__data-x': '1' }, 0],
    ['an upper-case letter (SVG viewBox)', { attr__viewBox: '0 0 8 8' }, MIXED_CASE_KEYS],
    ['A is upper case', { attr__A: '' }, MIXED_CASE_KEYS],
    ['Z is upper case', { attr__Z: '' }, MIXED_CASE_KEYS],
    ['@ and [ (just outside A–Z) are not', { 'attr__@': '', 'attr__[': '' }, 0],
    ['no attributes', {}, 0],
  ])('flags: %s', (_name, attributes, flags) => {
    expect(toMatchChain([el('svg', [], attributes)]).packed[2]).toBe(flags);
  });
});

describe('matchChainFor', () => {
  it('builds the layout once per chain array', () => {
    const els = [el('a', ['x'])];
    const mc = matchChainFor(els);
    expect(matchChainFor(els)).toBe(mc);
    expect(matchChainFor([...els])).not.toBe(mc);
    expect(mc.packed[0]).toBe(tagId('a'));
  });
});

