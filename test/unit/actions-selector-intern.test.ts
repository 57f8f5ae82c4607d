// Fills the module's tag and class intern tables to their limits, so that the string-comparison
// fallbacks run. Kept in its own file: the filled tables would change how every other test matches.
import { beforeAll, describe, expect, it } from 'vitest';
import { matchesChain, parseSelector } from '../../src/actions';
import { classId, SLOTS, tagId, toMatchChain, UNINTERNED_CLASS } from '../../src/actions/selector/match-chain';
import type { ChainElement } from '../../src/events/types';

const el = (tag_name: string, o: Partial<ChainElement> = {}): ChainElement => ({ tag_name, attr_class: [], nth_child: 1, nth_of_type: 1, attributes: {}, ...o });

/** Class names interned before the table filled (they keep their ids). */
const EARLY = Array.from({ length: 200 }, (_, i) => `early-${i}`);
let maxTag = -1;
let maxClass = -1;

beforeAll(() => {
  for (const t of ['div', 'body', 'span']) tagId(t);
  for (const c of EARLY) classId(c);
  for (let i = 0; i < 4200; i++) maxTag = Math.max(maxTag, tagId(`fill-tag-${i}`));
  for (let i = 0; i < 66000; i++) maxClass = Math.max(maxClass, classId(`fill-class-${i}`));
});

describe('full intern tables', () => {
  it('stop at 4096 tags and 65536 classes, then answer -1', () => {
    expect(maxTag).toBe(4095);
    expect(maxClass).toBe(65535);
    expect(tagId('late-tag')).toBe(-1);
    expect(classId('late-class')).toBe(-1);
    expect(tagId('div')).toBeGreaterThanOrEqual(0);
    expect(classId('early-0')).toBeGreaterThanOrEqual(0);
  });

  it('a selector with a class that could not be interned keeps no class ids', () => {
    expect(parseSelector('.late-a.early-1').selectors[0].compounds[0].classIds).toBeNull();
    expect(parseSelector('.early-1').selectors[0].compounds[0].classIds).toEqual([classId('early-1')]);
  });

  it.each<[string, ChainElement[], boolean]>([
    // tags: interned / not interned on either side
    ['late-x', [el('late-x'), el('body')], true],
    ['late-x', [el('Late-X'), el('body')], true],
    ['late-x', [el('late-y'), el('body')], false],
    ['late-x', [el('div'), el('body')], false],
    ['div', [el('late-y'), el('body')], false],
    ['div', [el('late-y'), el('div'), el('body')], true],
    ['span > late-x', [el('late-x'), el('span'), el('body')], true],
    ['late-x > late-y', [el('late-y'), el('late-z'), el('body')], false],
    // classes: not interned on either side
    ['.late-a', [el('div', { attr_class: ['late-a'] }), el('body')], true],
    ['.late-a', [el('div', { attr_class: ['late-b'] }), el('body')], false],
    ['.late-a', [el('div', { attr_class: EARLY }), el('body')], false],
    ['.late-a.early-1', [el('div', { attr_class: ['early-1', 'late-a'] }), el('body')], true],
    ['.late-a.early-1', [el('div', { attr_class: ['late-a'] }), el('body')], false],
    ['.early-1', [el('div', { attr_class: ['early-1', 'late-b'] }), el('body')], true],
    ['.early-1', [el('div', { attr_class: ['early-2', 'late-b'] }), el('body')], false],
    // an element with a class not interned still folds upper-case attribute names
    ['[xa]', [el('div', { attr_class: ['late-c'], attributes: { attr__xA: '1' } }), el('body')], true],
  ])('row %#: %s', (selector, chain, expected) => {
    expect(matchesChain(parseSelector(selector), chain)).toBe(expected);
  });

  // The UNINTERNED_CLASS flag (documented on MatchChain) marks exactly the elements with a class
  // that got no id, so only they fall back to comparing class strings.
  it.each<[string, string[], number]>([
    ['an interned class', ['early-0'], 0],
    ['several interned classes', ['early-1', 'early-2'], 0],
    ['a class not interned', ['late-d'], UNINTERNED_CLASS],
    ['one class not interned among interned ones', ['early-1', 'late-d'], UNINTERNED_CLASS],
  ])('flags: %s', (_name, classes, flags) => {
    const { packed } = toMatchChain([el('div'), el('p', { attr_class: classes })]);
    expect(packed[SLOTS + 2]).toBe(flags);
    expect(packed[2]).toBe(0);
  });
});
