/**
 * Behavioral leaves (`type: "behavioral"`), with PostHog's meaning of each kind as built in
 * PostHog/posthog posthog/hogql_queries/hogql_cohort_query.py (the query PostHog's cohort
 * calculation runs, products/cohorts/backend/models/util.py `recalculate_cohortpeople`):
 *
 * - performed_event: some matching event in the trends window of time_value/time_interval.
 * - performed_event_first_time: the person's first matching event ever (up to the window's end)
 *   lies in that window (BaseMathType.FIRST_TIME_FOR_USER).
 * - performed_event_multiple: the number of matching events in the EventsQuery window compares
 *   to operator_value by `operator`; a person with no matching event is never counted (the
 *   query groups matching events by person), so `lte 3` means 1 to 3.
 * - stopped_performing_event: did it in the time_value window, EXCEPT did it in the
 *   seq_time_value window.
 * - restarted_performing_event: did it in the seq window, EXCEPT first time ever in the seq
 *   window, EXCEPT did it from time_value ago to the end of the day seq_time_value ago.
 */
// @ts-nocheck

import { show } from '../actions/values';
import type { CompileEnv, PreparedPerson } from './compiled';
import { CohortValidationError } from './errors';
import { eventTests } from './leaf-events';
import { leafTime, positiveInt } from './leaf-time';
import { eventsQueryWindow, inWindow, trendsWindow, type Window } from './windows';

export const BEHAVIORAL_VALUES = [
  'performed_event', 'performed_event_multiple', 'performed_event_first_time', 'stopped_performing_event', 'restarted_performing_event',
] as const;
const NOT_YET = ['performed_event_sequence', 'performed_event_regularly'];
const COUNT: Record<string, (count: number, n: number) => boolean> = {
  gte: (c, n) => c >= n, lte: (c, n) => c <= n, gt: (c, n) => c > n, lt: (c, n) => c < n,
  eq: (c, n) => c === n, exact: (c, n) => c === n,
};

type Test = (p: PreparedPerson) => boolean;

/** Compiles one behavioral leaf at `path`; problems go to env.errors (returns null then). */
export function compileBehavioral(leaf: Record<string, unknown>, path: string, env: CompileEnv): Test | null {
  const kind = leaf.value;
  if (!BEHAVIORAL_VALUES.includes(kind as (typeof BEHAVIORAL_VALUES)[number])) {
    const problem = NOT_YET.includes(kind as string)
      ? `${show(kind)} is a PostHog behavioral filter Lasso does not evaluate yet`
      : `unknown behavioral filter ${show(kind)}; expected one of ${BEHAVIORAL_VALUES.join(', ')}`;
    env.errors.push(new CohortValidationError(`${path}.value`, problem));
    return null;
  }
  const events = eventTests(leaf, kind as string, path, env);
  const time = leafTime(leaf, kind as string, path, env);
  let count: [(c: number, n: number) => boolean, number] | null = null;
  if (kind === 'performed_event_multiple') {
    const op = leaf.operator ?? 'exact';
    if (!Object.hasOwn(COUNT, op as string)) env.errors.push(new CohortValidationError(`${path}.operator`, `unknown count operator ${show(op)}; expected gte, lte, gt, lt or exact`));
    const on = positiveInt(leaf.operator_value, `${path}.operator_value`, env);
    if (Object.hasOwn(COUNT, op as string) && on !== null) count = [COUNT[op as string], on];
  }
  if (!events || !time) return null;
  const { base, matches } = events;
  const now = env.now;
  const did = (p: PreparedPerson, w: Window): boolean => p.events.some((ev) => inWindow(ev.ms, w) && matches(p, ev));
  /**
   * FIRST_TIME_FOR_USER (trends/aggregation_operations.py FirstTimeForUserEventsQueryAlternator):
   * the person's earliest event or action match up to `until`, ignoring event_filters, counts
   * only when an event at that moment also passes the filters. Its time, or null.
   */
  const first = (p: PreparedPerson, until: number): number | null => {
    const at = p.events.find((ev) => ev.ms <= until && base(p, ev))?.ms;
    return at !== undefined && p.events.some((ev) => ev.ms === at && matches(p, ev)) ? at : null;
  };
  if (kind === 'performed_event') {
    const w = trendsWindow(now, time.range);
    return (p) => did(p, w);
  }
  if (kind === 'performed_event_first_time') {
    const w = trendsWindow(now, time.range);
    return (p) => {
      const at = first(p, w.to);
      return at !== null && at >= w.from;
    };
  }
  if (kind === 'performed_event_multiple') {
    if (!count) return null;
    const [cmp, target] = count;
    const w = eventsQueryWindow(now, time.range);
    return (p) => {
      let c = 0;
      for (const ev of p.events) if (inWindow(ev.ms, w) && matches(p, ev)) c++;
      return c > 0 && cmp(c, target);
    };
  }
  if (!time.recent || !time.gap) return null;
  const recent = trendsWindow(now, time.recent);
  if (kind === 'stopped_performing_event') {
    const all = trendsWindow(now, time.range);
    return (p) => did(p, all) && !did(p, recent);
  }
  const gap = trendsWindow(now, time.gap);
  return (p) => {
    if (!did(p, recent)) return false;
    const at = first(p, recent.to);
    return at !== null && at < recent.from && !did(p, gap);
  };
}
