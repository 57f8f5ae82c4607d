// @ts-nocheck
import type { StoredAction } from '../actions/types';
import { listActions } from '../store/actions';
import { loadCatalog } from '../store/catalog';
import type { LassoDatabase } from '../store/schema';
import { judgeAction, type ActionHealth, type PageHistory } from './decide';
import { readHistories, sitePages } from './read';

/** How long a site's answer is reused: the popup opens often, while a markup change shows over hours. */
export const HEALTH_CACHE_MS = 30_000;

/** Every saved action of `site` judged (ordered as listActions: by name). An action the matcher refuses reads as 'no data'. */
export async function siteHealth(db: LassoDatabase, site: string, listed?: StoredAction[]): Promise<ActionHealth[]> {
  const [actions, catalog] = await Promise.all([listed ?? listActions(db, site), loadCatalog(db)]);
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
 * `siteHealth` on demand with a short per-site cache (HEALTH_CACHE_MS), valid only while the
 * site's actions are the same (ids and `updated_at`: one cheap read of the actions per ask), so
 * an action saved or deleted is judged at once. `now` is a parameter so tests choose the clock.
 */
export function createHealthCache(db: Promise<LassoDatabase>, now: () => number = Date.now) {
  const cache = new Map<string, { at: number; actions: string; answer: Promise<ActionHealth[]> }>();
  return {
    async get(site: string): Promise<ActionHealth[]> {
      const store = await db;
      const actions = await listActions(store, site);
      const signature = actions.map((a) => `${a.id}@${a.updated_at}`).join(' ');
      const hit = cache.get(site);
      if (hit && hit.actions === signature && now() - hit.at < HEALTH_CACHE_MS) return hit.answer;
      const answer = siteHealth(store, site, actions);
      cache.set(site, { at: now(), actions: signature, answer });
      answer.catch(() => cache.delete(site));
      return answer;
    },
  };
}
