// @ts-nocheck
import { browser } from 'wxt/browser';
import { onMessage } from '../messaging/protocol';
import { MessageRejectedError, requireInt, requireSite, requireString } from '../messaging/validate';
import { summarizeActions } from '../preview/summary';
import { heatmapClicks } from '../store/heatmap';
import { listActions } from '../store/actions';
import type { LassoDatabase } from '../store/schema';
import { assertSite, callerScope } from './actions-handlers';

/** Read-only queries behind the toolbar's saved-action list and its heatmap (extension pages may ask too). */
export function registerToolbarQueries({ db }: { db: Promise<LassoDatabase> }): void {
  const extensionId = browser.runtime.id;

  onMessage('actions.summary', async ({ data, sender }) => {
    const scope = callerScope(sender, extensionId, 'actions.summary');
    const site = requireSite(data);
    assertSite(scope, site);
    const url = requireString(data, 'url', 8192);
    // Per-day counts in the caller's zone (the popup's sparklines); the toolbar leaves it out (UTC).
    const tz = (data as { tzOffsetMinutes?: unknown }).tzOffsetMinutes === undefined ? 0 : requireInt(data, 'tzOffsetMinutes', -14 * 60, 14 * 60);
    const store = await db;
    return summarizeActions(store, await listActions(store, site), url, Date.now(), tz);
  });

  onMessage('heatmap.clicks', async ({ data, sender }) => {
    const scope = callerScope(sender, extensionId, 'heatmap.clicks');
    const site = requireSite(data);
    assertSite(scope, site);
    const url = requireString(data, 'url', 8192);
    const match = (data as { match?: unknown }).match;
    if (match !== 'exact' && match !== 'path') throw new MessageRejectedError('match: expected "exact" or "path"');
    return heatmapClicks(await db, { site, url, match });
  });
}
