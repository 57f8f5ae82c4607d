/**
 * Cohort definitions in PostHog's JSON shape (what PostHog's cohorts API stores in `filters`),
 * plus the static form. Field names and values are PostHog's: see
 * PostHog/posthog posthog/models/property/property.py (Property, BehavioralPropertyType) and
 * posthog/hogql_queries/hogql_cohort_query.py (how each field is read).
 */
// @ts-nocheck

import type { PropertyFilter, PropertyOperator } from '../actions/types';

/** `time_interval` / `seq_time_interval` values Lasso accepts (PostHog's OperatorInterval minus `minute`). */
export type TimeInterval = 'hour' | 'day' | 'week' | 'month' | 'year';

/** The behavioral leaf kinds Lasso evaluates (PostHog's BehavioralPropertyType). */
export type BehavioralValue =
  | 'performed_event'
  | 'performed_event_multiple'
  | 'performed_event_first_time'
  | 'stopped_performing_event'
  | 'restarted_performing_event';

/** `operator` of performed_event_multiple (PostHog's count operators; absent = exact). */
export type CountOperator = 'gte' | 'lte' | 'gt' | 'lt' | 'eq' | 'exact';

/** Person property leaf: "has the property" (operators of shared/spec/action-semantics.md). */
export interface PersonLeaf {
  type: 'person';
  key: string;
  value?: unknown;
  operator?: PropertyOperator;
  negation?: boolean;
}

/** Behavioral leaf: what the person did (over events or an action), relative to `now`. */
export interface BehavioralLeaf {
  type: 'behavioral';
  value: BehavioralValue;
  /** Event name (event_type "events") or action id (event_type "actions"). */
  key: string | number;
  event_type: 'events' | 'actions';
  /** The window counts back time_value time_intervals from now (older editors; stopped / restarted). */
  time_value?: number | string;
  time_interval?: TimeInterval;
  /**
   * performed_event / _multiple / _first_time: start and optional end of the window as PostHog date
   * strings (`-30d`, `-1mStart`, `2026-06-01`); wins over time_value (the current PostHog editor writes it).
   */
  explicit_datetime?: string | null;
  explicit_datetime_to?: string | null;
  /** performed_event_multiple only. */
  operator?: CountOperator | null;
  operator_value?: number | string;
  /** stopped / restarted: the recent window (must not be longer than time_value/time_interval). */
  seq_time_value?: number | string;
  seq_time_interval?: TimeInterval;
  /** Event property filters every counted event must pass (PostHog's `event_filters`). */
  event_filters?: PropertyFilter[];
  negation?: boolean;
}

/** Membership of another cohort: `value` is its id (a key of `cohorts`), or a one-element list of it. */
export interface CohortLeaf {
  type: 'cohort' | 'precalculated-cohort';
  key?: 'id';
  value: string | number | [string | number];
  negation?: boolean;
}

export type CohortCondition = PersonLeaf | BehavioralLeaf | CohortLeaf;

/** A nested group: all groups or all conditions, as PostHog's PropertyGroup. */
export interface CohortGroup {
  type: 'AND' | 'OR';
  values: CohortGroup[] | CohortCondition[];
}

/** PostHog's deprecated `groups` format (each entry OR-ed), accepted for import. */
export interface LegacyCohortGroup {
  properties?: Array<Record<string, unknown>> | Record<string, unknown>;
  action_id?: string | number;
  event_id?: string;
  days?: number | string;
  count?: number | string;
  count_operator?: CountOperator;
}

/** A cohort whose members are computed from its filters. */
export interface DynamicCohort {
  name?: string;
  description?: string;
  is_static?: false;
  /** `properties` is a group, or a flat list of conditions (AND-ed). */
  filters?: { properties: CohortGroup | CohortCondition[] };
  /** Deprecated PostHog format, read only when `filters` is absent. */
  groups?: LegacyCohortGroup[];
}

/** A cohort whose members are listed: made from selected persons or a CSV of distinct ids. */
export interface StaticCohort {
  name?: string;
  description?: string;
  is_static: true;
  distinct_ids: string[];
}

export type CohortDefinition = DynamicCohort | StaticCohort;

/** One person as the evaluation sees it: all their distinct ids, properties and events. */
export interface CohortPerson {
  distinct_ids: string[];
  properties: Record<string, unknown>;
  events: import('../events/types').CaptureEvent[];
}
