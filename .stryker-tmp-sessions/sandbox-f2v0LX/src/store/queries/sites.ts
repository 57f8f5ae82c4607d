// @ts-nocheck
import type { SeriesRow } from '../rows';

/** A site with stored events, from the catalog's series totals (no event is read). */
export interface SiteSummary {
  /** `$host` as stored, lower-cased: host and port as in the address bar. */
  site: string;
  events: number;
  /** Latest event time, ms. */
  last: number;
  /** Its event names, most frequent first (ties by name). */
  eventNames: string[];
}

/** Sites with events, most recently active first (ties by name); events without a `$host` are left out (pure). */
export function siteSummaries(series: Iterable<SeriesRow>): SiteSummary[] {
  const sites = new Map<string, { events: number; last: number; names: Map<string, number> }>();
  for (const s of series) {
    const site = s.host.toLowerCase();
    if (!site) continue;
    const entry = sites.get(site) ?? { events: 0, last: -Infinity, names: new Map<string, number>() };
    entry.events += s.n;
    entry.last = Math.max(entry.last, s.last);
    entry.names.set(s.event, (entry.names.get(s.event) ?? 0) + s.n);
    sites.set(site, entry);
  }
  return [...sites]
    .map(([site, { events, last, names }]) => ({
      site,
      events,
      last,
      eventNames: [...names].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([name]) => name),
    }))
    .sort((a, b) => b.last - a.last || (a.site < b.site ? -1 : 1));
}
