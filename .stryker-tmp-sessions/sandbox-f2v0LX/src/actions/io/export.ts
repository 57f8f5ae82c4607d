/**
 * Export: one JSON file that PostHog's actions API accepts item by item.
 *
 * Each element of `actions` is exactly PostHog's create payload (`POST /api/projects/:id/actions/`):
 * `{name, description, tags, steps}`, steps with all ten PostHog keys (null when unset, as
 * PostHog's API returns them). Lasso's local fields are dropped: `id` and the timestamps mean
 * nothing in another install or in PostHog (import assigns new ones), and the site is chosen by
 * whoever imports (actions are imported into the site the user is on).
 */
// @ts-nocheck

import type { ActionStep, PropertyFilter, StoredAction } from '../types';
import { normalizeDefinition, STEP_KEYS } from './normalize';

export const EXPORT_FORMAT = 'lasso-actions';
export const EXPORT_VERSION = 1;

/** One step as PostHog's API writes it: every key present, in PostHog's order. */
export type PostHogStep = { [K in (typeof STEP_KEYS)[number]]: K extends 'properties' ? PropertyFilter[] | null : string | null };

/** PostHog's create payload for one action. */
export interface PostHogActionPayload {
  name: string;
  description: string;
  tags: string[];
  steps: PostHogStep[];
}

/** The exported file. */
export interface ActionExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exported_at: string;
  actions: PostHogActionPayload[];
}

export interface ExportOptions {
  /** ISO time written as `exported_at`; defaults to now. Fix it to get byte-identical exports. */
  now?: string;
}

/**
 * Serializes actions as one PostHog-compatible JSON file (2-space indent, trailing newline).
 * Deterministic: actions sorted by name (case-insensitive, then exact), tags sorted, keys in a
 * fixed order, so two exports of the same actions differ only in `exported_at`.
 */
export function exportActions(actions: readonly StoredAction[], opts: ExportOptions = {}): string {
  const file: ActionExportFile = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exported_at: opts.now ?? new Date().toISOString(),
    actions: [...actions].sort(byName).map(toPostHogPayload),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** One stored action as PostHog's create payload (local fields dropped, steps normalized). */
export function toPostHogPayload(action: StoredAction): PostHogActionPayload {
  const def = normalizeDefinition(action);
  return { name: def.name, description: def.description ?? '', tags: def.tags ?? [], steps: def.steps.map(toPostHogStep) };
}

function toPostHogStep(step: ActionStep): PostHogStep {
  const out = {} as Record<string, unknown>;
  for (const key of STEP_KEYS) out[key] = step[key] ?? null;
  return out as PostHogStep;
}

function byName(a: StoredAction, b: StoredAction): number {
  const [x, y] = [a.name.toLowerCase(), b.name.toLowerCase()];
  if (x !== y) return x < y ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : a.site < b.site ? -1 : a.site > b.site ? 1 : 0;
}
