import type { StoredAction } from '../actions/types';
import { pageKey } from '../events/page-url';
import { planPreview } from '../preview/plan';
import { inSite, selectSeries } from '../preview/select';
import type { Catalog } from '../store/catalog';
import { hourOf, NONE, seriesKeyOf, type SeriesRow } from '../store/rows';
import type { LassoDatabase } from '../store/schema';
import type { ChainSeen, PageHistory } from './decide';

/** A site's series grouped by page (origin + path), built once per health computation. */
export interface SitePages {
  /** Page of each URL id (null: not a URL). */
  pageOf(url: number): string | null;
  /** Per page: its `$pageview` series, and every other series by event name. */
  pages: Map<string, { views: SeriesRow[]; byEvent: Map<string, SeriesRow[]> }>;
}

/** One pass over the in-memory catalog (no store read): the series of `site` by page. */
export function sitePages(catalog: Catalog, site: string): SitePages {
  const memo = new Map<number, string | null>();
  const pageOf = (url: number): string | null => {
    if (url === NONE) return null;
    let page = memo.get(url);
    if (page === undefined) memo.set(url, (page = pageKey(catalog.urls.get(url) ?? '')));
    return page;
  };
  const pages: SitePages['pages'] = new Map();
  for (const row of catalog.series.values()) {
    if (!inSite(row.host, site)) continue;
    const page = pageOf(row.url);
    if (page === null) continue;
    let entry = pages.get(page);
    if (!entry) pages.set(page, (entry = { views: [], byEvent: new Map() }));
    if (row.event === '$pageview') entry.views.push(row);
    else {
      let list = entry.byEvent.get(row.event);
      if (!list) entry.byEvent.set(row.event, (list = []));
      list.push(row);
    }
  }
  return { pageOf, pages };
}

/**
 * The histories `judgeAction` needs for one saved action on `site`, from the index only: the
 * preview's series selection (exact series: an action whose every step has event or person
 * property filters has none, so it reads as 'no data'), their totals and times from the catalog,
 * and the page views of each matched page per hour from `counts` (one key range per `$pageview`
 * series of the page, from the hour of its first match). No event is read.
 */
export async function readHistories(db: LassoDatabase, catalog: Catalog, site: string, byPage: SitePages, action: Pick<StoredAction, 'steps'>): Promise<PageHistory[]> {
  const { exact } = selectSeries(catalog, planPreview(action), site);
  const matched = new Map<string, { n: number; first: number; last: number; lastChain: number; chains: Set<number>; events: Set<string> }>();
  for (const row of exact) {
    const page = byPage.pageOf(row.url);
    if (page === null) continue;
    const m = matched.get(page);
    if (!m) {
      matched.set(page, { n: row.n, first: row.first, last: row.last, lastChain: row.chain, chains: new Set([row.chain]), events: new Set([row.event]) });
      continue;
    }
    m.n += row.n;
    m.first = Math.min(m.first, row.first);
    if (row.last > m.last) [m.last, m.lastChain] = [row.last, row.chain];
    m.chains.add(row.chain);
    m.events.add(row.event);
  }
  if (!matched.size) return [];
  const tx = db.transaction('counts', 'readonly');
  const out = await Promise.all(
    [...matched].map(async ([page, m]): Promise<PageHistory> => {
      const entry = byPage.pages.get(page);
      const views = new Map<number, number>();
      const fromHour = hourOf(m.first);
      const rows = await Promise.all((entry?.views ?? []).map((s) => tx.store.getAll(IDBKeyRange.bound([...seriesKeyOf(s), fromHour], [...seriesKeyOf(s), Infinity]))));
      for (const list of rows) for (const r of list) views.set(r.hour, (views.get(r.hour) ?? 0) + r.n);
      const others = new Map<string, ChainSeen>();
      for (const event of m.events) {
        for (const row of entry?.byEvent.get(event) ?? []) {
          if (row.chain === NONE || m.chains.has(row.chain)) continue;
          const chain = catalog.chains.get(row.chain) ?? '';
          const seen = others.get(chain);
          if (!seen) others.set(chain, { chain, n: row.n, first: row.first, last: row.last });
          else Object.assign(seen, { n: seen.n + row.n, first: Math.min(seen.first, row.first), last: Math.max(seen.last, row.last) });
        }
      }
      return {
        page,
        matches: { n: m.n, first: m.first, last: m.last },
        lastChain: m.lastChain === NONE ? null : (catalog.chains.get(m.lastChain) ?? null),
        views: [...views],
        others: [...others.values()],
      };
    }),
  );
  await tx.done;
  return out;
}
