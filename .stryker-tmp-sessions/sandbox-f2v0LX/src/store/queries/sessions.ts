// @ts-nocheck
import type { CaptureEvent } from '../../events/types';
import { finish } from '../../sessions';
import { eventMs } from '../rows';
import type { LassoDatabase } from '../schema';
import type { SessionRecord, SessionRow } from '../sessions';
import { sessionVariants } from './events';
import { isoOf, type Position } from './order';

/** What the sessions list can be narrowed by (all AND-ed). */
export interface SessionFilter {
  /** Entry `$host` (host with port). */
  site?: string;
  /** Session start in [from, to), ms. */
  from?: number;
  to?: number;
  /** `$channel_type` is one of these. */
  channelTypes?: string[];
  /** `$is_bounce` equals this (sessions without pageviews have null and never match). */
  bounce?: boolean;
  /** `$entry_current_url` contains this (case-insensitive). */
  entryUrlContains?: string;
}

/** Keyset position: newest start first, ties by session id descending. */
export interface SessionCursor {
  start: number;
  id: string;
}

export interface SessionListPage {
  rows: SessionRow[];
  next: SessionCursor | null;
  /** Sessions read. */
  reads: number;
  /** Stopped at the read budget before the page filled (derived-property filters are judged per session). */
  cutShort: boolean;
}

const rowOf = (record: SessionRecord): SessionRow => ({ ...finish(record.acc), host: record.host }) as SessionRow;

/** Whether a session row passes the filters on derived properties. */
export function sessionPasses(row: SessionRow, f: SessionFilter): boolean {
  if (f.channelTypes && !f.channelTypes.includes(String(row.$channel_type))) return false;
  if (f.bounce !== undefined && row.$is_bounce !== f.bounce) return false;
  if (f.entryUrlContains !== undefined && !String(row.$entry_current_url ?? '').toLowerCase().includes(f.entryUrlContains.toLowerCase())) return false;
  return true;
}

/**
 * Sessions newest first by start: the `host_start` index for a site, else `start`, bounded by the
 * time range; channel type, bounce and entry URL are judged per session (at most `budget` read).
 */
export async function querySessions(
  db: LassoDatabase,
  filter: SessionFilter,
  { limit = 50, cursor = null, budget = 5_000 }: { limit?: number; cursor?: SessionCursor | null; budget?: number } = {},
): Promise<SessionListPage> {
  const index = db.transaction('sessions').store.index(filter.site === undefined ? 'start' : 'host_start');
  const low = filter.from ?? -Infinity;
  const high = Math.min(filter.to ?? Infinity, cursor ? cursor.start : Infinity);
  if (low > high) return { rows: [], next: null, reads: 0, cutShort: false };
  // The upper end is inclusive only for the cursor's own start (its ties); `to` itself is exclusive.
  const openHigh = !cursor || cursor.start >= (filter.to ?? Infinity);
  const key = (ms: number) => (filter.site === undefined ? ms : [filter.site, ms]);
  let c = await index.openCursor(IDBKeyRange.bound(key(low), key(high), false, openHigh) as never, 'prev');
  const rows: SessionRow[] = [];
  let reads = 0;
  let last: SessionRecord | null = null;
  while (c && rows.length < limit && reads < budget) {
    const record = c.value;
    reads++;
    if (!cursor || record.start < cursor.start || record.id < cursor.id) {
      last = record;
      const row = rowOf(record);
      if (sessionPasses(row, filter)) rows.push(row);
    }
    c = await c.continue();
  }
  return { rows, next: c && last ? { start: last.start, id: last.id } : null, reads, cutShort: !!c && rows.length < limit };
}

/**
 * One session's events in time order (oldest first, ties by uuid), read from `session_time` for
 * each stored spelling of the id; `after` continues from the previous page's last event.
 */
export async function sessionEvents(db: LassoDatabase, id: string, { limit = 200, after = null }: { limit?: number; after?: Position | null } = {}): Promise<{ rows: CaptureEvent[]; next: Position | null; reads: number }> {
  const index = db.transaction('events').store.index('session_time');
  let reads = 0;
  const lists = await Promise.all(
    sessionVariants(id).map(async (variant) => {
      const out: { ms: number; uuid: string; event: CaptureEvent }[] = [];
      let c = await index.openCursor(IDBKeyRange.bound([variant, after ? isoOf(after.ms) : ''], [variant, '\uffff']));
      while (c && out.length < limit) {
        reads++;
        const ms = eventMs(c.value);
        if (ms !== null && (!after || compareTimeOrder({ ms, uuid: c.value.uuid }, after) > 0)) out.push({ ms, uuid: c.value.uuid, event: c.value });
        c = await c.continue();
      }
      return out;
    }),
  );
  const merged = lists.flat().sort(compareTimeOrder).slice(0, limit);
  const lastRow = merged[merged.length - 1];
  return { rows: merged.map((v) => v.event), next: merged.length === limit && lastRow ? { ms: lastRow.ms, uuid: lastRow.uuid } : null, reads };
}

/** A session's order, as src/sessions applies events: oldest first, ties by uuid ascending. */
export const compareTimeOrder = (a: Position, b: Position): number => a.ms - b.ms || (a.uuid < b.uuid ? -1 : a.uuid > b.uuid ? 1 : 0);
