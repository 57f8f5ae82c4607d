// @ts-nocheck
import type { StoredAction } from '../actions/types';
import { pageKey } from '../events/page-url';
import { planPreview } from '../preview/plan';
import { inSite, selectSeries } from '../preview/select';
import type { Catalog } from '../store/catalog';
import { hourOf, NONE, seriesKeyOf, type SeriesRow } from '../store/rows';
import type { LassoDatabase } from '../store/schema';
import { HEALTH_RULES, type ChainSeen, type PageHistory } from './decide';

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
 * series of the page with events in the hours asked, as the catalog's first/last say), only where
 * they can decide (see below). No event is read.
 */
export async function readHistories(db: LassoDatabase, catalog: Catalog, site: string, byPage: SitePages, action: Pick<StoredAction, 'steps'>, rules = HEALTH_RULES): Promise<PageHistory[]> {
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
  /** Page views per hour of `series` in the hours [from, to], only from series with events then (catalog times). */
  const readViews = async (series: SeriesRow[], from: number, to: number, into: Map<number, number>): Promise<number> => {
    const lists = await Promise.all(
      series.filter((s) => hourOf(s.last) >= from && hourOf(s.first) <= to).map((s) => tx.store.getAll(IDBKeyRange.bound([...seriesKeyOf(s), from], [...seriesKeyOf(s), to]))),
    );
    let total = 0;
    for (const list of lists) for (const r of list) {
      into.set(r.hour, (into.get(r.hour) ?? 0) + r.n);
      total += r.n;
    }
    return total;
  };
  const out = await Promise.all(
    [...matched].map(async ([page, m]): Promise<PageHistory> => {
      const entry = byPage.pages.get(page);
      const views = new Map<number, number>();
      // Only what can change the judgement is read (judgePage needs n ≥ minMatches and views since
      // ≥ minViews before anything else counts): the views after the last match's hour first,
      // those while it matched only when there are enough of those. A healthy action reads a few rows.
      let open = false;
      if (m.n >= rules.minMatches && entry) {
        const lastHour = hourOf(m.last);
        const since = await readViews(entry.views, lastHour + 1, Infinity, views);
        open = since >= rules.minViews;
        if (open) await readViews(entry.views, hourOf(m.first), lastHour, views);
      }
      // Repair candidates only where the page can be judged broken (the rest never shows them).
      const others = new Map<string, ChainSeen>();
      for (const event of open ? m.events : []) {
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
