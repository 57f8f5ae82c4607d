/**
 * The push plan: each of a site's actions against the project's, matched by name (trimmed,
 * case-insensitive, as Lasso's names are unique), as create / update / unchanged, with the
 * compatibility report. Pure, apart from the SHA-256 of `diffHash`.
 */
// @ts-nocheck

import { compatibilityReport, type CompatIssue, type PostHogActionPayload } from '../../actions/io';
import { nameKey } from '../../actions/io/normalize';
import type { StoredAction } from '../../actions/types';
import type { RemoteAction } from './client';
import { pushPayload, remotePayload } from './mapping';

export type DiffOp = 'create' | 'update' | 'unchanged';

/** One Lasso action in the push plan. */
export interface DiffRow {
  name: string;
  op: DiffOp;
  /** Lasso's action id. */
  localId: string;
  /** The PostHog action it updates or equals (absent for create). */
  remoteId?: number;
  /** What differs for an update: `name`, `description`, `tags`, `steps`. */
  changed: string[];
  /** What would be sent. */
  payload: PostHogActionPayload;
  /** What PostHog could evaluate differently from Lasso. */
  compat: CompatIssue[];
}

const FIELDS = ['name', 'description', 'tags', 'steps'] as const;

/** The plan for pushing `local` (one site's actions) into a project holding `remote`; rows sorted by name. */
export function diffActions(local: readonly StoredAction[], remote: readonly RemoteAction[]): DiffRow[] {
  const byName = new Map<string, RemoteAction>();
  // Two remote actions with one name: the oldest (lowest id) is the one updated.
  for (const r of [...remote].sort((a, b) => a.id - b.id)) {
    const key = nameKey(r.name ?? '');
    if (key && !byName.has(key)) byName.set(key, r);
  }
  return [...local]
    .sort((a, b) => a.name.localeCompare(b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((action) => {
      const payload = pushPayload(action);
      const compat = compatibilityReport(action);
      const match = byName.get(nameKey(action.name));
      if (!match) return { name: action.name, op: 'create', localId: action.id, changed: [], payload, compat };
      const theirs = remotePayload(match);
      const changed = theirs ? FIELDS.filter((f) => JSON.stringify(theirs[f]) !== JSON.stringify(payload[f])) : [...FIELDS];
      return { name: action.name, op: changed.length ? 'update' : 'unchanged', localId: action.id, remoteId: match.id, changed, payload, compat };
    });
}

/** A digest of a plan: push refuses to run unless the plan it recomputes has the hash the user saw. */
export async function diffHash(site: string, rows: readonly DiffRow[]): Promise<string> {
  const text = JSON.stringify([site, rows.map((r) => [r.op, r.localId, r.remoteId ?? null, r.payload])]);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
