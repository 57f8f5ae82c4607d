// @ts-nocheck
import type { StoredAction } from '../../actions/types';
import type { RequestData } from '../use-request';

/** Days in an action's small trend (today included). */
export const TREND_DAYS = 14;
/** `query.trends` takes at most this many lines per request. */
const LINES_PER_REQUEST = 10;

/** The start (local midnight) of the day `days - 1` days before `now`'s, and `now`: the window of the small trends. */
export function trendWindow(now: number, days = TREND_DAYS): { from: number; to: number } {
  const start = new Date(now);
  start.setHours(0, 0, 0, 0);
  start.setDate(start.getDate() - (days - 1));
  return { from: start.getTime(), to: now };
}

/**
 * The `query.trends` requests giving every action its daily counts over the window: one per site
 * and ten actions (the background's limit), each line named by the action's id. They read the
 * store's hourly counts, not events, for actions the index can answer.
 */
export function trendRequests(actions: readonly StoredAction[], now: number, timeZone: string): RequestData<'query.trends'>[] {
  const bySite = new Map<string, StoredAction[]>();
  for (const a of actions) bySite.set(a.site, [...(bySite.get(a.site) ?? []), a]);
  const { from, to } = trendWindow(now);
  const out: RequestData<'query.trends'>[] = [];
  for (const [site, list] of bySite) {
    for (let i = 0; i < list.length; i += LINES_PER_REQUEST) {
      const series = list.slice(i, i + LINES_PER_REQUEST).map((a) => ({ name: a.id, actionId: a.id }));
      out.push({ series, site, from, to, interval: 'day', timeZone });
    }
  }
  return out;
}

/** "12 events in 14 days: 0, 3, …" — what the sparkline says to a screen reader. */
export function trendLabel(counts: readonly number[]): string {
  const total = counts.reduce((a, b) => a + b, 0);
  return `${total.toLocaleString('en')} event${total === 1 ? '' : 's'} in ${counts.length} days, oldest first: ${counts.join(', ')}`;
}

/** The polyline points of a sparkline `width`×`height` (1px inset), highest count at the top; flat at the bottom when all are 0. */
export function sparkPoints(counts: readonly number[], width: number, height: number): string {
  if (!counts.length) return '';
  const max = Math.max(...counts, 1);
  const step = counts.length > 1 ? (width - 2) / (counts.length - 1) : 0;
  return counts.map((c, i) => `${(1 + i * step).toFixed(1)},${(height - 1 - (c / max) * (height - 2)).toFixed(1)}`).join(' ');
}

/** A URL the Playwright snippet opens for a site (`localhost:5174` → `http://localhost:5174/`; others https). */
export function siteUrl(site: string): string {
  const local = /^(localhost|127\.|\[::1\])/.test(site);
  return `${local ? 'http' : 'https'}://${site}/`;
}
