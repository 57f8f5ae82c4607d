import { describe, expect, it } from 'vitest';
import { parseDateOperand, parseDateValue, sameAt } from '../../src/actions/dates';
import { compileContains } from '../../src/actions/like';
import { prepare, show, stringify, toNumber, valueEquals } from '../../src/actions/values';

const NOW = Date.parse('2024-05-08T12:00:00Z');
const T = Date.parse('2024-05-01T12:00:00Z'); // 1714564800 s
const circular: Record<string, unknown> = {};
circular.self = circular;

describe('toNumber: finite numbers and decimal numeric strings only (spec: Property filters)', () => {
  it.each<[string, unknown, number | null]>([
    ['number', 5, 5],
    ['numeric string', '10', 10],
    ['padded numeric string', ' 2.5 ', 2.5],
    ['empty string is not a number', '', null],
    ['blank string is not a number', '  ', null],
    ['word', 'abc', null],
    ['boolean is not a number', true, null],
    ['one-element array is not a number', [5], null],
    ['null', null, null],
    ['NaN', Number.NaN, null],
    ['overflowing numeric string', '1e999', null],
    ['negative numeric string', '-1', -1],
    ['explicit plus sign', '+1.5', 1.5],
    ['several digits before the point', '12.5', 12.5],
    ['leading point, several digits', '.25', 0.25],
    ['leading point, one digit', '.5', 0.5],
    ['exponent without a sign', '1e3', 1000],
    ['exponent with a plus sign', '1e+3', 1000],
    ['exponent with a minus sign', '2.5E-3', 0.0025],
    ['exponent of several digits', '1e10', 1e10],
    ['hex string is not decimal (Number() would read 16)', '0x10', null],
    ['no-break space before is not decimal padding (Number() would read 1)', '\u00a01', null],
    ['vertical tab after is not decimal padding (Number() would read 1)', '1\v', null],
  ])('%s', (_name, v, want) => {
    expect(toNumber(v)).toBe(want);
  });
});

describe('stringify: the text a value compares as', () => {
  it.each<[string, unknown, string | null]>([
    ['null has no text', null, null],
    ['undefined has no text', undefined, null],
    ['string', 'x', 'x'],
    ['number', 5, '5'],
    ['NaN is String(NaN), not JSON null', Number.NaN, 'NaN'],
    ['Infinity', Number.POSITIVE_INFINITY, 'Infinity'],
    ['boolean', false, 'false'],
    ['bigint', 10n, '10'],
    ['object as JSON', { a: 1 }, '{"a":1}'],
    ['array as JSON', ['a', 'b'], '["a","b"]'],
    ['function has no JSON text', () => 1, null],
    ['circular object has no text', circular, null],
  ])('%s', (_name, v, want) => {
    expect(stringify(v)).toBe(want);
  });
});

describe('prepare and valueEquals (exact)', () => {
  it('prepare keeps raw, text and number; missing text is empty', () => {
    expect(prepare('5')).toEqual({ raw: '5', text: '5', number: 5 });
    expect(prepare(null)).toEqual({ raw: null, text: '', number: null });
    expect(prepare('a')).toEqual({ raw: 'a', text: 'a', number: null });
  });

  it.each<[string, unknown, unknown, boolean]>([
    ['null actual never equals', null, 'null', false],
    ['undefined actual never equals', undefined, '', false],
    ['null actual vs empty expected', null, '', false],
    ['numbers compare numerically', '5.0', 5, true],
    ['different numbers differ', 6, 5, false],
    ['different numeric strings differ', '6', '5', false],
    ['bigint falls back to its text', 5n, 5, true],
    ['non-numeric actual vs numeric expected compares text', 'abc', 5, false],
    ['strings compare case-sensitively', 'Pro', 'pro', false],
    ['equal strings', 'pro', 'pro', true],
    ['boolean vs its text', true, 'true', true],
  ])('%s', (_name, actual, expected, want) => {
    expect(valueEquals(actual, prepare(expected))).toBe(want);
  });
});

describe('show: explanation rendering', () => {
  it.each<[string, unknown, string]>([
    ['undefined', undefined, 'nothing'],
    ['null', null, 'null'],
    ['string is quoted', 'pro', "'pro'"],
    ['number is not quoted', 5, '5'],
    ['object as JSON', { a: 1 }, '{"a":1}'],
    ['value without text', () => 1, 'null'],
    ['80 characters are kept', 'x'.repeat(80), `'${'x'.repeat(80)}'`],
    ['81 characters are cut to 77 and an ellipsis', 'y'.repeat(81), `'${'y'.repeat(77)}…'`],
  ])('%s', (_name, v, want) => {
    expect(show(v)).toBe(want);
  });
});

describe('parseDateValue: ISO (UTC unless zoned) and Unix seconds / milliseconds', () => {
  it.each<[string, unknown, number | null]>([
    ['ISO with Z', '2024-05-01T12:00:00Z', T],
    ['ISO with lowercase z', '2024-05-01T12:00:00z', T],
    ['ISO without zone is UTC', '2024-05-01T12:00:00', T],
    ['date only is UTC midnight', '2024-05-01', Date.parse('2024-05-01T00:00:00Z')],
    ['ISO with +02:00 offset', '2024-05-01T14:00:00+02:00', T],
    ['ISO with +0200 offset', '2024-05-01T14:00:00+0200', T],
    ['ISO with -0530 offset', '2024-05-01T06:30:00-0530', T],
    ['ISO with fraction', '2024-05-01T12:00:00.250Z', T + 250],
    ['ISO with space separator', '2024-05-01 12:00:00Z', T],
    ['surrounding whitespace is ignored', ' 2024-05-01T12:00:00Z ', T],
    ['seconds timestamp', 1714564800, T],
    ['milliseconds timestamp', T, T],
    ['1e11 counts as milliseconds', 1e11, 1e11],
    ['just below 1e11 counts as seconds', 99_999_999_999, 99_999_999_999_000],
    ['numeric string timestamp', '1714564800', T],
    ['padded numeric string timestamp', ' 1714564800 ', T],
    ['numeric string timestamp with a fraction of two digits', '1714564800.25', T + 250],
    ['numeric string timestamp with a fraction of one digit', '1714564800.5', T + 500],
    ['ISO with hours and minutes only', '2024-05-01T12:00Z', T],
    ['ISO with hours and minutes, no zone', '2024-05-01 12:00', T],
    ['not a date', 'yesterday', null],
    ['a date after other text', 'x2024-05-01', null],
    ['a date followed by other text', '2024-05-01 and later', null],
    ['null', null, null],
    ['boolean', true, null],
    ['Infinity', Number.POSITIVE_INFINITY, null],
  ])('%s', (_name, v, want) => {
    expect(parseDateValue(v)).toBe(want);
  });
});

describe('parseDateOperand: absolute and relative filter values', () => {
  it.each<[string, unknown, number, string]>([
    ['-24h', '-24h', NOW - 86_400_000, 'hour'],
    ['-7d', '-7d', NOW - 7 * 86_400_000, 'day'],
    ['7d without the minus sign', '7d', NOW - 7 * 86_400_000, 'day'],
    ['-2w', '-2w', NOW - 14 * 86_400_000, 'day'],
    ['-3m is calendar months', '-3m', Date.parse('2024-02-08T12:00:00Z'), 'day'],
    ['-1y is a calendar year', '-1y', Date.parse('2023-05-08T12:00:00Z'), 'day'],
    ['padded relative value', ' -7d ', NOW - 7 * 86_400_000, 'day'],
    ['date only compares by day', '2024-05-01', Date.parse('2024-05-01T00:00:00Z'), 'day'],
    ['date-time compares by second', '2024-05-01T12:00:00Z', T, 'second'],
    ['numeric timestamp compares by second', 1714564800, T, 'second'],
  ])('%s', (_name, v, at, granularity) => {
    const op = parseDateOperand(v);
    expect(op).not.toBeNull();
    expect(op?.at(NOW)).toBe(at);
    expect(op?.granularity).toBe(granularity);
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['boolean', true],
    ['array holding a relative value', ['-7d']],
    ['object', { toString: () => '-7d' }],
    ['garbage', 'soon'],
    ['relative value after other text', 'x7d'],
    ['relative value with two minus signs', '--7d'],
    ['relative value followed by other text', '-7dx'],
  ])('rejects %s', (_name, v) => {
    expect(parseDateOperand(v)).toBeNull();
  });

  it('keeps the trimmed written form', () => {
    expect(parseDateOperand(' -7d ')?.written).toBe('-7d');
  });

  it.each<[string, number, number, 'day' | 'hour' | 'second', boolean]>([
    ['same day', T, T + 3_600_000, 'day', true],
    ['next day', T, T + 12 * 3_600_000, 'day', false],
    ['same hour', T, T + 59_000, 'hour', true],
    ['next second', T, T + 1000, 'second', false],
  ])('sameAt: %s', (_name, a, b, g, want) => {
    expect(sameAt(a, b, g)).toBe(want);
  });
});

describe('compileContains: SQL LIKE escapes and wildcards', () => {
  it.each<[string, string, string, boolean, boolean]>([
    // [name, pattern, subject, caseInsensitive, want]
    ['\\% is a literal percent', 'a\\%', 'a%', false, true],
    ['\\% is not a wildcard', 'a\\%c', 'abc', false, false],
    ['\\_ is a literal underscore', 'a\\_b', 'a_b', false, true],
    ['\\_ is not a wildcard', 'a\\_b', 'axb', false, false],
    ['\\\\ is one literal backslash', 'a\\\\b', 'a\\b', false, true],
    ['\\\\ does not need two backslashes', '\\\\', 'x\\y', false, true],
    ['\\\\ then % is a backslash and a wildcard', 'a\\\\%c', 'a\\bc', false, true],
    ['other backslashes are literal', 'a\\b', 'a\\b', false, true],
    ['other backslashes are not dropped', 'a\\b', 'ab', false, false],
    ['backslash before a wildcard letter pair', '_\\_', 'x_', false, true],
    ['_ is one character', 'a_c', 'abc', false, true],
    ['_ is exactly one character', 'a_c', 'abbc', false, false],
    ['_ spans an astral character', 'a_b', 'a😀b', false, true],
    ['_ spans U+10000', 'a_b', 'a\u{10000}b', false, true],
    ['_ spans U+10FFFF', 'a_b', 'a\u{10FFFF}b', false, true],
    ['_ is one BMP character above the surrogates', 'a_b', 'a\ue000b', false, true],
    ['literal astral character after a wildcard', 'a_😀', 'ab😀', false, true],
    ['% then literal', 'a%c', 'a-long-c', false, true],
    ['ILIKE', 'A%C', 'xabcx', true, true],
    ['LIKE is case-sensitive', 'A%C', 'xabcx', false, false],
    ['plain substring', 'bc', 'abcd', false, true],
    // With a wildcard, so the pattern is tokenized: a code unit never stands for a wildcard.
    ['a literal U+0001 beside a wildcard is no run', 'a\u0001%', 'abbc', false, false],
    ['a literal U+0001 beside a wildcard matches itself', 'a\u0001%', 'a\u0001c', false, true],
    ['a literal U+0002 beside a wildcard is not one character', 'a\u0002%', 'abc', false, false],
    ['a literal U+0002 beside a wildcard matches itself', 'a\u0002_', 'a\u0002c', false, true],
  ])('%s', (_name, pattern, subject, ci, want) => {
    expect(compileContains(pattern, ci)(subject)).toBe(want);
  });
});
