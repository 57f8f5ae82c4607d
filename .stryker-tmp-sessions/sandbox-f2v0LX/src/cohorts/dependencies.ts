/**
 * What a cohort's members depend on, so a store can cache them "until data that could change them
 * arrives". Read from a definition that validateCohort accepted.
 */
// @ts-nocheck

import type { StoredAction } from '../actions/types';
import type { CohortDefinition } from './types';
import { walkCohortLeaves } from './walk';

export interface CohortDependencies {
  /** Every cohort reached through membership leaves, transitively. */
  cohorts: string[];
  /** Actions used by behavioral leaves (in this cohort or one it reaches). */
  actions: string[];
  /** Names of events that can change a behavioral leaf; 'any' when an action step matches any event. */
  events: string[] | 'any';
  /** Person properties are read (person leaves, or person filters of a used action). */
  personProperties: boolean;
  /** Members can change with `now` alone (behavioral windows, relative date values): cache per moment. */
  timeRelative: boolean;
}

const RELATIVE_DATE = /^-?\d+[hdwmy]$/;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The dependencies of `cohort` (and of the cohorts it reaches) in `cohorts` / `actions`. */
export function cohortDependencies(
  cohort: CohortDefinition,
  ctx: { cohorts?: Record<string, CohortDefinition>; actions?: Record<string, StoredAction> } = {},
): CohortDependencies {
  const cohorts = new Set<string>();
  const actions = new Set<string>();
  const events = new Set<string>();
  let anyEvent = false;
  let personProperties = false;
  let timeRelative = false;
  const filter = (f: unknown) => {
    if (!isObject(f)) return;
    if (f.type === 'person') personProperties = true;
    if (/^is_date_/.test(String(f.operator)) && RELATIVE_DATE.test(String(f.value).trim())) timeRelative = true;
  };
  walkCohortLeaves(cohort, ctx.cohorts, (v) => {
    if (v.type === 'person') return filter(v);
    if (v.type !== 'behavioral') return;
    timeRelative = true;
    if (v.event_type === 'actions') {
      const id = String(v.key);
      actions.add(id);
      for (const step of ctx.actions?.[id]?.steps ?? []) {
        if (step.event) events.add(step.event);
        else anyEvent = true;
        step.properties?.forEach(filter);
      }
    } else events.add(String(v.key));
    if (Array.isArray(v.event_filters)) v.event_filters.forEach(filter);
  }).forEach((id) => cohorts.add(id));
  return { cohorts: [...cohorts], actions: [...actions], events: anyEvent ? 'any' : [...events], personProperties, timeRelative };
}
