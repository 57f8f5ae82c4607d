import { parseChainCached } from '../actions/chain-cache';
import { loadCatalog, type Catalog } from './catalog';
import { NONE, refsRange, seriesKeyOf, type SeriesRow } from './rows';
import type { LassoDatabase } from './schema';
import { pageKey } from '../events/page-url';
import { inSite } from '../preview/select';

/**
 * Click counts per element chain on one page, for the toolbar's heatmap. Answered from the
 * in-memory catalog (series totals), never by scanning events: only the few series whose events
 * may be something other than a click are read, through their `refs` keys.
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

/** `$autocapture` records `change` on fields and `submit` on forms besides clicks. */
const NOT_ONLY_CLICKS = new Set(['input', 'select', 'textarea', 'form']);

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
 * without a chain are left out (nothing to draw them on). Series whose chain starts at a field or
 * form also hold `change` / `submit` events: only those are read, in one readonly transaction.
 * The catalog may run a commit ahead of that transaction; such a race can add a just-stored
 * click of a field, never lose one.
 */
export async function heatmapClicks(db: LassoDatabase, q: HeatmapQuery): Promise<HeatmapAnswer> {
  const catalog = await loadCatalog(db);
  const { direct, mixed } = pageSeries(catalog, q);
  const byChain = new Map<number, { clicks: number; lastMs: number }>();
  const add = (chain: number, clicks: number, lastMs: number) => {
    if (!clicks) return;
    const e = byChain.get(chain);
    if (e) {
      e.clicks += clicks;
      e.lastMs = Math.max(e.lastMs, lastMs);
    } else byChain.set(chain, { clicks, lastMs });
  };
  for (const s of direct) add(s.chain, s.n, s.last);
  if (mixed.length) {
    const tx = db.transaction(['refs', 'events']);
    const refs = tx.objectStore('refs');
    const events = tx.objectStore('events');
    await Promise.all(
      mixed.map(async (s) => {
        const keys = await refs.getAllKeys(refsRange(seriesKeyOf(s)));
        const stored = await Promise.all(keys.map((k) => events.get(k[5])));
        let clicks = 0;
        let lastMs = -Infinity;
        stored.forEach((event, i) => {
          if (event?.properties?.$event_type !== 'click') return;
          clicks++;
          lastMs = Math.max(lastMs, -keys[i][4]);
        });
        add(s.chain, clicks, lastMs);
      }),
    );
  }
  const entries = [...byChain].map(([id, e]): HeatmapEntry => ({ chain: catalog.chains.get(id)!, ...e }));
  entries.sort((a, b) => b.clicks - a.clicks || b.lastMs - a.lastMs || (a.chain < b.chain ? -1 : a.chain > b.chain ? 1 : 0));
  return { entries, total: entries.reduce((n, e) => n + e.clicks, 0) };
}

/**
 * The `$autocapture` series with a chain on the page: those counted by their total (`direct`)
 * and those whose events must be read (`mixed`). A few lookups per series: hosts, URLs and
 * chains are each judged once.
 */
function pageSeries(catalog: Catalog, q: HeatmapQuery): { direct: SeriesRow[]; mixed: SeriesRow[] } {
  const want = heatmapUrlKey(q.url, q.match);
  const direct: SeriesRow[] = [];
  const mixed: SeriesRow[] = [];
  if (want === null) return { direct, mixed };
  const hostOk = new Map<string, boolean>();
  const urlOk = new Map<number, boolean>();
  const onlyClicks = new Map<number, boolean>();
  for (const s of catalog.series.values()) {
    if (s.event !== '$autocapture' || s.chain === NONE || s.url === NONE) continue;
    let ok = hostOk.get(s.host);
    if (ok === undefined) hostOk.set(s.host, (ok = inSite(s.host, q.site)));
    if (!ok) continue;
    ok = urlOk.get(s.url);
    if (ok === undefined) urlOk.set(s.url, (ok = heatmapUrlKey(catalog.urls.get(s.url)!, q.match) === want));
    if (!ok) continue;
    let clicksOnly = onlyClicks.get(s.chain);
    if (clicksOnly === undefined) {
      const first = parseChainCached(catalog.chains.get(s.chain)!)[0];
      onlyClicks.set(s.chain, (clicksOnly = !first || !NOT_ONLY_CLICKS.has(first.tag_name)));
    }
    (clicksOnly ? direct : mixed).push(s);
  }
  return { direct, mixed };
}
