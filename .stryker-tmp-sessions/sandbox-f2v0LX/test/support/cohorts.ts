// @ts-nocheck
// Shared builders for the cohort unit tests (not a test file itself).
import { membersOf } from '../../src/cohorts';
import type { CohortCondition, CohortContext, CohortDefinition, CohortGroup, CohortPerson } from '../../src/cohorts';
import type { CaptureEvent } from '../../src/events/types';

/** Tuesday noon, UTC: every window below counts back from here unless a test says otherwise. */
export const NOW = '2026-12-01T12:00:00Z';

let seq = 0;

/** One event: [name, timestamp, properties?], sent by the person's first distinct id unless `from` is set. */
export type Did = [event: string, timestamp: string, properties?: Record<string, unknown>, from?: string];

/** A person named by their first distinct id. */
export function person(ids: string | string[], properties: Record<string, unknown> = {}, did: Did[] = []): CohortPerson {
  const distinct_ids = typeof ids === 'string' ? [ids] : ids;
  const events: CaptureEvent[] = did.map(([event, timestamp, props = {}, from]) => ({
    uuid: `e${++seq}`, event, distinct_id: from ?? distinct_ids[0], timestamp, properties: props,
  }));
  return { distinct_ids, properties, events };
}

/** A dynamic cohort: the groups as given, or the conditions AND-ed in one group under a top OR (the editor's shape). */
export function cohort(...conditions: CohortCondition[]): CohortDefinition {
  return { filters: { properties: { type: 'OR', values: [{ type: 'AND', values: conditions }] } } };
}

export const tree = (properties: CohortGroup | CohortCondition[]): CohortDefinition => ({ filters: { properties } });
export const and = (...values: CohortGroup[] | CohortCondition[]): CohortGroup => ({ type: 'AND', values });
export const or = (...values: CohortGroup[] | CohortCondition[]): CohortGroup => ({ type: 'OR', values });

/** First distinct id of each member, in input order. */
export function members(def: CohortDefinition, people: CohortPerson[], ctx: Partial<CohortContext> = {}): string[] {
  return membersOf(def, people, { now: NOW, ...ctx }).map((p) => p.distinct_ids[0]);
}

/** Person property "is set" (the simplest leaf), optionally negated. */
export const has = (key: string, negation = false): CohortCondition => ({ type: 'person', key, operator: 'is_set', negation });

/** performed_event over `days` days. */
export const didEvent = (key: string, days = 7, negation = false): CohortCondition => ({
  type: 'behavioral', value: 'performed_event', key, event_type: 'events', time_value: days, time_interval: 'day', negation,
});
