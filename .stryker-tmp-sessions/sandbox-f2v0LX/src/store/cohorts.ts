// @ts-nocheck
import type { StoredAction } from '../actions/types';
import { cohortDependencies, validateCohort, type CohortDefinition } from '../cohorts';
import { uuidv7 } from '../events/uuid';
import type { LassoDatabase } from './schema';

/**
 * Saved cohorts: PostHog cohort JSON (src/cohorts) under an id and a name. Every write is
 * validated with `validateCohort` against the other stored cohorts and the actions, in the same
 * transaction as the write: an invalid definition, a reference to an unknown cohort or action, a
 * cycle or a taken name writes nothing. Members are computed elsewhere (cohort-members.ts).
 */
export interface CohortRow {
  /** Lasso's id, or the PostHog id (as a string) of an imported cohort: cohort leaves refer to it. */
  id: string;
  name: string;
  /** PostHog's cohort JSON (`filters` or `groups`), or `{ is_static: true, distinct_ids }`. */
  definition: CohortDefinition;
  created_at: string;
  updated_at: string;
}

/** What a caller saves; `id` updates a stored cohort (or creates one under that id). */
export interface CohortInput {
  id?: string;
  name: string;
  definition: CohortDefinition;
}

/** One problem with a cohort someone tried to save: where, and what is wrong (`path: problem`). */
export interface CohortProblem {
  path: string;
  message: string;
}

/** A refused save, import or delete: nothing was written. `problems` name every part at fault. */
export class CohortSaveError extends Error {
  override name = 'CohortSaveError';
  constructor(readonly problems: CohortProblem[]) {
    super(problems.map((p) => p.message).join('; '));
  }
}

const ID = /^[\w-]{1,64}$/;
const nameKey = (name: string): string => name.trim().toLowerCase();
const problem = (path: string, text: string): CohortProblem => ({ path, message: `${path}: ${text}` });
const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Saved cohorts by name. */
export async function listCohorts(db: LassoDatabase): Promise<CohortRow[]> {
  return (await db.getAll('cohorts')).sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
}

export const getCohort = (db: LassoDatabase, id: string): Promise<CohortRow | undefined> => db.get('cohorts', id);

/** Every saved definition and action by id: what cohort leaves and action leaves resolve against. */
export async function cohortContext(db: LassoDatabase): Promise<{ cohorts: Record<string, CohortDefinition>; actions: Record<string, StoredAction>; rows: CohortRow[] }> {
  const tx = db.transaction(['cohorts', 'actions']);
  const [rows, actions] = await Promise.all([tx.objectStore('cohorts').getAll(), tx.objectStore('actions').getAll()]);
  return { cohorts: Object.fromEntries(rows.map((r) => [r.id, r.definition])), actions: Object.fromEntries(actions.map((a) => [a.id, a])), rows };
}

/** The shape problems of one input at `path` (`''` for a single save, `[2]` in an import). */
function shapeProblems(input: unknown, path: string): CohortProblem[] {
  const at = (field: string) => (path ? `${path}.${field}` : field);
  if (!isObject(input)) return [problem(path || 'cohort', 'expected a cohort object { name, definition }')];
  const out: CohortProblem[] = [];
  if (input.id !== undefined && (typeof input.id !== 'string' || !ID.test(input.id))) out.push(problem(at('id'), 'expected a cohort id: 1–64 letters, digits, _ or -'));
  if (typeof input.name !== 'string' || !input.name.trim() || input.name.length > 400) out.push(problem(at('name'), 'expected a name of 1–400 characters'));
  if (!isObject(input.definition)) out.push(problem(at('definition'), 'expected PostHog cohort JSON: { filters: { properties } } or { is_static: true, distinct_ids: [...] }'));
  return out;
}

/**
 * Validate `inputs` as they would stand among the stored `rows` (an input with a stored id
 * replaces it): shapes, names unique (case-insensitive), each definition with validateCohort
 * (unknown cohorts and actions, cycles). Returns the rows to write, or throws CohortSaveError.
 */
export function planCohorts(inputs: unknown[], rows: CohortRow[], actions: Record<string, StoredAction>, now: number, paths: string[]): CohortRow[] {
  const problems = inputs.flatMap((input, i) => shapeProblems(input, paths[i]));
  if (problems.length) throw new CohortSaveError(problems);
  const at = new Date(now).toISOString();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const planned = (inputs as CohortInput[]).map((input): CohortRow => {
    const existing = input.id === undefined ? undefined : byId.get(input.id);
    return { id: input.id ?? uuidv7(now), name: input.name.trim(), definition: structuredClone(input.definition), created_at: existing?.created_at ?? at, updated_at: at };
  });
  for (const row of planned) byId.set(row.id, row);
  const cohorts = Object.fromEntries([...byId].map(([id, r]) => [id, r.definition]));
  const names = new Map<string, string>();
  for (const r of byId.values()) if (!planned.includes(r)) names.set(nameKey(r.name), r.id);
  planned.forEach((row, i) => {
    const field = (f: string) => (paths[i] ? `${paths[i]}.${f}` : f);
    const taken = names.get(nameKey(row.name));
    if (taken !== undefined && taken !== row.id) problems.push(problem(field('name'), `"${row.name}" is already a cohort's name; choose another`));
    names.set(nameKey(row.name), row.id);
    for (const error of validateCohort(row.definition, { cohorts, actions, now })) {
      problems.push({ path: field(`definition${error.path ? `.${error.path}` : ''}`), message: `${field('definition')}: ${error.message}` });
    }
  });
  if (problems.length) throw new CohortSaveError(problems);
  return planned;
}

/** Validate and store one cohort (create, or update by id). Throws CohortSaveError; nothing is written then. */
export async function saveCohort(db: LassoDatabase, input: unknown, now: number = Date.now()): Promise<CohortRow> {
  const tx = db.transaction(['cohorts', 'actions'], 'readwrite');
  const [rows, actions] = await Promise.all([tx.objectStore('cohorts').getAll(), tx.objectStore('actions').getAll()]);
  let planned: CohortRow[];
  try {
    planned = planCohorts([input], rows, Object.fromEntries(actions.map((a) => [a.id, a])), now, ['']);
  } catch (error) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw error;
  }
  await tx.objectStore('cohorts').put(planned[0]);
  await tx.done;
  return planned[0];
}

/**
 * Delete a cohort; false when there was none. Refused (CohortSaveError) while another cohort
 * refers to it: that cohort would stop being valid.
 */
export async function deleteCohort(db: LassoDatabase, id: string): Promise<boolean> {
  const tx = db.transaction('cohorts', 'readwrite');
  const rows = await tx.store.getAll();
  const users = rows.filter((r) => r.id !== id && cohortDependencies(r.definition).cohorts.includes(id));
  if (users.length) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new CohortSaveError([problem('id', `cohort '${id}' is used by ${users.map((u) => `"${u.name}"`).join(', ')}; remove it from those first`)]);
  }
  const found = rows.some((r) => r.id === id);
  if (found) await tx.store.delete(id);
  await tx.done;
  return found;
}
