// @ts-nocheck
import { localDay } from '../store/queries/site-days';

const DAY_MS = 86_400_000;

/** The minutes this browser's zone is east of UTC now (what per-day counts are asked with). */
export const tzOffsetNow = (): number => -new Date().getTimezoneOffset();

/**
 * Counts of the `n` local days ending today, oldest first, from a list of `{day, count}`
 * (`YYYY-MM-DD`, days without counts left out, as the preview gives them) (pure).
 */
export function lastDays(perDay: { day: string; count: number }[], now: number, tzOffsetMinutes: number, n: number): number[] {
  const byDay = new Map(perDay.map((d) => [d.day, d.count]));
  const today = localDay(now, tzOffsetMinutes);
  return Array.from({ length: n }, (_, i) => byDay.get(new Date((today - n + 1 + i) * DAY_MS).toISOString().slice(0, 10)) ?? 0);
}
