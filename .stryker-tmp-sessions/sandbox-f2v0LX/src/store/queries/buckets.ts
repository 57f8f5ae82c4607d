// @ts-nocheck
import { HOUR_MS } from '../rows';

export type Interval = 'hour' | 'day' | 'week';

const formats = new Map<string, Intl.DateTimeFormat>();

/** Wall-clock year, month, day, hour and weekday (0 = Sunday) of `ms` in `timeZone` (IANA name). */
export function localParts(ms: number, timeZone: string): { y: number; m: number; d: number; h: number; dow: number } {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric' });
    formats.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const p of format.formatToParts(ms)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const dow = new Date(Date.UTC(parts.year, parts.month - 1, parts.day)).getUTCDay();
  return { y: parts.year, m: parts.month, d: parts.day, h: parts.hour, dow };
}

/** Whether `timeZone` is an IANA zone this runtime knows (`UTC`, `Europe/Berlin`). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const pad = (n: number) => String(n).padStart(2, '0');
const dateLabel = (y: number, m: number, d: number) => {
  const t = new Date(Date.UTC(y, m - 1, d));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
};

/**
 * The bucket `ms` falls in, in the user's time zone: `2026-11-28T14` (hour), `2026-11-28` (day),
 * or the date its week starts (`weekStartsOn`: 0 Sunday, as PostHog's default, or 1 Monday).
 */
export function bucketOf(ms: number, interval: Interval, timeZone: string, weekStartsOn: 0 | 1 = 0): string {
  const { y, m, d, h, dow } = localParts(ms, timeZone);
  if (interval === 'hour') return `${dateLabel(y, m, d)}T${pad(h)}`;
  if (interval === 'day') return dateLabel(y, m, d);
  return dateLabel(y, m, d - ((dow - weekStartsOn + 7) % 7));
}

/**
 * Each UTC hour from `fromHour` to `toHour` (exclusive) mapped to its bucket, and the bucket
 * labels in order. Stored counts are hourly, so an hour goes wholly to the bucket its start
 * falls in (zones with a half-hour offset shift day edges by 30 minutes).
 */
export function hourBuckets(fromHour: number, toHour: number, interval: Interval, timeZone: string, weekStartsOn: 0 | 1 = 0): { labels: string[]; starts: number[]; indexOfHour: (hour: number) => number } {
  const labels: string[] = [];
  /** The first UTC hour of each bucket (a bucket ends where the next starts, the last at toHour). */
  const starts: number[] = [];
  const byHour: number[] = [];
  for (let h = fromHour; h < toHour; h++) {
    const label = bucketOf(h * HOUR_MS, interval, timeZone, weekStartsOn);
    if (labels[labels.length - 1] !== label) {
      labels.push(label);
      starts.push(h);
    }
    byHour.push(labels.length - 1);
  }
  return { labels, starts, indexOfHour: (hour) => (hour >= fromHour && hour < toHour ? byHour[hour - fromHour] : -1) };
}
