import { browser } from 'wxt/browser';
import { onMessage } from '../messaging/protocol';
import { MessageRejectedError, requireSite, requireString } from '../messaging/validate';
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
    const store = await db;
    return summarizeActions(store, await listActions(store, site), url);
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
