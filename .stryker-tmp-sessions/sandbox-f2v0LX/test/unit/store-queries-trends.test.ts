// @ts-nocheck
import { IDBFactory } from 'fake-indexeddb';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileAction } from '../../src/actions';
import type { CaptureEvent } from '../../src/events/types';
import { ingestEvents } from '../../src/store/events';
import { bucketOf } from '../../src/store/queries/buckets';
import { breakdownValue } from '../../src/store/queries/topn';
import { queryTrends, type TrendsQuery } from '../../src/store/queries/trends';
import { openLassoDB, type LassoDatabase } from '../../src/store/schema';
import { generateEvents, GENERATOR_NOW } from '../fixtures/generate-events';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const events: CaptureEvent[] = generateEvents({ count: 2500, seed: 9, days: 20 });

let db: LassoDatabase;
beforeAll(async () => {
  db = await openLassoDB(new IDBFactory());
  for (let i = 0; i < events.length; i += 500) await ingestEvents(db, events.slice(i, i + 500));
});

/** Brute force: per bucket label, per line, and per breakdown value, from every event. */
function brute(q: TrendsQuery) {
  const from = Math.floor(q.from / HOUR) * HOUR;
  const to = Math.ceil(q.to / HOUR) * HOUR;
  return q.series.map((line) => {
    const matcher = compileAction({ steps: 'event' in line ? [{ event: line.event }] : line.action.steps });
    const perBucket = new Map<string, number>();
    const perValue = new Map<string, number>();
    for (const e of events) {
      const ms = Date.parse(e.timestamp);
      if (ms < from || ms >= to || (q.site && e.properties.$host !== q.site) || !matcher.matches(e)) continue;
      // Counts are hourly: an event belongs to the bucket of its hour's start.
      const label = bucketOf(Math.floor(ms / HOUR) * HOUR, q.interval, q.timeZone ?? 'UTC', q.weekStartsOn ?? 0);
      perBucket.set(label, (perBucket.get(label) ?? 0) + 1);
      if (q.breakdown) {
        const value = breakdownValue(e.properties[q.breakdown.property]);
        perValue.set(value, (perValue.get(value) ?? 0) + 1);
      }
    }
    return { perBucket, perValue };
  });
}

const range = { from: GENERATOR_NOW - 14 * DAY + 1234, to: GENERATOR_NOW - 2 * DAY };
const QUERIES: [string, TrendsQuery][] = [
  ['pageviews per day, UTC', { series: [{ name: 'pv', event: '$pageview' }], interval: 'day', ...range }],
  ['two lines per week in Berlin, one site', { series: [{ name: 'pv', event: '$pageview' }, { name: 'clicks', event: '$autocapture' }], interval: 'week', timeZone: 'Europe/Berlin', weekStartsOn: 1, site: 'shop.test', ...range }],
  ['an action per hour over one day', { series: [{ name: 'buy', action: { steps: [{ event: '$autocapture', text: 'Buy now' }] } }], interval: 'hour', from: GENERATOR_NOW - 3 * DAY, to: GENERATOR_NOW - 2 * DAY }],
  ['action with a raw condition (events read)', { series: [{ name: 'pro', action: { steps: [{ event: 'signed_up', properties: [{ key: 'plan', value: 'pro', operator: 'exact', type: 'event' }] }] } }], interval: 'day', ...range }],
  ['breakdown by $host (from counts)', { series: [{ name: 'pv', event: '$pageview' }], interval: 'day', breakdown: { property: '$host', limit: 1 }, ...range }],
  ['breakdown by $current_url top 3 (from counts)', { series: [{ name: 'pv', event: '$pageview' }], interval: 'day', breakdown: { property: '$current_url', limit: 3 }, ...range }],
  ['breakdown by $os (events read)', { series: [{ name: 'clicks', event: '$autocapture' }], interval: 'day', breakdown: { property: '$os', limit: 1 }, ...range }],
  ['breakdown by plan on an action', { series: [{ name: 'signups', action: { steps: [{ event: 'signed_up' }] } }], interval: 'week', breakdown: { property: 'plan', limit: 2 }, ...range }],
  ['an action of bare event names (the hourly rollup), one site', { series: [{ name: 'signups or leaves', action: { steps: [{ event: 'signed_up' }, { event: '$pageleave' }] } }], interval: 'day', site: 'shop.test', ...range }],
  ['the same broken down by $host', { series: [{ name: 'signups or leaves', action: { steps: [{ event: 'signed_up' }, { event: '$pageleave' }] } }], interval: 'day', breakdown: { property: '$host', limit: 1 }, ...range }],
  ['an action of many small series per chain (clicks on any button), by $current_url', { series: [{ name: 'buttons', action: { steps: [{ event: '$autocapture', tag_name: 'button' }] } }], interval: 'day', breakdown: { property: '$current_url', limit: 2 }, ...range }],
  ['an action with a url and a selector, per hour in a half-hour zone', { series: [{ name: 'cart', action: { steps: [{ event: '$autocapture', selector: '[data-attr="add-to-cart"]', url: '/product', url_matching: 'contains' }] } }], interval: 'hour', timeZone: 'Asia/Kolkata', from: GENERATOR_NOW - 3 * DAY, to: GENERATOR_NOW - 2 * DAY }],
  ['no such event', { series: [{ name: 'none', event: 'nope' }], interval: 'day', ...range }],
];

describe('trends = brute force over the same events', () => {
  it.each(QUERIES)('%s', async (_name, q) => {
    const result = await queryTrends(db, q);
    expect(result.bounded).toBeUndefined();
    const expected = brute(q);
    result.lines.forEach((line, i) => {
      const got = new Map(result.buckets.map((label, b) => [label, line.counts[b]]));
      for (const [label, n] of expected[i].perBucket) expect(got.get(label)).toBe(n);
      expect(line.counts.reduce((a, b) => a + b, 0)).toBe([...expected[i].perBucket.values()].reduce((a, b) => a + b, 0));
      if (!q.breakdown) return;
      const bd = line.breakdown!;
      const sums = bd.values.map((v) => [v.value, v.counts.reduce((a, b) => a + b, 0)]);
      const ranked = [...expected[i].perValue].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      expect(sums).toEqual(ranked.slice(0, q.breakdown.limit));
      expect(bd.other.reduce((a, b) => a + b, 0)).toBe(ranked.slice(q.breakdown.limit).reduce((a, [, n]) => a + n, 0));
      // Each bucket's split adds up to its total.
      line.counts.forEach((n, b) => expect(bd.values.reduce((a, v) => a + v.counts[b], 0) + bd.other[b] + (bd.notScanned?.[b] ?? 0)).toBe(n));
    });
    // Buckets run from the range's first to its last, each once.
    expect(new Set(result.buckets).size).toBe(result.buckets.length);
  });

  it('a breakdown on an event property is bounded by its read budget, and says so', async () => {
    const q: TrendsQuery = { series: [{ name: 'clicks', event: '$autocapture' }], interval: 'day', breakdown: { property: '$os' }, budget: 100, ...range };
    const result = await queryTrends(db, q);
    expect(result.bounded).toMatch(/read budget of 100/);
    expect(result.reads).toBeLessThan(100 + 500 + 2000); // the budget, one refs chunk, the counts rows
    const line = result.lines[0];
    const notScanned = line.breakdown!.notScanned!.reduce((a, b) => a + b, 0);
    expect(notScanned).toBeGreaterThan(0);
    // Totals stay exact: they come from counts.
    expect(line.counts.reduce((a, b) => a + b, 0)).toBe([...brute(q)[0].perBucket.values()].reduce((a, b) => a + b, 0));
  });
});

describe('an action line after more events arrive', () => {
  it.each([
    ['a selector (series judged per chain)', [{ event: '$autocapture', selector: '[data-attr="add-to-cart"]' }]],
    ['a bare event name (the rollup)', [{ event: 'signed_up' }]],
    ['a raw condition (events read)', [{ event: 'signed_up', properties: [{ key: 'plan', value: 'pro', operator: 'exact' as const, type: 'event' as const }] }]],
  ])('%s: counts the new events and series too (its kept series selection is renewed)', async (_name, steps) => {
    const fresh = await openLassoDB(new IDBFactory());
    const q: TrendsQuery = { series: [{ name: 'a', action: { steps } }], interval: 'day', ...range };
    const total = (r: Awaited<ReturnType<typeof queryTrends>>) => r.lines[0].counts.reduce((a, b) => a + b, 0);
    const expectedTotal = (upTo: number) => {
      const matcher = compileAction({ steps });
      const from = Math.floor(q.from / HOUR) * HOUR;
      return events.slice(0, upTo).filter((e) => Date.parse(e.timestamp) >= from && Date.parse(e.timestamp) < Math.ceil(q.to / HOUR) * HOUR && matcher.matches(e)).length;
    };
    await ingestEvents(fresh, events.slice(0, 300));
    expect(total(await queryTrends(fresh, q))).toBe(expectedTotal(300));
    for (let i = 300; i < events.length; i += 500) await ingestEvents(fresh, events.slice(i, i + 500));
    expect(total(await queryTrends(fresh, q))).toBe(expectedTotal(events.length));
    expect(expectedTotal(events.length)).toBeGreaterThan(expectedTotal(300));
  });
});
