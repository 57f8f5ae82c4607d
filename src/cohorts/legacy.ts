/**
 * PostHog's deprecated cohort `groups` (still read when `filters` is empty), converted as
 * PostHog/posthog products/cohorts/backend/models/cohort.py `Cohort.properties` does: the groups
 * are OR-ed; a group with `properties` is their AND (a list, so paths read `groups[0].properties[1]`) (a property without a type, or typed
 * "event", is a person property; a plain `{key: value}` object is a list of exact person
 * properties); a group with `action_id` / `event_id` is a behavioral leaf over `days` (default
 * 365) days — performed_event_multiple with `count_operator` when `count` > 0, else
 * performed_event.
 */
import { show } from '../actions/values';
import type { CompileEnv, Node } from './compiled';
import { CohortValidationError } from './errors';

type GroupCompiler = (value: unknown, path: string, env: CompileEnv) => Node | null;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One legacy group as the modern group (or list of leaves) it means; walk.ts reads it the same way. */
export function asGroup(group: Record<string, unknown>): unknown {
  const props = group.properties;
  if (Array.isArray(props)) {
    return props.map((p) => (isObject(p) && (p.type ?? 'event') === 'event' ? { ...p, type: 'person' } : p));
  }
  if (isObject(props) && !('type' in props) && !('values' in props)) {
    return Object.entries(props).map(([key, value]) => ({ key, value, type: 'person' }));
  }
  if (props !== undefined && props !== null) return props;
  const key = group.action_id ?? group.event_id;
  const count = Math.max(0, Math.trunc(Number(group.count ?? 0)) || 0);
  const leaf = {
    type: 'behavioral',
    key,
    event_type: group.action_id ? 'actions' : 'events',
    value: count ? 'performed_event_multiple' : 'performed_event',
    time_interval: 'day',
    time_value: group.days || 365,
    ...(count ? { operator: group.count_operator ?? null, operator_value: count } : {}),
  };
  return { type: 'AND', values: [leaf] };
}

/** The OR of the legacy groups at `path` ("groups"), compiled with `compileGroup`. */
export function legacyGroups(groups: unknown[], path: string, env: CompileEnv, compileGroup: GroupCompiler): Node | null {
  const children: Array<Node | null> = groups.map((g, i) => {
    const at = `${path}[${i}]`;
    if (!isObject(g) || !(g.properties || g.action_id || g.event_id)) {
      env.errors.push(new CohortValidationError(at, `a legacy group needs properties, action_id or event_id, not ${show(g)}`));
      return null;
    }
    return compileGroup(asGroup(g), g.properties ? `${at}.properties` : at, env);
  });
  return children.some((c) => c === null) ? null : { kind: 'OR', children: children as Node[] };
}
