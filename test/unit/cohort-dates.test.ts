// PostHog's date strings (src/cohorts/posthog-dates.ts), as posthog/utils.py
// `relative_date_parse_with_delta_mapping` / `get_delta_mapping_for` read them: ISO dates (isoparse,
// or strptime '%Y-%m-%d' without zero padding) and `-{n}{kind}{Start|End}` subtracted from now with
// dateutil's relativedelta (replacements first, months clamped to the month's length). PostHog reads
// a string it cannot parse as "now"; Lasso refuses it (null).
import { describe, expect, it } from 'vitest';
import { parseInstant, parsePostHogDate } from '../../src/cohorts/posthog-dates';

/** Tuesday 2026-12-01 12:34:56.789 UTC: minutes, seconds and ms set, so Start / End show. */
const NOW = Date.UTC(2026, 11, 1, 12, 34, 56, 789);
/** 2026-03-31: one month back is February, shorter, so the day clamps. */
const MARCH_31 = Date.UTC(2026, 2, 31, 12, 34, 56, 789);

const iso = (ms: number | undefined) => (ms === undefined || !Number.isFinite(ms) ? null : new Date(ms).toISOString());

describe('relative dates: now minus the delta', () => {
  it.each<[string, number, string, boolean]>([
    ['-30s', NOW, '2026-12-01T12:34:26.789Z', false],
    ['-5M', NOW, '2026-12-01T12:29:56.789Z', false], // capital M: minutes
    ['-2h', NOW, '2026-12-01T10:34:56.789Z', true],
    ['-2hStart', NOW, '2026-12-01T10:00:00.000Z', true],
    ['-2hEnd', NOW, '2026-12-01T10:59:59.999Z', true],
    // No number: no "hours" in PostHog's delta mapping, so it is not an hour count (the window truncates to the day).
    ['hStart', NOW, '2026-12-01T12:00:00.000Z', false],
    ['-3d', NOW, '2026-11-28T12:34:56.789Z', false],
    ['-1dStart', NOW, '2026-11-30T00:00:00.000Z', false],
    ['-1dEnd', NOW, '2026-11-30T23:59:59.999Z', false],
    ['dStart', NOW, '2026-12-01T00:00:00.000Z', false], // no number: today
    ['7d', NOW, '2026-11-24T12:34:56.789Z', false], // PostHog's leading '-' is optional
    ['-2w', NOW, '2026-11-17T12:34:56.789Z', false],
    ['-2q', NOW, '2026-06-02T12:34:56.789Z', false], // a quarter is 13 weeks: 182 days
    ['-1m', MARCH_31, '2026-02-28T12:34:56.789Z', false], // Feb 31 clamps to Feb 28
    ['-1mStart', MARCH_31, '2026-02-01T12:34:56.789Z', false], // day=1 replaces the day only
    ['-2mEnd', MARCH_31, '2026-01-31T12:34:56.789Z', false],
    ['-1mEnd', NOW, '2026-11-30T12:34:56.789Z', false], // day=31 clamps to November's 30
    ['mStart', MARCH_31, '2026-03-01T12:34:56.789Z', false],
    ['-1y', NOW, '2025-12-01T12:34:56.789Z', false],
    ['-1yStart', NOW, '2025-01-01T12:34:56.789Z', false],
    ['-1yEnd', NOW, '2025-12-31T12:34:56.789Z', false],
  ])('%s', (input, now, expected, hours) => {
    const parsed = parsePostHogDate(input, now);
    expect(iso(parsed?.at)).toBe(expected);
    expect(parsed).toMatchObject({ relative: true, hours });
  });
});

describe('ISO dates: as written, no zone = UTC', () => {
  it.each<[string, string]>([
    ['2026-06-01', '2026-06-01T00:00:00.000Z'],
    ['2026-6-1', '2026-06-01T00:00:00.000Z'], // PostHog's strptime fallback: no zero padding
    [' 2026-06-01 ', '2026-06-01T00:00:00.000Z'],
    ['2026-06-01T12:00', '2026-06-01T12:00:00.000Z'], // no seconds
    ['2026-06-01 12:00:00', '2026-06-01T12:00:00.000Z'],
    ['2026-06-01T12:00:00Z', '2026-06-01T12:00:00.000Z'],
    ['2026-06-01T12:00:00.5Z', '2026-06-01T12:00:00.500Z'],
    ['2026-06-01T12:00:00.123456Z', '2026-06-01T12:00:00.123Z'], // microseconds, kept to the ms
    ['2026-06-01T12:00:00.1234567Z', '2026-06-01T12:00:00.123Z'], // .NET's seven digits: PostHog reads them too
    ['2026-06-01T12:00:00+02', '2026-06-01T10:00:00.000Z'],
    ['2026-06-01T12:00:00+0530', '2026-06-01T06:30:00.000Z'],
    ['2026-06-01T12:00:00-03:00', '2026-06-01T15:00:00.000Z'],
  ])('%s', (input, expected) => {
    const parsed = parsePostHogDate(input, NOW);
    expect(parsed).toMatchObject({ relative: false });
    expect(iso(parsed?.at)).toBe(expected);
  });
});

describe('strings PostHog would read as "now" are refused', () => {
  it.each([
    'yesterday', // PostHog finds the kind letter 'y' with no number: now
    'month',
    'on 2026-06-01', // the date must be the whole string
    '2026-06-01 and later',
    '2026-13-01', // no such month
    '',
  ])('%j', (input) => {
    expect(parsePostHogDate(input, NOW)).toBeNull();
  });
});

describe('parseInstant: event timestamps and now', () => {
  it.each<[string, string | null]>([
    ['2026-12-01T12:00:00Z', '2026-12-01T12:00:00.000Z'], // the capture shape
    ['2026-12-01T12:00:00.1234567Z', '2026-12-01T12:00:00.123Z'], // .NET's round-trip format: 7 digits
    ['2026-12-01 12:00:00', '2026-12-01T12:00:00.000Z'], // no zone: UTC, whatever the machine's zone
    ['2026-12-01T12:00:00+02', '2026-12-01T10:00:00.000Z'],
    ['2026-12-01T12:00:00.1234567+00:00', '2026-12-01T12:00:00.123Z'], // seven digits with an offset (not the fast path)
    ['Tue, 01 Dec 2026 12:00:00 Z', null], // not ISO
    ['-7d', null], // relative: not an instant
    ['garbage', null],
  ])('%s', (input, expected) => {
    expect(iso(parseInstant(input))).toBe(expected);
  });
});
