// @ts-nocheck
import { browser } from 'wxt/browser';
import { createHealthCache } from '../health/health';
import { onMessage } from '../messaging/protocol';
import { MessageRejectedError, requireInt, requireSite } from '../messaging/validate';
import { siteDays } from '../store/queries/site-days';
import type { LassoDatabase } from '../store/schema';
import { assertSite, callerScope } from './actions-handlers';

/** `field` of `data` when present (checked as requireInt), else `fallback`. */
const intOr = (data: unknown, field: string, min: number, max: number, fallback: number): number =>
  (data as Record<string, unknown> | null)?.[field] === undefined ? fallback : requireInt(data, field, min, max);

/**
 * The popup's reads: action health (src/health, cached per site for a short while) and a site's
 * events and sessions per day. Health is also what the background's notification check uses.
 */
export function registerHealthHandlers({ db }: { db: Promise<LassoDatabase> }): ReturnType<typeof createHealthCache> {
  const extensionId = browser.runtime.id;
  const health = createHealthCache(db);

  onMessage('actions.health', async ({ data, sender }) => {
    const scope = callerScope(sender, extensionId, 'actions.health');
    const site = requireSite(data);
    assertSite(scope, site);
    return health.get(site);
  });

  onMessage('store.siteDays', async ({ data, sender }) => {
    if (callerScope(sender, extensionId, 'store.siteDays').site !== null) throw new MessageRejectedError('message rejected: only extension pages may read a site\'s daily counts');
    const site = requireSite(data);
    const days = intOr(data, 'days', 1, 60, 14);
    const tzOffsetMinutes = intOr(data, 'tzOffsetMinutes', -14 * 60, 14 * 60, 0);
    return siteDays(await db, site, { days, now: Date.now(), tzOffsetMinutes });
  });

  return health;
}
