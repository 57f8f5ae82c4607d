// @ts-nocheck
import { staticCohortFromCsv, type CohortDefinition } from '../cohorts';
import { CohortSaveError, planCohorts, type CohortRow } from './cohorts';
import type { LassoDatabase } from './schema';

/**
 * Cohorts in and out as PostHog cohort JSON: what PostHog's cohorts API returns for a cohort
 * (`id`, `name`, `description`, `filters` or the deprecated `groups`, `is_static`), with Lasso's
 * static form (`distinct_ids`). Cohort leaves refer to cohorts by id, so an imported cohort keeps
 * its id (as a string) and one file's cohorts may refer to each other.
 */
export interface CohortJson {
  id: string;
  name: string;
  description?: string;
  is_static: boolean;
  filters?: unknown;
  groups?: unknown;
  distinct_ids?: string[];
  created_at: string;
}

/** What an import wrote. */
export interface CohortImportResult {
  saved: CohortRow[];
  /** CSV rows without a distinct id (a static cohort from CSV). */
  skippedRows?: number;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** One saved cohort as PostHog cohort JSON. */
export function cohortJson(row: CohortRow): CohortJson {
  const { name: _n, description, ...definition } = row.definition as CohortDefinition & Record<string, unknown>;
  return {
    id: row.id,
    name: row.name,
    ...(typeof description === 'string' && { description }),
    is_static: definition.is_static === true,
    ...(definition as Record<string, unknown>),
    created_at: row.created_at,
  } as CohortJson;
}

/** Saved cohorts (all, or `ids`) as one JSON file (an array), and how many. */
export async function exportCohorts(db: LassoDatabase, ids?: string[]): Promise<{ text: string; count: number }> {
  const rows = (await db.getAll('cohorts')).filter((r) => !ids || ids.includes(r.id)).sort((a, b) => (a.id < b.id ? -1 : 1));
  return { text: `${JSON.stringify(rows.map(cohortJson), null, 2)}\n`, count: rows.length };
}

/** The input (id, name, definition) an item of a cohort file stands for; shape problems are left to planCohorts. */
function inputOf(item: unknown): unknown {
  if (!isObject(item)) return item;
  const { id, name, created_at: _c, updated_at: _u, ...rest } = item;
  const definition: Record<string, unknown> = {};
  for (const key of ['description', 'is_static', 'filters', 'groups', 'distinct_ids']) if (rest[key] !== undefined && rest[key] !== null) definition[key] = rest[key];
  if (definition.is_static !== true) delete definition.is_static;
  return { ...(id !== undefined && id !== null && { id: typeof id === 'number' ? String(id) : id }), name, definition };
}

/** The items of a cohort JSON file: one cohort, a list, or PostHog's API page `{ results: [...] }`. */
function itemsOf(text: string): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new CohortSaveError([{ path: 'file', message: `file: not JSON (${error instanceof Error ? error.message : String(error)})` }]);
  }
  if (Array.isArray(parsed)) return parsed;
  if (isObject(parsed) && Array.isArray(parsed.results)) return parsed.results;
  if (isObject(parsed)) return [parsed];
  throw new CohortSaveError([{ path: 'file', message: 'file: expected a cohort object, a list of cohorts or { "results": [...] }' }]);
}

/**
 * Import a cohort JSON file: every cohort validated together with the stored ones (an id already
 * stored is replaced), then all written in one transaction, or none (CohortSaveError naming
 * `[i].definition…` for the i-th cohort of the file).
 */
export async function importCohorts(db: LassoDatabase, text: string, now: number = Date.now()): Promise<CohortImportResult> {
  const items = itemsOf(text);
  if (!items.length) throw new CohortSaveError([{ path: 'file', message: 'file: no cohorts in it' }]);
  return { saved: await writeAll(db, items.map(inputOf), items.map((_, i) => `[${i}]`), now) };
}

/** A static cohort named `name` from a CSV of distinct ids (staticCohortFromCsv), saved. */
export async function importCohortCsv(db: LassoDatabase, text: string, name: string, now: number = Date.now()): Promise<CohortImportResult> {
  let made;
  try {
    made = staticCohortFromCsv(text, name);
  } catch (error) {
    const path = (error as { path?: string }).path || 'file';
    throw new CohortSaveError([{ path, message: error instanceof Error ? error.message : String(error) }]);
  }
  const { name: _n, ...definition } = made.cohort;
  const saved = await writeAll(db, [{ name, definition }], [''], now);
  return { saved, skippedRows: made.skippedRows };
}

async function writeAll(db: LassoDatabase, inputs: unknown[], paths: string[], now: number): Promise<CohortRow[]> {
  const tx = db.transaction(['cohorts', 'actions'], 'readwrite');
  const [rows, actions] = await Promise.all([tx.objectStore('cohorts').getAll(), tx.objectStore('actions').getAll()]);
  let planned: CohortRow[];
  try {
    planned = planCohorts(inputs, rows, Object.fromEntries(actions.map((a) => [a.id, a])), now, paths);
  } catch (error) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw error;
  }
  await Promise.all(planned.map((row) => tx.objectStore('cohorts').put(row)));
  await tx.done;
  return planned;
}
