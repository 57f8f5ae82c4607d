/**
 * A tiny inline SVG line of daily counts. Its accessible name gives the numbers (a chart nobody
 * can read out is no chart); the drawing itself is decoration.
 */
// @ts-nocheck


/** Points of a polyline for `values` in a `width` × `height` box with `pad` px kept free top and bottom (pure). Zero draws on the bottom line; the largest value touches the top. */
export function sparkPoints(values: number[], width: number, height: number, pad = 1): [number, number][] {
  if (!values.length) return [];
  const max = Math.max(...values);
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const usable = height - 2 * pad;
  const y = (v: number) => (max > 0 ? pad + usable * (1 - v / max) : height - pad);
  return values.map((v, i) => [round(values.length > 1 ? i * step : width / 2), round(y(v))]);
}

const round = (x: number) => Math.round(x * 100) / 100;

/** The accessible name: what is counted, then the numbers oldest first, today last. */
export function sparkLabel(what: string, values: number[]): string {
  if (!values.length) return `${what}: no data`;
  const total = values.reduce((a, b) => a + b, 0);
  return `${what}, last ${values.length} days: ${values.map((v) => v.toLocaleString('en')).join(', ')} (total ${total.toLocaleString('en')}, today ${values[values.length - 1].toLocaleString('en')})`;
}

interface Props {
  /** Counts per day, oldest first; null while loading (the box keeps its size). */
  values: number[] | null;
  /** What is counted, e.g. "Events per day". */
  what: string;
  width?: number;
  height?: number;
}

export function Sparkline({ values, what, width = 84, height = 20 }: Props) {
  const points = values ? sparkPoints(values, width, height) : [];
  return (
    <svg class="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={values ? sparkLabel(what, values) : `${what}: loading`} data-testid="sparkline">
      {points.length > 0 && <polyline points={points.map(([x, y]) => `${x},${y}`).join(' ')} fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" />}
    </svg>
  );
}
