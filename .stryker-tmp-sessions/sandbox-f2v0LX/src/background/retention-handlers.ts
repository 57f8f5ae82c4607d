// @ts-nocheck
import { browser } from 'wxt/browser';
import { onMessage } from '../messaging/protocol';
import { MessageRejectedError, optionalBoolean, requireSite } from '../messaging/validate';
import { assertExtensionPage } from './handlers';
import type { RetentionService } from './retention';

/** The daily retention alarm (chrome.alarms; Firefox MV2 has the same API). */
export const RETENTION_ALARM = 'lasso.retention';
const DAY_MINUTES = 24 * 60;

type Alarms = Pick<typeof browser.alarms, 'get' | 'create' | 'onAlarm'>;

/** Log a background job's failure (a rejected deletion never throws into the browser's event). */
const logFailure = (what: string) => (error: unknown) => console.error(`Lasso: ${what} failed`, error);

/**
 * Wire retention into the background: the alarm listener (registered synchronously, as MV3
 * requires), the daily alarm created once (kept across restarts), and a run at every start after
 * resuming a site deletion the browser interrupted.
 */
export function startRetention(retention: RetentionService, alarms: Alarms = browser.alarms): Promise<void> {
  alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) void retention.run().catch(logFailure('retention'));
  });
  const scheduled = (async () => {
    if (!(await alarms.get(RETENTION_ALARM))) await alarms.create(RETENTION_ALARM, { delayInMinutes: DAY_MINUTES, periodInMinutes: DAY_MINUTES });
  })();
  const started = retention.resume().then(() => retention.run());
  return Promise.all([scheduled, started]).then(() => undefined);
}

/**
 * Deletion messages, extension pages only. A deletion answers at once with its plan and runs in
 * the background (progress: `store.retention`'s `job`, cancel: `store.cancelDeletion`); `dryRun`
 * only plans. Action definitions go only when `actions` is true (they are not captured data).
 */
export function registerRetentionHandlers(retention: RetentionService): void {
  const extensionId = browser.runtime.id;

  onMessage('store.deleteSite', async ({ data, sender }) => {
    assertExtensionPage(sender, extensionId);
    const site = requireSite(data);
    const plan = await retention.plan(site);
    if (optionalBoolean(data, 'dryRun')) return { plan, started: false };
    void retention.deleteSite(site, { actions: optionalBoolean(data, 'actions') }).catch(logFailure(`deleting ${site}'s data`));
    return { plan, started: true };
  });

  onMessage('store.deleteAll', async ({ data, sender }) => {
    assertExtensionPage(sender, extensionId);
    const plan = await retention.plan();
    if (optionalBoolean(data, 'dryRun')) return { plan, started: false };
    if (optionalBoolean(data, 'confirm') !== true) throw new MessageRejectedError('store.deleteAll: deleting everything needs confirm: true (or dryRun: true to see what would go)');
    void retention.deleteAll({ actions: optionalBoolean(data, 'actions') }).catch(logFailure('deleting everything'));
    return { plan, started: true };
  });

  onMessage('store.retention', async ({ data, sender }) => {
    assertExtensionPage(sender, extensionId);
    if (optionalBoolean(data, 'dismissQuota')) await retention.dismissQuota();
    return retention.status();
  });

  onMessage('store.cancelDeletion', async ({ sender }) => {
    assertExtensionPage(sender, extensionId);
    return { cancelled: retention.cancel() };
  });
}
