// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { parseSiteInput } from '../../src/options/site-input';
import { parseDataAttributes } from '../../src/settings/data-attributes';

describe('a typed capture site', () => {
  it.each([
    ['shop.example.com', 'shop.example.com'],
    ['  Shop.Example.COM  ', 'shop.example.com'],
    ['https://shop.example.com:8443/cart?x=1', 'shop.example.com'],
    ['localhost:3000', 'localhost'],
    ['http://[::1]:8080/', '[::1]'],
    ['10.0.0.2', '10.0.0.2'],
  ])('%j is host %j', (typed, host) => {
    expect(parseSiteInput(typed)).toEqual({ host });
  });

  it.each([
    ['', 'Type a site'],
    ['ftp://files.example.com', 'http and https pages only'],
    ['chrome://extensions', 'http and https pages only'],
    ['intranet', 'not a full host name'],
    ['shop example.com', 'not a host name or web address'],
  ])('%j is refused: %s', (typed, words) => {
    const parsed = parseSiteInput(typed);
    expect('error' in parsed && parsed.error).toContain(words);
  });
});

describe('selector data attributes', () => {
  it.each([
    [['data-attr'], ['data-attr']],
    [[' Data-TestId ', 'data-testid', 'data-x-*'], ['data-testid', 'data-x-*']],
    [[], []],
  ])('%j is kept as %j', (given, expected) => {
    expect(parseDataAttributes(given)).toEqual({ attributes: expected });
  });

  it.each([
    ['data-attr', 'expected a list of attribute names'],
    [['a b'], '"a b" is not an attribute name'],
    [['*'], '"*" is not an attribute name'],
    [['[x]'], '"[x]" is not an attribute name'],
    [[7], '7 is not an attribute name'],
    [Array.from({ length: 21 }, (_, i) => `data-${i}`), 'at most 20 attributes, not 21'],
  ])('%j is refused: %s', (given, words) => {
    const parsed = parseDataAttributes(given);
    expect('error' in parsed && parsed.error).toContain(words);
  });
});
