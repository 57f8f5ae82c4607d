// @ts-nocheck
import type { CaptureEvent } from '../events/types';
import type { KeyValueArea } from '../identity/identity';
import type { Settings } from '../settings/settings';
import { deleteEvents, deleteEverything, planDeletion, type DeletionPlan } from '../store/deletion';
import { ingestEvents, type IngestResult } from '../store/events';
import { isQuotaError, runRetention, type StorageEstimateLike } from '../store/retention';
import type { LassoDatabase } from '../store/schema';

/** Key of the retention status in storage.local (the popup reads it; see RetentionStatus). */
export const RETENTION_STATUS_KEY = 'retention';
/** The oldest events a full quota takes per attempt (bounded: capture must go on quickly). */
export const QUOTA_BATCH = 1000;
/** Retention runs again once this many events were imported since the last run (an import may cross the size limit). */
export const IMPORT_RUN_EVERY = 10_000;

/** A deletion in progress: what, and how far (total from the dry run). */
export interface DeletionJob {
  kind: 'retention' | 'site' | 'all';
  site?: string;
  /** The site's (every) action definitions go too. */
  actions?: boolean;
  deleted: number;
  total: number;
}

/** What the user is told about retention and deletions (storage.local `retention`). */
export interface RetentionStatus {
  lastRun: { at: string; byAge: number; bySize: number } | null;
  /** The browser's storage was full: the oldest events were deleted so capture could go on. Shown until dismissed. */
  quota: { at: string; deleted: number } | null;
  job: DeletionJob | null;
}

const EMPTY: RetentionStatus = { lastRun: null, quota: null, job: null };

export interface RetentionDeps {
  db: Promise<LassoDatabase>;
  /** storage.local (status, and a site deletion to resume after a restart). */
  area: KeyValueArea;
  loadSettings: () => Promise<Pick<Settings, 'retentionDays' | 'retentionMB'>>;
  /** navigator.storage.estimate where available, else null. */
  estimate: () => Promise<StorageEstimateLike | null>;
  now?: () => number;
  /** The store write (tests pass one that fails with QuotaExceededError). */
  ingest?: (db: LassoDatabase, events: CaptureEvent[]) => Promise<IngestResult>;
  /** Events per deletion transaction (default 2,000, as deleteEvents). */
  batch?: number;
  /** Oldest events deleted per quota error (default QUOTA_BATCH). */
  quotaBatch?: number;
}

/**
 * The background's retention and deletion service: one deletion at a time (queued), its
 * progress in the stored status after every batch, cancellable between batches, and ingest
 * that makes room when the browser's quota is full.
 */
export function createRetention({ db, area, loadSettings, estimate, now = Date.now, ingest = ingestEvents, batch = 2000, quotaBatch = QUOTA_BATCH }: RetentionDeps) {
  let queue: Promise<unknown> = Promise.resolve();
  let controller: AbortController | null = null;
  let imported = 0;

  const status = async (): Promise<RetentionStatus> => ({ ...EMPTY, ...((await area.get(RETENTION_STATUS_KEY))[RETENTION_STATUS_KEY] as Partial<RetentionStatus> | undefined) });
  // Read-modify-write of one record: serialized, so a late progress write never undoes a later one.
  let writes: Promise<unknown> = Promise.resolve();
  const update = (patch: Partial<RetentionStatus>): Promise<void> => {
    const write = writes.then(async () => area.set({ [RETENTION_STATUS_KEY]: { ...(await status()), ...patch } }));
    writes = write.catch(() => undefined);
    return write;
  };

  /** Run `work` after the deletions queued before it, with its own cancel signal and progress in the status. */
  function queued<T>(job: DeletionJob, work: (signal: AbortSignal, progress: (deleted: number, total?: number) => void) => Promise<T>): Promise<T> {
    const run = queue.then(async () => {
      controller = new AbortController();
      let current = job;
      // Every storage.local write reaches each tab's settings listener: a retention run that
      // deletes nothing (most starts of the service worker) writes no job at all.
      let shown = job.kind !== 'retention';
      if (shown) await update({ job: current });
      try {
        return await work(controller.signal, (deleted, total = current.total) => {
          shown = true;
          void update({ job: (current = { ...current, deleted, total }) });
        });
      } finally {
        controller = null;
        if (shown) await update({ job: null });
      }
    });
    queue = run.catch(() => undefined);
    return run;
  }

  const service = {
    status,
    /** Apply the age and size limits (at start, daily, after large imports). */
    run() {
      imported = 0;
      return queued({ kind: 'retention', deleted: 0, total: 0 }, async (signal, progress) => {
        const result = await runRetention(await db, await loadSettings(), { now: now(), estimate, batch, signal, onProgress: (n) => progress(n) });
        await update({ lastRun: { at: new Date(now()).toISOString(), byAge: result.byAge, bySize: result.bySize } });
        return result;
      });
    },
    /** Count `n` imported events; runs retention once enough arrived. */
    imported(n: number) {
      imported += n;
      if (imported >= IMPORT_RUN_EVERY) void service.run().catch((e: unknown) => console.error('Lasso: retention failed', e));
    },
    /** What deleting a site's data (`site`) or everything would take. */
    async plan(site?: string): Promise<DeletionPlan> {
      return planDeletion(await db, site);
    },
    /** "Delete this site's data": its events batch by batch; its actions too only when `actions`. */
    deleteSite(site: string, { actions = false }: { actions?: boolean } = {}) {
      return queued({ kind: 'site', site, actions, deleted: 0, total: 0 }, async (signal, progress) => {
        const store = await db;
        const total = (await planDeletion(store, site)).events;
        progress(0, total);
        const result = await deleteEvents(store, { kind: 'site', site }, { batch, signal, onProgress: (n) => progress(n) });
        if (actions && !result.cancelled) {
          const tx = store.transaction('actions', 'readwrite');
          for (const key of await tx.store.index('site').getAllKeys(site)) void tx.store.delete(key);
          await tx.done;
        }
        return result;
      });
    },
    /** A site deletion the browser stopped (service worker ended) goes on at the next start. */
    async resume(): Promise<void> {
      const { job } = await status();
      if (!job) return;
      await update({ job: null });
      if (job?.kind === 'site' && job.site !== undefined) await service.deleteSite(job.site, { actions: job.actions });
    },
    /** "Delete everything": one transaction (atomic, quick). */
    deleteAll({ actions = false }: { actions?: boolean } = {}) {
      return queued({ kind: 'all', actions, deleted: 0, total: 0 }, async () => deleteEverything(await db, { actions }));
    },
    /** Stop the running deletion after its current batch; false when none runs. */
    cancel(): boolean {
      controller?.abort();
      return controller !== null;
    },
    dismissQuota: () => update({ quota: null }),
    /**
     * Store a batch; when the browser's quota is full, delete the oldest events (a bounded batch),
     * tell the user (stored status) and retry (at most `retries` times), so capture keeps working.
     */
    async ingest(events: CaptureEvent[], retries = 3): Promise<IngestResult> {
      for (let attempt = 0; ; attempt++) {
        try {
          return await ingest(await db, events);
        } catch (error) {
          if (!isQuotaError(error) || attempt >= retries) throw error;
          const { deleted } = await deleteEvents(await db, { kind: 'oldest' }, { max: quotaBatch, batch });
          const previous = (await status()).quota?.deleted ?? 0;
          await update({ quota: { at: new Date(now()).toISOString(), deleted: previous + deleted } });
          if (!deleted) throw error; // nothing left to make room with
        }
      }
    },
  };
  return service;
}

export type RetentionService = ReturnType<typeof createRetention>;
