// @ts-nocheck
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Interval } from './trend-route';

/** Colour tokens of the lines (trends.css: light and dark values), used in turn. */
export const LINE_TOKENS = ['--chart-1', '--chart-2', '--chart-3', '--chart-4', '--chart-5', '--chart-6', '--chart-7', '--chart-8'] as const;
/** The chart's height in px: reserved by CSS before the first answer, so nothing jumps. */
export const CHART_HEIGHT = 280;

export interface TrendChartProps {
  /** uPlot data: bucket starts in seconds, then one count array per line. */
  data: [number[], ...number[][]];
  labels: string[];
  interval: Interval;
  /** A click on the chart: the line nearest the pointer and the bucket under it. */
  onPick: (line: number, bucket: number) => void;
}

const DAY_S = 86_400;
const DAY_TICKS = [1, 2, 3, 7, 14, 28].map((n) => n * DAY_S);
const WEEK_TICKS = [1, 2, 4, 8, 13].map((n) => 7 * n * DAY_S);

const token = (el: Element, name: string) => getComputedStyle(el).getPropertyValue(name).trim();

/** uPlot's options for `labels` in the colours of the page's tokens now (light or dark). */
function options(el: HTMLElement, labels: string[], interval: Interval, width: number): uPlot.Options {
  const fg = token(el, '--muted') || '#5b616b';
  const grid = token(el, '--border') || '#c9cdd6';
  const axis: uPlot.Axis = { stroke: fg, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
  return {
    width,
    height: CHART_HEIGHT,
    scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max) * 1.1] } },
    // Days and weeks: ticks only on whole buckets (uPlot would otherwise add hours between days).
    axes: [{ ...axis, ...(interval !== 'hour' && { incrs: interval === 'day' ? DAY_TICKS : WEEK_TICKS, values: (_u: uPlot, splits: number[]) => splits.map((s) => new Date(s * 1000).toLocaleDateString(undefined, { month: 'short', day: 'numeric' })) }) }, axis],
    series: [
      { label: interval === 'hour' ? 'Hour' : interval === 'week' ? 'Week of' : 'Day', value: (_u, v) => (v == null ? '' : interval === 'hour' ? new Date(v * 1000).toLocaleString() : new Date(v * 1000).toLocaleDateString()) },
      ...labels.map((label, i): uPlot.Series => ({ label, stroke: token(el, LINE_TOKENS[i % LINE_TOKENS.length]) || fg, width: 2, points: { size: 5 } })),
    ],
    cursor: { points: { size: 7 } },
    legend: { live: true },
  };
}

/**
 * The trend as a uPlot line chart (a thin wrapper: the only code touching uPlot and canvas, so a
 * component test can replace it). Follows its container's width (ResizeObserver) and the colour
 * scheme (redrawn in the new tokens); both watchers and the chart go on unmount. Hover shows each
 * line's value in the legend; the table under the chart is the keyboard way to the same numbers.
 */
export function TrendChart({ data, labels, interval, onPick }: TrendChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  useEffect(() => {
    const el = box.current!;
    const controller = new AbortController();
    let chart: uPlot | null = null;
    const draw = () => {
      chart?.destroy();
      chart = new uPlot(options(el, labels, interval, Math.max(200, el.clientWidth)), data, el);
      const u = chart;
      u.over.addEventListener('click', () => {
        const idx = u.cursor.idx;
        if (idx == null || u.cursor.top == null) return;
        const y = u.posToVal(u.cursor.top, 'y');
        let best = -1;
        for (let i = 1; i < u.data.length; i++) {
          const v = u.data[i][idx];
          if (v == null || !u.series[i].show) continue;
          if (best < 0 || Math.abs(v - y) < Math.abs((u.data[best][idx] as number) - y)) best = i;
        }
        if (best > 0) pick.current(best - 1, idx);
      }, { signal: controller.signal });
    };
    draw();
    const resize = new ResizeObserver(() => chart?.setSize({ width: Math.max(200, el.clientWidth), height: CHART_HEIGHT }));
    resize.observe(el);
    const scheme = window.matchMedia('(prefers-color-scheme: dark)');
    scheme.addEventListener('change', draw, { signal: controller.signal });
    return () => {
      resize.disconnect();
      controller.abort();
      chart?.destroy();
    };
  }, [data, labels, interval]);
  return <div ref={box} class="trend-chart" data-testid="trend-chart" />;
}
