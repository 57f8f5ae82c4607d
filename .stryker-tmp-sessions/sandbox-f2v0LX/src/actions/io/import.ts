/**
 * Import: turns a file's text into a plan, without writing anything. Everything is validated
 * before any plan entry is trusted: a malformed file yields `ok: false` with a top-level
 * `error` and no actions; a well-formed file with any rejected action yields `ok: false` too,
 * so the caller applies a plan all-or-nothing (never half an import).
 */
// @ts-nocheck

import { validateAction } from '../index';
import type { StoredAction } from '../types';
import { detectFormat, type ImportFormat } from './detect';
import { findJsonSyntaxError } from './json-error';
import { LIMITS } from './limits';
import { definitionKey, nameKey, normalizeDefinition } from './normalize';
import { readAction } from './shape';

export type ImportStatus = 'created' | 'updated' | 'skipped' | 'rejected';

/** What import would do with one action of the file. */
export interface PlannedAction {
  /** Position in the file's action list. */
  index: number;
  status: ImportStatus;
  /** The action's name as written ('' when it has none). */
  name: string;
  /** Why it was skipped or rejected, in one line (rejected: the problems joined by '; '). */
  reason?: string;
  /** Rejected: every problem, each as `path: problem`, with the path pointing into the file. */
  problems?: string[];
  /** The action to store, for created and updated (updated keeps the existing id and created_at). */
  action?: StoredAction;
}

export interface ImportPlan {
  /** True only when the file is well-formed and no action was rejected; apply nothing otherwise. */
  ok: boolean;
  /** Set when the file itself is unusable (syntax, size, shape, too many actions). */
  error?: string;
  format?: ImportFormat;
  actions: PlannedAction[];
  counts: Record<ImportStatus, number>;
  /** Things the user should know that do not block the import. */
  warnings: string[];
}

export interface ImportOptions {
  /** The site the actions are imported into; names are unique per site. */
  site: string;
  /** ISO time for created_at / updated_at. */
  now: string;
  newId: () => string;
  /** Called after every `progressEvery` actions (default 500) and once at the end. */
  onProgress?: (done: number, total: number) => void;
  progressEvery?: number;
}

/** Plans an import of `text` into `existing` (all sites; only `opts.site` is compared). Pure. */
export function parseImport(text: string, existing: readonly StoredAction[], opts: ImportOptions): ImportPlan {
  if (text.length > LIMITS.fileChars) return failed(`file is ${text.length} characters; at most ${LIMITS.fileChars} can be imported`);
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // editors on Windows add a BOM
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (e) {
    const at = findJsonSyntaxError(source);
    return failed(at
      ? `invalid JSON at line ${at.line}, column ${at.column} (position ${at.offset}): ${at.message}`
      : `invalid JSON: ${(e as Error).message}`);
  }
  const detected = detectFormat(value);
  if ('error' in detected) return failed(detected.error);
  const { items, pathOf, format } = detected;
  if (items.length > LIMITS.actions) {
    return failed(`file holds ${items.length.toLocaleString('en')} actions; at most ${LIMITS.actions.toLocaleString('en')} can be imported at once — split the file`);
  }

  const mine = new Map<string, StoredAction>();
  for (const a of existing) if (a.site === opts.site && !mine.has(nameKey(a.name))) mine.set(nameKey(a.name), a);
  const seen = new Map<string, string>();
  const every = Math.max(1, opts.progressEvery ?? 500);
  const actions = items.map((raw, index) => {
    const planned = planOne(raw, index, pathOf(index), mine, seen, opts);
    if (opts.onProgress && (index + 1) % every === 0) opts.onProgress(index + 1, items.length);
    return planned;
  });
  opts.onProgress?.(items.length, items.length);

  const counts: Record<ImportStatus, number> = { created: 0, updated: 0, skipped: 0, rejected: 0 };
  for (const a of actions) counts[a.status]++;
  const warnings = items.length === 0 ? [...detected.warnings, 'the file holds no actions'] : detected.warnings;
  return { ok: counts.rejected === 0, format, actions, counts, warnings };
}

function planOne(raw: unknown, index: number, path: string, mine: Map<string, StoredAction>, seen: Map<string, string>, opts: ImportOptions): PlannedAction {
  const rawName = typeof raw === 'object' && raw !== null && Object.hasOwn(raw, 'name') ? (raw as { name: unknown }).name : undefined;
  // Shown in the UI even when rejected; a hostile megabyte-long name must not come along.
  const name = typeof rawName !== 'string' ? '' : rawName.length > LIMITS.name ? `${rawName.slice(0, LIMITS.name)}…` : rawName;
  const reject = (problems: string[]): PlannedAction => ({ index, status: 'rejected', name, reason: summarize(problems), problems });
  // PostHog keeps soft-deleted actions; importing one would resurrect it. Nothing of it is used.
  if (typeof raw === 'object' && raw !== null && Object.hasOwn(raw, 'deleted') && (raw as { deleted: unknown }).deleted === true) {
    return { index, status: 'skipped', name, reason: 'deleted in PostHog' };
  }

  const read = readAction(raw, path);
  if (!read.def) return reject(read.problems);
  const semantic = validateAction(read.def, { requireName: true }).map((err) => qualify(path, err));
  if (semantic.length > 0) return reject(semantic);

  const key = nameKey(name);
  const first = seen.get(key);
  if (first !== undefined) return reject([`${path ? `${path}.` : ''}name: duplicate of ${first || 'an earlier action'} (names are unique per site, ignoring case)`]);
  seen.set(key, path);

  const def = normalizeDefinition(read.def);
  const current = mine.get(key);
  if (!current) {
    return { index, status: 'created', name, action: { id: opts.newId(), site: opts.site, created_at: opts.now, updated_at: opts.now, ...def } };
  }
  if (definitionKey(current) === definitionKey(def)) return { index, status: 'skipped', name, reason: 'identical to the existing action' };
  return { index, status: 'updated', name, action: { id: current.id, site: current.site, created_at: current.created_at, updated_at: opts.now, ...def } };
}

/** validateAction paths are relative to the action; make them point into the file. */
function qualify(path: string, err: { path: string; message: string }): string {
  if (!path) return err.path ? err.message : `action: ${err.message}`;
  return err.path ? `${path}.${err.message}` : `${path}: ${err.message}`;
}

const MAX_LISTED = 20;
function summarize(problems: string[]): string {
  const more = problems.length - MAX_LISTED;
  return problems.slice(0, MAX_LISTED).join('; ') + (more > 0 ? `; and ${more} more` : '');
}

function failed(error: string): ImportPlan {
  return { ok: false, error, actions: [], counts: { created: 0, updated: 0, skipped: 0, rejected: 0 }, warnings: [] };
}
