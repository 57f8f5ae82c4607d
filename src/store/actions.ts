import { compileAction, validateAction, ActionValidationError } from '../actions';
import type { ActionStep, StoredAction } from '../actions/types';
import { uuidv7 } from '../events/uuid';
import { siteOf } from '../settings/settings';
import type { LassoDatabase } from './schema';

/** A problem with an action someone tried to save: the field path and what is wrong. */
export interface ActionProblem {
  path: string;
  message: string;
}

/** Saving was refused; nothing was written. `problems` name every field at fault. */
export class ActionSaveError extends Error {
  override name = 'ActionSaveError';
  constructor(readonly problems: ActionProblem[]) {
    super(problems.map((p) => p.message).join('; '));
  }
}

/** What a caller saves: the PostHog shape, the site, and the id when updating. */
export interface ActionInput {
  id?: string;
  site: string;
  name: string;
  description?: string;
  tags?: string[];
  steps: ActionStep[];
}

const problem = (path: string, text: string): ActionProblem => ({ path, message: `${path}: ${text}` });
const nameKey = (name: string): string => name.trim().toLowerCase();

/** The actions defined on `site`, by name. */
export async function listActions(db: LassoDatabase, site: string): Promise<StoredAction[]> {
  const list = await db.getAllFromIndex('actions', 'site', site);
  return list.sort((a, b) => a.name.localeCompare(b.name));
}

export const getAction = (db: LassoDatabase, id: string): Promise<StoredAction | undefined> => db.get('actions', id);

/**
 * Validate and store an action (create, or update when `id` names a stored one). Refuses, with
 * ActionSaveError naming each field, anything validateAction or compileAction rejects, a name
 * already used on the site (case-insensitive), a bad site, or moving an action to another site.
 * The uniqueness check and the write share one transaction, so two saves cannot both win.
 */
export async function saveAction(db: LassoDatabase, input: unknown, now: number = Date.now()): Promise<StoredAction> {
  const a = (typeof input === 'object' && input !== null && !Array.isArray(input) ? input : {}) as Partial<Record<keyof ActionInput, unknown>>;
  const problems: ActionProblem[] = validateAction(input, { requireName: true }).map((e) => ({ path: e.path, message: e.message }));
  const site = typeof a.site === 'string' ? siteOf(`http://${a.site}/`) : null;
  if (!site || site !== a.site) problems.push(problem('site', 'expected a host name in lower case, such as shop.example.com'));
  if (a.id !== undefined && (typeof a.id !== 'string' || !/^[\w-]{1,64}$/.test(a.id))) problems.push(problem('id', 'expected an action id'));
  if (!problems.length) {
    try {
      compileAction(input as ActionInput);
    } catch (error) {
      if (!(error instanceof ActionValidationError)) throw error;
      problems.push({ path: error.path, message: error.message });
    }
  }
  if (problems.length) throw new ActionSaveError(problems);
  const valid = input as ActionInput;

  const tx = db.transaction('actions', 'readwrite');
  const existing = valid.id === undefined ? undefined : await tx.store.get(valid.id);
  if (existing && existing.site !== valid.site) problems.push(problem('site', `the action belongs to ${existing.site}; it cannot move to another site`));
  const sameName = (await tx.store.index('site').getAll(valid.site)).find((o) => o.id !== valid.id && nameKey(o.name) === nameKey(valid.name));
  if (sameName) problems.push(problem('name', `"${sameName.name}" is already an action on ${valid.site}; choose another name`));
  if (problems.length) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new ActionSaveError(problems);
  }
  const at = new Date(now).toISOString();
  const stored: StoredAction = {
    id: valid.id ?? uuidv7(now),
    site: valid.site,
    name: valid.name.trim(),
    ...(typeof valid.description === 'string' && { description: valid.description }),
    ...(Array.isArray(valid.tags) && { tags: [...valid.tags] }),
    steps: structuredClone(valid.steps),
    created_at: existing?.created_at ?? at,
    updated_at: at,
  };
  await tx.store.put(stored);
  await tx.done;
  return stored;
}

/** Delete an action; false when there was none with that id. */
export async function deleteAction(db: LassoDatabase, id: string): Promise<boolean> {
  const tx = db.transaction('actions', 'readwrite');
  const found = (await tx.store.getKey(id)) !== undefined;
  if (found) await tx.store.delete(id);
  await tx.done;
  return found;
}
