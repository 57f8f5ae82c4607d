/**
 * Which events a behavioral leaf counts: the event name (`event_type: "events"`) or the action
 * (`"actions"`, matched by the action engine with the person's properties), and its
 * `event_filters`. PostHog/posthog posthog/hogql_queries/hogql_cohort_query.py applies
 * event_filters as the series' properties for performed_event / first_time / stopped, as
 * EventsQuery properties for performed_event_multiple (event filters only: element ones raise
 * "Property type not supported"), and ignores them for restarted_performing_event — Lasso refuses
 * filters PostHog would reject or ignore, so both give the same members.
 */
// @ts-nocheck

import { compileAction } from '../actions/compile';
import type { CompileContext, Condition } from '../actions/condition';
import { compileFilter } from '../actions/filters';
import { show } from '../actions/values';
import type { CompileEnv, PreparedPerson } from './compiled';
import { CohortValidationError } from './errors';

export type EventMatch = (p: PreparedPerson, ev: PreparedPerson['events'][number]) => boolean;

function baseTest(leaf: Record<string, unknown>, path: string, env: CompileEnv): EventMatch | null {
  const key = leaf.key;
  if (leaf.event_type === 'events') {
    if (typeof key === 'string' && key !== '') return (_p, ev) => ev.event.event === key;
    env.errors.push(new CohortValidationError(`${path}.key`, 'the event name must be a non-empty string'));
    return null;
  }
  if (leaf.event_type !== 'actions') {
    env.errors.push(new CohortValidationError(`${path}.event_type`, `must be 'events' or 'actions', not ${show(leaf.event_type)}`));
    return null;
  }
  const id = typeof key === 'number' || (typeof key === 'string' && key !== '') ? String(key) : null;
  if (id === null || !Object.hasOwn(env.actions, id)) {
    env.errors.push(new CohortValidationError(`${path}.key`, id === null ? 'the action id must be a string or number' : `unknown action ${show(key)}`));
    return null;
  }
  if (!env.actionMatchers.has(id)) {
    try {
      env.actionMatchers.set(id, compileAction(env.actions[id], { now: () => env.now }));
    } catch (e) {
      env.actionMatchers.set(id, null);
      env.errors.push(new CohortValidationError(`${path}.key`, `action ${show(key)} is invalid: ${(e as Error).message}`));
    }
  }
  const matcher = env.actionMatchers.get(id);
  return matcher ? (p, ev) => matcher.matches(ev.event, p.person) : null;
}

function filtersOf(leaf: Record<string, unknown>, kind: string, path: string, env: CompileEnv): Condition[] {
  const list = leaf.event_filters;
  if (list === undefined || list === null || (Array.isArray(list) && !list.length)) return [];
  if (!Array.isArray(list)) {
    env.errors.push(new CohortValidationError(`${path}.event_filters`, 'must be a list of event property filters'));
    return [];
  }
  if (kind === 'restarted_performing_event') {
    env.errors.push(new CohortValidationError(`${path}.event_filters`, 'PostHog ignores event filters on restarted_performing_event; remove them so Lasso and PostHog agree'));
    return [];
  }
  const allowed = kind === 'performed_event_multiple' ? ['event'] : ['event', 'element'];
  const actx: CompileContext = { errors: [], now: () => env.now };
  const filters: Condition[] = [];
  list.forEach((f, i) => {
    const at = `${path}.event_filters[${i}]`;
    const type = (f as { type?: unknown } | null)?.type ?? 'event';
    if (!allowed.includes(type as string)) {
      env.errors.push(new CohortValidationError(`${at}.type`, `${kind} takes ${allowed.map((a) => `'${a}'`).join(' or ')} filters here, not ${show(type)}`));
      return;
    }
    const c = compileFilter(f, at, actx);
    if (c) filters.push(c);
  });
  for (const e of actx.errors) env.errors.push(new CohortValidationError(e.path, e.message.slice(e.path.length + 2)));
  return filters;
}

/** The leaf's event tests: `base` (name or action only) and `matches` (with event_filters); null when invalid. */
export function eventTests(leaf: Record<string, unknown>, kind: string, path: string, env: CompileEnv): { base: EventMatch; matches: EventMatch } | null {
  const before = env.errors.length;
  const base = baseTest(leaf, path, env);
  const filters = filtersOf(leaf, kind, path, env);
  if (!base || env.errors.length > before) return null;
  return { base, matches: filters.length ? (p, ev) => base(p, ev) && filters.every((c) => c.test(ev.event, p.person)) : base };
}
