import type { IDBPTransaction } from 'idb';
import type { StoredAction } from '../actions/types';
import type { CohortReads, TimeRange } from '../cohorts/reads';
import type { CaptureEvent } from '../events/types';
import type { Catalog } from './catalog';
import { exactSeriesEvents } from './cohort-action-keys';
import { planActionRead } from './cohort-read-plan';
import { eventFromKey, keyReader } from './event-people';
import { refsRange, refUuid, seriesKeyOf, type SeriesRow } from './rows';
import type { LassoDB } from './schema';

/**
 * The events a cohort's behavioral leaves can count (src/cohorts/reads.ts), read by time-bounded
 * ranges instead of every event of their names:
 *
 * - an event name no leaf reads the properties of (`reads.withProperties`): the `event_people`
 *   keys of its time ranges, exact to the millisecond (event-people.ts) — no event record.
 * - another event name: `event_time` [event, timestamp], one range per merged time range. The index
 *   orders timestamp strings, and a stored timestamp may carry a zone offset (`+05:00`): its
 *   string is off its instant by less than a day, so each range is widened by a day each way
 *   (membership judges every event's instant exactly).
 * - an action: the series the preview's selection says may match. Exact ones (every event
 *   matches) by keys alone: their `refs` keys and the `event_people` keys of their names, joined
 *   by uuid (cohort-action-keys.ts); candidates by their `refs` keys, then each event by uuid. Or,
 *   when that costs more, every series by refs and uuid, or its steps' event names as above (the
 *   `timestamp` index when a step has no event name): whichever the cost model says is cheapest
 *   (cohort-read-plan.ts). An event leaf and an action leaf over the same name and time range
 *   share one read of its `event_people` keys.
 *
 * Each event is returned once, however many leaves read it.
 */

type Tx = IDBPTransaction<LassoDB, ('persons' | 'events' | 'refs' | 'event_people')[], 'readonly'>;

const DAY = 86_400_000;
/** Beyond this, `new Date(ms)` has no ISO string. */
const MAX_MS = 8.64e15;

/** An ISO bound `shift` ms from `ms`, or null when unbounded. */
function isoBound(ms: number, shift: number): string | null {
  const at = ms + shift;
  return Number.isFinite(at) && Math.abs(at) < MAX_MS ? new Date(at).toISOString() : null;
}

/** A range over `[key, timestamp]` (or `timestamp` when key is null) covering every event whose instant is in `range`. */
function timeKeys(key: string | null, [from, to]: TimeRange): IDBKeyRange {
  const lo = isoBound(from, -DAY);
  const hi = isoBound(to, DAY);
  if (key === null) return lo === null ? (hi === null ? IDBKeyRange.lowerBound('') : IDBKeyRange.upperBound(hi)) : hi === null ? IDBKeyRange.lowerBound(lo) : IDBKeyRange.bound(lo, hi);
  return IDBKeyRange.bound(lo === null ? [key] : [key, lo], hi === null ? [key, []] : [key, hi]);
}

/** The events of `series` in `ranges` not already in `found`: their `refs` keys, then each event by uuid. */
async function seriesEvents(tx: Tx, series: SeriesRow[], ranges: TimeRange[], found: Map<string, CaptureEvent>): Promise<CaptureEvent[]> {
  const refs = tx.objectStore('refs');
  const keys = (await Promise.all(series.flatMap((s) => ranges.map(([from, to]) => refs.getAllKeys(refsRange(seriesKeyOf(s), from, to + 1)))))).flat();
  const missing = keys.map(refUuid).filter((uuid) => !found.has(uuid));
  const got = await Promise.all(missing.map((uuid) => tx.objectStore('events').get(uuid)));
  return got.filter((e): e is CaptureEvent => e !== undefined);
}

/** Read the events `reads` names, by the cheapest ranges; `counter.reads` counts records visited. */
export async function readCohortEvents(tx: Tx, catalog: Catalog, reads: CohortReads, actions: Record<string, StoredAction>, counter: { reads: number }): Promise<CaptureEvent[]> {
  const found = new Map<string, CaptureEvent>();
  const keep = (list: CaptureEvent[]) => {
    counter.reads += list.length;
    for (const e of list) found.set(e.uuid, e);
  };
  const events = tx.objectStore('events');
  const byName = (name: string, ranges: TimeRange[]) => Promise.all(ranges.map(async (r) => keep(await events.index('event_time').getAll(timeKeys(name, r)))));
  const byTime = (ranges: TimeRange[]) => Promise.all(ranges.map(async (r) => keep(await events.index('timestamp').getAll(timeKeys(null, r)))));
  const keysOf = keyReader(tx.objectStore('event_people'), counter);
  // Events read whole win over their key-only form (an action leaf may read the same event).
  const bare: CaptureEvent[] = [];
  const byKeys = (name: string, ranges: TimeRange[]) =>
    Promise.all(ranges.map(async (r) => {
      for (const key of await keysOf(name, r)) bare.push(eventFromKey(key));
    }));
  const work: Promise<unknown>[] = [...reads.events].map(([name, ranges]) => (reads.withProperties.has(name) ? byName(name, ranges) : byKeys(name, ranges)));
  // Events of exact series with their filed properties only (cohort-action-keys.ts).
  const filed: CaptureEvent[] = [];
  const bySeries = (series: SeriesRow[], ranges: TimeRange[]) => seriesEvents(tx, series, ranges, found).then(keep);
  for (const [id, ranges] of reads.actions) {
    const action = actions[id];
    if (!action) continue; // membership refuses an unknown action
    const plan = planActionRead(catalog, action, ranges);
    if (plan.way === 'keys') {
      work.push(exactSeriesEvents(tx, catalog, plan.exact, ranges, keysOf, counter).then((list) => list.forEach((e) => filed.push(e))));
      if (plan.candidates.length) work.push(bySeries(plan.candidates, ranges));
    } else if (plan.way === 'series') work.push(bySeries(plan.series, ranges));
    else if (plan.names === null) work.push(byTime(ranges));
    else for (const name of plan.names) work.push(byName(name, ranges));
  }
  await Promise.all(work);
  // An event read whole serves every leaf; one with its filed properties serves action and name leaves.
  for (const list of [filed, bare]) for (const e of list) if (!found.has(e.uuid)) found.set(e.uuid, e);
  return [...found.values()];
}
