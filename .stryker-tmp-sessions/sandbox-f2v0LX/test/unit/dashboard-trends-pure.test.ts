// @ts-nocheck
import { describe, expect, it } from 'vitest';
import type { TrendsResult } from '../../src/store/queries/trends';
import { bucketRange, chartData, eventsHrefOf, tableRows, trendModel } from '../../src/dashboard/trends/trend-data';
import { queryFromSettings, settingsFromQuery, timeRange, trendsRequest, type SeriesRef } from '../../src/dashboard/trends/trend-route';
import { parseRoute } from '../../src/dashboard/route';
import { filtersFromQuery } from '../../src/dashboard/events/filters';

const local = (y: number, m: number, d: number, h = 0) => new Date(y, m - 1, d, h).getTime();

describe('trend route ↔ settings', () => {
  it.each([
    ['', { series: [], interval: 'day', last: '30d', from: '', to: '', breakdown: '' }, []],
    ['series=%24pageview&series=action%3Aa1&interval=week&last=90d&breakdown=%24browser', { series: [{ kind: 'event', event: '$pageview' }, { kind: 'action', id: 'a1' }], interval: 'week', last: '90d', from: '', to: '', breakdown: '$browser' }, []],
    ['series=x&series=x&from=2026-10-01&to=2026-10-06', { series: [{ kind: 'event', event: 'x' }], interval: 'day', last: '', from: '2026-10-01', to: '2026-10-06', breakdown: '' }, []],
    ['series=x&last=7d&from=2026-10-01', { series: [{ kind: 'event', event: 'x' }], interval: 'day', last: '7d', from: '', to: '', breakdown: '' }, []],
    ['series=action%3A&interval=month&last=1y', { series: [], interval: 'day', last: '30d', from: '', to: '', breakdown: '' }, ['"series" must be an event name or action:<id>, not "action:"', '"interval" must be one of hour, day, week, not month', '"last" must be one of 7d, 30d, 90d, not 1y']],
    ['from=2026-02-30&to=2026-10-01', { series: [], interval: 'day', last: '', from: '', to: '2026-10-01', breakdown: '' }, ['"from" is not a day YYYY-MM-DD: 2026-02-30']],
    ['from=2026-10-05&to=2026-10-01', { series: [], interval: 'day', last: '30d', from: '', to: '', breakdown: '' }, ['"from" (2026-10-05) is after "to" (2026-10-01)']],
  ])('%s', (qs, settings, problems) => {
    const read = settingsFromQuery(new URLSearchParams(qs));
    expect(read.settings).toEqual({ site: '', ...settings });
    expect(read.problems).toEqual(problems);
  });

  it('keeps at most 10 series and says which were left out', () => {
    const qs = new URLSearchParams(Array.from({ length: 12 }, (_, i) => ['series', `e${i}`]));
    const read = settingsFromQuery(qs);
    expect(read.settings.series.map((s) => (s.kind === 'event' ? s.event : s.id))).toEqual(Array.from({ length: 10 }, (_, i) => `e${i}`));
    expect(read.problems).toEqual(['at most 10 series: e10 left out', 'at most 10 series: e11 left out']);
  });

  it.each([
    'site=shop.test&series=%24pageview&series=action%3Aa1&interval=hour&last=7d&breakdown=%24browser',
    'series=%24pageview&from=2026-10-01&to=2026-10-06',
    'series=%24pageview',
  ])('the canonical query %s reads back to itself', (qs) => {
    expect(queryFromSettings(settingsFromQuery(new URLSearchParams(qs)).settings).toString()).toBe(qs);
  });
});

describe('trend request', () => {
  const now = local(2026, 11, 28, 14) + 20 * 60_000; // 14:20 local
  it.each([
    ['series=e&last=7d', { from: local(2026, 11, 22), to: local(2026, 11, 28, 15) }],
    ['series=e&from=2026-10-01&to=2026-10-06', { from: local(2026, 10, 1), to: local(2026, 10, 7) }],
    ['series=e&to=2026-10-30', { from: local(2026, 10, 1), to: local(2026, 10, 31) }],
    ['series=e&from=2026-11-20', { from: local(2026, 11, 20), to: local(2026, 11, 28, 15) }],
  ])('%s covers its days in the browser time zone', (qs, range) => {
    expect(timeRange(settingsFromQuery(new URLSearchParams(qs)).settings, now)).toEqual(range);
  });

  it.each([
    ['last=7d', null],
    ['site=shop.test&series=%24pageview&series=action%3Aa1&interval=week&last=7d&breakdown=%24browser', { series: [{ name: '$pageview', event: '$pageview' }, { name: 'a1', actionId: 'a1' }], site: 'shop.test', from: local(2026, 11, 22), to: local(2026, 11, 28, 15), interval: 'week', timeZone: 'Europe/Berlin', breakdown: { property: '$browser', limit: 10 } }],
    ['series=e&interval=hour&last=7d', { series: [{ name: 'e', event: 'e' }], from: local(2026, 11, 22), to: local(2026, 11, 28, 15), interval: 'hour', timeZone: 'Europe/Berlin' }],
  ])('%s → %j', (qs, request) => {
    expect(trendsRequest(settingsFromQuery(new URLSearchParams(qs)).settings, now, 'Europe/Berlin')).toEqual(request);
  });
});

describe('query.trends answer → chart and table', () => {
  const pv: SeriesRef = { kind: 'event', event: '$pageview' };
  const act: SeriesRef = { kind: 'action', id: 'a1' };
  const names = (s: SeriesRef) => (s.kind === 'event' ? s.event : 'Signed up');
  const range = { from: local(2026, 10, 1, 6), to: local(2026, 10, 4) };

  it.each([
    ['2026-10-01', 'day', { from: local(2026, 10, 1), to: local(2026, 10, 2) }],
    ['2026-10-01T23', 'hour', { from: local(2026, 10, 1, 23), to: local(2026, 10, 2) }],
    ['2026-09-27', 'week', { from: local(2026, 9, 27), to: local(2026, 10, 4) }],
  ] as const)('bucket %s (%s) spans %j', (label, interval, span) => expect(bucketRange(label, interval)).toEqual(span));

  it('rejects a label it cannot read', () => expect(() => bucketRange('week 40', 'week')).toThrow('bucket label "week 40" is not YYYY-MM-DD'));

  it('one line per series; buckets without events are zeros; the edges are clipped to the range', () => {
    const result: TrendsResult = { buckets: ['2026-10-01', '2026-10-02', '2026-10-03'], lines: [{ name: '$pageview', counts: [4, 0, 2] }, { name: 'a1', counts: [0, 0] }], reads: 3 };
    const model = trendModel(result, [pv, act], 'day', range, names);
    expect(model.lines.map((l) => [l.label, l.counts, l.total])).toEqual([
      ['$pageview', [4, 0, 2], 6],
      ['Signed up', [0, 0, 0], 0],
    ]);
    expect(model.ranges[0]).toEqual({ from: range.from, to: local(2026, 10, 2) });
    expect(chartData(model)).toEqual([[range.from / 1000, local(2026, 10, 2) / 1000, local(2026, 10, 3) / 1000], [4, 0, 2], [0, 0, 0]]);
    expect(tableRows(model)).toEqual({
      rows: [
        { bucket: '2026-10-01', index: 0, counts: [4, 0] },
        { bucket: '2026-10-02', index: 1, counts: [0, 0] },
        { bucket: '2026-10-03', index: 2, counts: [2, 0] },
      ],
      totals: [6, 0],
    });
  });

  it('a breakdown gives a line per top value, then Other when anything is left; several series prefix their name', () => {
    const result: TrendsResult = {
      buckets: ['2026-10-01', '2026-10-02'],
      lines: [
        { name: '$pageview', counts: [5, 3], breakdown: { values: [{ value: 'Chrome', counts: [3, 1] }, { value: '(none)', counts: [1, 0] }], other: [1, 2] } },
        { name: 'a1', counts: [1, 0], breakdown: { values: [{ value: 'Chrome', counts: [1, 0] }], other: [0, 0] } },
      ],
      reads: 9,
    };
    const model = trendModel(result, [pv, act], 'day', range, names);
    expect(model.lines.map((l) => [l.label, l.counts, l.slice])).toEqual([
      ['$pageview · Chrome', [3, 1], { kind: 'value', value: 'Chrome' }],
      ['$pageview · (none)', [1, 0], { kind: 'value', value: '(none)' }],
      ['$pageview · Other', [1, 2], { kind: 'other', top: ['Chrome', '(none)'] }],
      ['Signed up · Chrome', [1, 0], { kind: 'value', value: 'Chrome' }],
    ]);
    expect(trendModel({ ...result, lines: [result.lines[0]] }, [pv], 'day', range, names).lines.map((l) => l.label)).toEqual(['Chrome', '(none)', 'Other']);
  });

  it('a point opens the Events view on its series, bucket and breakdown value, in the keys the Events view reads', () => {
    const result: TrendsResult = {
      buckets: ['2026-10-01', '2026-10-02'],
      lines: [{ name: '$pageview', counts: [5, 3], breakdown: { values: [{ value: 'Chrome', counts: [3, 1] }, { value: '(none)', counts: [1, 0] }], other: [1, 2] } }],
      reads: 9,
    };
    const model = trendModel(result, [pv], 'day', range, names);
    const read = (line: number, bucket: number) => filtersFromQuery(parseRoute(eventsHrefOf(model, line, bucket, { site: 'shop.test', breakdown: '$browser' })).query);
    const chrome = read(0, 1);
    expect(chrome.problems).toEqual([]);
    expect(chrome.filters).toMatchObject({ site: 'shop.test', from: new Date(local(2026, 10, 2)).toISOString(), to: new Date(local(2026, 10, 3)).toISOString(), events: ['$pageview'], properties: [{ key: '$browser', operator: 'exact', value: 'Chrome' }] });
    expect(read(1, 0).filters).toMatchObject({ from: new Date(range.from).toISOString(), properties: [{ key: '$browser', operator: 'is_not_set' }] });
    expect(read(2, 0).filters.properties).toEqual([{ key: '$browser', operator: 'is_not', value: 'Chrome' }, { key: '$browser', operator: 'is_set' }]);
    const action = trendModel({ buckets: ['2026-10-01'], lines: [{ name: 'a1', counts: [2] }], reads: 1 }, [act], 'day', range, names);
    expect(filtersFromQuery(parseRoute(eventsHrefOf(action, 0, 0, { site: '', breakdown: '' })).query).filters).toMatchObject({ site: '', action: 'a1', events: [], properties: [] });
  });
});
