import { describe, expect, it } from 'vitest';
import { parseElementsChain, serializeElementsChain } from '../../src/events/elements-chain';
import type { ChainElement } from '../../src/events/types';

const el = (over: Partial<ChainElement>): ChainElement => ({ tag_name: 'div', attr_class: [], attributes: {}, ...over });

describe('parseElementsChain reads PostHog chains', () => {
  it('reads the elements-chain spec example', () => {
    const chain =
      'span:nth-child="1"nth-of-type="1";a.test-class.test-class2:attr__class="test-class test-class2"attr__href="http://test.com"href="http://test.com"nth-child="1"nth-of-type="1";body:nth-child="2"nth-of-type="1"';
    expect(parseElementsChain(chain)).toEqual([
      el({ tag_name: 'span', nth_child: 1, nth_of_type: 1 }),
      el({
        tag_name: 'a', attr_class: ['test-class', 'test-class2'], href: 'http://test.com', nth_child: 1, nth_of_type: 1,
        attributes: { attr__class: 'test-class test-class2', attr__href: 'http://test.com' },
      }),
      el({ tag_name: 'body', nth_child: 2, nth_of_type: 1 }),
    ]);
  });

  it.each<[string, string, Partial<ChainElement>]>([
    ['text and attr_id', 'button:attr__id="buy"attr_id="buy"nth-child="3"nth-of-type="2"text="Buy now"',
      { tag_name: 'button', attr_id: 'buy', text: 'Buy now', nth_child: 3, nth_of_type: 2, attributes: { attr__id: 'buy' } }],
    ['escaped quotes (posthog-js output)', 'button:attr__title="say \\"hi\\""nth-child="1"nth-of-type="1"text="a \\"b\\""',
      { tag_name: 'button', text: 'a "b"', nth_child: 1, nth_of_type: 1, attributes: { attr__title: 'say "hi"' } }],
    ['other backslashes are literal (posthog-js does not escape them)', 'a:attr__data-path="C:\\dir\\file"nth-child="1"nth-of-type="1"',
      { tag_name: 'a', nth_child: 1, nth_of_type: 1, attributes: { 'attr__data-path': 'C:\\dir\\file' } }],
    ['separators inside values', 'p:nth-child="1"nth-of-type="1"text="a;b:c=d"',
      { tag_name: 'p', text: 'a;b:c=d', nth_child: 1, nth_of_type: 1 }],
    ['Tailwind classes with ":" and "/"', 'button.hover:bg-x.md:flex.w-1/2:attr__class="hover:bg-x w-1/2 md:flex"nth-child="1"nth-of-type="1"',
      { tag_name: 'button', attr_class: ['hover:bg-x', 'md:flex', 'w-1/2'], nth_child: 1, nth_of_type: 1, attributes: { attr__class: 'hover:bg-x w-1/2 md:flex' } }],
    ['class with "." read back from attr__class', 'div.py-2.5.w-1.5:attr__class="w-1.5 py-2.5"nth-child="1"nth-of-type="1"',
      { tag_name: 'div', attr_class: ['py-2.5', 'w-1.5'], nth_child: 1, nth_of_type: 1, attributes: { attr__class: 'w-1.5 py-2.5' } }],
    ['Alpine key with ":"', 'button:attr__x-on:click="go()"nth-child="1"nth-of-type="1"',
      { tag_name: 'button', nth_child: 1, nth_of_type: 1, attributes: { 'attr__x-on:click': 'go()' } }],
    ['Vue key with "@"', 'button:attr__@click="go()"nth-child="1"nth-of-type="1"',
      { tag_name: 'button', nth_child: 1, nth_of_type: 1, attributes: { 'attr__@click': 'go()' } }],
    ['namespaced tag', 'svg:rect:nth-child="1"nth-of-type="1"', { tag_name: 'svg:rect', nth_child: 1, nth_of_type: 1 }],
    ['element without attributes', 'div.a', { tag_name: 'div', attr_class: ['a'] }],
    ['empty value', 'input:attr__value=""nth-child="1"nth-of-type="1"',
      { tag_name: 'input', nth_child: 1, nth_of_type: 1, attributes: { attr__value: '' } }],
    ['unknown keys stay attributes', 'div:custom="x"nth-child="1"nth-of-type="1"',
      { tag_name: 'div', nth_child: 1, nth_of_type: 1, attributes: { custom: 'x' } }],
    ['non-canonical positions stay attributes', 'div:nth-child="01"nth-of-type="1e3"',
      { tag_name: 'div', attributes: { 'nth-child': '01', 'nth-of-type': '1e3' } }],
    ['a 16-digit position stays an attribute', 'div:nth-child="1234567890123456"nth-of-type="0"',
      { tag_name: 'div', nth_of_type: 0, attributes: { 'nth-child': '1234567890123456' } }],
    ['empty named values stay attributes', 'div:attr_id=""href=""text=""',
      { tag_name: 'div', attributes: { attr_id: '', href: '', text: '' } }],
    ['a class with ";" (read back from attr__class)', 'div.a;b:attr__class="a;b"nth-child="1"nth-of-type="1"',
      { tag_name: 'div', attr_class: ['a;b'], nth_child: 1, nth_of_type: 1, attributes: { attr__class: 'a;b' } }],
    ['a key with ";"', 'div:attr__a;b="1"nth-child="1"nth-of-type="1"',
      { tag_name: 'div', nth_child: 1, nth_of_type: 1, attributes: { 'attr__a;b': '1' } }],
    ['escaped quotes in keys', 'div:attr__a\\"b="1"attr__c\\"d="2"', { tag_name: 'div', attributes: { 'attr__a"b': '1', 'attr__c"d': '2' } }],
    ['Tailwind class and Alpine key', 'button.md:flex:attr__x-on:click="go()"nth-child="1"nth-of-type="1"',
      { tag_name: 'button', attr_class: ['md:flex'], nth_child: 1, nth_of_type: 1, attributes: { 'attr__x-on:click': 'go()' } }],
    ['Tailwind class and an unknown key (PostHog\'s key rule)', 'div.md:flex:custom="x"', { tag_name: 'div', attr_class: ['md:flex'], attributes: { custom: 'x' } }],
    ['classes with ":" and an odd key (the last colon)', 'div.a:b:@click="go()"', { tag_name: 'div', attr_class: ['a:b'], attributes: { '@click': 'go()' } }],
    ['no tag name', ':nth-child="1"nth-of-type="1"', { tag_name: '', nth_child: 1, nth_of_type: 1 }],
    ['classes without a tag name', '.a:nth-child="1"nth-of-type="1"', { tag_name: '', attr_class: ['a'], nth_child: 1, nth_of_type: 1 }],
    ['empty class names are dropped', 'div.a..b:nth-child="1"nth-of-type="1"', { tag_name: 'div', attr_class: ['a', 'b'], nth_child: 1, nth_of_type: 1 }],
    ['attr__class with extra spaces', 'div.py-2.5.w-1.5:attr__class=" w-1.5   py-2.5 "',
      { tag_name: 'div', attr_class: ['py-2.5', 'w-1.5'], attributes: { attr__class: ' w-1.5   py-2.5 ' } }],
    ['attr__class that disagrees with the tag part', 'div.a.b:attr__class="x.y"', { tag_name: 'div', attr_class: ['a', 'b'], attributes: { attr__class: 'x.y' } }],
    ['a __proto__ key is an own attribute', 'div:__proto__="x"nth-child="1"nth-of-type="1"',
      { tag_name: 'div', nth_child: 1, nth_of_type: 1, attributes: JSON.parse('{"__proto__":"x"}') }],
    // Rows from mutation testing (2026-12-02).
    ['a head without ":" is all tag name (nothing names the key)', 'div="x"', { tag_name: 'div', attributes: { '': 'x' } }],
    ['a namespaced tag without attributes (PostHog: no "=" after the colon)', 'svg:rect', { tag_name: 'svg:rect' }],
    ['a Tailwind class without attributes', 'div.md:flex', { tag_name: 'div', attr_class: ['md:flex'] }],
  ])('%s', (_name, chain, expected) => {
    expect(parseElementsChain(chain)).toEqual([el(expected)]);
  });

  it.each<[string, string, Partial<ChainElement>[]]>([
    ['an element without attributes before another', 'div.a;span:nth-child="1"nth-of-type="1"',
      [{ tag_name: 'div', attr_class: ['a'] }, { tag_name: 'span', nth_child: 1, nth_of_type: 1 }]],
    ['trailing colons of elements without attributes', 'div.a:;span:', [{ tag_name: 'div', attr_class: ['a'] }, { tag_name: 'span' }]],
    ['a malformed tail is skipped up to the next element', 'div:a="1"junk;span', [{ tag_name: 'div', attributes: { a: '1' } }, { tag_name: 'span' }]],
    // PostHog splits elements at every ';' outside quotes; Lasso keeps a ';' only where a known key or attr__class confirms it.
    ['a ";" after a tag name ends the element', 'div;span:nth-child="1"nth-of-type="1"',
      [{ tag_name: 'div' }, { tag_name: 'span', nth_child: 1, nth_of_type: 1 }]],
    ['a ";" starting an unknown key ends the element', 'div:;x="1"', [{ tag_name: 'div' }, { tag_name: 'x', attributes: { '': '1' } }]],
    ['a ";" starting a class name ends the element', 'div.;a:nth-child="1"nth-of-type="1"',
      [{ tag_name: 'div' }, { tag_name: 'a', nth_child: 1, nth_of_type: 1 }]],
  ])('several elements: %s', (_name, chain, expected) => {
    expect(parseElementsChain(chain)).toEqual(expected.map(el));
  });

  it('reads a __proto__ key as an ordinary own attribute', () => {
    const [{ attributes }] = parseElementsChain('div:__proto__="x"custom="y"');
    expect(Object.getOwnPropertyDescriptor(attributes, '__proto__')).toEqual({ ...Object.getOwnPropertyDescriptor(attributes, 'custom'), value: 'x' });
  });

  it('reads a value that is not a string as no elements', () => {
    expect(parseElementsChain(null as unknown as string)).toEqual([]);
  });

  it.each(['', ';', ';;;', ':', '"', '="', 'a:b="', 'a:b="\\', 'div:text="unterminated', ':::="x";;="y"'])(
    'never throws on malformed input %j',
    (chain) => expect(Array.isArray(parseElementsChain(chain))).toBe(true),
  );
});

describe('serializeElementsChain writes posthog-js format', () => {
  it.each<[string, ChainElement[], string]>([
    ['sorted classes, " removed after sorting, sorted keys',
      [el({ tag_name: 'button', attr_class: ['zeta', 'a"b', 'Alpha', 'ab'], nth_child: 1, nth_of_type: 1, attributes: { attr__class: 'zeta a"b Alpha ab', 'attr__data-x': '1' } })],
      'button.Alpha.ab.ab.zeta:attr__class="zeta a\\"b Alpha ab"attr__data-x="1"nth-child="1"nth-of-type="1"'],
    ['text, href and attr_id only when non-empty, in code-unit order',
      [el({ tag_name: 'a', text: 'Go', href: '/x', attr_id: 'i', nth_child: 2, nth_of_type: 1, attributes: { attr__href: '/x', attr__id: 'i' } }),
        el({ tag_name: 'body', text: '', href: '', nth_child: 2, nth_of_type: 1 })],
      'a:attr__href="/x"attr__id="i"attr_id="i"href="/x"nth-child="2"nth-of-type="1"text="Go";body:nth-child="2"nth-of-type="1"'],
    ['missing nth values are written as 0', [el({ tag_name: 'p' })], 'p:nth-child="0"nth-of-type="0"'],
    ['no tag name', [el({ tag_name: '' })], ':nth-child="0"nth-of-type="0"'],
    ['no class list', [el({ tag_name: 'p', attr_class: undefined })], 'p:nth-child="0"nth-of-type="0"'],
    ['non-DOM keys: fields and attributes in one code-unit order',
      [el({ tag_name: 'p', href: '/h', attr_id: 'i', text: 'Go', attributes: { custom: 'c' } })],
      'p:attr_id="i"custom="c"href="/h"nth-child="0"nth-of-type="0"text="Go"'],
    ['uppercase attribute names sort before lowercase (code units, not locale)',
      [el({ tag_name: 'svg', nth_child: 1, nth_of_type: 1, attributes: { attr__viewBox: '0 0 1 1', attr__height: '1', attr__Zed: 'z' } })],
      'svg:attr__Zed="z"attr__height="1"attr__viewBox="0 0 1 1"nth-child="1"nth-of-type="1"'],
    ['a same-named attribute replaces the field (as in posthog-js)',
      [el({ tag_name: 'p', text: 'field', nth_child: 1, nth_of_type: 1, attributes: { text: 'attribute' } })],
      'p:nth-child="1"nth-of-type="1"text="attribute"'],
  ])('%s', (_name, elements, expected) => {
    expect(serializeElementsChain(elements)).toBe(expected);
  });

  // posthog-js escaping, as the oracle for values without backslashes before `"`, `\` or the end.
  const posthogEscape = (s: string) => s.replace(/"|\\"/g, '\\"');
  it.each(['plain', 'say "hi"', 'C:\\dir\\file', 'a\\b "c"', '"', 'a;b:c=d', 'line\nbreak', '日本語 🎉', ''])(
    'escapes %j exactly like posthog-js',
    (value) => {
      expect(serializeElementsChain([el({ text: value || 'x', nth_child: 1, nth_of_type: 1 })]))
        .toBe(`div:nth-child="1"nth-of-type="1"text="${posthogEscape(value || 'x')}"`);
    },
  );

  // Where posthog-js output would be ambiguous, Lasso doubles the backslash so it reads back.
  it.each([
    ['trailing backslash', 'ends\\', 'ends\\\\'],
    ['backslash before a quote', 'a\\"b', 'a\\\\\\"b'],
    ['double backslash', 'a\\\\b', 'a\\\\\\b'],
    ['only a backslash', '\\', '\\\\'],
  ])('%s round-trips', (_name, value, written) => {
    const chain = serializeElementsChain([el({ text: value, nth_child: 1, nth_of_type: 1 })]);
    expect(chain).toBe(`div:nth-child="1"nth-of-type="1"text="${written}"`);
    expect(parseElementsChain(chain)[0].text).toBe(value);
  });
});

// Elements whose class names and keys contain ':' or ';' where the parser's heuristics must pick the right split.
describe('round trip: class names and keys the split heuristics must get right', () => {
  it.each<[string, Partial<ChainElement>]>([
    ['a class containing ":attr__" before a named key', { attr_class: ['x:attr__y'] }],
    ['no tag name, a class starting with "attr__" and an odd key', { tag_name: '', attr_class: ['attr__x:y'], attributes: { '@click': 'go()' } }],
    ['no tag name, a key with ":attr__" in it', { tag_name: '', attributes: { 'attr__a:attr__b:c': '1' } }],
    ['a class with ";" confirmed by attr__class after an odd key', { attr_class: ['a;b'], attributes: { '@click': 'go()', attr__class: 'a;b' } }],
    ['a known key with ";" after a plain class', { attr_class: ['x'], attributes: { attr__class: 'x', 'attr__a;b': '1' } }],
  ])('%s', (_name, over) => {
    const elements = [el({ nth_child: 1, nth_of_type: 1, ...over }), el({ tag_name: 'body', nth_child: 2, nth_of_type: 1 })];
    const chain = serializeElementsChain(elements);
    expect(parseElementsChain(chain), chain).toEqual(elements);
    expect(serializeElementsChain(parseElementsChain(chain))).toBe(chain);
  });
});

/** Small seeded PRNG (mulberry32) so failures are reproducible. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('round trip (property-style, hostile values)', () => {
  // Under mutation every parser mutant reruns these: 300 seeded cases instead of 3000 keep a run of
  // the file under an hour on the 2-core machine (vitest.mutate.config.ts sets LASSO_MUTATION).
  const RUNS = process.env.LASSO_MUTATION ? 300 : 3000;
  const PIECES = ['a', 'Z', '0', ' ', '"', '\\', ';', ':', '=', '="', '\\"', '.', '\n', '\r\n', '\t', 'é', '日本', '🎉', '\u0000', '\u2028', '<b>', "'", '`', '{}'];
  const NAME_PIECES = ['a', 'z', '0', '-', '_', ':', '@', '.', 'é', ';', '"', '\\'];

  function generate(rnd: () => number): ChainElement[] {
    const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)];
    const text = (max: number) => Array.from({ length: Math.floor(rnd() * max) }, () => pick(PIECES)).join('');
    const name = () => 'x' + Array.from({ length: Math.floor(rnd() * 6) }, () => pick(NAME_PIECES)).join('');
    return Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => {
      const classes = Array.from({ length: Math.floor(rnd() * 4) }, () => name().replace(/[\s]/g, ''));
      const attributes: Record<string, string> = {};
      if (classes.length) attributes.attr__class = classes.join(' ');
      for (let i = Math.floor(rnd() * 4); i > 0; i--) attributes['attr__' + name()] = text(12);
      const element: ChainElement = {
        tag_name: pick(['div', 'a', 'button', 'x-card', 'svg:rect']),
        attr_class: [...classes].sort(),
        nth_child: Math.floor(rnd() * 50),
        nth_of_type: Math.floor(rnd() * 50),
        attributes,
      };
      const t = rnd() < 0.1 ? text(3) + 'x'.repeat(5000) + text(3) : text(20);
      if (t) element.text = t;
      if (rnd() < 0.5) element.href = '/p?q=' + text(8);
      if (rnd() < 0.3) element.attr_id = text(6) || 'id';
      return element;
    });
  }

  it('parse(serialize(elements)) gives the elements back, and serialize(parse(chain)) the chain', () => {
    const rnd = random(12345);
    for (let run = 0; run < RUNS; run++) {
      const elements = generate(rnd);
      const chain = serializeElementsChain(elements);
      const parsed = parseElementsChain(chain);
      expect(parsed, chain).toEqual(elements);
      expect(serializeElementsChain(parsed)).toBe(chain);
    }
  });

  it('never throws on random strings', () => {
    const rnd = random(999);
    for (let run = 0; run < RUNS; run++) {
      const s = Array.from({ length: Math.floor(rnd() * 40) }, () => PIECES[Math.floor(rnd() * PIECES.length)]).join('');
      const parsed = parseElementsChain(s);
      expect(() => serializeElementsChain(parsed)).not.toThrow();
    }
  });
});
