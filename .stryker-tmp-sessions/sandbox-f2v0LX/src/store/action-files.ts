// @ts-nocheck
import { compatibilityReport, exportActions, parseImport, type CompatIssue, type ImportPlan } from '../actions/io';
import type { StoredAction } from '../actions/types';
import { uuidv7 } from '../events/uuid';
import { listActions } from './actions';
import type { LassoDatabase } from './schema';

/**
 * What importing an actions file into `site` would do, per action; writes nothing. The toolbar
 * shows this before the user confirms (importActionsFile then plans again and writes).
 */
export async function planActionsFile(db: LassoDatabase, text: string, site: string, now: number = Date.now(), onProgress?: (done: number, total: number) => void): Promise<ImportPlan> {
  const existing = await listActions(db, site);
  return parseImport(text, existing, { site, now: new Date(now).toISOString(), newId: () => uuidv7(), onProgress });
}

/**
 * Import an actions file (Lasso export or PostHog JSON) into `site`. Everything is validated
 * first (parseImport); when the file is malformed or any action is rejected, nothing is written
 * and the plan says why per action. Otherwise every created/updated action is written in one
 * transaction: all or nothing.
 */
export async function importActionsFile(
  db: LassoDatabase,
  text: string,
  site: string,
  now: number = Date.now(),
  onProgress?: (done: number, total: number) => void,
): Promise<ImportPlan> {
  const plan = await planActionsFile(db, text, site, now, onProgress);
  if (!plan.ok) return plan;
  const tx = db.transaction('actions', 'readwrite');
  for (const planned of plan.actions) {
    if ((planned.status === 'created' || planned.status === 'updated') && planned.action) void tx.store.put(planned.action);
  }
  await tx.done;
  return plan;
}

/** An exported file with what PostHog would evaluate differently, per action (by name). */
export interface ExportedFile {
  file: string;
  /** Exported actions, in the file's order. */
  count: number;
  /** Only actions with at least one difference. */
  compat: { name: string; issues: CompatIssue[] }[];
}

/**
 * The actions of `site` (all, or those in `ids`; `site` null = every site) as one
 * PostHog-compatible JSON file, with its compatibility report.
 */
export async function exportActionsFile(db: LassoDatabase, site: string | null, ids?: readonly string[]): Promise<ExportedFile> {
  const all: StoredAction[] = site === null ? await db.getAll('actions') : await listActions(db, site);
  const wanted = ids ? new Set(ids) : null;
  const chosen = wanted ? all.filter((a) => wanted.has(a.id)) : all;
  const compat = chosen
    .map((a) => ({ name: a.name, issues: compatibilityReport(a) }))
    .filter((c) => c.issues.length > 0)
    .sort((a, b) => a.name.localeCompare(b.name));
  return { file: exportActions(chosen), count: chosen.length, compat };
}
