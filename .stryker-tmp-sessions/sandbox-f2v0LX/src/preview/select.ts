// @ts-nocheck
import type { CaptureEvent } from '../events/types';
import type { Catalog } from '../store/catalog';
import { indexedParts, NONE, type SeriesRow } from '../store/rows';
import { groupId } from './index-query';
import type { PreviewPlan } from './plan';

/**
 * Stand-in events holding only a chain (or only a URL): the matcher judges a step's chain part
 * or URL part on them. One object per chain id, kept for the catalog's lifetime, so the
 * matcher's per-event cache keeps each parsed chain and no chain is parsed twice.
 */
const standIns = new WeakMap<Catalog, Map<number, CaptureEvent>>();
const bare = (properties: CaptureEvent['properties']): CaptureEvent => ({ uuid: '', event: '', distinct_id: '', timestamp: '', properties });

function chainStandIn(catalog: Catalog, id: number): CaptureEvent {
  let cache = standIns.get(catalog);
  if (!cache) standIns.set(catalog, (cache = new Map()));
  let event = cache.get(id);
  if (!event) cache.set(id, (event = bare(id === NONE ? {} : { $elements_chain: catalog.chains.get(id) })));
  return event;
}

/**
 * Whether an event's or series' `$host` belongs to `site` (a siteKeyOf key; null = every site):
 * the same host and port. Lower-cased only (a captured `$host` already is `location.host`).
 */
export const inSite = (host: string, site: string | null): boolean => site === null || host.toLowerCase() === site;

export interface Selection {
  /** Series whose every event matches. */
  exact: SeriesRow[];
  /** Series whose events may match: each event must be read and judged. */
  candidates: SeriesRow[];
  /** `${event}\0${chain}\0${url}\0${host}\0${type}` (strings, not ids) of the exact series. */
  exactKeys: Set<string>;
  /** Events per (event, chain) group of an exact series, over all its series and sites (see index-query's readCounts). */
  groupTotals: Map<string, number>;
}

/** The same key as Selection.exactKeys, computed from an event. */
export function partsKey(event: CaptureEvent): string {
  const { chain, url, host, type } = indexedParts(event);
  return `${event.event}\u0000${chain ?? '\u0001'}\u0000${url ?? '\u0001'}\u0000${host}\u0000${type}`;
}

/**
 * Sort the series of `site` into exact and candidate. The matcher runs once per step per distinct
 * chain and per distinct URL (memoized); a series then costs a few map lookups.
 */
export function selectSeries(catalog: Catalog, plan: PreviewPlan, site: string | null): Selection {
  const sel: Selection = { exact: [], candidates: [], exactKeys: new Set(), groupTotals: new Map() };
  const memo = plan.steps.map(() => ({ chain: new Map<number, boolean>(), url: new Map<number, boolean>(), type: new Map<string, boolean>() }));
  const chainOk = (i: number, id: number): boolean => {
    const step = plan.steps[i];
    if (!step.chain) return true;
    let ok = memo[i].chain.get(id);
    if (ok === undefined) memo[i].chain.set(id, (ok = step.chain.matches(chainStandIn(catalog, id))));
    return ok;
  };
  const urlOk = (i: number, id: number): boolean => {
    const step = plan.steps[i];
    if (!step.url) return true;
    let ok = memo[i].url.get(id);
    if (ok === undefined) memo[i].url.set(id, (ok = step.url.matches(bare(id === NONE ? {} : { $current_url: catalog.urls.get(id) }))));
    return ok;
  };
  /** true / false, or null when the index cannot tell: type '' also files a `$event_type` of '' or a non-string. */
  const typeOk = (i: number, type: string): boolean | null => {
    const step = plan.steps[i];
    if (!step.type) return true;
    if (type === '') return null;
    let ok = memo[i].type.get(type);
    if (ok === undefined) memo[i].type.set(type, (ok = step.type.matches(bare({ $event_type: type as 'click' }))));
    return ok;
  };
  // Per-row work must stay at a few lookups: a catalog holds tens of thousands of series.
  const siteOk = new Map<string, boolean>();
  const totals = new Map<string, Map<number, number>>();
  for (const row of catalog.series.values()) {
    let byChain = totals.get(row.event);
    if (!byChain) totals.set(row.event, (byChain = new Map()));
    byChain.set(row.chain, (byChain.get(row.chain) ?? 0) + row.n);
    let inside = siteOk.get(row.host);
    if (inside === undefined) siteOk.set(row.host, (inside = inSite(row.host, site)));
    if (!inside) continue;
    let exact = false;
    let candidate = false;
    for (let i = 0; i < plan.steps.length && !exact; i++) {
      const step = plan.steps[i];
      if (step.event !== null && step.event !== row.event) continue;
      if (!chainOk(i, row.chain) || !urlOk(i, row.url)) continue;
      const typed = typeOk(i, row.type);
      if (typed === false) continue;
      if (step.raw || typed === null) candidate = true;
      else exact = true;
    }
    if (exact) {
      sel.exact.push(row);
      const chain = row.chain === NONE ? '\u0001' : catalog.chains.get(row.chain);
      const url = row.url === NONE ? '\u0001' : catalog.urls.get(row.url);
      sel.exactKeys.add(`${row.event}\u0000${chain}\u0000${url}\u0000${row.host}\u0000${row.type}`);
    } else if (candidate) sel.candidates.push(row);
  }
  for (const row of sel.exact) sel.groupTotals.set(groupId(row), totals.get(row.event)!.get(row.chain)!);
  return sel;
}
