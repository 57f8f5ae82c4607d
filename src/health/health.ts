import { listActions } from '../store/actions';
import { loadCatalog } from '../store/catalog';
import type { LassoDatabase } from '../store/schema';
import { judgeAction, type ActionHealth, type PageHistory } from './decide';
import { readHistories, sitePages } from './read';

/** How long a site's answer is reused: the popup opens often, while a markup change shows over hours. */
export const HEALTH_CACHE_MS = 30_000;

/** Every saved action of `site` judged (ordered as listActions: by name). An action the matcher refuses reads as 'no data'. */
export async function siteHealth(db: LassoDatabase, site: string): Promise<ActionHealth[]> {
  const [actions, catalog] = await Promise.all([listActions(db, site), loadCatalog(db)]);
  if (!actions.length) return [];
  const pages = sitePages(catalog, site);
  const out: ActionHealth[] = [];
  // One action after another, as the toolbar's summaries: a long list cannot flood the store.
  for (const action of actions) {
    let histories: PageHistory[];
    try {
      histories = await readHistories(db, catalog, site, pages, action);
    } catch {
      histories = []; // stored before a matcher change made it invalid: nothing to judge
    }
    out.push(judgeAction(action.id, histories));
  }
  return out;
}

/**
 * `siteHealth` on demand with a short per-site cache (HEALTH_CACHE_MS). `now` is a parameter so
 * tests choose the clock. Concurrent asks for one site share one computation.
 */
export function createHealthCache(db: Promise<LassoDatabase>, now: () => number = Date.now) {
  const cache = new Map<string, { at: number; answer: Promise<ActionHealth[]> }>();
  return {
    get(site: string): Promise<ActionHealth[]> {
      const hit = cache.get(site);
      if (hit && now() - hit.at < HEALTH_CACHE_MS) return hit.answer;
      const answer = db.then((store) => siteHealth(store, site));
      cache.set(site, { at: now(), answer });
      answer.catch(() => cache.delete(site));
      return answer;
    },
  };
}
