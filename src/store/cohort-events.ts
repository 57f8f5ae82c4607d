import type { IDBPTransaction } from 'idb';
import type { StoredAction } from '../actions/types';
import type { CohortReads, TimeRange } from '../cohorts/reads';
import type { CaptureEvent } from '../events/types';
import { planPreview } from '../preview/plan';
import { selectSeries } from '../preview/select';
import type { Catalog } from './catalog';
import { exactSeriesEvents, KEY_COST } from './cohort-action-keys';
import { eventsWithoutProperties } from './event-people';
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
 *   `timestamp` index when a step has no event name): whichever the cost model says is cheapest.
 *
 * Each event is returned once, however many leaves read it.
 */

type Tx = IDBPTransaction<LassoDB, ('persons' | 'events' | 'refs' | 'event_people')[], 'readonly'>;

const DAY = 86_400_000;
/**
 * One request costs about as much as reading this many events in one range: events are large
 * records (~1.3 KB, dozens of properties), so reading one costs about as much as a request
 * (Chromium, roughly: ~11k `$pageview` events by range took as long as the cohort bench's whole
 * computation, ~0.1 ms each under load).
 */
const EVENTS_PER_REQUEST = 2;
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

const overlaps = (s: SeriesRow, ranges: TimeRange[]): boolean => ranges.some(([from, to]) => s.last >= from && s.first <= to);

/** Events per name in `ranges` at most (catalog totals of the series that overlap them); null = every name. */
function eventsOf(catalog: Catalog, names: Set<string> | null, ranges: TimeRange[]): number {
  let n = 0;
  for (const s of catalog.series.values()) if ((names === null || names.has(s.event)) && overlaps(s, ranges)) n += s.n;
  return n;
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
  // Events read whole win over their key-only form (an action leaf may read the same event).
  const bare: CaptureEvent[] = [];
  const byKeys = (name: string, ranges: TimeRange[]) =>
    Promise.all(ranges.map(async (r) => {
      for (const e of await eventsWithoutProperties(tx.objectStore('event_people'), name, r)) bare.push(e);
    }));
  const work: Promise<unknown>[] = [...reads.events].map(([name, ranges]) => (reads.withProperties.has(name) ? byName(name, ranges) : byKeys(name, ranges)));
  // Events of exact series with their filed properties only (cohort-action-keys.ts).
  const filed: CaptureEvent[] = [];
  for (const [id, ranges] of reads.actions) {
    const action = actions[id];
    if (!action) continue; // membership refuses an unknown action
    const names = action.steps.some((s) => !s.event) ? null : new Set(action.steps.map((s) => s.event as string));
    let exact: SeriesRow[] = [];
    let candidates: SeriesRow[] = [];
    let valid = true;
    try {
      const selection = selectSeries(catalog, planPreview(action), null);
      exact = selection.exact.filter((s) => overlaps(s, ranges));
      candidates = selection.candidates.filter((s) => overlaps(s, ranges));
    } catch {
      valid = false; // an invalid action: membership throws; read by names meanwhile
    }
    // A series costs a refs range per time range (keys only, cheap) and a request + a read per event.
    const perEvent = (list: SeriesRow[]) => list.reduce((cost, s) => cost + EVENTS_PER_REQUEST * ranges.length + (EVENTS_PER_REQUEST + 1) * s.n, 0);
    // Exact series by keys: their refs, and the event_people keys of their names, joined.
    const exactNames = new Set(exact.map((s) => s.event));
    const byKeysCost = exact.length
      ? (exact.length + exactNames.size) * ranges.length * EVENTS_PER_REQUEST + KEY_COST * (exact.reduce((n, s) => n + s.n, 0) + eventsOf(catalog, exactNames, ranges))
      : 0;
    const viaSeries = valid ? perEvent([...exact, ...candidates]) : Infinity;
    const viaKeys = valid ? byKeysCost + perEvent(candidates) : Infinity;
    const viaNames = (names === null ? 1 : names.size) * ranges.length * EVENTS_PER_REQUEST + eventsOf(catalog, names, ranges);
    const readSeries = (list: SeriesRow[]) =>
      (async () => {
        const refs = tx.objectStore('refs');
        const keys = (await Promise.all(list.flatMap((s) => ranges.map(([from, to]) => refs.getAllKeys(refsRange(seriesKeyOf(s), from, to + 1)))))).flat();
        const missing = keys.map(refUuid).filter((uuid) => !found.has(uuid));
        const got = await Promise.all(missing.map((uuid) => events.get(uuid)));
        keep(got.filter((e): e is CaptureEvent => e !== undefined));
      })();
    if (viaKeys < viaSeries && viaKeys < viaNames) {
      work.push(exactSeriesEvents(tx, catalog, exact, ranges, counter).then((list) => list.forEach((e) => filed.push(e))));
      if (candidates.length) work.push(readSeries(candidates));
    } else if (viaSeries < viaNames) work.push(readSeries([...exact, ...candidates]));
    else if (names === null) work.push(byTime(ranges));
    else for (const name of names) work.push(byName(name, ranges));
  }
  await Promise.all(work);
  counter.reads += bare.length;
  // An event read whole serves every leaf; one with its filed properties serves action and name leaves.
  for (const list of [filed, bare]) for (const e of list) if (!found.has(e.uuid)) found.set(e.uuid, e);
  return [...found.values()];
}
