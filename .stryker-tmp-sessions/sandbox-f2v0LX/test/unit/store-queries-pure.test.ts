// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { bucketOf, hourBuckets, isTimeZone } from '../../src/store/queries/buckets';
import { seriesSteps, type EventFilter } from '../../src/store/queries/filter';
import { compareOrder, isAfter, pageBounds, type Position } from '../../src/store/queries/order';
import { applicableDrivers, chooseDriver, driverCoversFilter, type DriverCosts, type DriverName } from '../../src/store/queries/plan';
import { breakdownValue, foldTopN } from '../../src/store/queries/topn';

const at = (iso: string) => Date.parse(iso);

describe('query order and keyset cursor', () => {
  it.each([
    [{ ms: 2, uuid: 'a' }, { ms: 1, uuid: 'a' }, -1],
    [{ ms: 1, uuid: 'a' }, { ms: 2, uuid: 'a' }, 1],
    [{ ms: 1, uuid: 'a' }, { ms: 1, uuid: 'b' }, -1],
    [{ ms: 1, uuid: 'b' }, { ms: 1, uuid: 'a' }, 1],
    [{ ms: 1, uuid: 'a' }, { ms: 1, uuid: 'a' }, 0],
  ] as [Position, Position, number][])('compareOrder(%j, %j) has sign %i', (a, b, sign) => {
    expect(Math.sign(compareOrder(a, b))).toBe(sign);
  });

  it.each([
    [{ ms: 5, uuid: 'x' }, null, true],
    [{ ms: 4, uuid: 'a' }, { ms: 5, uuid: 'z' }, true],
    [{ ms: 5, uuid: 'y' }, { ms: 5, uuid: 'x' }, true],
    [{ ms: 5, uuid: 'x' }, { ms: 5, uuid: 'x' }, false],
    [{ ms: 5, uuid: 'w' }, { ms: 5, uuid: 'x' }, false],
    [{ ms: 6, uuid: 'a' }, { ms: 5, uuid: 'x' }, false],
  ] as [Position, Position | null, boolean][])('isAfter(%j, cursor %j) = %s', (p, cursor, expected) => {
    expect(isAfter(p, cursor)).toBe(expected);
  });

  it.each([
    [undefined, undefined, null, -Infinity, Infinity],
    [10, 100, null, 10, 100],
    [10, 100, { ms: 50, uuid: 'u' }, 10, 51],
    [10, 40, { ms: 50, uuid: 'u' }, 10, 40],
    [undefined, undefined, { ms: 7, uuid: 'u' }, -Infinity, 8],
  ] as [number | undefined, number | undefined, Position | null, number, number][])('pageBounds(%s, %s, %j) = [%s, %s)', (from, to, cursor, low, high) => {
    expect(pageBounds(from, to, cursor)).toEqual({ from: low, to: high });
  });
});

describe('filter → index plan', () => {
  it.each([
    [{}, false, ['all']],
    [{ site: 's' }, false, ['host', 'all']],
    [{ session: 'x', ids: ['a'], events: ['e'], site: 's' }, true, ['session', 'person', 'series', 'event', 'host', 'all']],
    [{ ids: ['a'], properties: [] }, false, ['person', 'all']],
  ] as [EventFilter, boolean, DriverName[]][])('applicableDrivers(%j, series %s) = %j', (filter, series, drivers) => {
    expect(applicableDrivers(filter, series)).toEqual(drivers);
  });

  it.each([
    [['session', 'person', 'host', 'all'], { session: 12, person: 400, host: 70_000, all: 100_000 }, 'session'],
    [['person', 'event', 'all'], { person: 900, event: 300, all: 100_000 }, 'event'],
    [['series', 'event', 'host', 'all'], { series: 1800, event: 55_000, host: 75_000, all: 100_000 }, 'series'],
    [['host', 'all'], { host: 5, all: 5 }, 'host'],
    [['person', 'all'], { all: 10 }, 'all'],
    [['all'], {}, 'all'],
  ] as [DriverName[], DriverCosts, DriverName][])('chooseDriver(%j, %j) = %s', (drivers, costs, best) => {
    expect(chooseDriver(drivers, costs)).toBe(best);
  });

  it.each([
    ['all', {}, true, true],
    ['all', { from: 1, to: 2 }, true, true],
    ['host', { site: 's', from: 1 }, true, true],
    ['host', { site: 's', events: ['e'] }, true, false],
    ['person', { ids: ['a'], properties: [{ key: 'k', value: 1 }] }, true, false],
    ['series', { action: { steps: [] }, url: { value: 'x', match: 'contains' }, site: 's' }, true, true],
    ['series', { action: { steps: [] } }, false, false],
    ['series', { action: { steps: [] }, from: 3 }, true, false],
    ['session', { session: 'x', ids: ['a'] }, true, false],
  ] as [DriverName, EventFilter, boolean, boolean][])('driverCoversFilter(%s, %j, exact series %s) = %s', (driver, filter, exact, covers) => {
    expect(driverCoversFilter(driver, filter, exact)).toBe(covers);
  });

  it.each([
    [{ events: ['a'] }, null],
    [{ url: { value: '/x', match: 'contains' } }, [{ url: '/x', url_matching: 'contains' }]],
    [{ url: { value: '/x', match: 'exact' }, events: ['a', 'b'] }, [{ event: 'a', url: '/x', url_matching: 'exact' }, { event: 'b', url: '/x', url_matching: 'exact' }]],
    [{ action: { steps: [{ event: 'a' }, { event: 'c' }] }, events: ['a', 'b'] }, [{ event: 'a' }]],
    [{ action: { steps: [{ selector: 'b' }] }, events: ['a', 'b'] }, [{ selector: 'b', event: 'a' }, { selector: 'b', event: 'b' }]],
    [{ action: { steps: [{ url: '/own' }] }, url: { value: '/x', match: 'contains' } }, [{ url: '/own' }]],
  ] as [EventFilter, unknown][])('seriesSteps(%j) = %j', (filter, steps) => {
    expect(seriesSteps(filter)).toEqual(steps);
  });
});

describe('buckets in the user time zone', () => {
  it.each([
    ['2026-11-28T23:30:00Z', 'day', 'UTC', 0, '2026-11-28'],
    ['2026-11-28T23:30:00Z', 'day', 'Europe/Berlin', 0, '2026-11-29'],
    ['2026-11-28T03:30:00Z', 'day', 'America/New_York', 0, '2026-11-27'],
    ['2026-07-01T22:00:00Z', 'day', 'Europe/Berlin', 0, '2026-07-02'], // summer time: UTC+2
    ['2026-01-01T22:00:00Z', 'day', 'Europe/Berlin', 0, '2026-01-01'], // winter time: UTC+1
    ['2026-11-28T14:10:00Z', 'hour', 'UTC', 0, '2026-11-28T14'],
    ['2026-11-28T14:10:00Z', 'hour', 'Asia/Kolkata', 0, '2026-11-28T19'],
    ['2026-11-28T12:00:00Z', 'week', 'UTC', 0, '2026-11-22'], // a Saturday → the Sunday before
    ['2026-11-28T12:00:00Z', 'week', 'UTC', 1, '2026-11-23'], // → the Monday before
    ['2026-11-29T12:00:00Z', 'week', 'UTC', 0, '2026-11-29'], // a Sunday starts its own week
    ['2026-11-29T12:00:00Z', 'week', 'UTC', 1, '2026-11-23'],
    ['2026-03-01T12:00:00Z', 'week', 'UTC', 1, '2026-02-23'], // across a month edge
  ] as [string, 'hour' | 'day' | 'week', string, 0 | 1, string][])('%s per %s in %s (week starts %i) → %s', (iso, interval, zone, weekStart, label) => {
    expect(bucketOf(at(iso), interval, zone, weekStart)).toBe(label);
  });

  it.each([
    ['UTC', 'day', 48, ['2026-11-27', '2026-11-28']],
    ['Europe/Berlin', 'day', 48, ['2026-11-27', '2026-11-28', '2026-11-29']],
    ['UTC', 'hour', 3, ['2026-11-27T00', '2026-11-27T01', '2026-11-27T02']],
  ] as [string, 'hour' | 'day', number, string[]][])('hourBuckets from 2026-11-27 over %s per %s, %i hours → %j', (zone, interval, hours, labels) => {
    const from = at('2026-11-27T00:00:00Z') / 3_600_000;
    const result = hourBuckets(from, from + hours, interval, zone);
    expect(result.labels).toEqual(labels);
    expect(result.indexOfHour(from - 1)).toBe(-1);
    expect(result.indexOfHour(from + hours - 1)).toBe(labels.length - 1);
  });

  it.each([['UTC', true], ['Europe/Berlin', true], ['Mars/Olympus', false], ['', false]])('isTimeZone(%j) = %s', (zone, ok) => {
    expect(isTimeZone(zone)).toBe(ok);
  });
});

describe('breakdown: top N + other', () => {
  it.each([
    [[['a', [1, 2]], ['b', [5, 0]], ['c', [0, 1]]], 2, [['b', [5, 0]], ['a', [1, 2]]], [0, 1]],
    [[['a', [1]], ['b', [1]], ['c', [1]]], 1, [['a', [1]]], [2]],
    [[['a', [3, 3]]], 5, [['a', [3, 3]]], [0, 0]],
    [[], 3, [], [0, 0]],
  ] as [[string, number[]][], number, [string, number[]][], number[]][])('%j top %i', (entries, limit, top, other) => {
    const buckets = other.length;
    const folded = foldTopN(new Map(entries), buckets, limit);
    expect(folded.values.map((v) => [v.value, v.counts])).toEqual(top);
    expect(folded.other).toEqual(other);
  });

  it.each([[undefined, '(none)'], [null, '(none)'], ['', '(none)'], ['pro', 'pro'], [3, '3'], [false, 'false'], [{ a: 1 }, '{"a":1}'], [[1, 2], '[1,2]']])('breakdownValue(%j) = %j', (v, label) => {
    expect(breakdownValue(v)).toBe(label);
  });
});
