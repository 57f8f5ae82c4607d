// @ts-nocheck
import type { Total } from '../../store/queries/total';

const n = (x: number) => x.toLocaleString('en');
const events = (x: number) => `${n(x)} event${x === 1 ? '' : 's'}`;

/**
 * The table's count in words (pure): exact when the store could count it cheaply, else the
 * bounds it gave (it never scans everything to count).
 */
export function totalText(total: Total | null, loaded: number): string {
  if (!total) return loaded ? `${events(loaded)} so far` : '';
  if ('exact' in total) return events(total.exact);
  if (total.atLeast === total.atMost) return events(total.atLeast);
  return `between ${n(Math.max(total.atLeast, loaded))} and ${events(total.atMost)}`;
}
