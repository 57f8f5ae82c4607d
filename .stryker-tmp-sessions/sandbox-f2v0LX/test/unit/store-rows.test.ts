// @ts-nocheck
import { describe, expect, it } from 'vitest';
import type { CaptureEvent } from '../../src/events/types';
import { foldFiled, hourOf, indexedParts, mergeSeries, refsRange, type RefKey, type SeriesKey } from '../../src/store/rows';

const ev = (properties: CaptureEvent['properties']): CaptureEvent => ({ uuid: 'u', event: 'e', distinct_id: 'd', timestamp: '2026-01-01T00:00:00Z', properties });

describe('index rows (pure)', () => {
  it.each([
    [0, 0],
    [3_599_999, 0],
    [3_600_000, 1],
    [Date.UTC(2026, 10, 28, 10, 59), Math.floor(Date.UTC(2026, 10, 28, 10) / 3_600_000)],
  ])('hourOf(%d) = %d', (ms, hour) => expect(hourOf(ms)).toBe(hour));

  it.each([
    [{ $elements_chain: 'a:', $current_url: 'https://x/', $host: 'x', $event_type: 'change' as const }, { chain: 'a:', url: 'https://x/', host: 'x', type: 'change' }],
    [{ $elements_chain: '', $current_url: '', $event_type: '' as 'click' }, { chain: null, url: '', host: '', type: '' }],
    [{ $current_url: 42 as unknown as string, $event_type: 1 as unknown as 'click' }, { chain: null, url: null, host: '', type: '' }],
    [{}, { chain: null, url: null, host: '', type: '' }],
  ])('indexedParts(%j) = %j', (properties, parts) => expect(indexedParts(ev(properties))).toEqual(parts));

  it('refsRange selects a series between two times, newest first in key order', () => {
    const s: SeriesKey = ['$autocapture', 3, 4, 'x', 'click'];
    const key = (ms: number, uuid = 'a'): RefKey => [...s, -ms, uuid];
    const range = refsRange(s, 1000, 2000);
    expect([key(1000), key(1999, 'z'), key(1500)].every((k) => range.includes(k))).toBe(true);
    expect([key(999), key(2000), ['$autocapture', 3, 5, 'x', 'click', -1500, 'a'], ['$autocapture', 3, 4, 'x', 'change', -1500, 'a']].some((k) => range.includes(k))).toBe(false);
    expect(indexedDB.cmp(key(2000), key(1000))).toBe(-1); // newer sorts first
    expect(refsRange(s).includes(key(-5))).toBe(true);
  });

  it('folds a batch into series totals and hourly counts', () => {
    const H = 3_600_000;
    const k: SeriesKey = ['e', 1, 2, 'h', ''];
    const { series, counts } = foldFiled([
      { event: ev({}), key: k, ms: 5 * H + 1 },
      { event: ev({}), key: k, ms: 5 * H + 2 },
      { event: ev({}), key: k, ms: 7 * H },
      { event: ev({}), key: ['e', 1, 3, 'h', ''], ms: 7 * H },
      { event: ev({}), key: ['e', 1, 3, 'h', 'click'], ms: 7 * H },
    ]);
    expect([...series.values()].map((s) => [s.url, s.type, s.n, s.first, s.last])).toEqual([[2, '', 3, 5 * H + 1, 7 * H], [3, '', 1, 7 * H, 7 * H], [3, 'click', 1, 7 * H, 7 * H]]);
    expect([...counts.values()].map((c) => [c.url, c.type, c.hour, c.n])).toEqual([[2, '', 5, 2], [2, '', 7, 1], [3, '', 7, 1], [3, 'click', 7, 1]]);
  });

  it.each([
    [undefined, { n: 2, first: 10, last: 20 }, { n: 2, first: 10, last: 20 }],
    [{ n: 5, first: 5, last: 15 }, { n: 2, first: 10, last: 20 }, { n: 7, first: 5, last: 20 }],
  ])('mergeSeries(%j, %j) = %j', (stored, add, out) => {
    const row = (x: { n: number; first: number; last: number }) => ({ event: 'e', chain: 0, url: 0, host: '', type: '', ...x });
    expect(mergeSeries(stored && row(stored), row(add))).toEqual(row(out));
  });
});
