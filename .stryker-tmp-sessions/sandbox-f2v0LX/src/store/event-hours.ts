// @ts-nocheck
import type { IDBPTransaction, StoreNames } from 'idb';
import type { CaptureEvent } from '../events/types';
import { eventMs, hourOf, indexedParts } from './rows';
import type { LassoDB } from './schema';

/**
 * v5: events per (event name, `$host`, UTC hour) — the trends' rollup. `counts` holds the same
 * events per series (event × chain × URL × host × type), where most rows hold one event, so a
 * day of `$pageview` is thousands of rows there and ≤ 24 per site here (src/store/README.md
 * "Queries"). Kept in the ingest transaction; deleting events must decrement it as `counts`.
 */
export interface EventHourRow {
  event: string;
  host: string;
  hour: number;
  n: number;
}

type Tx = IDBPTransaction<LassoDB, StoreNames<LassoDB>[], 'readwrite' | 'versionchange'>;

const keyOf = (r: Pick<EventHourRow, 'event' | 'host' | 'hour'>): string => `${r.event}\u0000${r.host}\u0000${r.hour}`;

/**
 * Add rows' counts into the store: one read per distinct (event, host) — its stored hours over
 * the batch's span, one range — and one put per distinct (event, host, hour). A get per hour
 * was about half of this step's requests (README "Ingest speed").
 */
async function addRows(tx: Tx, rows: Iterable<EventHourRow>): Promise<void> {
  const store = tx.objectStore('event_hours');
  const groups = new Map<string, EventHourRow[]>();
  for (const row of rows) {
    const key = `${row.event}\u0000${row.host}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  await Promise.all(
    [...groups.values()].map(async (group) => {
      const { event, host } = group[0];
      const hours = group.map((r) => r.hour);
      const stored = await store.getAll(IDBKeyRange.bound([event, host, Math.min(...hours)], [event, host, Math.max(...hours)]));
      const before = new Map(stored.map((r) => [r.hour, r.n]));
      await Promise.all(group.map((row) => store.put({ ...row, n: (before.get(row.hour) ?? 0) + row.n })));
    }),
  );
}

/** Count `events` (new to the store) into their hours inside the ingest transaction; as `counts`, events without a readable time are left out. */
export function keepEventHours(tx: Tx, events: CaptureEvent[]): Promise<void> {
  return addRows(tx, hourRowsOf(events));
}

/** `events` counted per (event, host, hour); events without a readable time are left out. */
function hourRowsOf(events: CaptureEvent[]): EventHourRow[] {
  const rows = new Map<string, EventHourRow>();
  for (const event of events) {
    const ms = eventMs(event);
    if (ms === null) continue;
    const row = { event: event.event, host: indexedParts(event).host, hour: hourOf(ms), n: 1 };
    const had = rows.get(keyOf(row));
    if (had) had.n++;
    else rows.set(keyOf(row), row);
  }
  return [...rows.values()];
}

/** Build the rollup from `counts` (v5 upgrade, after the index backfill): no event is read. */
export async function backfillEventHours(tx: Tx): Promise<void> {
  const rows = new Map<string, EventHourRow>();
  let cursor = await tx.objectStore('counts').openCursor();
  while (cursor) {
    const { event, host, hour, n } = cursor.value;
    const row = rows.get(keyOf({ event, host, hour }));
    if (row) row.n += n;
    else rows.set(keyOf({ event, host, hour }), { event, host, hour, n });
    cursor = await cursor.continue();
  }
  await addRows(tx, rows.values());
}

/** Take deleted `events` out of their hours (retention, "Delete this site's data"); an hour left at 0 goes. */
export async function forgetEventHours(tx: Tx, events: CaptureEvent[]): Promise<void> {
  const store = tx.objectStore('event_hours');
  await Promise.all(
    hourRowsOf(events).map(async (row) => {
      const key: [string, string, number] = [row.event, row.host, row.hour];
      const left = ((await store.get(key))?.n ?? 0) - row.n;
      await (left > 0 ? store.put({ ...row, n: left }) : store.delete(key));
    }),
  );
}
