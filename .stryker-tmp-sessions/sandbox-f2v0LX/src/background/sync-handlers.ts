// @ts-nocheck
import { browser } from 'wxt/browser';
import type { KeyValueArea } from '../identity/identity';
import { onMessage } from '../messaging/protocol';
import { MessageRejectedError } from '../messaging/validate';
import { onIngested } from '../store/catalog';
import type { CohortCache } from '../store/cohort-cache';
import { getCohort } from '../store/cohorts';
import type { LassoDatabase } from '../store/schema';
import { SYNC_DATA_COLLECTION } from '../sync/consent';
import { redact } from '../sync/redact';
import { createSync, type SyncService } from '../sync/service';
import type { TargetInput } from '../sync/types';
import { assertExtensionPage } from './handlers';
import { registerSettingsTransfer } from './settings-transfer-handlers';

/** The sync's periodic alarm: resumes delivery after the worker stopped or the browser restarted. */
export const SYNC_ALARM = 'lasso.sync';
/** A one-off alarm at the next retry time (backoff, Retry-After). */
export const SYNC_RETRY_ALARM = 'lasso.sync.retry';
/** Delay between a stored batch and the delivery it kicks, so a burst of batches goes as one. */
const KICK_DELAY_MS = 500;

const logFailure = (error: unknown) => console.error('Lasso: sync failed', redact(error instanceof Error ? error.message : String(error)));

/**
 * Wire the sync into the background: alarms (listener registered synchronously, as MV3 requires),
 * a run at every start, a kick after each ingest, and the `sync.*` messages (extension pages only;
 * answers never carry a secret: targets go out as views).
 */
export function startSync(
  dbReady: Promise<LassoDatabase>,
  { area = browser.storage.local as unknown as KeyValueArea, cohorts }: { area?: KeyValueArea; cohorts?: Promise<CohortCache> } = {},
): Promise<SyncService> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const ready = dbReady.then((db) => {
    const sync = createSync({
      db,
      area,
      fetch: (url, init) => fetch(url, init as RequestInit),
      now: Date.now,
      random: Math.random,
      loadActions: () => db.getAll('actions'),
      // Firefox: its data-collection consent, which the user may withdraw in about:addons.
      ...(import.meta.env.FIREFOX
        ? { mayTransmit: () => browser.permissions.contains({ data_collection: SYNC_DATA_COLLECTION } as Parameters<typeof browser.permissions.contains>[0]) }
        : {}),
      // Members from the dashboard's cache: recomputed only when data that can change them arrived.
      cohortIds: async (id, now) => {
        if (!cohorts || !(await getCohort(db, id))) return null;
        return (await (await cohorts).members(id, now)).members.flatMap((m) => m.distinct_ids);
      },
      schedule: (when) => {
        // The alarm survives the worker stopping (Chrome runs alarms at most every 30 s); the timer covers shorter waits.
        void browser.alarms.create(SYNC_RETRY_ALARM, { when: Math.max(when, Date.now() + 30_000) });
        clearTimeout(timer);
        timer = setTimeout(kick, Math.max(0, when - Date.now()));
      },
    });
    onIngested(db, () => {
      clearTimeout(timer);
      timer = setTimeout(kick, KICK_DELAY_MS);
    });
    return sync;
  });
  const kick = () => void ready.then((sync) => sync.run()).catch(logFailure);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM || alarm.name === SYNC_RETRY_ALARM) kick();
  });
  // A browser start wakes the worker for this (alarms persist too, but may come a minute later).
  browser.runtime.onStartup.addListener(kick);
  void browser.alarms.get(SYNC_ALARM).then((existing) => (existing ? undefined : browser.alarms.create(SYNC_ALARM, { periodInMinutes: 1 })));
  kick();
  registerSyncHandlers(ready);
  registerSettingsTransfer(ready, area, dbReady);
  return ready;
}

const requireId = (data: unknown): string => {
  const id = (data as { id?: unknown } | null)?.id;
  if (typeof id !== 'string' || !id || id.length > 100) throw new MessageRejectedError('expected a target id');
  return id;
};
const optionalSeqs = (data: unknown): number[] | undefined => {
  const seqs = (data as { seqs?: unknown } | null)?.seqs;
  if (seqs === undefined) return undefined;
  if (!Array.isArray(seqs) || seqs.some((s) => !Number.isSafeInteger(s))) throw new MessageRejectedError('seqs: expected a list of set-aside event numbers');
  return seqs as number[];
};

function registerSyncHandlers(ready: Promise<SyncService>): void {
  const extensionId = browser.runtime.id;
  const guard = async (sender: Parameters<typeof assertExtensionPage>[0]) => {
    assertExtensionPage(sender, extensionId);
    return ready;
  };
  onMessage('sync.targets', async ({ sender }) => (await guard(sender)).list());
  onMessage('sync.save', async ({ data, sender }) => {
    const sync = await guard(sender);
    const target = (data as { target?: unknown } | null)?.target;
    if (!target || typeof target !== 'object') throw new MessageRejectedError('sync.save: expected a target');
    return sync.save(target as TargetInput);
  });
  onMessage('sync.remove', async ({ data, sender }) => (await guard(sender)).remove(requireId(data)));
  onMessage('sync.pause', async ({ data, sender }) => (await guard(sender)).setPaused(requireId(data), (data as { paused?: unknown }).paused !== false));
  onMessage('sync.test', async ({ data, sender }) => (await guard(sender)).test(requireId(data)));
  onMessage('sync.status', async ({ sender }) => (await guard(sender)).status());
  onMessage('sync.aside', async ({ data, sender }) => (await guard(sender)).aside(requireId(data)));
  onMessage('sync.retryAside', async ({ data, sender }) => (await guard(sender)).retryAside(requireId(data), optionalSeqs(data)));
  onMessage('sync.dropAside', async ({ data, sender }) => (await guard(sender)).dropAside(requireId(data), optionalSeqs(data)));
  onMessage('sync.run', async ({ sender }) => {
    await (await guard(sender)).run();
    return { ran: true as const };
  });
}
