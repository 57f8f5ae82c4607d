import { afterEach, describe, expect, it } from 'vitest';
import { chainOf, parseChainCached, setChainCacheLimit } from '../../src/actions';
import { serializeElementsChain } from '../../src/events/elements-chain';
import type { CaptureEvent } from '../../src/events/types';
import { event, node } from '../support/action-chains';

/** A distinct, valid chain string per name. */
const chain = (name: string): string => serializeElementsChain([node('a', { text: name })]);

afterEach(() => setChainCacheLimit(2000));

describe('chain cache: an LRU of parsed chain strings', () => {
  it('parses a string once while it is cached', () => {
    setChainCacheLimit(5);
    const s = chain('once');
    const first = parseChainCached(s);
    expect(first[0].text).toBe('once');
    expect(parseChainCached(s)).toBe(first);
  });

  it('keeps nothing with a limit of 0 (and negative limits count as 0)', () => {
    for (const n of [0, -3]) {
      setChainCacheLimit(n);
      const s = chain(`none${n}`);
      const first = parseChainCached(s);
      expect(parseChainCached(s)).not.toBe(first);
      expect(parseChainCached(s)).toEqual(first);
    }
  });

  it('evicts the least recently used string at the limit', () => {
    setChainCacheLimit(2);
    const [a, b, c] = [chain('lru-a'), chain('lru-b'), chain('lru-c')];
    const A = parseChainCached(a);
    const B = parseChainCached(b);
    expect(parseChainCached(a)).toBe(A); // a is now the most recent: b, a
    const C = parseChainCached(c); // evicts b: a, c
    expect(parseChainCached(c)).toBe(C);
    expect(parseChainCached(a)).toBe(A);
    expect(parseChainCached(b)).not.toBe(B);
  });

  it('keeps exactly `limit` strings', () => {
    setChainCacheLimit(3);
    const [a, b, c] = [chain('keep-a'), chain('keep-b'), chain('keep-c')];
    const parsed = [a, b, c].map(parseChainCached);
    expect([a, b, c].map(parseChainCached)).toEqual(parsed);
    [a, b, c].forEach((s, i) => expect(parseChainCached(s)).toBe(parsed[i]));
  });

  it('lowering the limit drops the oldest strings, keeping the newest', () => {
    setChainCacheLimit(3);
    const [a, b, c] = [chain('shrink-a'), chain('shrink-b'), chain('shrink-c')];
    const [A, , C] = [a, b, c].map(parseChainCached);
    setChainCacheLimit(1);
    expect(parseChainCached(c)).toBe(C);
    expect(parseChainCached(a)).not.toBe(A);
  });
});

describe('chainOf: the parsed chain of an event', () => {
  it.each<[string, Record<string, unknown> | undefined]>([
    ['no chain', {}],
    ['empty chain', { $elements_chain: '' }],
    ['non-string chain', { $elements_chain: 5 }],
    ['array chain', { $elements_chain: ['a'] }],
    ['no properties at all', undefined],
  ])('%s gives an empty chain', (_name, properties) => {
    const ev = { uuid: 'u', event: '$autocapture', distinct_id: 'd', timestamp: '2024-05-08T12:00:00Z', properties } as unknown as CaptureEvent;
    expect(chainOf(ev)).toEqual([]);
  });

  it('is remembered per event even when the string LRU keeps nothing', () => {
    setChainCacheLimit(0);
    const ev = event([node('button', { text: 'per-event' })]);
    const first = chainOf(ev);
    expect(first[0].tag_name).toBe('button');
    expect(chainOf(ev)).toBe(first);
  });

  it('follows an edited chain string', () => {
    const ev = event([node('button', { text: 'before-edit' })]);
    expect(chainOf(ev)[0].text).toBe('before-edit');
    ev.properties.$elements_chain = chain('after-edit');
    expect(chainOf(ev)[0].text).toBe('after-edit');
  });
});
