// @ts-nocheck
// @vitest-environment happy-dom
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TrendChartProps } from '../../src/dashboard/trends/TrendChart';
import type { TrendsResult } from '../../src/store/queries/trends';

// The Trends view in the dashboard shell with the background's answers given here, and the uPlot
// chart replaced by a stub (happy-dom has no canvas): the stub shows what it was given and lets the
// test "click a point". The chart wrapper itself is tested below with uPlot replaced.

let trends: TrendsResult | Error = { buckets: [], lines: [], reads: 0 };
const sent: { type: string; data: unknown }[] = [];
vi.mock('../../src/messaging/protocol', async (original) => ({
  ...(await original<typeof import('../../src/messaging/protocol')>()),
  sendMessage: vi.fn(async (type: string, data: unknown) => {
    sent.push({ type, data });
    if (type === 'query.sites') return [{ site: 'shop.test', events: 9, last: 2, eventNames: ['$pageview', '$autocapture'] }, { site: 'docs.test', events: 1, last: 1, eventNames: ['$pageleave'] }];
    if (type === 'actions.listAll') return [{ site: 'shop.test', actions: [{ id: 'a1', name: 'Signed up' }] }];
    if (type === 'query.trends') {
      if (trends instanceof Error) throw trends;
      return trends;
    }
    throw new Error(`unexpected ${type}`);
  }),
}));
const chartProps: TrendChartProps[] = [];
vi.mock('../../src/dashboard/trends/TrendChart', () => ({
  CHART_HEIGHT: 280,
  TrendChart: (props: TrendChartProps) => {
    chartProps.push(props);
    return h('button', { type: 'button', 'data-testid': 'stub-point', onClick: () => props.onPick(0, 1) }, 'point');
  },
}));
const { App } = await import('../../src/dashboard/App');

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  sent.length = 0;
  chartProps.length = 0;
});
afterEach(() => {
  render(null, root);
  root.remove();
});
const settle = () => act(async () => new Promise((r) => setTimeout(r, 0)));
const mount = async (hash: string) => {
  window.location.hash = hash;
  await act(() => render(h(App, null), root));
  await settle();
  await settle();
};
const $ = <E extends Element = HTMLElement>(testId: string) => root.querySelector<E>(`[data-testid="${testId}"]`);
const cells = () => [...root.querySelectorAll('[data-testid="trend-table"] tr')].map((tr) => [...tr.children].map((c) => c.textContent));

describe('trends view', () => {
  it('asks to pick a series, offers the site’s events and actions, and a choice goes to the route', async () => {
    await mount('#/trends?site=shop.test');
    expect($('trend-pick')!.textContent).toContain('Pick an event or an action to chart');
    const add = $<HTMLSelectElement>('trend-add')!;
    expect([...add.querySelectorAll('optgroup')].map((g) => [g.label, [...g.querySelectorAll('option')].map((o) => [o.value, o.textContent])])).toEqual([
      ['Events', [['$pageview', '$pageview'], ['$autocapture', '$autocapture']]],
      ['Actions', [['action:a1', 'Signed up']]],
    ]);
    expect(sent.filter((m) => m.type === 'query.trends')).toEqual([]);
    add.value = 'action:a1';
    await act(() => void add.dispatchEvent(new Event('change', { bubbles: true })));
    await settle();
    expect(window.location.hash).toBe('#/trends?site=shop.test&series=action%3Aa1');
    expect(sent.filter((m) => m.type === 'query.trends').map((m) => m.data)).toMatchObject([{ series: [{ actionId: 'a1' }], site: 'shop.test', interval: 'day' }]);
  });

  it('draws the answer: the request from the route, a table of buckets (zeros included) with totals, links to the events', async () => {
    trends = { buckets: ['2026-10-01', '2026-10-02', '2026-10-03'], lines: [{ name: '$pageview', counts: [3, 0, 1] }, { name: 'a1', counts: [1, 2, 0] }], reads: 4 };
    await mount('#/trends?site=shop.test&series=%24pageview&series=action%3Aa1&from=2026-10-01&to=2026-10-03');
    expect(sent.find((m) => m.type === 'query.trends')!.data).toMatchObject({ series: [{ event: '$pageview' }, { actionId: 'a1' }], site: 'shop.test', interval: 'day', from: new Date(2026, 9, 1).getTime(), to: new Date(2026, 9, 4).getTime() });
    expect(cells()).toEqual([
      ['Bucket', '$pageview', 'Signed up'],
      ['2026-10-01', '3', '1'],
      ['2026-10-02', '0', '2'],
      ['2026-10-03', '1', '0'],
      ['Total', '4', '3'],
    ]);
    expect(chartProps.at(-1)!.labels).toEqual(['$pageview', 'Signed up']);
    expect(chartProps.at(-1)!.data.slice(1)).toEqual([[3, 0, 1], [1, 2, 0]]);
    const link = root.querySelector<HTMLAnchorElement>('[data-bucket="2026-10-02"] td[data-line="1"] a')!;
    expect(link.getAttribute('href')).toBe(`#/events?site=shop.test&from=${encodeURIComponent(new Date(2026, 9, 2).toISOString())}&to=${encodeURIComponent(new Date(2026, 9, 3).toISOString())}&action=a1`);
    expect(link.getAttribute('aria-label')).toBe('2 Signed up events in 2026-10-02');
    // A point of the chart opens the same events as its table cell.
    await act(() => $('stub-point')!.click());
    expect(window.location.hash).toBe(`#/events?site=shop.test&from=${encodeURIComponent(new Date(2026, 9, 2).toISOString())}&to=${encodeURIComponent(new Date(2026, 9, 3).toISOString())}&event=%24pageview`);
  });

  it('says when the range has no events, and shows a refusal in the background’s words', async () => {
    trends = { buckets: ['2026-10-01'], lines: [{ name: '$pageview', counts: [0] }], reads: 0 };
    await mount('#/trends?series=%24pageview&from=2026-10-01&to=2026-10-01');
    expect($('trend-empty')!.textContent).toContain('No events in this range');
    trends = new Error('to: a range of at most 31 days per hour');
    await mount('#/trends?series=%24pageview&interval=hour&last=90d');
    expect($('error')!.textContent).toContain('Could not draw the trend: to: a range of at most 31 days per hour');
  });

  it('names what it cannot read in the route, and a removed series leaves the route', async () => {
    trends = { buckets: ['2026-10-01'], lines: [{ name: '$pageview', counts: [2] }], reads: 0 };
    await mount('#/trends?series=%24pageview&interval=month');
    expect($('trend-problems')!.textContent).toBe('"interval" must be one of hour, day, week, not month');
    await act(() => root.querySelector<HTMLButtonElement>('[aria-label="Remove $pageview"]')!.click());
    expect(window.location.hash).toBe('#/trends');
    expect($('trend-pick')).not.toBeNull();
  });
});

describe('trend chart wrapper', () => {
  it('draws with uPlot in the colour tokens, follows its container, and lets go of chart and watchers on unmount', async () => {
    const made: { opts: { width: number; series: { label?: string; stroke?: unknown }[] }; destroy: ReturnType<typeof vi.fn>; setSize: ReturnType<typeof vi.fn> }[] = [];
    vi.doMock('uplot', () => ({
      default: class {
        over = document.createElement('div');
        destroy = vi.fn();
        setSize = vi.fn();
        opts: unknown;
        constructor(opts: unknown) {
          this.opts = opts;
          made.push(this as never);
        }
      },
    }));
    vi.doMock('uplot/dist/uPlot.min.css', () => ({}));
    const observers: { callback: () => void; disconnect: ReturnType<typeof vi.fn> }[] = [];
    vi.stubGlobal('ResizeObserver', class {
      disconnect = vi.fn();
      observe = vi.fn();
      constructor(public callback: () => void) {
        observers.push(this);
      }
    });
    const { TrendChart } = await vi.importActual<typeof import('../../src/dashboard/trends/TrendChart')>('../../src/dashboard/trends/TrendChart');
    const style = document.createElement('style');
    style.textContent = '.trend-chart { --chart-1: #123456; }';
    document.head.append(style);
    await act(() => render(h(TrendChart, { data: [[1, 2], [3, 4]], labels: ['$pageview'], interval: 'day', onPick: () => undefined }), root));
    expect(made).toHaveLength(1);
    expect(made[0].opts.series.map((s) => [s.label, s.stroke])).toEqual([['Day', undefined], ['$pageview', '#123456']]);
    observers[0].callback();
    expect(made[0].setSize).toHaveBeenCalledTimes(1);
    await act(() => render(null, root));
    expect(made[0].destroy).toHaveBeenCalledTimes(1);
    expect(observers[0].disconnect).toHaveBeenCalledTimes(1);
    vi.unstubAllGlobals();
    style.remove();
  });
});
