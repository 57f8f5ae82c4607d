/**
 * Compiles a cohort definition into a condition tree (compiled.ts), collecting every problem with
 * its path. Groups and negation follow PostHog/posthog posthog/hogql_queries/hogql_cohort_query.py
 * (`_get_conditions`, `unwrap_cohort`); membership leaves and cycles follow
 * posthog/models/cohort/validation.py ("Circular cohort reference detected",
 * "Referenced cohort … not found", "Cohort filter must reference exactly one cohort").
 */
// @ts-nocheck

import type { CompileContext } from '../actions/condition';
import { compileFilter } from '../actions/filters';
import { show } from '../actions/values';
import type { CaptureEvent } from '../events/types';
import { compileBehavioral } from './behavioral';
import type { CompileEnv, CompiledCohort, Leaf, Node } from './compiled';
import { CohortValidationError } from './errors';
import { legacyGroups } from './legacy';
import { negatedAtTop } from './negation';

const NO_EVENT: CaptureEvent = { uuid: '', event: '', distinct_id: '', timestamp: '', properties: {} };
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isGroup = (v: unknown): boolean => isObject(v) && (v.type === 'AND' || v.type === 'OR') && 'values' in v;

function personLeaf(leaf: Record<string, unknown>, path: string, env: CompileEnv): Leaf['test'] | null {
  const actx: CompileContext = { errors: [], now: () => env.now };
  const condition = compileFilter(leaf, path, actx);
  for (const e of actx.errors) env.errors.push(new CohortValidationError(e.path, e.message.slice(e.path.length + 2)));
  if (!condition) return null;
  return (p) => condition.test(NO_EVENT, p.person);
}

function cohortLeaf(leaf: Record<string, unknown>, path: string, env: CompileEnv): Leaf['test'] | null {
  let value = leaf.value;
  if (Array.isArray(value)) {
    if (value.length !== 1) {
      env.errors.push(new CohortValidationError(`${path}.value`, 'a cohort filter must reference exactly one cohort'));
      return null;
    }
    value = value[0];
  }
  if (typeof value !== 'string' && typeof value !== 'number') {
    env.errors.push(new CohortValidationError(`${path}.value`, `must be the id of a cohort, not ${show(value)}`));
    return null;
  }
  const id = String(value);
  if (env.stack.includes(id)) {
    const cycle = [...env.stack.slice(env.stack.indexOf(id)), id].map((c) => show(c)).join(' → ');
    env.errors.push(new CohortValidationError(`${path}.value`, `cohort cycle: ${cycle} — a cohort cannot contain itself`));
    return null;
  }
  if (!Object.hasOwn(env.cohorts, id)) {
    env.errors.push(new CohortValidationError(`${path}.value`, `unknown cohort ${show(value)}`));
    return null;
  }
  if (!env.compiled.has(id)) {
    env.stack.push(id);
    env.compiled.set(id, compileDefinition(env.cohorts[id], `cohorts[${JSON.stringify(id)}]`, env));
    env.stack.pop();
  }
  if (env.compiled.get(id) === null) return null;
  return (p, member) => member(id, p);
}

function compileLeaf(value: unknown, path: string, env: CompileEnv): Node | null {
  if (!isObject(value)) {
    env.errors.push(new CohortValidationError(path, 'a condition must be an object with a type'));
    return null;
  }
  if (value.negation !== undefined && value.negation !== null && typeof value.negation !== 'boolean') {
    env.errors.push(new CohortValidationError(`${path}.negation`, `must be true or false, not ${show(value.negation)}`));
  }
  const type = value.type;
  const test =
    type === 'person' ? personLeaf(value, path, env)
    : type === 'behavioral' ? compileBehavioral(value, path, env)
    : type === 'cohort' || type === 'precalculated-cohort' ? cohortLeaf(value, path, env)
    : (env.errors.push(new CohortValidationError(`${path}.type`, `unknown condition type ${show(type)}; expected 'person', 'behavioral' or 'cohort'`)), null);
  return test ? { kind: 'leaf', negation: value.negation === true, test } : null;
}

/** A group `{type, values}` at `path`: all groups or all conditions, never empty. */
export function compileGroup(value: unknown, path: string, env: CompileEnv): Node | null {
  if (Array.isArray(value)) return compileValues('AND', value, path, path, env); // a flat list is AND-ed (PostHog's Filter)
  if (!isObject(value) || !('values' in value)) {
    env.errors.push(new CohortValidationError(path, "must be a group: { type: 'AND' | 'OR', values: [...] }"));
    return null;
  }
  if (value.type !== 'AND' && value.type !== 'OR') {
    env.errors.push(new CohortValidationError(`${path}.type`, `must be 'AND' or 'OR', not ${show(value.type)}`));
    return null;
  }
  if (!Array.isArray(value.values)) {
    env.errors.push(new CohortValidationError(`${path}.values`, 'must be a list of groups or conditions'));
    return null;
  }
  return compileValues(value.type, value.values, path, `${path}.values`, env);
}

function compileValues(kind: 'AND' | 'OR', values: unknown[], path: string, listPath: string, env: CompileEnv): Node | null {
  // PostHog: "Cohort has a property group with no condition".
  if (!values.length) {
    env.errors.push(new CohortValidationError(listPath, 'the group is empty — add at least one condition'));
    return null;
  }
  const groups = values.filter(isGroup).length;
  if (groups && groups !== values.length) {
    env.errors.push(new CohortValidationError(listPath, 'mixes groups and conditions; as in PostHog, a group holds only groups or only conditions'));
    return null;
  }
  const children = values.map((v, i) => (groups ? compileGroup(v, `${listPath}[${i}]`, env) : compileLeaf(v, `${listPath}[${i}]`, env)));
  if (children.some((c) => c === null)) return null;
  return { kind, children: children as Node[] };
}

/** One cohort definition at `path` ('' for the cohort asked about, `cohorts["id"]` for others). */
export function compileDefinition(def: unknown, path: string, env: CompileEnv): CompiledCohort | null {
  const at = (p: string) => (path ? `${path}.${p}` : p);
  if (!isObject(def)) {
    env.errors.push(new CohortValidationError(path, 'a cohort must be an object with filters (or is_static and distinct_ids)'));
    return null;
  }
  if (def.is_static === true) {
    const ids = def.distinct_ids;
    if (!Array.isArray(ids)) {
      env.errors.push(new CohortValidationError(at('distinct_ids'), 'a static cohort lists its members as distinct_ids: a list of strings'));
      return null;
    }
    const bad = ids.findIndex((d) => typeof d !== 'string' || d === '');
    if (bad >= 0) {
      env.errors.push(new CohortValidationError(at(`distinct_ids[${bad}]`), `must be a non-empty string, not ${show(ids[bad])}`));
      return null;
    }
    return { kind: 'static', distinctIds: new Set(ids as string[]) };
  }
  if (def.is_static !== undefined && def.is_static !== false) {
    env.errors.push(new CohortValidationError(at('is_static'), `must be true or false, not ${show(def.is_static)}`));
    return null;
  }
  let root: Node | null;
  let rootPath: string;
  // PostHog's Cohort.properties: `filters` when set (a non-empty object), else the deprecated `groups`.
  if (isObject(def.filters) && Object.keys(def.filters).length) {
    rootPath = at('filters.properties');
    root = compileGroup(def.filters.properties, rootPath, env);
  } else if (Array.isArray(def.groups) && def.groups.length) {
    rootPath = at('groups');
    root = legacyGroups(def.groups, rootPath, env, compileGroup);
  } else {
    // validation.py: "Cannot determine type: no valid filters found".
    env.errors.push(new CohortValidationError(at('filters'), 'the cohort has no filters — add filters.properties (or make it static)'));
    return null;
  }
  if (!root) return null;
  const negated = negatedAtTop(root);
  if (negated) env.errors.push(new CohortValidationError(rootPath, negated));
  return negated ? null : { kind: 'dynamic', root };
}
