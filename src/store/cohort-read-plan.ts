import type { StoredAction } from '../actions/types';
import type { TimeRange } from '../cohorts/reads';
import { planPreview } from '../preview/plan';
import { selectSeries } from '../preview/select';
import type { Catalog } from './catalog';
import type { SeriesRow } from './rows';

/**
 * How a cohort's action leaf reads its events (cohort-events.ts), chosen by a cost model over the
 * catalog's series totals, in units of "one event record read":
 *
 * - `keys`: exact series (every event matches the action) by keys alone — their `refs` keys and the
 *   `event_people` keys of their names, joined by uuid (cohort-action-keys.ts) — and candidate
 *   series by their `refs` keys, then each event by uuid;
 * - `series`: every overlapping series by `refs` keys, then each event by uuid;
 * - `names`: the events of the steps' names by time range (`names` null: a step has no event name,
 *   so every event by time).
 */
export type ActionRead =
  | { way: 'keys'; exact: SeriesRow[]; candidates: SeriesRow[] }
  | { way: 'series'; series: SeriesRow[] }
  | { way: 'names'; names: Set<string> | null };

/**
 * Reading a key costs about this many event reads (Chromium, `event_people` keys against the
 * same events' records by range: 1.5 s against 11.2 s; src/store/README.md "Schema v7").
 */
export const KEY_COST = 0.15;

/**
 * One request costs about as much as reading this many events in one range: events are large
 * records (~1.3 KB, dozens of properties), so reading one costs about as much as a request
 * (Chromium, roughly: ~11k `$pageview` events by range took as long as the cohort bench's whole
 * computation, ~0.1 ms each under load).
 */
export const EVENTS_PER_REQUEST = 2;

/** Whether series `s` has an event inside one of `ranges` (by its first and last event). */
export const overlaps = (s: SeriesRow, ranges: TimeRange[]): boolean => ranges.some(([from, to]) => s.last >= from && s.first <= to);

/** Events per name in `ranges` at most (catalog totals of the series that overlap them); null = every name. */
function eventsOf(catalog: Catalog, names: Set<string> | null, ranges: TimeRange[]): number {
  let n = 0;
  for (const s of catalog.series.values()) if ((names === null || names.has(s.event)) && overlaps(s, ranges)) n += s.n;
  return n;
}

/** The cheapest way to read the events `action` may match in `ranges`. An invalid action reads by names (membership then throws). */
export function planActionRead(catalog: Catalog, action: StoredAction, ranges: TimeRange[]): ActionRead {
  const names = action.steps.some((s) => !s.event) ? null : new Set(action.steps.map((s) => s.event as string));
  const viaNames = (names === null ? 1 : names.size) * ranges.length * EVENTS_PER_REQUEST + eventsOf(catalog, names, ranges);
  let exact: SeriesRow[];
  let candidates: SeriesRow[];
  try {
    const selection = selectSeries(catalog, planPreview(action), null);
    exact = selection.exact.filter((s) => overlaps(s, ranges));
    candidates = selection.candidates.filter((s) => overlaps(s, ranges));
  } catch {
    return { way: 'names', names };
  }
  // A series costs a refs range per time range (keys only, cheap) and a request + a read per event.
  const perEvent = (list: SeriesRow[]) => list.reduce((cost, s) => cost + EVENTS_PER_REQUEST * ranges.length + (EVENTS_PER_REQUEST + 1) * s.n, 0);
  const exactNames = new Set(exact.map((s) => s.event));
  const keyCost = exact.length
    ? (exact.length + exactNames.size) * ranges.length * EVENTS_PER_REQUEST + KEY_COST * (exact.reduce((n, s) => n + s.n, 0) + eventsOf(catalog, exactNames, ranges))
    : 0;
  const viaSeries = perEvent([...exact, ...candidates]);
  const viaKeys = keyCost + perEvent(candidates);
  if (viaKeys < viaSeries && viaKeys < viaNames) return { way: 'keys', exact, candidates };
  if (viaSeries < viaNames) return { way: 'series', series: [...exact, ...candidates] };
  return { way: 'names', names };
}
