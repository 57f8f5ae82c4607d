// @ts-nocheck
import type { CaptureEvent } from '../events/types';
import { readLogAfter } from '../store/ingest-log';
import type { LassoDatabase } from '../store/schema';
import { backoffDelay } from './backoff';
import { buildRequest } from './request';
import { describeAnswer, reasonOf, send, type FetchLike } from './send';
import { commitState, getState, newState, type AsideRow, type SyncStateRow } from './state';
import type { Target } from './types';
import { byteLength, encodeEvent, ENVELOPE_BYTES, LIMITS, type Limits } from './wire';

/** What delivery needs from its surroundings (all injectable: tests pass fakes). */
export interface DeliveryDeps {
  db: LassoDatabase;
  fetch: FetchLike;
  now: () => number;
  random: () => number;
  /** Limits override (tests); default LIMITS[kind]. */
  limits?: Partial<Limits>;
  /** A request slower than this is abandoned and retried (default REQUEST_TIMEOUT_MS). */
  timeoutMs?: number;
}

/** How a run of one target ended. */
export type RunOutcome =
  | { kind: 'idle' } // nothing left
  | { kind: 'more' } // batch budget used up, more waiting
  | { kind: 'waiting'; until: number } // backoff
  | { kind: 'paused'; reason: string }; // 401/403/404 (or paused by the user)

interface Item {
  seq: number;
  event: CaptureEvent;
  text: string;
  bytes: number;
}

/** Whether an item of `size` bytes joins a batch of `count` items and `bytes` bytes (the first always does). */
export function fitsBatch(count: number, bytes: number, size: number, limits: Pick<Limits, 'maxEvents' | 'maxBytes'>): boolean {
  return count === 0 || (count < limits.maxEvents && bytes + size + 1 <= limits.maxBytes);
}

/** How many of `sizes` (bytes per item, in order) make the first batch: the longest prefix within the limits. */
export function prefixWithin(sizes: number[], limits: Pick<Limits, 'maxEvents' | 'maxBytes'>): number {
  let bytes = ENVELOPE_BYTES;
  let n = 0;
  for (const size of sizes) {
    if (!fitsBatch(n, bytes, size, limits)) break;
    bytes += size + 1;
    n++;
  }
  return n;
}

const aside = (target: Target, item: Pick<Item, 'seq' | 'event'>, reason: string, at: number): AsideRow => ({ target: target.id, seq: item.seq, uuid: item.event.uuid, reason, at });

/**
 * Deliver one target's backlog, batch after batch (at most `maxBatches`), from its cursor in
 * ingest order. At-least-once: the cursor moves only after the server accepted (or the event
 * was set aside), so a stop anywhere resends the same events — same uuid and timestamp, only
 * `sent_at` new. Memory stays bounded by one batch. See src/sync/README.md for each answer's handling.
 */
export async function runTarget(deps: DeliveryDeps, target: Target, wanted: (e: CaptureEvent) => boolean, maxBatches = 20): Promise<RunOutcome> {
  const { db, now } = deps;
  const limits = { ...LIMITS[target.kind], ...deps.limits };
  const state: SyncStateRow = (await getState(db, target.id)) ?? newState(target.id, 0, 0);
  if (target.paused) return { kind: 'paused', reason: target.pausedReason ?? 'paused' };
  if (state.nextAttempt > now()) return { kind: 'waiting', until: state.nextAttempt };
  for (let b = 0; b < maxBatches; b++) {
    const rows = await readLogAfter(db, state.cursor, limits.maxEvents);
    if (!rows.length) return { kind: 'idle' };
    // Classify in log order; stop at the first row that does not fit this batch.
    const items: Item[] = [];
    const settled = new Settled(state);
    let through = state.cursor;
    let bytes = ENVELOPE_BYTES;
    for (const { entry, event } of rows) {
      if (!event) settled.deleted.push(entry.seq);
      else if (wanted(event)) {
        const text = encodeEvent(target, event);
        const size = byteLength(text);
        if (size > limits.maxEventBytes) settled.asides.push(aside(target, { seq: entry.seq, event }, `too large for this target (${size} bytes, limit ${limits.maxEventBytes})`, now()));
        else {
          if (!fitsBatch(items.length, bytes, size, limits)) break;
          bytes += size + 1;
          items.push({ seq: entry.seq, event, text, bytes: size });
        }
      }
      through = entry.seq;
    }
    if (!items.length) {
      await commitState(db, state, settled.upTo(through));
      continue;
    }
    const stop = await sendPieces(deps, target, state, items, through, settled);
    if (stop) return stop;
  }
  return { kind: 'more' };
}

/**
 * Rows of one read that need no request (deleted before delivery, set aside as too large):
 * counted and written only when the cursor passes them, so a run stopped before them (backoff)
 * neither loses nor double counts them.
 */
class Settled {
  deleted: number[] = [];
  asides: AsideRow[] = [];
  constructor(private readonly state: SyncStateRow) {}

  /** Move the cursor to `cursor` and return the aside rows to write with it (counts updated). */
  upTo(cursor: number, extra: AsideRow[] = []): AsideRow[] {
    const deleted = this.deleted.filter((seq) => seq <= cursor);
    const rows = this.asides.filter((row) => row.seq <= cursor);
    this.deleted = this.deleted.filter((seq) => seq > cursor);
    this.asides = this.asides.filter((row) => row.seq > cursor);
    this.state.cursor = cursor;
    this.state.deletedBeforeDelivery += deleted.length;
    this.state.setAside += rows.length + extra.length;
    return [...rows, ...extra];
  }
}

/**
 * Send `items` (one batch), splitting on 413 and on a refused batch until the refused event is
 * alone (set aside with the server's reason). Pieces go in order; after each the cursor moves past
 * it (to `through`, the last row read, after the final piece). Returns how the run must stop, or null.
 */
async function sendPieces(deps: DeliveryDeps, target: Target, state: SyncStateRow, items: Item[], through: number, settled: Settled): Promise<RunOutcome | null> {
  const { db, now } = deps;
  const queue: Item[][] = [items];
  while (queue.length) {
    const piece = queue.shift()!;
    const historical = state.backfillUntil > 0 && piece[piece.length - 1].seq <= state.backfillUntil;
    const request = await buildRequest(target, piece.map((i) => i.text), { sentAt: new Date(now()).toISOString(), historical }, `${piece[0].event.uuid}.${piece.length}`);
    const answer = await send(deps.fetch, target, request, now(), deps.timeoutMs);
    // The cursor after this piece: the last row read when nothing follows, else just before the next piece.
    const cursorAfter = queue.length ? queue[0][0].seq - 1 : through;
    if (answer.verdict === 'ok') {
      Object.assign(state, { delivered: state.delivered + piece.length, lastSuccess: now(), lastError: null, lastErrorAt: null, attempts: 0, nextAttempt: 0 });
      await commitState(db, state, settled.upTo(cursorAfter));
    } else if ((answer.verdict === 'split-size' || answer.verdict === 'split-bad') && piece.length > 1) {
      const half = Math.ceil(piece.length / 2);
      queue.unshift(piece.slice(0, half), piece.slice(half));
    } else if (answer.verdict === 'split-size' || answer.verdict === 'split-bad') {
      const reason = answer.verdict === 'split-size' ? `${answer.status}: too large for the server even alone` : reasonOf(answer);
      Object.assign(state, { lastError: `An event was set aside: ${reason}`, lastErrorAt: now() });
      await commitState(db, state, settled.upTo(cursorAfter, [aside(target, piece[0], reason, now())]));
    } else if (answer.verdict === 'pause') {
      const reason = describeAnswer(answer);
      Object.assign(state, { lastError: reason, lastErrorAt: now() });
      await commitState(db, state, settled.upTo(piece[0].seq - 1));
      return { kind: 'paused', reason };
    } else {
      state.attempts += 1;
      const until = now() + backoffDelay(state.attempts, deps.random, answer.retryAfterMs);
      Object.assign(state, { lastError: describeAnswer(answer), lastErrorAt: now(), nextAttempt: until });
      await commitState(db, state, settled.upTo(piece[0].seq - 1));
      return { kind: 'waiting', until };
    }
  }
  return null;
}
