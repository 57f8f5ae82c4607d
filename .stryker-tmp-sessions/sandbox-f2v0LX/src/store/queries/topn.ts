/** A breakdown value as a label: strings as they are, other scalars as text, none as `(none)`, objects as JSON. */
// @ts-nocheck

export function breakdownValue(v: unknown): string {
  if (v === undefined || v === null || v === '') return '(none)';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  try {
    return JSON.stringify(v) ?? '(none)';
  } catch {
    return '(none)';
  }
}

export interface Breakdown {
  /** The `limit` values with the most events over the whole range (ties: value order), each per bucket. */
  values: { value: string; counts: number[] }[];
  /** Every other value, per bucket. */
  other: number[];
}

/**
 * Fold per-bucket counts by value into the top `limit` values plus `other`. `byValue` maps a
 * value to its counts per bucket (length `buckets`).
 */
export function foldTopN(byValue: Map<string, number[]>, buckets: number, limit: number): Breakdown {
  const ranked = [...byValue].map(([value, counts]) => ({ value, counts, sum: counts.reduce((a, b) => a + b, 0) }));
  ranked.sort((a, b) => b.sum - a.sum || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  const other = new Array<number>(buckets).fill(0);
  for (const r of ranked.slice(limit)) r.counts.forEach((n, i) => (other[i] += n));
  return { values: ranked.slice(0, limit).map(({ value, counts }) => ({ value, counts })), other };
}
