// @ts-nocheck
import { loadCatalog, type Catalog } from './catalog';
import { NONE, type SeriesRow } from './rows';
import type { LassoDatabase } from './schema';
import { pageKey } from '../events/page-url';
import { inSite } from '../preview/select';

/**
 * Click counts per element chain on one page, for the toolbar's heatmap. Answered from the
 * in-memory catalog (series totals), never by scanning events: series are keyed by `$event_type`,
 * so a field's clicks are apart from its changes.
 */

/** Clicks recorded on one `$elements_chain`. */
export interface HeatmapEntry {
  chain: string;
  clicks: number;
  /** Time of the latest of those clicks, ms since the epoch. */
  lastMs: number;
}

export interface HeatmapQuery {
  /** The site (host with port, as siteKeyOf gives); a series is on it when preview's inSite says so. */
  site: string;
  /** The page URL, usually `location.href`. */
  url: string;
  /** 'exact': same URL string ignoring `#hash`; 'path': same origin + pathname, any query. */
  match: 'exact' | 'path';
}

export interface HeatmapAnswer {
  /** One entry per chain with at least one click: most clicked first, then most recently clicked. */
  entries: HeatmapEntry[];
  /** Sum of the entries' clicks. */
  total: number;
}

/**
 * What two URLs must share to be the same page under `match`, or null when `url` cannot be on
 * any page (unparsable for 'path'). Hashes never count: SPAs route with them, but autocapture's
 * `$current_url` keeps them, and one page must not split by scroll anchor.
 */
export function heatmapUrlKey(url: string, match: HeatmapQuery['match']): string | null {
  if (match === 'exact') {
    const hash = url.indexOf('#');
    return hash < 0 ? url : url.slice(0, hash);
  }
  return pageKey(url);
}

/**
 * Click counts per `$elements_chain` of `$autocapture` clicks (`$event_type` 'click') on `url` of
 * `site`, summed over every series on that page (its URL variants) of that site. Events
 * without a chain are left out (nothing to draw them on). Only click series count (the series
 * key holds `$event_type`), so no event is read.
 */
export async function heatmapClicks(db: LassoDatabase, q: HeatmapQuery): Promise<HeatmapAnswer> {
  const catalog = await loadCatalog(db);
  const byChain = new Map<number, { clicks: number; lastMs: number }>();
  for (const s of pageClickSeries(catalog, q)) {
    const e = byChain.get(s.chain);
    if (e) {
      e.clicks += s.n;
      e.lastMs = Math.max(e.lastMs, s.last);
    } else byChain.set(s.chain, { clicks: s.n, lastMs: s.last });
  }
  const entries = [...byChain].map(([id, e]): HeatmapEntry => ({ chain: catalog.chains.get(id)!, ...e }));
  entries.sort((a, b) => b.clicks - a.clicks || b.lastMs - a.lastMs || (a.chain < b.chain ? -1 : a.chain > b.chain ? 1 : 0));
  return { entries, total: entries.reduce((n, e) => n + e.clicks, 0) };
}

/** The `$autocapture` click series with a chain on the page. A few lookups per series: hosts and URLs are each judged once. */
function pageClickSeries(catalog: Catalog, q: HeatmapQuery): SeriesRow[] {
  const want = heatmapUrlKey(q.url, q.match);
  const out: SeriesRow[] = [];
  if (want === null) return out;
  const hostOk = new Map<string, boolean>();
  const urlOk = new Map<number, boolean>();
  for (const s of catalog.series.values()) {
    if (s.event !== '$autocapture' || s.type !== 'click' || s.chain === NONE || s.url === NONE) continue;
    let ok = hostOk.get(s.host);
    if (ok === undefined) hostOk.set(s.host, (ok = inSite(s.host, q.site)));
    if (!ok) continue;
    ok = urlOk.get(s.url);
    if (ok === undefined) urlOk.set(s.url, (ok = heatmapUrlKey(catalog.urls.get(s.url)!, q.match) === want));
    if (ok) out.push(s);
  }
  return out;
}
