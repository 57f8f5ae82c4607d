/**
 * What a cohort's members depend on, so a store can cache them "until data that could change them
 * arrives". Read from a definition that validateCohort accepted.
 */
import type { StoredAction } from '../actions/types';
import type { CohortDefinition } from './types';

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
  const leaf = (v: Record<string, unknown>) => {
    if (v.type === 'person') filter(v);
    else if (v.type === 'behavioral') {
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
    } else if (v.type === 'cohort' || v.type === 'precalculated-cohort') {
      const id = String(Array.isArray(v.value) ? v.value[0] : v.value);
      if (!cohorts.has(id)) {
        cohorts.add(id);
        const def = ctx.cohorts?.[id];
        if (def) visit(def);
      }
    }
  };
  const node = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(node);
    else if (isObject(v) && Array.isArray(v.values) && (v.type === 'AND' || v.type === 'OR')) v.values.forEach(node);
    else if (isObject(v)) leaf(v);
  };
  const visit = (def: CohortDefinition) => {
    if (def.is_static) return;
    // As compile.ts: `filters` when a non-empty object, else the deprecated `groups`.
    if (isObject(def.filters) && Object.keys(def.filters).length) node(def.filters.properties);
    else
      for (const g of def.groups ?? []) {
        if (g.properties) {
          personProperties = true;
          node(Array.isArray(g.properties) ? g.properties.map((p) => ({ type: 'person', ...p })) : []);
        } else leaf({ type: 'behavioral', event_type: g.action_id ? 'actions' : 'events', key: g.action_id ?? g.event_id });
      }
  };
  visit(cohort);
  return { cohorts: [...cohorts], actions: [...actions], events: anyEvent ? 'any' : [...events], personProperties, timeRelative };
}
