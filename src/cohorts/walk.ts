import { asGroup } from './legacy';
import type { CohortDefinition } from './types';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Visit every person and behavioral leaf of `cohort` and of the cohorts it reaches through
 * membership leaves (each reached cohort once, so a cycle ends). Leaves of PostHog's deprecated
 * `groups` format come as the leaf they mean, with `legacy` true. Returns the ids of the cohorts
 * reached (those not in `cohorts` included). For definitions validateCohort accepted; a static
 * cohort has no leaves.
 */
export function walkCohortLeaves(
  cohort: CohortDefinition,
  cohorts: Record<string, CohortDefinition> | undefined,
  onLeaf: (leaf: Record<string, unknown>, legacy: boolean) => void,
): Set<string> {
  const reached = new Set<string>();
  const leaf = (v: Record<string, unknown>, legacy: boolean) => {
    if (v.type !== 'cohort' && v.type !== 'precalculated-cohort') return onLeaf(v, legacy);
    const id = String(Array.isArray(v.value) ? v.value[0] : v.value);
    if (reached.has(id)) return;
    reached.add(id);
    const def = cohorts?.[id];
    if (def) visit(def);
  };
  const node = (v: unknown, legacy: boolean): void => {
    if (Array.isArray(v)) v.forEach((x) => node(x, legacy));
    else if (isObject(v) && Array.isArray(v.values) && (v.type === 'AND' || v.type === 'OR')) v.values.forEach((x) => node(x, legacy));
    else if (isObject(v)) leaf(v, legacy);
  };
  const visit = (def: CohortDefinition) => {
    if (def.is_static) return;
    // As compile.ts: `filters` when a non-empty object, else the deprecated `groups`.
    if (isObject(def.filters) && Object.keys(def.filters).length) return node(def.filters.properties, false);
    // The same conversion membership uses (legacy.ts), so a `{key: value}` map or a nested group
    // under `properties` is visited as it is evaluated.
    for (const g of def.groups ?? []) if (isObject(g) && (g.properties || g.action_id || g.event_id)) node(asGroup(g), true);
  };
  visit(cohort);
  return reached;
}
