// @ts-nocheck
import { compileAction, validateAction, ActionValidationError } from '../actions';
import type { ActionStep, StoredAction } from '../actions/types';
import { uuidv7 } from '../events/uuid';
import { isSiteKey } from '../settings/site';
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

/** What a caller saves: the PostHog shape, the site (host with port, see settings/site.ts), and the id when updating. */
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

/** One site's actions, as the "Other sites" list shows them. */
export interface SiteActions {
  site: string;
  actions: StoredAction[];
}

/** Every site's actions except `except`'s, grouped by site: sites in order, each by name. */
export async function listActionsBySite(db: LassoDatabase, except?: string): Promise<SiteActions[]> {
  const bySite = new Map<string, StoredAction[]>();
  for (const a of await db.getAll('actions')) if (a.site !== except) bySite.set(a.site, [...(bySite.get(a.site) ?? []), a]);
  return [...bySite.keys()].sort().map((site) => ({ site, actions: bySite.get(site)!.sort((a, b) => a.name.localeCompare(b.name)) }));
}

/**
 * `action` as a new action of `site` (no id: saving creates one): same name, description, tags
 * and steps. When `taken` (the names already on `site`) has the name, it becomes "name (copy)",
 * then "name (copy 2)", … (compared as saveAction compares names).
 */
export function copyToSite(action: StoredAction, site: string, taken: readonly string[]): ActionInput {
  const used = new Set(taken.map(nameKey));
  const base = action.name.trim();
  let name = base;
  for (let i = 1; used.has(nameKey(name)); i++) name = `${base} (copy${i > 1 ? ` ${i}` : ''})`;
  return {
    site,
    name,
    ...(action.description !== undefined && { description: action.description }),
    ...(action.tags !== undefined && { tags: [...action.tags] }),
    steps: structuredClone(action.steps),
  };
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
  if (!isSiteKey(a.site)) problems.push(problem('site', 'expected a site: the host and port as in the address bar, in lower case, such as shop.example.com or localhost:3000'));
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
