/**
 * PostHog action JSON ⇄ Lasso. Pulled actions become an import file (`{results: [...]}`), so
 * they go through the same validation as an imported file; pushed actions are the export's
 * create payload (`toPostHogPayload`).
 */
// @ts-nocheck

import { toPostHogPayload, type PostHogActionPayload } from '../../actions/io';
import { normalizeDefinition } from '../../actions/io/normalize';
import { readAction } from '../../actions/io/shape';
import type { StoredAction } from '../../actions/types';
import type { RemoteAction } from './client';

/**
 * The import file text for pulled actions: only the fields an import reads (name, description,
 * tags, steps); PostHog's ids, creators and timestamps mean nothing in Lasso.
 */
export function pulledImportText(remote: readonly RemoteAction[]): string {
  const results = remote.map((r) => ({ name: r.name ?? '', description: r.description ?? '', tags: r.tags ?? [], steps: r.steps ?? [] }));
  return JSON.stringify({ results });
}

/** Lasso's action as PostHog's create / update payload. */
export function pushPayload(action: StoredAction): PostHogActionPayload {
  return toPostHogPayload(action);
}

/**
 * A remote action in the same normalized payload form as `pushPayload`, to compare the two;
 * null when Lasso cannot read it (then it always counts as different).
 */
export function remotePayload(remote: RemoteAction): PostHogActionPayload | null {
  const read = readAction({ name: remote.name ?? '', description: remote.description ?? '', tags: remote.tags ?? [], steps: remote.steps ?? [] }, '');
  if (!read.def) return null;
  return toPostHogPayload({ ...normalizeDefinition(read.def), id: '', site: '', created_at: '', updated_at: '' });
}
