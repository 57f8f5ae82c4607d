import { exportActions, parseImport, type ImportPlan } from '../actions/io';
import { uuidv7 } from '../events/uuid';
import { listActions } from './actions';
import type { LassoDatabase } from './schema';

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
  const existing = await listActions(db, site);
  const plan = parseImport(text, existing, { site, now: new Date(now).toISOString(), newId: () => uuidv7(), onProgress });
  if (!plan.ok) return plan;
  const tx = db.transaction('actions', 'readwrite');
  for (const planned of plan.actions) {
    if ((planned.status === 'created' || planned.status === 'updated') && planned.action) void tx.store.put(planned.action);
  }
  await tx.done;
  return plan;
}

/** The actions of `site` (all, or those in `ids`) as one PostHog-compatible JSON file. */
export async function exportActionsFile(db: LassoDatabase, site: string, ids?: readonly string[]): Promise<string> {
  const all = await listActions(db, site);
  const wanted = ids ? new Set(ids) : null;
  return exportActions(wanted ? all.filter((a) => wanted.has(a.id)) : all);
}
