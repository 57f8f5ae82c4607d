// Which events a cohort's behavioral leaves can look at (src/cohorts/reads.ts; README "cohortReads"):
// a leaf's window; everything up to the window's end for the leaves that look for a person's first
// match ever; all time for legacy `groups` and for leaves Lasso does not evaluate.
import { describe, expect, it } from 'vitest';
import type { CohortCondition, CohortDefinition } from '../../src/cohorts';
import { cohortReads } from '../../src/cohorts/reads';
import { cohort, didEvent, has, NOW } from '../support/cohorts';

const NOW_MS = Date.parse(NOW); // Tuesday 2026-12-01 12:00 UTC
/** End of today: trends windows end here when they have no end date. */
const END = Date.UTC(2026, 11, 2) - 1;
const ALL: [number, number] = [-Infinity, Infinity];

const did = (value: string, extra: Record<string, unknown>): CohortCondition =>
  ({ type: 'behavioral', key: 'x', event_type: 'events', value, time_value: 30, time_interval: 'day', ...extra }) as CohortCondition;

describe('cohortReads: the ranges of each leaf kind', () => {
  it.each<[string, CohortDefinition, [number, number][]]>([
    // The whole 30-day window (from the start of Nov 1) holds the recent 7-day one.
    ['stopped: its whole window', cohort(did('stopped_performing_event', { seq_time_value: 7, seq_time_interval: 'day' })), [[Date.UTC(2026, 10, 1), END]]],
    // Restarted looks for the first match ever, and its recent window ends today (after the gap's end).
    ['restarted: everything up to the end of today', cohort(did('restarted_performing_event', { seq_time_value: 7, seq_time_interval: 'day' })), [[-Infinity, END]]],
    ['a kind Lasso does not evaluate (sequence): all time', cohort(did('performed_event_sequence', { seq_event: 'y', seq_time_value: 7, seq_time_interval: 'day' })), [ALL]],
    // A behavioral filter inside a deprecated group's properties is read over all time, like every legacy leaf.
    ['a behavioral filter in legacy properties: all time', { groups: [{ properties: [{ type: 'behavioral', value: 'performed_event', key: 'x', event_type: 'events', time_value: 7, time_interval: 'day' }] }] }, [ALL]],
    ['a behavioral filter in a legacy group nested under properties: all time', { groups: [{ properties: { type: 'AND', values: [{ type: 'behavioral', value: 'performed_event', key: 'x', event_type: 'events', time_value: 7, time_interval: 'day' }] } }] } as CohortDefinition, [ALL]],
  ])('%s', (_name, definition, ranges) => {
    const reads = cohortReads(definition, { now: NOW_MS });
    expect(Object.fromEntries(reads.events)).toEqual({ x: ranges });
    expect(reads.actions.size).toBe(0);
  });

  it('person leaves read no events', () => {
    const reads = cohortReads(cohort(has('plan'), didEvent('x')), { now: NOW_MS });
    expect([...reads.events.keys()]).toEqual(['x']);
  });
});

describe('cohortReads: which event names are read with their properties', () => {
  const filter = { key: 'plan', value: 'pro', operator: 'exact', type: 'event' };
  it.each<[string, CohortDefinition, string[]]>([
    ['no event filters: none', cohort(did('performed_event', {})), []],
    ['an empty list of event filters: none', cohort(did('performed_event', { event_filters: [] })), []],
    ['null event filters: none', cohort(did('performed_event', { event_filters: null })), []],
    ['event filters: the name', cohort(did('performed_event', { event_filters: [filter] })), ['x']],
    ['one of two leaves of the name filtered: the name', cohort(did('performed_event', {}), did('performed_event_multiple', { operator: 'gte', operator_value: 2, event_filters: [filter] })), ['x']],
    ['filters on another name only: that name', cohort(did('performed_event', {}), { ...did('performed_event', { event_filters: [filter] }), key: 'y' } as CohortCondition), ['y']],
    ['an action leaf with filters: no event name', cohort({ ...did('performed_event', { event_filters: [filter] }), event_type: 'actions', key: 'a1' } as CohortCondition), []],
    ['a legacy group\'s event: the name', { groups: [{ event_id: 'x', days: 3 }] } as CohortDefinition, ['x']],
  ])('%s', (_name, definition, names) => {
    expect([...cohortReads(definition, { now: NOW_MS, actions: { a1: { id: 'a1', name: 'a1', site: 's', steps: [] } as never } }).withProperties].sort()).toEqual(names);
  });
});
