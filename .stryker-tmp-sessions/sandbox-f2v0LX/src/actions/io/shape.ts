/**
 * Structural reading of one untrusted action object (parsed JSON) into an ActionDefinition.
 * Only whitelisted fields are read, each with `Object.hasOwn` (so an inherited `constructor`
 * is never mistaken for a field) and copied into fresh objects, so nothing in the input can
 * reach a prototype. Semantic checks (selectors, regexes) are left to `validateAction`.
 */
// @ts-nocheck

import type { ActionDefinition, ActionStep, PropertyFilter } from '../types';
import { FORBIDDEN_KEYS, LIMITS } from './limits';

const MATCHING = ['exact', 'contains', 'regex'];
const OPERATORS = [
  'exact', 'is_not', 'icontains', 'not_icontains', 'regex', 'not_regex', 'gt', 'gte', 'lt', 'lte',
  'is_set', 'is_not_set', 'is_date_before', 'is_date_after', 'is_date_exact',
];
const FILTER_TYPES = ['event', 'person', 'element'];
const STRING_FIELDS = { event: LIMITS.event, selector: LIMITS.selector, tag_name: LIMITS.tagName, text: LIMITS.text, href: LIMITS.href, url: LIMITS.url } as const;
const STEP_FIELDS = new Set([...Object.keys(STRING_FIELDS), 'text_matching', 'href_matching', 'url_matching', 'properties']);
/** Older PostHog APIs returned steps as rows with their own `id` and `name`; harmless to drop. */
const LEGACY_STEP_FIELDS = new Set(['id', 'name']);

type Obj = Record<string, unknown>;
export type ReadResult = { def: ActionDefinition; problems: [] } | { def: null; problems: string[] };

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: Obj, k: string): unknown => (Object.hasOwn(o, k) ? o[k] : undefined);
const kind = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `a ${typeof v}`);
const join = (path: string, key: string): string => (path ? `${path}.${key}` : key);

/** Problems of the form `path: what is wrong`; `path` is where `raw` sits in the file. */
export function readAction(raw: unknown, path: string): ReadResult {
  const problems: string[] = [];
  const p = (at: string, problem: string) => problems.push(`${at}: ${problem}`);
  if (!isObject(raw)) return { def: null, problems: [`${path || 'action'}: expected an action object, found ${kind(raw)}`] };
  forbidden(raw, path, p);

  const name = own(raw, 'name');
  if (typeof name !== 'string') p(join(path, 'name'), name === undefined ? 'missing; every action needs a name' : `expected a string, found ${kind(name)}`);
  else if (name.trim() === '') p(join(path, 'name'), 'is blank; every action needs a name');
  else capped(name, LIMITS.name, join(path, 'name'), p);

  const description = own(raw, 'description');
  if (description != null && typeof description !== 'string') p(join(path, 'description'), `expected a string, found ${kind(description)}`);
  else if (typeof description === 'string') capped(description, LIMITS.description, join(path, 'description'), p);

  const tags = readTags(own(raw, 'tags'), join(path, 'tags'), p);
  const stepsRaw = own(raw, 'steps');
  const steps: ActionStep[] = [];
  if (!Array.isArray(stepsRaw)) p(join(path, 'steps'), stepsRaw === undefined ? 'missing; an action needs at least one step' : `expected an array, found ${kind(stepsRaw)}`);
  else if (stepsRaw.length === 0) p(join(path, 'steps'), 'is empty; an action needs at least one step (PostHog would match every event)');
  else if (stepsRaw.length > LIMITS.steps) p(join(path, 'steps'), `has ${stepsRaw.length} steps; at most ${LIMITS.steps} are allowed`);
  else stepsRaw.forEach((s, i) => { const step = readStep(s, `${join(path, 'steps')}[${i}]`, p); if (step) steps.push(step); });

  if (problems.length > 0) return { def: null, problems };
  const def: ActionDefinition = { name: name as string, description: (description as string | null) ?? '', tags, steps };
  return { def, problems: [] };
}

function readTags(v: unknown, path: string, p: (at: string, problem: string) => void): string[] {
  if (v == null) return [];
  if (!Array.isArray(v)) { p(path, `expected an array of strings, found ${kind(v)}`); return []; }
  if (v.length > LIMITS.tags) { p(path, `has ${v.length} tags; at most ${LIMITS.tags} are allowed`); return []; }
  v.forEach((t, i) => {
    if (typeof t !== 'string') p(`${path}[${i}]`, `expected a string, found ${kind(t)}`);
    else capped(t, LIMITS.tag, `${path}[${i}]`, p);
  });
  return v.filter((t): t is string => typeof t === 'string');
}

function readStep(raw: unknown, path: string, p: (at: string, problem: string) => void): ActionStep | null {
  if (!isObject(raw)) { p(path, `expected a step object, found ${kind(raw)}`); return null; }
  forbidden(raw, path, p);
  for (const key of Object.keys(raw)) {
    // A misspelt field would silently drop a condition and widen the action, so refuse it.
    if (!STEP_FIELDS.has(key) && !LEGACY_STEP_FIELDS.has(key) && !FORBIDDEN_KEYS.has(key)) p(`${path}.${key}`, 'unknown step field');
  }
  const step: ActionStep = {};
  for (const [field, max] of Object.entries(STRING_FIELDS) as [keyof typeof STRING_FIELDS, number][]) {
    const v = own(raw, field);
    if (v == null) continue;
    if (typeof v !== 'string') p(`${path}.${field}`, `expected a string or null, found ${kind(v)}`);
    else if (capped(v, max, `${path}.${field}`, p)) step[field] = v;
  }
  for (const field of ['text_matching', 'href_matching', 'url_matching'] as const) {
    const v = own(raw, field);
    if (v == null) continue;
    if (typeof v !== 'string' || !MATCHING.includes(v)) p(`${path}.${field}`, `unknown matching mode ${JSON.stringify(v)}; expected exact, contains or regex`);
    else step[field] = v as ActionStep[typeof field];
  }
  const props = own(raw, 'properties');
  if (props != null) {
    if (!Array.isArray(props)) p(`${path}.properties`, `expected an array, found ${kind(props)}`);
    else if (props.length > LIMITS.properties) p(`${path}.properties`, `has ${props.length} filters; at most ${LIMITS.properties} are allowed`);
    else step.properties = props.map((f, i) => readFilter(f, `${path}.properties[${i}]`, p)).filter((f): f is PropertyFilter => f !== null);
  }
  return step;
}

function readFilter(raw: unknown, path: string, p: (at: string, problem: string) => void): PropertyFilter | null {
  if (!isObject(raw)) { p(path, `expected a property filter object, found ${kind(raw)}`); return null; }
  forbidden(raw, path, p);
  const key = own(raw, 'key');
  if (typeof key !== 'string' || key === '') { p(`${path}.key`, `expected a non-empty string, found ${kind(key)}`); return null; }
  if (!capped(key, LIMITS.propertyKey, `${path}.key`, p)) return null;
  const filter: PropertyFilter = { key };
  const operator = own(raw, 'operator');
  if (operator != null) {
    if (typeof operator !== 'string' || !OPERATORS.includes(operator)) p(`${path}.operator`, `unknown operator ${JSON.stringify(operator)}`);
    else filter.operator = operator as PropertyFilter['operator'];
  }
  const type = own(raw, 'type');
  if (type != null) {
    // PostHog also has cohort/group filters; silently treating them as event filters would change the meaning.
    if (typeof type !== 'string' || !FILTER_TYPES.includes(type)) p(`${path}.type`, `unsupported filter type ${JSON.stringify(type)}; expected event, person or element`);
    else filter.type = type as PropertyFilter['type'];
  }
  if (Object.hasOwn(raw, 'value')) {
    const value = readValue(raw.value, `${path}.value`, p);
    if (value !== undefined) filter.value = value;
  }
  return filter;
}

function readValue(v: unknown, path: string, p: (at: string, problem: string) => void): unknown {
  const scalar = (x: unknown) => typeof x === 'string' || typeof x === 'boolean' || (typeof x === 'number' && Number.isFinite(x));
  if (v === null || scalar(v)) {
    if (typeof v === 'string' && !capped(v, LIMITS.propertyValue, path, p)) return undefined;
    return v;
  }
  if (!Array.isArray(v)) { p(path, `expected a string, number, boolean or list of them, found ${kind(v)}`); return undefined; }
  if (v.length > LIMITS.listValues) { p(path, `has ${v.length} values; at most ${LIMITS.listValues} are allowed`); return undefined; }
  const bad = v.findIndex((x) => !scalar(x) || (typeof x === 'string' && x.length > LIMITS.propertyValue));
  if (bad >= 0) { p(`${path}[${bad}]`, 'expected a string (within the length cap), number or boolean'); return undefined; }
  return [...v];
}

function forbidden(o: Obj, path: string, p: (at: string, problem: string) => void): void {
  for (const key of FORBIDDEN_KEYS) if (Object.hasOwn(o, key)) p(join(path, key), 'forbidden key (could alter object prototypes)');
}

function capped(v: string, max: number, path: string, p: (at: string, problem: string) => void): boolean {
  if (v.length <= max) return true;
  p(path, `is ${v.length} characters long; at most ${max} are allowed`);
  return false;
}
