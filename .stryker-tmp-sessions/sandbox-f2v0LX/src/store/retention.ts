// @ts-nocheck
import type { Settings } from '../settings/settings';
import { deleteEvents, type DeletionOptions } from './deletion';
import type { LassoDatabase } from './schema';

export const DAY_MS = 86_400_000;
export const MB = 1024 * 1024;

/** What the browser says about this extension's storage (navigator.storage.estimate), when it says. */
export interface StorageEstimateLike {
  usage?: number;
  quota?: number;
}

/** Events older than this (ISO) go under `settings.retentionDays`; null: age is not limited. */
export function ageCutoff(settings: Pick<Settings, 'retentionDays'>, nowMs: number): string | null {
  return settings.retentionDays === null ? null : new Date(nowMs - settings.retentionDays * DAY_MS).toISOString();
}

/**
 * How many of the oldest events to delete to bring the store under `settings.retentionMB`: the
 * excess as a share of the usage, applied to the event count (the index and derived data shrink
 * with their events). 0 without a limit, without an estimate, or under the limit.
 */
export function eventsOverSize(settings: Pick<Settings, 'retentionMB'>, estimate: StorageEstimateLike | null, eventCount: number): number {
  const usage = estimate?.usage;
  if (settings.retentionMB === null || !usage || !eventCount) return 0;
  const excess = usage - settings.retentionMB * MB;
  return excess <= 0 ? 0 : Math.min(eventCount, Math.ceil((eventCount * excess) / usage));
}

/** What one retention run deleted. */
export interface RetentionResult {
  byAge: number;
  bySize: number;
  cancelled: boolean;
}

/**
 * Apply the retention settings: first every event older than the age limit, then the oldest
 * events while the store is over its size limit (the estimate is read after the age pass).
 * Batch by batch (`deleteEvents`): never loads the store, consistent after every batch.
 */
export async function runRetention(
  db: LassoDatabase,
  settings: Pick<Settings, 'retentionDays' | 'retentionMB'>,
  { now, estimate, ...options }: { now: number; estimate: () => Promise<StorageEstimateLike | null> } & DeletionOptions,
): Promise<RetentionResult> {
  const cutoff = ageCutoff(settings, now);
  const age = cutoff === null ? { deleted: 0, cancelled: false } : await deleteEvents(db, { kind: 'before', timestamp: cutoff }, options);
  if (age.cancelled || settings.retentionMB === null) return { byAge: age.deleted, bySize: 0, cancelled: age.cancelled };
  const excess = eventsOverSize(settings, await estimate(), await db.count('events'));
  const onProgress = options.onProgress && ((n: number) => options.onProgress?.(age.deleted + n));
  const size = excess ? await deleteEvents(db, { kind: 'oldest' }, { ...options, max: excess, onProgress }) : { deleted: 0, cancelled: false };
  return { byAge: age.deleted, bySize: size.deleted, cancelled: size.cancelled };
}

/** A quota error from IndexedDB (a request's, or the transaction's abort reason). */
export function isQuotaError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'QuotaExceededError';
}
