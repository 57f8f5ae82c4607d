// @ts-nocheck
import type { CaptureEvent } from '../events/types';
import { captureEventProblem, MAX_IMPORT_BATCH } from '../messaging/validate';
import { parserFor } from './parse';
import type { ImportFormat } from './types';

/** Rejections listed one by one in a report; the rest are only counted. */
export const LISTED_REJECTIONS = 100;

/** What an import did: exactly what is stored, whatever stopped it. */
export interface ImportReport {
  /** Events stored by this import (each committed and acknowledged by the store). */
  imported: number;
  /** Events skipped because their uuid was already stored (or earlier in the file). */
  duplicates: number;
  /** The first LISTED_REJECTIONS rejections, in file order. */
  rejected: Array<{ line: number; reason: string }>;
  rejectedTotal: number;
  /** The user cancelled: the file was read only in part. */
  cancelled: boolean;
  /** Why the import stopped early (the store refused a batch, the file could not be read), or null. */
  error: string | null;
}

export interface ImportProgress {
  bytesRead: number;
  imported: number;
  duplicates: number;
  rejected: number;
}

/** The store's answer to one batch (the `store.import` acknowledgement). */
export interface BatchAck {
  stored: number;
  duplicates: number;
  rejected: Array<{ uuid: string; reason: string }>;
}

export interface ImportOptions {
  format: ImportFormat;
  /** Stores one batch; resolves after commit (all or nothing), rejects when nothing was stored. */
  send: (events: CaptureEvent[]) => Promise<BatchAck>;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  /** Bytes of the file read so far (for progress). */
  bytesRead?: () => number;
  /** Events per batch (≤ MAX_IMPORT_BATCH, what the background accepts in one `store.import`). */
  batchSize?: number;
  /**
   * Batches sent before the oldest is acknowledged: the next batch crosses to the background
   * while the store writes the previous one. The store commits them in order, one transaction
   * each, so dedupe across batches holds.
   */
  inFlight?: number;
}

/**
 * Import a stream of text chunks (a file) into the store: parse item by item, validate each as
 * a capture event exactly as the background does (`captureEventProblem`), send valid events in
 * batches. A bad item is rejected with its line and reason and the import goes on. On cancel or
 * a store failure, reading stops, batches already sent are awaited, and the report counts only
 * what the store acknowledged — so it states exactly what is stored.
 */
export async function importEvents(chunks: AsyncIterable<string>, options: ImportOptions): Promise<ImportReport> {
  const { format, send, signal, onProgress, bytesRead = () => 0 } = options;
  const batchSize = Math.min(options.batchSize ?? MAX_IMPORT_BATCH, MAX_IMPORT_BATCH);
  const maxInFlight = Math.max(1, options.inFlight ?? 2);
  const report: ImportReport = { imported: 0, duplicates: 0, rejected: [], rejectedTotal: 0, cancelled: false, error: null };
  const reject = (line: number, reason: string) => {
    if (report.rejected.length < LISTED_REJECTIONS) report.rejected.push({ line, reason });
    report.rejectedTotal++;
  };
  const progress = () => onProgress?.({ bytesRead: bytesRead(), imported: report.imported, duplicates: report.duplicates, rejected: report.rejectedTotal });

  const pending: Promise<void>[] = [];
  let batch: CaptureEvent[] = [];
  let lines: number[] = [];
  const flush = () => {
    if (!batch.length) return;
    const events = batch;
    const at = lines;
    batch = [];
    lines = [];
    pending.push(
      send(events).then(
        (ack) => {
          report.imported += ack.stored;
          report.duplicates += ack.duplicates;
          // The background validates again; map its rejections back to lines.
          const lineOf = new Map(events.map((e, i) => [e.uuid, at[i]]));
          for (const r of ack.rejected) reject(lineOf.get(r.uuid) ?? 0, r.reason);
          progress();
        },
        (error: unknown) => {
          report.error ??= `the store refused a batch (nothing of it was stored): ${error instanceof Error ? error.message : String(error)}`;
        },
      ),
    );
  };

  const parser = parserFor(format);
  const take = (items: ReturnType<typeof parser.push>) => {
    for (const item of items) {
      if ('error' in item) {
        reject(item.line, item.error);
        continue;
      }
      const problem = captureEventProblem(item.value);
      if (problem) reject(item.line, problem);
      else {
        batch.push(item.value as CaptureEvent);
        lines.push(item.line);
      }
    }
  };
  const stopped = () => (signal?.aborted ? (report.cancelled = true) : report.error !== null);

  const iterator = chunks[Symbol.asyncIterator]();
  try {
    for (;;) {
      if (stopped()) break;
      const next = await iterator.next();
      if (next.done) {
        take(parser.end());
        break;
      }
      take(parser.push(next.value));
      while (batch.length >= batchSize && !stopped()) {
        const rest = batch.splice(batchSize);
        const restLines = lines.splice(batchSize);
        flush();
        batch = rest;
        lines = restLines;
        // Back-pressure: the file is read no faster than the store writes.
        while (pending.length >= maxInFlight) await pending.shift();
      }
    }
    if (!stopped()) flush();
  } catch (error) {
    // Reading the file failed (it changed or vanished on disk): stop, as for a refused batch.
    report.error ??= `reading the file failed: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    if (stopped() || report.error) await iterator.return?.();
    await Promise.all(pending);
  }
  if (signal?.aborted) report.cancelled = true;
  progress();
  return report;
}
