/**
 * The one order every event query returns: newest first by time (ms), ties by uuid ascending —
 * the order of the `refs` store's keys ([series, -ms, uuid]), so index-driven and refs-driven
 * pages agree. A page's cursor is the position of the last record it visited.
 */
// @ts-nocheck

export interface Position {
  ms: number;
  uuid: string;
}

/** Negative when `a` comes before `b` in query order (newer, or same time and smaller uuid). */
export function compareOrder(a: Position, b: Position): number {
  if (a.ms !== b.ms) return b.ms - a.ms;
  return a.uuid < b.uuid ? -1 : a.uuid > b.uuid ? 1 : 0;
}

/** Whether `p` comes strictly after `cursor` (true for every position when there is no cursor). */
export const isAfter = (p: Position, cursor: Position | null | undefined): boolean => !cursor || compareOrder(p, cursor) > 0;

/**
 * A `timestamp` index bound for `ms`: the ISO string posthog-js and Lasso store (UTC, milliseconds),
 * '' below every time and '\uffff' above (far-off years would not sort as strings).
 */
export const isoOf = (ms: number): string => (ms === -Infinity ? '' : ms === Infinity ? '\uffff' : new Date(ms).toISOString());

/**
 * The [from, to) time bounds an index range on `[key, timestamp]` must cover for a page after
 * `cursor`: the cursor's own millisecond stays inside (ties are skipped by uuid afterwards).
 */
export function pageBounds(from: number | undefined, to: number | undefined, cursor: Position | null | undefined): { from: number; to: number } {
  const low = from ?? -Infinity;
  const high = Math.min(to ?? Infinity, cursor ? cursor.ms + 1 : Infinity);
  return { from: low, to: high };
}
