// @ts-nocheck
import { browser } from 'wxt/browser';
import { siteHealth } from '../health/health';
import { HEALTH_ALARM, HEALTH_NOTIFY_KEY, HEALTH_TOLD_KEY, newlyBroken } from '../health/notify';
import { pageKey } from '../events/page-url';
import { listActionsBySite } from '../store/actions';
import type { LassoDatabase } from '../store/schema';

const PERMISSION = { permissions: ['notifications'] as ['notifications'] };

/** Whether the user switched notifications on and the optional `notifications` permission is granted. */
async function wanted(): Promise<boolean> {
  const stored = await browser.storage.local.get(HEALTH_NOTIFY_KEY);
  return stored[HEALTH_NOTIFY_KEY] === true && (await browser.permissions.contains(PERMISSION));
}

/** Judge every site's actions now and tell about those newly broken (one notification each). */
export async function checkHealthNow(db: LassoDatabase): Promise<number> {
  if (!(await wanted())) return 0;
  const names = new Map<string, string>();
  const all = [];
  for (const { site, actions } of await listActionsBySite(db)) {
    for (const a of actions) names.set(a.id, `${a.name} (${site})`);
    all.push(...(await siteHealth(db, site)));
  }
  const told = ((await browser.storage.local.get(HEALTH_TOLD_KEY))[HEALTH_TOLD_KEY] as string[] | undefined) ?? [];
  const { tell, told: next } = newlyBroken(told, all);
  for (const h of tell) {
    const path = h.page ? (pageKey(h.page) ? new URL(h.page).pathname : h.page) : 'its page';
    await browser.notifications.create(`lasso-health-${h.id}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/health-warning.png' as '/popup.html'),
      title: 'Lasso: an action stopped matching',
      message: `${names.get(h.id) ?? h.id} has matched nothing on ${path} since ${new Date(h.since ?? 0).toLocaleString()}, though the page is still visited.`,
    });
  }
  await browser.storage.local.set({ [HEALTH_TOLD_KEY]: next });
  return tell.length;
}

/**
 * The hourly check behind the optional "notify me when an action breaks" (off by default; the
 * popup asks for the `notifications` permission when it is switched on). The listener is added
 * on every worker start, as MV3 needs; the check itself does nothing while switched off.
 */
export function startHealthNotifications(db: Promise<LassoDatabase>): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== HEALTH_ALARM) return;
    void db.then(checkHealthNow).catch((e: unknown) => console.error('Lasso: health check failed', e));
  });
  void browser.alarms.get(HEALTH_ALARM).then(async (alarm) => {
    if (!alarm) await browser.alarms.create(HEALTH_ALARM, { delayInMinutes: 60, periodInMinutes: 60 });
  });
}
