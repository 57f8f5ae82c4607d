// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { lastDays } from '../../src/popup/days';
import { describeChain, pathOf } from '../../src/popup/describe-health';
import { sparkLabel, sparkPoints } from '../../src/popup/Sparkline';

describe('sparkline scaling', () => {
  it.each<[string, number[], number, number, [number, number][]]>([
    ['largest on top, zero on the bottom line, even steps', [0, 5, 10], 100, 22, [[0, 21], [50, 11], [100, 1]]],
    ['all zero: a flat line at the bottom', [0, 0, 0], 10, 10, [[0, 9], [5, 9], [10, 9]]],
    ['one value: in the middle, at the top', [7], 40, 10, [[20, 1]]],
    ['a constant: a flat line at the top', [3, 3], 10, 10, [[0, 1], [10, 1]]],
    ['fractions are rounded to hundredths', [1, 3], 1, 4, [[0, 2.33], [1, 1]]],
    ['no values: no points', [], 10, 10, []],
  ])('%s', (_name, values, w, h, want) => expect(sparkPoints(values, w, h)).toEqual(want));

  it.each<[number[], string]>([
    [[1, 0, 1234], 'Events per day, last 3 days: 1, 0, 1,234 (total 1,235, today 1,234)'],
    [[], 'Events per day: no data'],
  ])('names %j with its numbers', (values, want) => expect(sparkLabel('Events per day', values)).toBe(want));
});

describe('last days', () => {
  const NOW = Date.UTC(2026, 10, 28, 23, 30); // 23:30 UTC: already the 29th in UTC+2
  it.each<[string, number, number[]]>([
    ['UTC', 0, [4, 2, 5]],
    ['UTC+2: today is the 29th', 120, [2, 5, 0]],
  ])('%s', (_name, tz, want) => expect(lastDays([{ day: '2026-11-26', count: 4 }, { day: '2026-11-27', count: 2 }, { day: '2026-11-28', count: 5 }], NOW, tz, 3)).toEqual(want));
});

describe('describing health', () => {
  it.each([
    ['button.btn:attr__data-attr="checkout-v2"attr__class="btn"text="Checkout";form;body', 'button.btn "Checkout" data-attr=checkout-v2'],
    ['a#help:href="/help"text="Help"', 'a#help "Help"'],
    [null, 'no element'],
  ])('%s reads %s', (chain, want) => expect(describeChain(chain)).toBe(want));
  it.each([
    ['https://shop.test/cart.html', '/cart.html'],
    ['not a url', 'not a url'],
  ])('the path of %s is %s', (page, want) => expect(pathOf(page)).toBe(want));
});
