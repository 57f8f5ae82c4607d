// @ts-nocheck
import type { StoredAction } from '../actions/types';
import type { LassoDatabase } from '../store/schema';
import { pageKey } from '../events/page-url';
import { startPreview } from './preview';
import type { WindowName } from './tally';

/** A saved action with its stored counts, as the toolbar lists it. */
export interface ActionSummary {
  id: string;
  /** Stored matches per window (this site's events). */
  windows: Record<WindowName, number>;
  /** The most recent stored match on the page asked about (same origin and path), if any. */
  lastHere: { chain: string; timestamp: string } | null;
  /** Matches per local day (the zone asked for; UTC by default), ascending, days without matches left out. */
  perDay: { day: string; count: number }[];
}

/** Latest matches looked through for one on the page asked about. */
const LATEST = 200;

/** One action's counts and its latest match on `page`, from a one-shot preview. */
function summarize(db: LassoDatabase, action: StoredAction, page: string | null, now: number, tzOffsetMinutes: number): Promise<ActionSummary> {
  return new Promise((resolve, reject) => {
    let last: ActionSummary | null = null;
    const handle = startPreview(db, { action, site: action.site, now, tzOffsetMinutes, latest: LATEST }, {
      onResult: (result) => {
        const here = page === null ? undefined : result.latest.find((e) => pageKey(String(e.properties.$current_url ?? '')) === page);
        last = {
          id: action.id,
          windows: result.windows,
          perDay: result.perDay,
          lastHere: here ? { chain: String(here.properties.$elements_chain ?? ''), timestamp: here.timestamp } : null,
        };
      },
      onError: reject,
    });
    void handle.done.then(() => {
      handle.cancel();
      if (last) resolve(last);
      else reject(new Error(`no preview answer for action ${action.id}`));
    });
  });
}

/**
 * Counts of each saved action, and where it last matched on the page at `url` (origin and
 * path): the toolbar's list, and the evidence behind its "broken by a deploy?" badge. Uses the
 * preview's index (no full scan) one action after another, so a long list cannot flood the store.
 */
export async function summarizeActions(db: LassoDatabase, actions: StoredAction[], url: string, now = Date.now(), tzOffsetMinutes = 0): Promise<ActionSummary[]> {
  const page = pageKey(url);
  const out: ActionSummary[] = [];
  for (const action of actions) out.push(await summarize(db, action, page, now, tzOffsetMinutes));
  return out;
}
