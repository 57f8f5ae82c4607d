// @ts-nocheck
import { describe, expect, it } from 'vitest';
import {
  fitChain, limitEvent, MAX_ATTRIBUTE_CHARS, MAX_CHAIN_CHARS, MAX_EVENT_CHARS, MAX_STRING_CHARS, MAX_TEXT_CHARS, TRUNCATED_PROPERTY,
} from '../../src/autocapture/limits';
import { parseElementsChain, serializeElementsChain } from '../../src/events/elements-chain';
import type { CaptureEvent, ChainElement } from '../../src/events/types';

const event = (properties: Record<string, unknown>): CaptureEvent => ({
  uuid: '0190a0a0-0000-7000-8000-000000000000',
  event: '$autocapture',
  distinct_id: 'd',
  timestamp: '2026-01-01T00:00:00.000Z',
  properties: { $current_url: 'http://shop.test/', $host: 'shop.test', $pathname: '/', $session_id: 's', $window_id: 'w', ...properties },
});
const kb = (n: number, c = 'x') => c.repeat(n * 1024);
const manyAttributes = (n: number, size: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`data-a${i}`, 'v'.repeat(size)]));

describe('limitEvent: every string has a cap, an event a budget; cuts are marked', () => {
  it.each<[string, Record<string, unknown>, Record<string, number>, string[] | undefined]>([
    ['a small event is left alone', { $el_text: 'Buy' }, { $el_text: 3 }, undefined],
    ['a 100 KB pushState URL and path', { $current_url: `http://shop.test/${kb(100)}`, $pathname: `/${kb(100)}` },
      { $current_url: MAX_STRING_CHARS, $pathname: MAX_STRING_CHARS }, ['$current_url', '$pathname']],
    ['1 MB of element text', { $el_text: kb(1024) }, { $el_text: MAX_TEXT_CHARS }, ['$el_text']],
    ['a long title and referrer', { title: kb(20), $referrer: kb(9) }, { title: MAX_STRING_CHARS, $referrer: MAX_STRING_CHARS }, ['title', '$referrer']],
    ['text exactly at its cap', { $el_text: 'y'.repeat(MAX_TEXT_CHARS) }, { $el_text: MAX_TEXT_CHARS }, undefined],
    ['a capture attribute value', { price: kb(10) }, { price: MAX_STRING_CHARS }, ['price']],
  ])('%s', (_name, properties, lengths, marker) => {
    const out = limitEvent(event(properties));
    for (const [key, length] of Object.entries(lengths)) expect((out.properties[key] as string).length).toBe(length);
    expect(out.properties[TRUNCATED_PROPERTY]).toEqual(marker);
  });

  it('1,000 capture attributes of 1 KB: the event fits its budget, keeps where it happened, and says what it lost', () => {
    const out = limitEvent(event({ ...manyAttributes(1000, 1024), $current_url: `http://shop.test/${kb(100)}` }));
    expect(JSON.stringify(out).length).toBeLessThanOrEqual(MAX_EVENT_CHARS);
    expect(out.properties).toMatchObject({ $host: 'shop.test', $session_id: 's', $window_id: 'w' });
    expect((out.properties.$current_url as string).length).toBe(MAX_STRING_CHARS);
    const marker = out.properties[TRUNCATED_PROPERTY] as string[];
    expect(marker).toHaveLength(21);
    expect(marker[20]).toMatch(/^\+\d+ more$/);
  });

  it.each<[string, unknown, string[]]>([
    ['a chain cut earlier is still listed', ['$elements_chain'], ['$elements_chain', '$el_text']],
    ['a string the page put there is replaced', 'nothing was cut', ['$el_text']],
  ])('the marker: %s', (_name, before, after) => {
    const out = limitEvent(event({ [TRUNCATED_PROPERTY]: before, $el_text: kb(2) }));
    expect(out.properties[TRUNCATED_PROPERTY]).toEqual(after);
  });

  it('a marker the page set (a capture attribute) on an event with no cut is removed', () => {
    expect(limitEvent(event({ [TRUNCATED_PROPERTY]: 'everything' })).properties).not.toHaveProperty(TRUNCATED_PROPERTY);
  });
});

const el = (tag: string, attributes: Record<string, string> = {}): ChainElement => ({
  tag_name: tag, attr_class: [], nth_child: 1, nth_of_type: 1, attributes,
});

describe('fitChain: the chain stays parseable and within its budget, innermost first', () => {
  it.each<[string, ChainElement[]]>([
    ['a plain chain', [el('button', { attr__id: 'buy' }), el('div'), el('body')]],
    ['an attribute at the cap', [el('a', { attr__href: 'h'.repeat(MAX_ATTRIBUTE_CHARS) })]],
  ])('%s is unchanged', (_name, chain) => {
    expect(fitChain(chain)).toEqual({ elements: chain, cut: false });
  });

  it('a 100 KB href on the first element is cut to the attribute cap', () => {
    const { elements, cut } = fitChain([el('a', { attr__href: kb(100) }), el('body')]);
    expect(cut).toBe(true);
    expect(elements[0].attributes.attr__href).toHaveLength(MAX_ATTRIBUTE_CHARS);
    expect(elements[1].tag_name).toBe('body');
  });

  it('1,000 attributes of 1 KB: class and id kept, as many others as fit, ancestors kept', () => {
    const first = el('button', { attr__class: 'buy', attr__id: 'b1', ...Object.fromEntries(Object.entries(manyAttributes(1000, 1024)).map(([k, v]) => [`attr__${k}`, v])) });
    const { elements, cut } = fitChain([first, el('form', { attr__id: 'checkout' }), el('body')]);
    const chain = serializeElementsChain(elements);
    expect(cut).toBe(true);
    expect(chain.length).toBeLessThanOrEqual(MAX_CHAIN_CHARS);
    expect(chain.length).toBeGreaterThan(MAX_CHAIN_CHARS - 2 * 1024); // the budget is used, not wasted
    const parsed = parseElementsChain(chain);
    expect(parsed.map((e) => e.tag_name)).toEqual(['button', 'form', 'body']);
    expect(parsed[0].attributes).toMatchObject({ attr__class: 'buy', attr__id: 'b1', 'attr__data-a0': 'v'.repeat(1024) });
  });

  it('1,000 ancestors with 1 KB classes: the innermost are kept, the outermost go', () => {
    const chain = Array.from({ length: 1000 }, (_, i) => el(`x-${i}`, { attr__class: `c${i} ${kb(1)}`, 'attr__data-x': kb(1) }));
    const { elements, cut } = fitChain(chain);
    expect(cut).toBe(true);
    expect(serializeElementsChain(elements).length).toBeLessThanOrEqual(MAX_CHAIN_CHARS);
    expect(elements.length).toBeGreaterThan(5);
    expect(elements.map((e) => e.tag_name)).toEqual(chain.slice(0, elements.length).map((e) => e.tag_name));
  });

  it('quotes and backslashes (escaped in the chain) still fit', () => {
    const first = el('div', Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`attr__q${i}`, '"\\'.repeat(500)])));
    const { elements } = fitChain([first]);
    expect(serializeElementsChain(elements).length).toBeLessThanOrEqual(MAX_CHAIN_CHARS);
  });
});
